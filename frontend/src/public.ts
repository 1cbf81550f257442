// Public gallery: approved images of everyone, newest first, with full-text search and
// keyset pagination (the `next` cursor of each page).

import './style.css';
import { api } from './api';
import { byId, el } from './dom';
import {
  appendPage,
  hasMore,
  initialPageState,
  isEmpty,
  nextCursor,
  parseSearchQuery,
  publicItemsQuery,
  searchForQuery,
  type PageState,
} from './pagination';
import type { PublicItem } from './protocol';
import { showError, withBusy } from './ui';

const PAGE_SIZE = 24;

const form = byId<HTMLFormElement>('search-form');
const search = byId<HTMLInputElement>('search');
const searchBtn = byId<HTMLButtonElement>('search-button');
const grid = byId('public-items');
const empty = byId('public-empty');
const more = byId<HTMLButtonElement>('more');

let state: PageState<PublicItem> = initialPageState(parseSearchQuery(location.search));
let generation = 0; // bumps on every new search; stale pages are dropped

function renderItem(item: PublicItem): HTMLElement {
  const href = `/item.html?id=${encodeURIComponent(item.id)}`;
  const img = el('img', {
    attrs: { src: item.thumbnail || item.image, alt: item.prompt ?? '', loading: 'lazy', decoding: 'async' },
  });
  return el(
    'figure',
    { className: 'public-item', attrs: { 'data-item-id': item.id } },
    el('a', { attrs: { href } }, img),
    el('figcaption', { text: item.prompt ?? '' }),
  );
}

async function loadPage(): Promise<void> {
  const cursor = nextCursor(state);
  if (cursor === undefined) return;
  const gen = generation;
  const page = await api.publicItems(publicItemsQuery(state.query, cursor, PAGE_SIZE));
  if (gen !== generation) return;
  const before = state.items.length;
  state = appendPage(state, page);
  grid.append(...state.items.slice(before).map(renderItem));
  more.hidden = !hasMore(state);
  empty.textContent = state.query ? `No public images match “${state.query}”.` : 'Nothing here yet.';
  empty.hidden = !isEmpty(state);
}

function startSearch(query: string): void {
  generation++;
  state = initialPageState(query);
  grid.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
  void withBusy([searchBtn, more], loadPage).then(() => {
    more.hidden = !hasMore(state);
  });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = search.value.trim();
  const url = new URL(location.href);
  url.search = searchForQuery(q);
  history.pushState(null, '', url);
  startSearch(q);
});

window.addEventListener('popstate', () => {
  const q = parseSearchQuery(location.search);
  search.value = q;
  startSearch(q);
});

more.addEventListener('click', () => {
  void withBusy([more, searchBtn], loadPage).catch(showError);
});

search.value = state.query;
startSearch(state.query);
