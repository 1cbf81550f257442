// Admin review page (served at /admin to admins only): pending publications, public and hidden
// items, and the audit log. Every list is refreshed after each action.

import './style.css';
import { ApiError, adminApi } from './api';
import { byId, el } from './dom';
import { MAX_REASON, reasonProblem } from './items';
import { formatTime } from './params';
import type { AdminItem, AuditEntry, Review } from './protocol';
import { clearError, showError, withBusy } from './ui';

const adminUser = byId('admin-user');
const reviewList = byId<HTMLUListElement>('review-list');
const reviewsEmpty = byId('reviews-empty');
const reviewsCount = byId('reviews-count');
const publicList = byId<HTMLUListElement>('public-admin-list');
const publicEmpty = byId('public-admin-empty');
const hiddenList = byId<HTMLUListElement>('hidden-admin-list');
const hiddenEmpty = byId('hidden-admin-empty');
const auditBody = byId<HTMLTableElement>('audit-table').tBodies[0];

function thumb(src: string, alt: string): HTMLElement {
  return el('img', { attrs: { src, alt, loading: 'lazy', decoding: 'async' } });
}

function itemLink(itemId: string): HTMLAnchorElement {
  return el('a', { text: 'Open', attrs: { href: `/item.html?id=${encodeURIComponent(itemId)}`, target: '_blank', rel: 'noopener' } });
}

/** Runs an action with all admin buttons disabled, then refreshes every list. */
async function act(fn: () => Promise<unknown>): Promise<void> {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('main button')];
  const ok = await withBusy(buttons, async () => {
    await fn();
    return true;
  });
  await refresh(ok !== true);
}

function renderReview(r: Review): HTMLElement {
  const reason = el('input', {
    className: 'reason',
    attrs: { type: 'text', maxlength: String(MAX_REASON), placeholder: 'Reason (required to reject)', 'aria-label': 'Rejection reason' },
  });
  const approve = el('button', { className: 'btn btn-primary btn-small approve', text: 'Approve', attrs: { type: 'button' } });
  const reject = el('button', { className: 'btn btn-danger btn-small reject', text: 'Reject', attrs: { type: 'button' } });
  const validation = el('p', { className: 'validation', attrs: { 'aria-live': 'polite' } });
  approve.addEventListener('click', () => void act(() => adminApi.approve(r.id)));
  reject.addEventListener('click', () => {
    const problem = reasonProblem(reason.value);
    validation.textContent = problem ?? '';
    reason.setCustomValidity(problem ?? '');
    if (problem) {
      reason.setAttribute('aria-invalid', 'true');
      showError(problem);
      reason.reportValidity();
      reason.focus();
      return;
    }
    reason.removeAttribute('aria-invalid');
    void act(() => adminApi.reject(r.id, reason.value.trim()));
  });
  reason.addEventListener('input', () => {
    validation.textContent = '';
    reason.setCustomValidity('');
    reason.removeAttribute('aria-invalid');
  });
  return el(
    'li',
    { className: 'review', attrs: { 'data-review-id': r.id, 'data-item-id': r.itemId } },
    thumb(r.thumbnail || r.image, r.prompt ?? ''),
    el(
      'div',
      {},
      el('p', { className: 'admin-prompt', text: r.prompt ?? '' }),
      el('p', { className: 'admin-meta' }, el('span', { className: 'submitted-at', text: `Submitted ${formatTime(r.submittedAt)}` }), ' · ', itemLink(r.itemId)),
    ),
    el('div', { className: 'admin-actions' }, reason, approve, reject, validation),
  );
}

function renderAdminItem(item: AdminItem, hidden: boolean): HTMLElement {
  const button = hidden
    ? el('button', { className: 'btn btn-small unhide', text: 'Unhide', attrs: { type: 'button' } })
    : el('button', { className: 'btn btn-danger btn-small hide', text: 'Hide', attrs: { type: 'button' } });
  button.addEventListener('click', () => void act(() => (hidden ? adminApi.unhide(item.id) : adminApi.hide(item.id))));
  return el(
    'li',
    { className: hidden ? 'hidden-admin-item' : 'public-admin-item', attrs: { 'data-item-id': item.id } },
    thumb(item.thumbnail || item.image, item.prompt ?? ''),
    el(
      'div',
      {},
      el('p', { className: 'admin-prompt', text: item.prompt ?? '' }),
      el('p', { className: 'admin-meta' }, `Published ${formatTime(item.publishedAt)} · `, itemLink(item.id)),
    ),
    el('div', { className: 'admin-actions' }, button),
  );
}

/** Audit details as text, whether the server sends a string or a JSON object. */
function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

function renderAudit(entries: AuditEntry[]): void {
  auditBody.replaceChildren(
    ...entries.map((a) =>
      el(
        'tr',
        { className: 'audit-entry', attrs: { 'data-action': a.action ?? '' } },
        el('td', { text: formatTime(a.at) }),
        el('td', { text: a.admin ?? '' }),
        el('td', { text: a.action ?? '' }),
        el('td', { text: a.target ?? '' }),
        el('td', { text: detailText(a.detail) }),
      ),
    ),
  );
  if (entries.length === 0) {
    auditBody.append(el('tr', {}, el('td', { className: 'muted', text: 'No actions yet.', attrs: { colspan: '5' } })));
  }
}

function handleAuth(err: unknown): boolean {
  if (err instanceof ApiError && err.status === 401) {
    location.href = '/admin/login';
    return true;
  }
  return false;
}

/** Reloads every list; keeps an error already shown when `keepError`. */
async function refresh(keepError = false): Promise<void> {
  if (!keepError) clearError();
  const [reviews, pub, hid, audit] = await Promise.allSettled([
    adminApi.reviews('pending'),
    adminApi.items('public'),
    adminApi.items('hidden'),
    adminApi.audit(),
  ]);
  if (reviews.status === 'fulfilled') {
    reviewList.replaceChildren(...reviews.value.map(renderReview));
    reviewsEmpty.hidden = reviews.value.length > 0;
    reviewsCount.textContent = reviews.value.length ? String(reviews.value.length) : '';
  }
  if (pub.status === 'fulfilled') {
    publicList.replaceChildren(...pub.value.map((i) => renderAdminItem(i, false)));
    publicEmpty.hidden = pub.value.length > 0;
  }
  if (hid.status === 'fulfilled') {
    hiddenList.replaceChildren(...hid.value.map((i) => renderAdminItem(i, true)));
    hiddenEmpty.hidden = hid.value.length > 0;
  }
  if (audit.status === 'fulfilled') renderAudit(audit.value);
  const failed = [reviews, pub, hid, audit].find((r) => r.status === 'rejected');
  if (failed && failed.status === 'rejected' && !handleAuth(failed.reason)) showError(failed.reason);
}

async function start(): Promise<void> {
  try {
    const me = await adminApi.me();
    adminUser.textContent = me.username;
  } catch (err) {
    if (handleAuth(err)) return;
    showError(err);
  }
  await refresh();
}

void start();
