// Item page: `?id=<itemId>` shows one saved image with every parameter of its job.

import './style.css';
import { api, jobImageUrl } from './api';
import { byId, el } from './dom';
import { itemPageUrl, queryParam, statusLabel } from './items';
import { jobParamRows } from './params';
import { showError } from './ui';

const container = byId('item');
const image = byId<HTMLImageElement>('item-image');
const prompt = byId('item-prompt');
const status = byId('item-status');
const reason = byId('item-reason');
const galleryLink = byId<HTMLAnchorElement>('item-gallery');
const authorEl = byId('item-author');
const params = byId<HTMLTableElement>('item-params');
const shareLink = byId<HTMLInputElement>('share-link');
const copyBtn = byId<HTMLButtonElement>('copy-link');
const copyStatus = byId('copy-status');
const remix = byId<HTMLAnchorElement>('remix');
const download = byId<HTMLAnchorElement>('item-download');

async function load(id: string): Promise<void> {
  try {
    const item = await api.getItem(id);
    const job = item.job;
    if (!job) throw new Error('The job of this image is no longer available.');
    image.src = item.image || jobImageUrl(job.id);
    image.alt = job.prompt ?? '';
    prompt.textContent = job.prompt ?? '';
    document.title = `Overpaint — ${job.prompt ?? 'Image'}`;
    status.textContent = statusLabel(item.status);
    status.dataset.status = item.status ?? 'private';
    reason.textContent = item.status === 'rejected' && item.reason ? `Reason: ${item.reason}` : '';
    galleryLink.textContent = item.galleryName ?? 'gallery';
    galleryLink.href = `/gallery.html?id=${encodeURIComponent(item.galleryId)}`;
    authorEl.textContent = item.author ? ` · by ${item.author}` : '';
    authorEl.hidden = !item.author;
    const body = params.tBodies[0] ?? params.createTBody();
    body.replaceChildren(
      ...jobParamRows(job).map((row) =>
        el(
          'tr',
          { attrs: { 'data-param': row.key } },
          el('th', { text: row.label, attrs: { scope: 'row' } }),
          el('td', { text: row.value }),
        ),
      ),
    );
    shareLink.value = itemPageUrl(item.id ?? id, location.origin);
    remix.href = `/?remix=${encodeURIComponent(job.id)}`;
    download.href = jobImageUrl(job.id);
    download.setAttribute('download', `overpaint-${job.id}.png`);
    container.hidden = false;
  } catch (err) {
    showError(err);
  }
}

shareLink.addEventListener('focus', () => shareLink.select());
copyBtn.addEventListener('click', async () => {
  shareLink.select();
  try {
    await navigator.clipboard.writeText(shareLink.value);
    copyStatus.textContent = 'Link copied.';
  } catch {
    copyStatus.textContent = 'Press Ctrl+C (⌘C) to copy the selected link.';
  }
});

const id = queryParam(location.search);
if (id) void load(id);
else showError('No image given: the link needs ?id=.');
