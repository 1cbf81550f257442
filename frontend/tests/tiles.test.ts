import { describe, expect, it } from 'vitest';
import { TileProgress, fitWithin, formatEta, scaleRect } from '../src/tiles';

function grid4(size = 2048, overlap = 64) {
  const step = size / 4;
  const tiles = [];
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      const x = Math.max(0, c * step - overlap);
      const y = Math.max(0, r * step - overlap);
      tiles.push({ index: r * 4 + c, x, y, w: Math.min(size, (c + 1) * step + overlap) - x, h: Math.min(size, (r + 1) * step + overlap) - y });
    }
  }
  return { canvas: { width: size, height: size }, tiles };
}

describe('TileProgress', () => {
  it('counts distinct tiles drawn', () => {
    const p = new TileProgress();
    p.configure(grid4());
    expect(p.total).toBe(16);
    expect(p.drawnCount).toBe(0);
    p.markDrawn(0, 1);
    p.markDrawn(0, 2);
    p.markDrawn(5, 1);
    expect(p.drawnCount).toBe(2);
    for (let i = 0; i < 16; i++) p.markDrawn(i, 3);
    expect(p.drawnCount).toBe(16);
    expect(p.complete).toBe(true);
  });

  it('does not count whole-canvas previews as tiles', () => {
    const p = new TileProgress();
    p.markDrawn(0xffff, 4, false);
    expect(p.drawnCount).toBe(0);
    expect(p.isCurrent(0xffff, 3)).toBe(false);
  });

  it('drops previews older than the one already drawn', () => {
    const p = new TileProgress();
    expect(p.markDrawn(3, 10)).toBe(true);
    expect(p.isCurrent(3, 9)).toBe(false);
    expect(p.markDrawn(3, 9)).toBe(false);
    expect(p.markDrawn(3, 10)).toBe(true); // same step again (replay) is fine
    expect(p.isCurrent(4, 0)).toBe(true);
  });

  it('keeps the count when the same layout is replayed, resets on a different one', () => {
    const p = new TileProgress();
    expect(p.configure(grid4())).toBe(true);
    p.markDrawn(1, 1);
    p.markDrawn(2, 1);
    expect(p.configure(grid4())).toBe(false);
    expect(p.drawnCount).toBe(2);
    expect(p.configure(grid4(1024))).toBe(true);
    expect(p.drawnCount).toBe(0);
    expect(p.canvasSize).toEqual({ width: 1024, height: 1024 });
  });

  it('keeps tiles drawn before the first layout arrived', () => {
    const p = new TileProgress();
    p.markDrawn(7, 2);
    p.include({ x: 0, y: 0, w: 100, h: 100 });
    p.configure(grid4());
    expect(p.drawnCount).toBe(1);
  });

  it('takes the total from the layout, or from setTotal without one', () => {
    const p = new TileProgress();
    p.setTotal(9);
    expect(p.total).toBe(9);
    p.configure({ canvas: { width: 100, height: 100 }, tiles: grid4(100, 0).tiles.slice(0, 4) });
    expect(p.total).toBe(4);
    p.setTotal(25); // layout wins
    expect(p.total).toBe(4);
    p.reset();
    expect(p.total).toBe(16);
    expect(p.layout).toBeNull();
  });

  it('accepts a total from grid size when the layout lists no tiles', () => {
    const p = new TileProgress();
    p.configure({ canvas: { width: 1024, height: 1024 }, tiles: [] });
    p.setTotal(9);
    expect(p.total).toBe(9);
  });

  it('grows the canvas extent from rects when no layout is known', () => {
    const p = new TileProgress();
    expect(p.include({ x: 0, y: 0, w: 576, h: 576 })).toBe(true);
    expect(p.include({ x: 448, y: 0, w: 640, h: 576 })).toBe(true);
    expect(p.include({ x: 10, y: 10, w: 10, h: 10 })).toBe(false);
    expect(p.canvasSize).toEqual({ width: 1088, height: 576 });
  });
});

describe('scaleRect', () => {
  it('scales from canvas pixels to display pixels', () => {
    expect(scaleRect({ x: 512, y: 1024, w: 512, h: 512 }, { width: 2048, height: 2048 }, { width: 512, height: 512 })).toEqual({
      x: 128,
      y: 256,
      w: 128,
      h: 128,
    });
  });

  it('handles non-uniform scale', () => {
    expect(scaleRect({ x: 100, y: 100, w: 100, h: 100 }, { width: 400, height: 200 }, { width: 200, height: 200 })).toEqual({
      x: 50,
      y: 100,
      w: 50,
      h: 100,
    });
  });

  it('leaves no gaps between adjacent tiles at awkward scales', () => {
    const from = { width: 2048, height: 2048 };
    const to = { width: 777, height: 777 };
    const a = scaleRect({ x: 0, y: 0, w: 512, h: 512 }, from, to);
    const b = scaleRect({ x: 512, y: 0, w: 512, h: 512 }, from, to);
    expect(a.x + a.w).toBe(b.x);
  });

  it('rejects an empty source size', () => {
    expect(() => scaleRect({ x: 0, y: 0, w: 1, h: 1 }, { width: 0, height: 10 }, { width: 1, height: 1 })).toThrow();
  });
});

describe('fitWithin', () => {
  it('downscales keeping aspect and never upscales', () => {
    expect(fitWithin({ width: 4096, height: 2048 }, 2048)).toEqual({ width: 2048, height: 1024 });
    expect(fitWithin({ width: 800, height: 600 }, 2048)).toEqual({ width: 800, height: 600 });
  });
});

describe('formatEta', () => {
  it('formats durations', () => {
    expect(formatEta(0)).toBe('0:00');
    expect(formatEta(65_000)).toBe('1:05');
    expect(formatEta(3_723_000)).toBe('1:02:03');
    expect(formatEta(null)).toBe('');
    expect(formatEta(undefined)).toBe('');
    expect(formatEta(-5)).toBe('');
    expect(formatEta(Number.NaN)).toBe('');
  });
});
