// Generate page: submit a job, follow it live over the WebSocket, show and save the result.

import './style.css';
import { ApiError, api, errorMessage, jobImageUrl, jobInitUrl, jobSocketUrl } from './api';
import { byId, el } from './dom';
import { buildJobRequest, type FormValues } from './form';
import {
  CANVAS_TILE_INDEX,
  FrameKind,
  decodeFrame,
  isTerminal,
  jobFromStatusMessage,
  mimeTypeForFormat,
  parseServerMessage,
  type GallerySummary,
  type Job,
  type JobStatus,
  type ServerMessage,
  type StartedMessage,
} from './protocol';
import { TileProgress, fitWithin, formatEta, scaleRect, type Rect } from './tiles';

const MAX_BACKING_PX = 2048;
const NEW_GALLERY = '__new__';
const LAST_GALLERY_KEY = 'overpaint.lastGallery';

// ---- elements ----
const form = byId<HTMLFormElement>('job-form');
const promptEl = byId<HTMLTextAreaElement>('prompt');
const promptCount = byId('prompt-count');
const seedEl = byId<HTMLInputElement>('seed');
const stepsEl = byId<HTMLInputElement>('steps');
const skipEl = byId<HTMLInputElement>('skip');
const guidanceEl = byId<HTMLInputElement>('guidance');
const blendEl = byId<HTMLSelectElement>('blend');
const gridEl = byId<HTMLSelectElement>('grid');
const advanced = form.querySelector<HTMLDetailsElement>('details.advanced')!;
const generateBtn = byId<HTMLButtonElement>('generate');
const cancelBtn = byId<HTMLButtonElement>('cancel');
const errorEl = byId('error');
const statusEl = byId('status');
const progressEl = byId<HTMLProgressElement>('progress');
const progressText = byId('progress-text');
const jobMeta = byId('job-meta');
const tilesEl = byId('tiles');
const tilesCount = byId('tiles-count');
const tilesEmpty = byId('tiles-empty');
const canvas = byId<HTMLCanvasElement>('tiles-canvas');
const ctx = canvas.getContext('2d')!;
const resultEl = byId('result');
const finalImage = byId<HTMLImageElement>('final-image');
const initImage = byId<HTMLImageElement>('init-image');
const downloadLink = byId<HTMLAnchorElement>('final-download');
const savePanel = byId<HTMLFormElement>('save-panel');
const gallerySelect = byId<HTMLSelectElement>('gallery-select');
const galleryNameField = byId('gallery-name-field');
const galleryName = byId<HTMLInputElement>('gallery-name');
const saveBtn = byId<HTMLButtonElement>('save');
const savedMessage = byId('saved-message');

const fieldElements: Record<string, HTMLElement> = {
  prompt: promptEl,
  seed: seedEl,
  steps: stepsEl,
  skip: skipEl,
  guidance: guidanceEl,
  blend: blendEl,
  grid: gridEl,
};

// ---- errors ----
function showError(message: string, field?: string): void {
  errorEl.textContent = message;
  errorEl.hidden = false;
  const target = field ? fieldElements[field] : undefined;
  if (target) {
    target.setAttribute('aria-invalid', 'true');
    if (advanced.contains(target)) advanced.open = true;
    target.focus();
  }
}

function clearError(): void {
  errorEl.textContent = '';
  errorEl.hidden = true;
  for (const f of Object.values(fieldElements)) f.removeAttribute('aria-invalid');
}

// ---- live job state ----
type ViewState = 'idle' | 'connecting' | JobStatus;

interface StoredImage {
  image: ImageBitmap | HTMLImageElement;
  rect: Rect;
}

let jobId: string | null = null;
let state: ViewState = 'idle';
let socket: WebSocket | null = null;
let viewToken = 0; // bumps on every job switch; stale async work checks it
let reconnectTimer: number | undefined;
let reconnectAttempt = 0;
let cancelling = false;
const tiles = new TileProgress(16);
const images = new Map<number, StoredImage>();

