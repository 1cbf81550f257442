// Gallery page: `?id=<galleryId>` shows one gallery; without it, lists the session's galleries.

import './style.css';
import { api, errorMessage } from './api';
import { byId, el } from './dom';

const title = byId('gallery-title');
const subtitle = byId('gallery-subtitle');
const errorEl = byId('error');
const list = byId<HTMLUListElement>('gallery-list');
const grid = byId('gallery-grid');
const empty = byId('gallery-empty');

function showError(message: string): void {
  errorEl.textContent = message;
  errorEl.hidden = false;
}

function showEmpty(message: string, link?: { href: string; text: string }): void {
  empty.replaceChildren(message);
  if (link) empty.append(' ', el('a', { text: link.text, attrs: { href: link.href } }));
  empty.hidden = false;
}

async function showGallery(id: string): Promise<void> {
  title.textContent = 'Gallery';
  try {
    const gallery = await api.getGallery(id);
    title.textContent = gallery.name;
    document.title = `Overpaint — ${gallery.name}`;
    const items = gallery.items ?? [];
    subtitle.replaceChildren(
      `${items.length} image${items.length === 1 ? '' : 's'} · `,
      el('a', { text: 'All galleries', attrs: { href: '/gallery.html' } }),
    );
    if (items.length === 0) {
      showEmpty('This gallery is empty.', { href: '/', text: 'Generate an image' });
      return;
    }
    const figures = items.map((item) => {
      const img = el('img', {
        className: 'gallery-item-image',
        attrs: { src: item.image, alt: item.prompt ?? '', loading: 'lazy', decoding: 'async' },
      });
      const link = el('a', { className: 'gallery-item-link', attrs: { href: item.image, target: '_blank', rel: 'noopener' } }, img);
      const caption = el('figcaption', { text: item.prompt ?? '' });
      return el('figure', { className: 'gallery-item', attrs: { 'data-job-id': item.jobId ?? '' } }, link, caption);
    });
    grid.replaceChildren(...figures);
    grid.hidden = false;
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

const id = new URLSearchParams(location.search).get('id');
void (id ? showGallery(id) : showList());
