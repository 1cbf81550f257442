// Gallery item status, publishing rules and reordering (pure, testable).

import type { ItemStatus } from './protocol';

export const STATUS_LABELS: Record<ItemStatus, string> = {
  private: 'Private',
  pending: 'Pending review',
  public: 'Public',
  rejected: 'Rejected',
  hidden: 'Hidden',
};

export function statusLabel(status: ItemStatus | null | undefined): string {
  return (status && STATUS_LABELS[status]) || 'Private';
}

export interface PublishState {
  enabled: boolean;
  /** Why publishing is disabled, or the rejection reason shown next to the button. */
  note: string;
}

/** Whether the owner may (re)submit an item for publication, and what to say about it. */
export function publishState(status: ItemStatus | null | undefined, reason?: string | null): PublishState {
  switch (status ?? 'private') {
    case 'pending':
      return { enabled: false, note: 'Waiting for review.' };
    case 'public':
      return { enabled: false, note: 'Already public.' };
    case 'hidden':
      return { enabled: false, note: 'Hidden by a moderator.' };
    case 'rejected':
      return { enabled: true, note: reason ? `Rejected: ${reason}` : 'Rejected.' };
    default:
      return { enabled: true, note: '' };
  }
}

/** `ids` with the element at `index` moved by `delta` places; unchanged copy when out of range. */
export function moveItem<T>(ids: readonly T[], index: number, delta: number): T[] {
  const out = ids.slice();
  const target = index + delta;
  if (index < 0 || index >= out.length || target < 0 || target >= out.length) return out;
  const [moved] = out.splice(index, 1);
  out.splice(target, 0, moved);
  return out;
}

/** Reads `?id=` (or another parameter) from a search string; null when absent or blank. */
export function queryParam(search: string, name = 'id'): string | null {
  const v = new URLSearchParams(search).get(name);
  return v && v.trim() ? v.trim() : null;
}

export const MAX_REASON = 500;

/** Validation of a rejection reason: a message, or null when it is fine. */
export function reasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (!r) return 'A reason is required to reject.';
  if (r.length > MAX_REASON) return `The reason is limited to ${MAX_REASON} characters.`;
  return null;
}

/** The absolute URL of this item's page (what the share box holds). */
export function itemPageUrl(itemId: string, origin: string): string {
  return `${origin}/item.html?id=${encodeURIComponent(itemId)}`;
}