function setState(next: ViewState): void {
  state = next;
  const active = next === 'queued' || next === 'running';
  cancelBtn.disabled = !active || cancelling;
  tilesEl.dataset.state = next;
}

function updateTileAttrs(): void {
  tilesEl.dataset.tilesDrawn = String(tiles.drawnCount);
  tilesEl.dataset.tilesTotal = String(tiles.total);
  tilesCount.textContent = tiles.drawnCount > 0 || state === 'running' ? `${tiles.drawnCount}/${tiles.total}` : '';
  tilesEmpty.hidden = tiles.drawnCount > 0 || images.size > 0;
}

function setProgress(step: number | null | undefined, steps: number | null | undefined, etaMs?: number | null): void {
  if (steps && steps > 0) {
    progressEl.max = steps;
    progressEl.value = Math.min(step ?? 0, steps);
    const eta = formatEta(etaMs);
    progressText.textContent = `Step ${step ?? 0}/${steps}${eta ? ` · ETA ${eta}` : ''}`;
  } else {
    progressEl.max = 1;
    progressEl.value = 0;
    progressText.textContent = '';
  }
}

function showJobMeta(job: Job): void {
  const parts: string[] = [];
  if (job.seed !== null && job.seed !== undefined) parts.push(`seed ${job.seed}`);
  if (job.steps) parts.push(`${job.steps} steps`);
  if (job.skip !== null && job.skip !== undefined) parts.push(`skip ${job.skip}`);
  if (job.guidance !== null && job.guidance !== undefined) parts.push(`guidance ${job.guidance}`);
  if (job.grid) parts.push(`grid ${job.grid}×${job.grid}`);
  if (job.blend) parts.push(`blend ${job.blend}`);
  jobMeta.textContent = parts.join(' · ');
}

function fillFormFromJob(job: Job): void {
  if (promptEl.value.trim() !== '') return; // never clobber what the user typed
  promptEl.value = job.prompt ?? '';
  updatePromptCount();
  if (job.seed !== null && job.seed !== undefined) seedEl.value = String(job.seed);
  if (job.steps) stepsEl.value = String(job.steps);
  if (job.skip !== null && job.skip !== undefined) skipEl.value = String(job.skip);
  if (job.guidance !== null && job.guidance !== undefined) guidanceEl.value = String(job.guidance);
  if (job.blend) blendEl.value = job.blend;
  if (job.grid) gridEl.value = String(job.grid);
}

function setUrlJob(id: string | null): void {
  const url = new URL(location.href);
  if (id) url.searchParams.set('job', id);
  else url.searchParams.delete('job');
  history.replaceState(null, '', url);
}

// ---- canvas drawing ----
function backingSize() {
  const size = tiles.canvasSize;
  if (size.width <= 0 || size.height <= 0) return { width: canvas.width, height: canvas.height };
  return fitWithin(size, MAX_BACKING_PX);
}

function drawPlaceholders(): void {
  const layout = tiles.layout;
  ctx.fillStyle = '#15171c';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (!layout) return;
  const size = tiles.canvasSize;
  ctx.save();
  ctx.strokeStyle = 'rgba(255,255,255,0.10)';
  ctx.lineWidth = Math.max(1, canvas.width / 512);
  ctx.setLineDash([ctx.lineWidth * 4, ctx.lineWidth * 4]);
  for (const t of layout.tiles) {
    if (tiles.hasDrawn(t.index)) continue;
    const r = scaleRect(t, size, canvas);
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
  }
  ctx.restore();
}

function drawImage(img: StoredImage): void {
  const r = scaleRect(img.rect, tiles.canvasSize, canvas);
  ctx.drawImage(img.image, r.x, r.y, r.w, r.h);
}

