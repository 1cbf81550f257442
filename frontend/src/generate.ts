// Generate page: submit a job, follow it live over the WebSocket, show and save the result.

import './style.css';
import { ApiError, api, errorMessage, jobImageUrl, jobInitUrl, jobSocketUrl } from './api';
import { byId, el } from './dom';
import { addSample, estimateEtaMs, type StepSample } from './eta';
import { FORM_FIELDS, buildJobRequest, type FormValues } from './form';
import { queryParam } from './items';
import { PRESETS, applyPreset, findPreset, jobToFormValues } from './presets';
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
/** The job this tab is following, so a reload resumes its live view. */
const CURRENT_JOB_KEY = 'overpaint.currentJob';

// ---- elements ----
const form = byId<HTMLFormElement>('job-form');
const promptEl = byId<HTMLTextAreaElement>('prompt');
const promptCount = byId('prompt-count');
const gridEl = byId<HTMLSelectElement>('grid');
const presetEl = byId<HTMLSelectElement>('preset');
const advanced = byId<HTMLDetailsElement>('advanced');
// Open on a first visit (every parameter in reach); a person who folds it away keeps it folded.
const ADVANCED_KEY = 'overpaint.advanced';
if (localStorage.getItem(ADVANCED_KEY) === 'closed') advanced.open = false;
advanced.addEventListener('toggle', () =>
  localStorage.setItem(ADVANCED_KEY, advanced.open ? 'open' : 'closed'),
);
const generateBtn = byId<HTMLButtonElement>('generate');
const cancelBtn = byId<HTMLButtonElement>('cancel');
const errorEl = byId('error');
const statusEl = byId('status');
const progressEl = byId<HTMLProgressElement>('progress');
const progressText = byId('progress-text');
const etaEl = byId('eta');
const queuePositionEl = byId('queue-position');
const jobMeta = byId('job-meta');
const tilesEl = byId('tiles');
const tilesCount = byId('tiles-count');
const tilesEmpty = byId('tiles-empty');
const canvas = byId<HTMLCanvasElement>('tiles-canvas');
const ctx = canvas.getContext('2d')!;
const resultEl = byId('result');
const finalImage = byId<HTMLImageElement>('final-image');
const initImage = byId<HTMLImageElement>('init-image');
const compareSlider = byId<HTMLInputElement>('compare-slider');
const downloadLink = byId<HTMLAnchorElement>('download');
const remixLink = byId<HTMLAnchorElement>('remix-link');
const publishPanel = byId('publish-panel');
const publishBtn = byId<HTMLButtonElement>('publish');
const publishStatus = byId('publish-status');
const nameForm = byId<HTMLFormElement>('name-form');
const displayNameEl = byId<HTMLInputElement>('display-name');
const saveNameBtn = byId<HTMLButtonElement>('save-name');
const nameStatus = byId('name-status');
const savePanel = byId<HTMLFormElement>('save-panel');
const gallerySelect = byId<HTMLSelectElement>('gallery-select');
const galleryNameField = byId('gallery-name-field');
const galleryName = byId<HTMLInputElement>('gallery-name');
const saveBtn = byId<HTMLButtonElement>('save');
const savedMessage = byId('saved-message');

/** Every parameter input, by FormValues key (the element id is the key). */
const fieldElements = Object.fromEntries(
  FORM_FIELDS.map((f) => [f, byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(f)]),
) as Record<keyof FormValues, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

