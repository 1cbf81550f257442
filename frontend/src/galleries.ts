// My galleries: the session's galleries, and a form to create one.

import './style.css';
import { api } from './api';
import { byId, el } from './dom';
import type { GallerySummary } from './protocol';
import { clearError, showError, withBusy } from './ui';

const list = byId<HTMLUListElement>('galleries');
const empty = byId('galleries-empty');
const form = byId<HTMLFormElement>('create-form');
const nameInput = byId<HTMLInputElement>('new-gallery-name');
const createBtn = byId<HTMLButtonElement>('create-gallery');

function galleryHref(id: string): string {
  return `/gallery.html?id=${encodeURIComponent(id)}`;
}

function render(galleries: GallerySummary[]): void {
  list.replaceChildren(
    ...galleries.map((g) => {
      const count = g.itemCount ?? null;
      const link = el(
        'a',
        { className: 'gallery-link', attrs: { href: galleryHref(g.id), 'data-gallery-id': g.id } },
        el('span', { className: 'gallery-name', text: g.name }),
      );
      if (count !== null) {
        link.append(el('span', { className: 'gallery-count', text: `${count} image${count === 1 ? '' : 's'}` }));
      }
      return el('li', { className: 'gallery-entry' }, link);
    }),
  );
  empty.hidden = galleries.length > 0;
}

async function load(): Promise<void> {
  try {
    render(await api.listGalleries());
  } catch (err) {
    showError(err);
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const name = nameInput.value.trim();
  if (!name) {
    showError('Please name the new gallery.');
    nameInput.setAttribute('aria-invalid', 'true');
    nameInput.focus();
    return;
  }
  clearError();
  nameInput.removeAttribute('aria-invalid');
  void withBusy(createBtn, async () => {
    await api.createGallery(name);
    nameInput.value = '';
    await load();
  });
});

void load();
