// Pure tile bookkeeping for the live view: no DOM, so it is unit-testable.

import type { TileRect } from './protocol';

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TileLayout {
  canvas: Size;
  tiles: TileRect[];
}

/**
 * Scales a rectangle given in `from` (full canvas) pixels into `to` (display / backing store)
 * pixels. Edges are rounded outward-consistently (each edge rounded independently), so
 * adjacent tiles stay adjacent without gaps.
 */
export function scaleRect(rect: Rect, from: Size, to: Size): Rect {
  if (from.width <= 0 || from.height <= 0) throw new Error('Source size must be positive');
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const x0 = Math.round(rect.x * sx);
  const y0 = Math.round(rect.y * sy);
  const x1 = Math.round((rect.x + rect.w) * sx);
  const y1 = Math.round((rect.y + rect.h) * sy);
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** Largest size with the aspect ratio of `size` that fits in `max`×`max` (never upscales). */
export function fitWithin(size: Size, max: number): Size {
  const scale = Math.min(1, max / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

function sameLayout(a: TileLayout, b: TileLayout): boolean {
  if (a.canvas.width !== b.canvas.width || a.canvas.height !== b.canvas.height) return false;
  if (a.tiles.length !== b.tiles.length) return false;
  return a.tiles.every((t, i) => {
    const u = b.tiles[i];
    return t.index === u.index && t.x === u.x && t.y === u.y && t.w === u.w && t.h === u.h;
  });
}

/**
 * Tracks, for one job, which tiles have been drawn at least once, the latest step drawn per
 * tile (so a slow-decoding older preview never paints over a newer one) and the canvas extent.
 */
export class TileProgress {
  private drawn = new Set<number>();
  private latestStep = new Map<number, number>();
  private _total: number;
  private _layout: TileLayout | null = null;
  private extent: Size = { width: 0, height: 0 };

  constructor(total = 16) {
    this._total = total;
  }

  /** Forget everything (a new job). */
  reset(total = 16): void {
    this.drawn.clear();
    this.latestStep.clear();
    this._total = total;
    this._layout = null;
    this.extent = { width: 0, height: 0 };
  }

  /**
   * Applies the layout from a `started` message. Returns true when it differs from the current
   * one (the view must be redrawn). The same layout again (e.g. replayed after a reconnect)
   * keeps the drawn-tile count.
   */
  configure(layout: TileLayout): boolean {
    if (this._layout && sameLayout(this._layout, layout)) return false;
    const hadLayout = this._layout !== null;
    this._layout = { canvas: { ...layout.canvas }, tiles: layout.tiles.map((t) => ({ ...t })) };
    if (layout.tiles.length > 0) this._total = layout.tiles.length;
    this.extent = {
      width: Math.max(layout.canvas.width, hadLayout ? 0 : this.extent.width),
      height: Math.max(layout.canvas.height, hadLayout ? 0 : this.extent.height),
    };
    if (hadLayout) {
      // A genuinely different layout: earlier drawings no longer apply.
      this.drawn.clear();
      this.latestStep.clear();
    }
    return true;
  }

  /** Sets the expected tile count (e.g. grid² from a status message) unless a layout lists tiles. */
  setTotal(total: number): void {
    if (this._layout && this._layout.tiles.length > 0) return;
    if (Number.isInteger(total) && total > 0) this._total = total;
  }

  get layout(): TileLayout | null {
    return this._layout;
  }

  get total(): number {
    return this._total;
  }

  get drawnCount(): number {
    return this.drawn.size;
  }

  get complete(): boolean {
    return this.drawn.size >= this._total;
  }

  /** Canvas size: from `started`, or grown to cover every rect seen before it arrived. */
  get canvasSize(): Size {
    return { ...this.extent };
  }

  /**
   * Records that `rect` is about to be painted; returns true if the canvas extent grew
   * (only possible without a layout, e.g. previews replayed before `started`).
   */
  include(rect: Rect): boolean {
    const width = Math.max(this.extent.width, rect.x + rect.w);
    const height = Math.max(this.extent.height, rect.y + rect.h);
    if (width === this.extent.width && height === this.extent.height) return false;
    this.extent = { width, height };
    return true;
  }

  /** Whether a preview of `index` at `step` is at least as new as what is already shown. */
  isCurrent(index: number, step: number): boolean {
    const prev = this.latestStep.get(index);
    return prev === undefined || step >= prev;
  }

  /**
   * Marks a tile preview as drawn. Returns false (and records nothing) when a newer step of the
   * same tile was already drawn. Pass `countAsTile = false` for whole-canvas previews.
   */
  markDrawn(index: number, step: number, countAsTile = true): boolean {
    if (!this.isCurrent(index, step)) return false;
    this.latestStep.set(index, step);
    if (countAsTile) this.drawn.add(index);
    return true;
  }

  hasDrawn(index: number): boolean {
    return this.drawn.has(index);
  }
}

/** "1:05", "12:00", "1:02:03" — or "" when unknown. */
export function formatEta(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
