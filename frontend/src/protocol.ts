// Wire types and the binary preview-frame codec shared with the Overpaint server.

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
export type Blend = 'none' | 'feather' | 'joint';

export const TERMINAL_STATUSES: readonly JobStatus[] = ['done', 'failed', 'cancelled', 'interrupted'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Body of POST /api/jobs. */
export interface JobRequest {
  prompt: string;
  seed?: number;
  steps?: number;
  skip?: number;
  guidance?: number;
  grid?: number;
  blend?: Blend;
  cutn?: number;
  cutPow?: number;
  canvasShare?: number;
  tvScale?: number;
  rangeScale?: number;
  initScale?: number;
  clampMax?: number;
}

/** The job's full set of CLIP guidance scales (GET /api/jobs/{id}). clampRms is the request's clampMax. */
export interface GuidanceSettings {
  clipScale: number;
  cutn: number;
  cutPow: number;
  canvasShare: number;
  tvScale: number;
  rangeScale: number;
  initScale: number;
  clampRms: number;
}

/** 202 answer of POST /api/jobs. */
export interface JobAccepted {
  id: string;
  status: 'queued';
  position: number;
}

/** GET /api/jobs/{id}, and the payload of a `status` WebSocket message. */
export interface Job {
  id: string;
  status: JobStatus;
  prompt: string;
  seed: number | null;
  steps: number;
  skip: number;
  guidance: number;
  grid: number;
  blend: Blend;
  position: number | null;
  step: number | null;
  createdAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** Whether the job belongs to this browser session (GET /api/jobs/{id} only). */
  mine?: boolean;
  guidanceSettings?: GuidanceSettings | null;
}

/** RFC 7807 problem document (application/problem+json). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
}

export interface GallerySummary {
  id: string;
  name: string;
  itemCount?: number;
  createdAt?: string;
}

export type ItemStatus = 'private' | 'pending' | 'public' | 'rejected' | 'hidden';

export interface GalleryItem {
  id: string;
  jobId: string;
  prompt: string;
  image: string;
  thumbnail?: string;
  status?: ItemStatus;
  position?: number;
  reason?: string | null;
}

export interface Gallery extends GallerySummary {
  owned?: boolean;
  items: GalleryItem[];
}

/** GET /api/items/{itemId}. */
export interface ItemView {
  id: string;
  galleryId: string;
  galleryName: string;
  /** The owner's display name, or null. */
  author?: string | null;
  status: ItemStatus;
  reason: string | null;
  createdAt: string | null;
  owned: boolean;
  thumbnail: string;
  image: string;
  job: Job;
}

export interface PublicItem {
  id: string;
  prompt: string;
  thumbnail: string;
  image: string;
  createdAt: string | null;
}

/** GET /api/public/items. */
export interface PublicPage {
  items: PublicItem[];
  next: string | null;
}

export interface Session {
  displayName: string | null;
}

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export interface Review {
  id: string;
  itemId: string;
  prompt: string;
  image: string;
  thumbnail: string;
  submittedAt: string | null;
  status: ReviewStatus;
  reason: string | null;
  decidedAt: string | null;
}

export interface AdminItem {
  id: string;
  prompt: string;
  thumbnail: string;
  image: string;
  status: 'public' | 'hidden';
  publishedAt: string | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  admin: string;
  action: string;
  target: string | null;
  detail: unknown;
}

export interface TileRect {
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

// ---- WebSocket text messages ----

/**
 * The `status` message carries the job object. Servers may send it flat
 * (`{type:'status', id, status, ...}`) or nested (`{type:'status', job:{...}}`);
 * use {@link jobFromStatusMessage} to read it either way.
 */
export interface StatusMessage extends Partial<Job> {
  type: 'status';
  job?: Job;
}
export interface QueuedMessage {
  type: 'queued';
  position: number;
}
export interface StartedMessage {
  type: 'started';
  steps: number;
  grid: { cols: number; rows: number };
  canvas: { width: number; height: number };
  tiles: TileRect[];
}
export interface ProgressMessage {
  type: 'progress';
  step: number;
  steps: number;
  etaMs?: number | null;
}
export interface DoneMessage {
  type: 'done';
  image: string;
}
export interface FailedMessage {
  type: 'failed';
  detail: string;
}
export interface CancelledMessage {
  type: 'cancelled';
}

export type ServerMessage =
  | StatusMessage
  | QueuedMessage
  | StartedMessage
  | ProgressMessage
  | DoneMessage
  | FailedMessage
  | CancelledMessage;

const MESSAGE_TYPES = new Set(['status', 'queued', 'started', 'progress', 'done', 'failed', 'cancelled']);

/** Parses a text frame; returns null for anything that is not a known message. */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !MESSAGE_TYPES.has(type)) return null;
  return value as ServerMessage;
}