/** Resizes the backing store to the current canvas extent and repaints everything. */
function redrawAll(): void {
  const size = backingSize();
  if (canvas.width !== size.width) canvas.width = size.width;
  if (canvas.height !== size.height) canvas.height = size.height;
  canvas.style.setProperty('--aspect', String(size.width / size.height));
  drawPlaceholders();
  const whole = images.get(CANVAS_TILE_INDEX);
  if (whole) drawImage(whole);
  for (const [index, img] of images) if (index !== CANVAS_TILE_INDEX) drawImage(img);
}

function releaseImages(): void {
  for (const { image } of images.values()) if ('close' in image) image.close();
  images.clear();
}

function decodeImage(blob: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(blob);
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('Could not decode preview image'));
    };
    img.src = url;
  });
}

async function onBinaryFrame(buf: ArrayBuffer, token: number): Promise<void> {
  let frame;
  try {
    frame = decodeFrame(buf);
  } catch (err) {
    console.warn('Ignoring preview frame:', err);
    return;
  }
  const h = frame.header;
  const isTile = h.kind === FrameKind.Tile && h.tileIndex !== CANVAS_TILE_INDEX;
  const key = isTile ? h.tileIndex : CANVAS_TILE_INDEX;
  if (h.width === 0 || h.height === 0 || !tiles.isCurrent(key, h.step)) return;

  let image: ImageBitmap | HTMLImageElement;
  try {
    image = await decodeImage(new Blob([frame.image], { type: mimeTypeForFormat(h.format) }));
  } catch (err) {
    console.warn('Could not decode preview', err);
    return;
  }
  if (token !== viewToken || !tiles.markDrawn(key, h.step, isTile)) {
    if ('close' in image) image.close();
    return;
  }
  const rect = { x: h.x, y: h.y, w: h.width, h: h.height };
  const previous = images.get(key);
  if (previous && 'close' in previous.image) previous.image.close();
  const stored = { image, rect };
  images.set(key, stored);

  if (tiles.include(rect)) redrawAll();
  else drawImage(stored);
  if (state === 'queued' || state === 'connecting') setState('running');
  updateTileAttrs();
}

// ---- messages ----
function onStarted(msg: StartedMessage): void {
  const changed = tiles.configure({ canvas: msg.canvas, tiles: msg.tiles ?? [] });
  if (changed) redrawAll();
  if (!msg.tiles?.length && msg.grid) tiles.setTotal(msg.grid.cols * msg.grid.rows);
  setState('running');
  statusEl.textContent = 'Painting tiles…';
  setProgress(0, msg.steps);
  updateTileAttrs();
}

function applyJob(job: Job): void {
  fillFormFromJob(job);
  showJobMeta(job);
  if (job.grid) tiles.setTotal(job.grid * job.grid);
  updateTileAttrs();
  switch (job.status) {
    case 'queued':
      showQueued(job.position);
      break;
    case 'running':
      setState('running');
      statusEl.textContent = 'Painting tiles…';
      setProgress(job.step, job.steps);
      break;
    case 'done':
      showDone();
      break;
    case 'failed':
      showFailed(job.error ?? 'The job failed.');
      break;
    case 'cancelled':
      showCancelled();
      break;
    case 'interrupted':
      setState('interrupted');
      statusEl.textContent = 'Interrupted — the server stopped before this job finished.';
      break;
  }
}

function showQueued(position: number | null | undefined): void {
  setState('queued');
  statusEl.textContent =
    position === null || position === undefined
      ? 'Queued…'
      : position <= 0
        ? 'Queued — next up.'
        : `Queued — position ${position} in line.`;
  setProgress(0, 0);
}

function showFailed(detail: string): void {
  setState('failed');
  statusEl.textContent = 'Failed.';
  showError(detail);
}

function showCancelled(): void {
  setState('cancelled');
  statusEl.textContent = 'Cancelled.';
}

