// Page helpers shared by every page: the #error box and buttons disabled while a request runs.

import { errorMessage } from './api';

function errorBox(): HTMLElement | null {
  return document.getElementById('error');
}

/** Shows a message (or anything thrown, as its problem+json detail) in #error. */
export function showError(err: unknown): void {
  const box = errorBox();
  if (!box) return;
  box.textContent = typeof err === 'string' ? err : errorMessage(err);
  box.hidden = false;
}

export function clearError(): void {
  const box = errorBox();
  if (!box) return;
  box.textContent = '';
  box.hidden = true;
}

/**
 * Runs `fn` with `buttons` disabled (restoring each one's previous state afterwards) and shows
 * anything it throws in #error. Returns fn's result, or undefined when it threw.
 */
export async function withBusy<T>(
  buttons: HTMLButtonElement | HTMLButtonElement[],
  fn: () => Promise<T>,
): Promise<T | undefined> {
  const list = Array.isArray(buttons) ? buttons : [buttons];
  const before = list.map((b) => b.disabled);
  for (const b of list) {
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
  }
  clearError();
  try {
    return await fn();
  } catch (err) {
    showError(err);
    return undefined;
  } finally {
    list.forEach((b, i) => {
      b.disabled = before[i];
      b.removeAttribute('aria-busy');
    });
  }
}

/** An image element for a server-provided URL (never HTML). */
export function image(src: string, alt: string, className?: string): HTMLImageElement {
  const img = document.createElement('img');
  if (className) img.className = className;
  img.src = src;
  img.alt = alt;
  img.loading = 'lazy';
  img.decoding = 'async';
  return img;
}