// ---- errors ----
function showError(message: string, field?: string): void {
  errorEl.textContent = message;
  errorEl.hidden = false;
  const target = field ? fieldElements[field as keyof FormValues] : undefined;
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
let samples: StepSample[] = [];
let lastSteps = 0;
let serverEtaMs: number | null = null;
let etaTimer: number | undefined;
/** Gallery and item of the last save, for the publish button. */
let savedItem: { galleryId: string; itemId: string } | null = null;
const tiles = new TileProgress(16);
const images = new Map<number, StoredImage>();

function setState(next: ViewState): void {
  state = next;
  const active = next === 'queued' || next === 'running';
  cancelBtn.disabled = !active || cancelling;
  tilesEl.dataset.state = next;
  if (next !== 'queued') queuePositionEl.hidden = true;
  if (next === 'running') startEtaTimer();
  else stopEtaTimer();
  if (next !== 'running' && next !== 'connecting') etaEl.textContent = '';
}

// ---- ETA from measured step times ----
function recordStep(step: number, steps: number, etaMs?: number | null): void {
  const last = samples[samples.length - 1];
  // A replayed `started` (step 0) after a reconnect must not restart the measurement.
  if (!last || step >= last.step) samples = addSample(samples, { t: performance.now(), step });
  lastSteps = steps;
  serverEtaMs = etaMs ?? null;
  renderEta();
}

function renderEta(): void {
  if (state !== 'running') return;
  const measured = estimateEtaMs(samples, lastSteps, performance.now());
  const eta = formatEta(measured ?? serverEtaMs);
  etaEl.textContent = eta ? `· about ${eta} left` : '';
}

function startEtaTimer(): void {
  if (etaTimer === undefined) etaTimer = window.setInterval(renderEta, 1000);
}

function stopEtaTimer(): void {
  window.clearInterval(etaTimer);
  etaTimer = undefined;
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
    progressText.textContent = `Step ${step ?? 0}/${steps} · ${Math.round((100 * Math.min(step ?? 0, steps)) / steps)}%`;
    if (step !== null && step !== undefined) recordStep(step, steps, etaMs);
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

function setFormValues(values: FormValues): void {
  for (const f of FORM_FIELDS) {
    const v = values[f];
    if (v !== undefined) fieldElements[f].value = v;
  }
  if (!gridEl.value) gridEl.value = '4';
  updatePromptCount();
}

function fillFormFromJob(job: Job): void {
  if (promptEl.value.trim() !== '') return; // never clobber what the user typed
  setFormValues(jobToFormValues(job));
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
  statusEl.textContent = 'Queued…';
  queuePositionEl.textContent =
    position === null || position === undefined
      ? 'Waiting for a free worker.'
      : position <= 0
        ? 'Next up.'
        : `Position ${position} in the queue.`;
  queuePositionEl.dataset.position = position === null || position === undefined ? '' : String(position);
  queuePositionEl.hidden = false;
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
  remixLink.href = `/?remix=${encodeURIComponent(jobId)}`;
  setCompare(Number(compareSlider.value));
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
  samples = [];
  serverEtaMs = null;
  savedItem = null;
  publishPanel.hidden = true;
  publishStatus.textContent = '';
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
  const values = {} as FormValues;
  for (const f of FORM_FIELDS) values[f] = fieldElements[f].value;
  return values;
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
    sessionStorage.setItem(CURRENT_JOB_KEY, accepted.id);
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
  f.addEventListener('input', () => {
    f.removeAttribute('aria-invalid');
    if (f !== promptEl) presetEl.value = '';
  });
}

// ---- presets ----
presetEl.append(...PRESETS.map((p) => el('option', { text: p.label, attrs: { value: p.id } })));
presetEl.addEventListener('change', () => {
  const preset = findPreset(presetEl.value);
  if (!preset) return;
  setFormValues(applyPreset(formValues(), preset));
  for (const f of Object.values(fieldElements)) f.removeAttribute('aria-invalid');
});

// ---- before/after ----
/** Shows the GAN base left of the slider and the result right of it. */
function setCompare(percent: number): void {
  const p = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 50));
  initImage.style.clipPath = `inset(0 ${100 - p}% 0 0)`;
  byId('compare').style.setProperty('--split', `${p}%`);
}
compareSlider.addEventListener('input', () => setCompare(Number(compareSlider.value)));

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
    const added = await api.addGalleryItem(galleryId, id);
    localStorage.setItem(LAST_GALLERY_KEY, galleryId);
    savedItem = added?.id ? { galleryId, itemId: added.id } : null;
    publishPanel.hidden = savedItem === null;
    publishBtn.disabled = savedItem === null;
    publishStatus.textContent = '';
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

// ---- publish ----
publishBtn.addEventListener('click', async () => {
  const target = savedItem;
  if (!target) return;
  clearError();
  publishBtn.disabled = true;
  publishStatus.textContent = 'Submitting…';
  try {
    await api.publishItem(target.galleryId, target.itemId);
    publishStatus.textContent = 'Submitted — pending review.';
  } catch (err) {
    publishStatus.textContent = '';
    publishBtn.disabled = false;
    showError(errorMessage(err));
  }
});

// ---- display name ----
async function loadDisplayName(): Promise<void> {
  try {
    const session = await api.getSession();
    if (document.activeElement !== displayNameEl) displayNameEl.value = session.displayName ?? '';
  } catch (err) {
    console.warn('Could not load the session', err);
  }
}

nameForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearError();
  const name = displayNameEl.value.trim();
  if (name.length > 40) {
    showError('The display name is limited to 40 characters.');
    return;
  }
  saveNameBtn.disabled = true;
  nameStatus.textContent = '';
  try {
    const session = await api.putSession(name);
    displayNameEl.value = session.displayName ?? '';
    nameStatus.textContent = session.displayName ? 'Saved.' : 'Cleared.';
  } catch (err) {
    showError(errorMessage(err));
  } finally {
    saveNameBtn.disabled = false;
  }
});

// ---- start ----
/** Loads every parameter of job `id` into the form (/?remix=id). */
async function remix(id: string): Promise<void> {
  statusEl.textContent = 'Loading the parameters to remix…';
  try {
    const job = await api.getJob(id);
    setFormValues(jobToFormValues(job));
    presetEl.value = '';
    advanced.open = true;
    statusEl.textContent = 'Parameters loaded — change what you like and generate.';
    promptEl.focus();
  } catch (err) {
    statusEl.textContent = 'Ready.';
    showError(errorMessage(err));
  }
}

/** After a reload: follow the tab's job again (live when it is still going, its result when done). */
async function resume(id: string): Promise<void> {
  let job: Job;
  try {
    job = await api.getJob(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) sessionStorage.removeItem(CURRENT_JOB_KEY);
    else showError(errorMessage(err));
    return;
  }
  if (job.status === 'done') {
    jobId = id;
    viewToken++;
    resultEl.hidden = true;
    fillFormFromJob(job);
    showJobMeta(job);
    showDone();
  } else if (!isTerminal(job.status)) {
    attach(id, job.status === 'queued' ? (job.position ?? undefined) : undefined);
    applyJob(job);
  } else {
    sessionStorage.removeItem(CURRENT_JOB_KEY);
  }
}

updatePromptCount();
drawPlaceholders();
updateTileAttrs();
void loadDisplayName();
{
  const search = location.search;
  const remixId = queryParam(search, 'remix');
  const initialJob = queryParam(search, 'job');
  const storedJob = sessionStorage.getItem(CURRENT_JOB_KEY);
  if (remixId) void remix(remixId);
  else if (initialJob) {
    sessionStorage.setItem(CURRENT_JOB_KEY, initialJob);
    attach(initialJob);
  } else if (storedJob) void resume(storedJob);
}
