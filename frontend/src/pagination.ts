// Public gallery query string and keyset-pagination state (pure, testable).

/** Reads `?q=` from a location search string; trimmed, "" when absent. */
export function parseSearchQuery(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}

/** The page's own search string for query `q` ("" for no query). */
export function searchForQuery(q: string): string {
  const t = q.trim();
  if (!t) return '';
  return `?${new URLSearchParams({ q: t }).toString()}`;
}

/** Query string of GET /api/public/items for one page. */
export function publicItemsQuery(q: string, cursor: string | null, limit?: number): string {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q.trim());
  if (cursor) p.set('cursor', cursor);
  if (limit !== undefined) p.set('limit', String(limit));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface PageState<T> {
  query: string;
  items: T[];
  /** Cursor for the next page; null once the last page is loaded. */
  next: string | null;
  /** Whether at least one page has been loaded. */
  loaded: boolean;
}

export function initialPageState<T>(query: string): PageState<T> {
  return { query, items: [], next: null, loaded: false };
}

/** Cursor to request next: null for the first page, `next` after it; undefined when done. */
export function nextCursor<T>(state: PageState<T>): string | null | undefined {
  if (!state.loaded) return null;
  return state.next ?? undefined;
}

/** Appends a page, dropping items already shown (by id). */
export function appendPage<T extends { id: string }>(
  state: PageState<T>,
  page: { items: T[]; next: string | null },
): PageState<T> {
  const seen = new Set(state.items.map((i) => i.id));
  const fresh = (page.items ?? []).filter((i) => !seen.has(i.id));
  return { query: state.query, items: [...state.items, ...fresh], next: page.next ?? null, loaded: true };
}

export function hasMore<T>(state: PageState<T>): boolean {
  return state.loaded && state.next !== null;
}

export function isEmpty<T>(state: PageState<T>): boolean {
  return state.loaded && state.items.length === 0;
}