function showDone(live = false): void {
  if (!jobId) return;
  const first = state !== 'done';
  setState('done');
  statusEl.textContent = 'Done.';
  if (progressEl.max > 1) progressEl.value = progressEl.max;
  else {
    progressEl.max = 1;
    progressEl.value = 1;
  }
  progressText.textContent = '';
  if (!first) return;
  finalImage.src = jobImageUrl(jobId);
  initImage.src = jobInitUrl(jobId);
  downloadLink.href = jobImageUrl(jobId);
  downloadLink.setAttribute('download', `overpaint-${jobId}.png`);
  resultEl.hidden = false;
  if (live) resultEl.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  void loadGalleries(viewToken);
}

function onMessage(msg: ServerMessage): void {
  switch (msg.type) {
    case 'status':
      applyJob(jobFromStatusMessage(msg));
      break;
    case 'queued':
      showQueued(msg.position);
      break;
    case 'started':
      onStarted(msg);
      break;
    case 'progress':
      if (state !== 'running') setState('running');
      statusEl.textContent = 'Painting tiles…';
      setProgress(msg.step, msg.steps, msg.etaMs);
      break;
    case 'done':
      showDone(true);
      break;
    case 'failed':
      showFailed(msg.detail || 'The job failed.');
      break;
    case 'cancelled':
      showCancelled();
      break;
  }
}

// ---- socket ----
function closeSocket(): void {
  window.clearTimeout(reconnectTimer);
  reconnectTimer = undefined;
  const s = socket;
  socket = null;
  if (s && s.readyState <= WebSocket.OPEN) s.close(1000, 'switching job');
}

function connect(id: string, token: number): void {
  const ws = new WebSocket(jobSocketUrl(id));
  ws.binaryType = 'arraybuffer';
  socket = ws;
  ws.onopen = () => {
    if (socket === ws) reconnectAttempt = 0;
  };
  ws.onmessage = (ev: MessageEvent) => {
    if (socket !== ws) return;
    if (typeof ev.data === 'string') {
      const msg = parseServerMessage(ev.data);
      if (msg) onMessage(msg);
    } else if (ev.data instanceof ArrayBuffer) {
      void onBinaryFrame(ev.data, token);
    }
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    if (state !== 'idle' && state !== 'connecting' && isTerminal(state as JobStatus)) return;
    void recover(id, token);
  };
}

/** The socket dropped before the job finished: check the job over REST, then reconnect. */
async function recover(id: string, token: number): Promise<void> {
  try {
    const job = await api.getJob(id);
    if (token !== viewToken) return;
    applyJob(job);
    if (isTerminal(job.status)) return;
  } catch (err) {
    if (token !== viewToken) return;
    if (err instanceof ApiError && err.status === 404) {
      setState('idle');
      statusEl.textContent = 'Ready.';
      showError('That job no longer exists.');
      setUrlJob(null);
      jobId = null;
      return;
    }
    statusEl.textContent = 'Connection lost — reconnecting…';
  }
  const delay = Math.min(10_000, 500 * 2 ** reconnectAttempt++);
  reconnectTimer = window.setTimeout(() => {
    if (token === viewToken) connect(id, token);
  }, delay);
}

/** Switches the live view to job `id`. */
function attach(id: string, position?: number): void {
  closeSocket();
  viewToken++;
  jobId = id;
  reconnectAttempt = 0;
  cancelling = false;
  releaseImages();
  tiles.reset(Number(gridEl.value) ** 2 || 16);
  canvas.width = 1024;
  canvas.height = 1024;
  drawPlaceholders();
  resultEl.hidden = true;
  savedMessage.replaceChildren();
  finalImage.removeAttribute('src');
  initImage.removeAttribute('src');
  setProgress(0, 0);
  jobMeta.textContent = '';
  if (position !== undefined) showQueued(position);
  else {
    setState('connecting');
    statusEl.textContent = 'Connecting…';
  }
  updateTileAttrs();
  connect(id, viewToken);
}

