// Thin fetch wrappers for the Overpaint REST API. Same-origin, default credentials, so the
// server's session cookie identifies the owner of galleries.

import type {
  AdminItem,
  AuditEntry,
  Gallery,
  GallerySummary,
  ItemView,
  Job,
  JobAccepted,
  JobRequest,
  Problem,
  PublicPage,
  Review,
  ReviewStatus,
  Session,
} from './protocol';

export class ApiError extends Error {
  readonly status: number;
  readonly field?: string;
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfter?: number;
  constructor(message: string, status: number, field?: string, retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

function fallbackMessage(status: number, statusText = ''): string {
  if (status === 429) return 'The queue is full. Please try again in a moment.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return `The server had a problem (HTTP ${status}).`;
  return `Request failed (HTTP ${status}${statusText ? ' ' + statusText : ''}).`;
}

/**
 * Picks the human-readable message out of a parsed problem+json body: `detail`, else `title`,
 * else a message based on the HTTP status.
 */
export function problemMessage(body: unknown, status: number, statusText = ''): string {
  if (body && typeof body === 'object') {
    const p = body as Problem;
    if (typeof p.detail === 'string' && p.detail.trim()) return p.detail.trim();
    if (typeof p.title === 'string' && p.title.trim()) return p.title.trim();
  }
  return fallbackMessage(status, statusText);
}

/** Builds an ApiError from a non-2xx response, reading a problem+json (or any JSON) body. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await res.text();
    if (text) body = JSON.parse(text);
  } catch {
    body = null;
  }
  const field =
    body && typeof body === 'object' && typeof (body as Problem).field === 'string'
      ? (body as Problem).field
      : undefined;
  return new ApiError(
    problemMessage(body, res.status, res.statusText),
    res.status,
    field,
    parseRetryAfter(res.headers.get('Retry-After')),
  );
}

/** Seconds of a Retry-After header (delta-seconds or an HTTP date); undefined when absent. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const t = value.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A user-facing message for anything thrown by the helpers below. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429 && err.retryAfter !== undefined && !/\bretry|try again\b/i.test(err.message)) {
      return `${err.message} Try again in ${err.retryAfter} s.`;
    }
    return err.message;
  }
  if (err instanceof TypeError) return 'Could not reach the server. Check your connection.';
  if (err instanceof Error) return err.message;
  return String(err);
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  if (!res.ok) throw await errorFromResponse(res);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  createJob: (req: JobRequest) => request<JobAccepted>('POST', '/api/jobs', req),
  getJob: (id: string) => request<Job>('GET', `/api/jobs/${enc(id)}`),
  cancelJob: (id: string) => request<unknown>('POST', `/api/jobs/${enc(id)}/cancel`),
  listGalleries: () => request<GallerySummary[]>('GET', '/api/galleries'),
  createGallery: (name: string) => request<GallerySummary>('POST', '/api/galleries', { name }),
  getGallery: (id: string) => request<Gallery>('GET', `/api/galleries/${enc(id)}`),
  addGalleryItem: (galleryId: string, jobId: string) =>
    request<{ id: string }>('POST', `/api/galleries/${enc(galleryId)}/items`, { jobId }),
  renameGallery: (id: string, name: string) =>
    request<GallerySummary>('PATCH', `/api/galleries/${enc(id)}`, { name }),
  deleteGallery: (id: string) => request<void>('DELETE', `/api/galleries/${enc(id)}`),
  removeGalleryItem: (galleryId: string, itemId: string) =>
    request<void>('DELETE', `/api/galleries/${enc(galleryId)}/items/${enc(itemId)}`),
  reorderGallery: (galleryId: string, itemIds: string[]) =>
    request<Gallery>('PUT', `/api/galleries/${enc(galleryId)}/order`, { itemIds }),
  publishItem: (galleryId: string, itemId: string) =>
    request<{ id: string; status: 'pending' }>(
      'POST',
      `/api/galleries/${enc(galleryId)}/items/${enc(itemId)}/publish`,
    ),
  getItem: (itemId: string) => request<ItemView>('GET', `/api/items/${enc(itemId)}`),
  publicItems: (query: string) => request<PublicPage>('GET', `/api/public/items${query}`),
  getSession: () => request<Session>('GET', '/api/session'),
  putSession: (displayName: string) => request<Session>('PUT', '/api/session', { displayName }),
};

export const adminApi = {
  me: () => request<{ username: string }>('GET', '/api/admin/me'),
  reviews: (status: ReviewStatus = 'pending') =>
    request<Review[]>('GET', `/api/admin/reviews?status=${enc(status)}`),
  approve: (id: string) => request<Review>('POST', `/api/admin/reviews/${enc(id)}/approve`),
  reject: (id: string, reason: string) =>
    request<Review>('POST', `/api/admin/reviews/${enc(id)}/reject`, { reason }),
  items: (status: 'public' | 'hidden') =>
    request<AdminItem[]>('GET', `/api/admin/items?status=${enc(status)}`),
  hide: (id: string) => request<{ id: string; status: string }>('POST', `/api/admin/items/${enc(id)}/hide`),
  unhide: (id: string) =>
    request<{ id: string; status: string }>('POST', `/api/admin/items/${enc(id)}/unhide`),
  audit: () => request<AuditEntry[]>('GET', '/api/admin/audit'),
};

export const jobImageUrl = (id: string) => `/api/jobs/${enc(id)}/image.png`;
export const jobInitUrl = (id: string) => `/api/jobs/${enc(id)}/init.png`;

export function jobSocketUrl(id: string, loc: Pick<Location, 'protocol' | 'host'> = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/ws/jobs/${enc(id)}`;
}