export function jobFromStatusMessage(msg: StatusMessage): Job {
  if (msg.job && typeof msg.job === 'object') return msg.job;
  const { type: _type, job: _job, ...rest } = msg;
  return rest as Job;
}

// ---- binary preview frames ----

export const FRAME_PROTOCOL_VERSION = 1;
export const FRAME_HEADER_LENGTH = 18;
export const CANVAS_TILE_INDEX = 0xffff;

export enum FrameKind {
  Tile = 1,
  Canvas = 2,
}

export enum ImageFormat {
  Jpeg = 1,
  Png = 2,
}

export interface FrameHeader {
  version: number;
  kind: FrameKind;
  format: ImageFormat;
  /** Row-major tile index, or CANVAS_TILE_INDEX for a whole-canvas preview. */
  tileIndex: number;
  /** Steps completed. */
  step: number;
  totalSteps: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DecodedFrame {
  header: FrameHeader;
  /** The image bytes following the header (a view into the original buffer). */
  image: Uint8Array<ArrayBuffer>;
}

export function mimeTypeForFormat(format: number): string {
  switch (format) {
    case ImageFormat.Jpeg:
      return 'image/jpeg';
    case ImageFormat.Png:
      return 'image/png';
    default:
      throw new Error(`Unknown preview image format ${format}`);
  }
}

/** Decodes the 18-byte big-endian header of a binary preview frame. */
export function decodeFrameHeader(buf: ArrayBuffer): FrameHeader {
  if (buf.byteLength < FRAME_HEADER_LENGTH) {
    throw new Error(
      `Preview frame too short: ${buf.byteLength} bytes, header needs ${FRAME_HEADER_LENGTH}`,
    );
  }
  const v = new DataView(buf);
  const version = v.getUint8(0);
  if (version !== FRAME_PROTOCOL_VERSION) {
    throw new Error(
      `Unsupported preview frame version ${version} (expected ${FRAME_PROTOCOL_VERSION})`,
    );
  }
  const kind = v.getUint8(1);
  if (kind !== FrameKind.Tile && kind !== FrameKind.Canvas) {
    throw new Error(`Unknown preview frame kind ${kind}`);
  }
  const format = v.getUint8(2);
  if (format !== ImageFormat.Jpeg && format !== ImageFormat.Png) {
    throw new Error(`Unknown preview image format ${format}`);
  }
  return {
    version,
    kind,
    format,
    tileIndex: v.getUint16(4),
    step: v.getUint16(6),
    totalSteps: v.getUint16(8),
    x: v.getUint16(10),
    y: v.getUint16(12),
    width: v.getUint16(14),
    height: v.getUint16(16),
  };
}

/** Decodes header and splits off the image bytes. */
export function decodeFrame(buf: ArrayBuffer): DecodedFrame {
  const header = decodeFrameHeader(buf);
  return { header, image: new Uint8Array(buf, FRAME_HEADER_LENGTH) };
}

/** Encodes a header followed by `image` bytes. Mirrors the server; used by tests. */
export function encodeFrameHeader(
  h: Omit<FrameHeader, 'version'> & { version?: number },
  image: Uint8Array = new Uint8Array(0),
): ArrayBuffer {
  const buf = new ArrayBuffer(FRAME_HEADER_LENGTH + image.byteLength);
  const v = new DataView(buf);
  const u16 = (off: number, value: number, name: string) => {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
      throw new Error(`${name} out of u16 range: ${value}`);
    }
    v.setUint16(off, value);
  };
  v.setUint8(0, h.version ?? FRAME_PROTOCOL_VERSION);
  v.setUint8(1, h.kind);
  v.setUint8(2, h.format);
  v.setUint8(3, 0);
  u16(4, h.tileIndex, 'tileIndex');
  u16(6, h.step, 'step');
  u16(8, h.totalSteps, 'totalSteps');
  u16(10, h.x, 'x');
  u16(12, h.y, 'y');
  u16(14, h.width, 'width');
  u16(16, h.height, 'height');
  new Uint8Array(buf, FRAME_HEADER_LENGTH).set(image);
  return buf;
}