// ---- form ----
function formValues(): FormValues {
  return {
    prompt: promptEl.value,
    seed: seedEl.value,
    steps: stepsEl.value,
    skip: skipEl.value,
    guidance: guidanceEl.value,
    grid: gridEl.value,
    blend: blendEl.value,
  };
}

function updatePromptCount(): void {
  promptCount.textContent = String(promptEl.value.length);
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearError();
  const result = buildJobRequest(formValues());
  if (!result.ok) {
    showError(result.message, result.field);
    return;
  }
  generateBtn.disabled = true;
  try {
    const accepted = await api.createJob(result.request);
    setUrlJob(accepted.id);
    attach(accepted.id, accepted.position);
  } catch (err) {
    showError(errorMessage(err), err instanceof ApiError ? err.field : undefined);
  } finally {
    generateBtn.disabled = false;
  }
});

promptEl.addEventListener('input', updatePromptCount);
promptEl.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    form.requestSubmit();
  }
});
for (const f of Object.values(fieldElements)) {
  f.addEventListener('input', () => f.removeAttribute('aria-invalid'));
}

cancelBtn.addEventListener('click', async () => {
  if (!jobId) return;
  const id = jobId;
  cancelling = true;
  cancelBtn.disabled = true;
  statusEl.textContent = 'Cancelling…';
  try {
    await api.cancelJob(id);
  } catch (err) {
    cancelling = false;
    setState(state);
    showError(errorMessage(err));
  }
});

// ---- save panel ----
function renderGalleryOptions(galleries: GallerySummary[], preferred?: string | null): void {
  const options = galleries.map((g) => el('option', { text: g.name, attrs: { value: g.id } }));
  options.push(el('option', { text: 'New gallery…', attrs: { value: NEW_GALLERY } }));
  gallerySelect.replaceChildren(...options);
  const pick = galleries.find((g) => g.id === preferred) ?? galleries[0];
  gallerySelect.value = pick ? pick.id : NEW_GALLERY;
  syncGalleryName();
}

function syncGalleryName(): void {
  const isNew = gallerySelect.value === NEW_GALLERY;
  galleryNameField.hidden = !isNew;
  galleryName.required = isNew;
}

async function loadGalleries(token: number): Promise<void> {
  let galleries: GallerySummary[] = [];
  try {
    galleries = await api.listGalleries();
  } catch (err) {
    console.warn('Could not list galleries', err);
  }
  if (token !== viewToken) return;
  renderGalleryOptions(galleries, localStorage.getItem(LAST_GALLERY_KEY));
}

gallerySelect.addEventListener('change', syncGalleryName);

savePanel.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!jobId) return;
  const id = jobId;
  clearError();
  saveBtn.disabled = true;
  try {
    let galleryId = gallerySelect.value;
    let name = gallerySelect.selectedOptions[0]?.textContent ?? '';
    if (galleryId === NEW_GALLERY || !galleryId) {
      name = galleryName.value.trim();
      if (!name) {
        showError('Please name the new gallery.');
        galleryName.focus();
        return;
      }
      const created = await api.createGallery(name);
      galleryId = created.id;
      name = created.name ?? name;
    }
    await api.addGalleryItem(galleryId, id);
    localStorage.setItem(LAST_GALLERY_KEY, galleryId);
    const link = el('a', {
      text: name,
      attrs: { id: 'saved-link', href: `/gallery.html?id=${encodeURIComponent(galleryId)}` },
    });
    savedMessage.replaceChildren('Saved to ', link, '.');
    galleryName.value = '';
    void loadGalleries(viewToken);
  } catch (err) {
    showError(errorMessage(err));
  } finally {
    saveBtn.disabled = false;
  }
});

// ---- start ----
updatePromptCount();
drawPlaceholders();
updateTileAttrs();
const initialJob = new URLSearchParams(location.search).get('job');
if (initialJob) attach(initialJob);
