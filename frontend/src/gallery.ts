// Gallery page: `?id=<galleryId>` shows one gallery (with owner tools when it is ours);
// without it, lists the session's galleries.

import './style.css';
import { api, errorMessage } from './api';
import { byId, el } from './dom';
import { moveItem, publishState, queryParam, statusLabel } from './items';
import type { Gallery, GalleryItem } from './protocol';
import { clearError, showError, withBusy } from './ui';

const title = byId('gallery-title');
const subtitle = byId('gallery-subtitle');
const list = byId<HTMLUListElement>('gallery-list');
const grid = byId('gallery-grid');
const empty = byId('gallery-empty');
const ownerTools = byId('owner-tools');
const renameForm = byId<HTMLFormElement>('rename-form');
const renameInput = byId<HTMLInputElement>('rename-name');
const renameBtn = byId<HTMLButtonElement>('rename');
const deleteBtn = byId<HTMLButtonElement>('delete-gallery');

let gallery: Gallery | null = null;

function showEmpty(message: string, link?: { href: string; text: string }): void {
  empty.replaceChildren(message);
  if (link) empty.append(' ', el('a', { text: link.text, attrs: { href: link.href } }));
  empty.hidden = false;
}

function itemHref(item: GalleryItem): string {
  return `/item.html?id=${encodeURIComponent(item.id)}`;
}

/** All buttons of the item grid and the owner tools, to lock them during a request. */
function allButtons(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('#gallery-grid button, #owner-tools button')];
}

/** Runs a request with every control disabled, then re-renders from the current state. */
async function act(fn: () => Promise<void>): Promise<void> {
  const buttons = allButtons();
  await withBusy(buttons, fn);
  if (gallery) renderGallery(gallery);
}

function renderItem(g: Gallery, item: GalleryItem, index: number, count: number): HTMLElement {
  const img = el('img', {
    className: 'gallery-item-image',
    attrs: { src: item.image, alt: item.prompt ?? '', loading: 'lazy', decoding: 'async' },
  });
  const imageLink = el('a', { className: 'gallery-item-link', attrs: { href: itemHref(item) } }, img);
  const caption = el('figcaption', { text: item.prompt ?? '' });
  const figure = el(
    'figure',
    { className: 'gallery-item', attrs: { 'data-job-id': item.jobId ?? '', 'data-item-id': item.id } },
    imageLink,
    caption,
  );
  const status = item.status ?? 'private';
  const bar = el('div', { className: 'item-bar' });
  bar.append(el('span', { className: 'item-status', text: statusLabel(status), attrs: { 'data-status': status } }));

  if (g.owned) {
    const up = el('button', { className: 'btn item-up', text: '↑', attrs: { type: 'button', 'aria-label': 'Move up', title: 'Move up' } });
    const down = el('button', { className: 'btn item-down', text: '↓', attrs: { type: 'button', 'aria-label': 'Move down', title: 'Move down' } });
    const remove = el('button', { className: 'btn item-remove', text: 'Remove', attrs: { type: 'button' } });
    const publish = el('button', { className: 'btn item-publish', text: 'Publish', attrs: { type: 'button' } });
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    const ps = publishState(status, item.reason);
    publish.disabled = !ps.enabled;
    if (!ps.enabled) publish.title = ps.note;

    up.addEventListener('click', () => void reorder(index, -1));
    down.addEventListener('click', () => void reorder(index, 1));
    remove.addEventListener('click', () => {
      if (!confirm('Remove this image from the gallery?')) return;
      void act(async () => {
        await api.removeGalleryItem(g.id, item.id);
        if (gallery) gallery = { ...gallery, items: gallery.items.filter((i) => i.id !== item.id) };
      });
    });
    publish.addEventListener('click', () =>
      void act(async () => {
        const res = await api.publishItem(g.id, item.id);
        if (gallery) {
          gallery = {
            ...gallery,
            items: gallery.items.map((i) => (i.id === item.id ? { ...i, status: res?.status ?? 'pending', reason: null } : i)),
          };
        }
      }),
    );
    bar.append(up, down, remove, publish);
    bar.append(el('p', { className: 'item-note', text: ps.note }));
  } else if (status === 'rejected' && item.reason) {
    bar.append(el('p', { className: 'item-note', text: `Rejected: ${item.reason}` }));
  }
  bar.append(el('a', { className: 'item-link', text: 'Details', attrs: { href: itemHref(item) } }));
  figure.append(bar);
  return figure;
}

function renderGallery(g: Gallery): void {
  title.textContent = g.name;
  document.title = `Overpaint — ${g.name}`;
  const items = g.items ?? [];
  subtitle.replaceChildren(
    `${items.length} image${items.length === 1 ? '' : 's'}${g.owned ? ' · yours' : ''} · `,
    el('a', { text: 'My galleries', attrs: { href: '/galleries.html' } }),
  );
  ownerTools.hidden = !g.owned;
  if (g.owned && document.activeElement !== renameInput) renameInput.value = g.name;
  grid.replaceChildren(...items.map((item, i) => renderItem(g, item, i, items.length)));
  grid.hidden = items.length === 0;
  empty.hidden = true;
  if (items.length === 0) showEmpty('This gallery is empty.', { href: '/', text: 'Generate an image' });
}

async function reorder(index: number, delta: number): Promise<void> {
  const g = gallery;
  if (!g) return;
  const ids = moveItem(g.items.map((i) => i.id), index, delta);
  await act(async () => {
    const updated = await api.reorderGallery(g.id, ids);
    gallery = updated && Array.isArray(updated.items) ? { ...g, ...updated } : g;
  });
}

renameForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const g = gallery;
  if (!g) return;
  const name = renameInput.value.trim();
  if (!name) {
    showError('Please enter a name.');
    renameInput.focus();
    return;
  }
  void withBusy(renameBtn, async () => {
    const res = await api.renameGallery(g.id, name);
    gallery = { ...g, name: res?.name ?? name };
    renameInput.value = gallery.name;
    renderGallery(gallery);
  });
});

deleteBtn.addEventListener('click', () => {
  const g = gallery;
  if (!g) return;
  if (!confirm(`Delete the gallery “${g.name}” and remove all its images from it?`)) return;
  void withBusy(deleteBtn, async () => {
    await api.deleteGallery(g.id);
    location.href = '/galleries.html';
  });
});

async function showGallery(id: string): Promise<void> {
  title.textContent = 'Gallery';
  try {
    gallery = await api.getGallery(id);
    clearError();
    renderGallery(gallery);
  } catch (err) {
    showError(errorMessage(err));
  }
}

async function showList(): Promise<void> {
  title.textContent = 'Galleries';
  subtitle.textContent = 'Galleries saved in this browser session.';
  try {
    const galleries = await api.listGalleries();
    if (galleries.length === 0) {
      showEmpty('No galleries yet.', { href: '/', text: 'Generate an image and save it' });
      return;
    }
    list.replaceChildren(
      ...galleries.map((g) =>
        el('li', {}, el('a', { className: 'gallery-link', text: g.name, attrs: { href: `/gallery.html?id=${encodeURIComponent(g.id)}` } })),
      ),
    );
    list.hidden = false;
  } catch (err) {
    showError(errorMessage(err));
  }
}

const id = queryParam(location.search);
void (id ? showGallery(id) : showList());
