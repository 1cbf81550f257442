import { describe, expect, it } from 'vitest';
import {
  CANVAS_TILE_INDEX,
  FRAME_HEADER_LENGTH,
  FrameKind,
  ImageFormat,
  decodeFrame,
  decodeFrameHeader,
  encodeFrameHeader,
  isTerminal,
  jobFromStatusMessage,
  mimeTypeForFormat,
  parseServerMessage,
  type StatusMessage,
} from '../src/protocol';

const header = {
  kind: FrameKind.Tile,
  format: ImageFormat.Jpeg,
  tileIndex: 15,
  step: 12,
  totalSteps: 30,
  x: 1536,
  y: 1536,
  width: 640,
  height: 512,
};

describe('frame header', () => {
  it('round-trips through encode/decode', () => {
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const buf = encodeFrameHeader(header, image);
    expect(buf.byteLength).toBe(FRAME_HEADER_LENGTH + image.length);
    expect(decodeFrameHeader(buf)).toEqual({ version: 1, ...header });
    const frame = decodeFrame(buf);
    expect(Array.from(frame.image)).toEqual(Array.from(image));
  });

  it('uses big-endian byte order at the documented offsets', () => {
    const buf = encodeFrameHeader({ ...header, tileIndex: 0x0102, x: 0xabcd });
    const bytes = new Uint8Array(buf);
    expect(bytes[0]).toBe(1);
    expect(bytes[1]).toBe(FrameKind.Tile);
    expect(bytes[2]).toBe(ImageFormat.Jpeg);
    expect(bytes[3]).toBe(0);
    expect([bytes[4], bytes[5]]).toEqual([0x01, 0x02]);
    expect([bytes[10], bytes[11]]).toEqual([0xab, 0xcd]);
  });

  it('decodes a hand-built server frame', () => {
    const bytes = new Uint8Array([1, 2, 2, 0, 0xff, 0xff, 0, 5, 0, 20, 0, 0, 0, 0, 0x08, 0, 0x04, 0, 0x89, 0x50]);
    const h = decodeFrameHeader(bytes.buffer);
    expect(h.kind).toBe(FrameKind.Canvas);
    expect(h.format).toBe(ImageFormat.Png);
    expect(h.tileIndex).toBe(CANVAS_TILE_INDEX);
    expect(h.step).toBe(5);
    expect(h.totalSteps).toBe(20);
    expect(h.width).toBe(2048);
    expect(h.height).toBe(1024);
    expect(decodeFrame(bytes.buffer).image.length).toBe(2);
  });

  it('accepts a header with no image bytes', () => {
    expect(decodeFrame(encodeFrameHeader(header)).image.length).toBe(0);
  });

  it('rejects unsupported versions', () => {
    for (const version of [0, 2, 255]) {
      const buf = encodeFrameHeader({ ...header, version });
      expect(() => decodeFrameHeader(buf)).toThrow(/version/);
    }
  });

  it('rejects short buffers', () => {
    expect(() => decodeFrameHeader(new ArrayBuffer(0))).toThrow(/too short/);
    expect(() => decodeFrameHeader(new ArrayBuffer(17))).toThrow(/17 bytes/);
  });

  it('rejects unknown kinds and formats', () => {
    expect(() => decodeFrameHeader(encodeFrameHeader({ ...header, kind: 9 as FrameKind }))).toThrow(/kind/);
    expect(() => decodeFrameHeader(encodeFrameHeader({ ...header, format: 3 as ImageFormat }))).toThrow(/format/);
  });

  it('refuses to encode values outside u16', () => {
    expect(() => encodeFrameHeader({ ...header, x: 70000 })).toThrow(/x/);
    expect(() => encodeFrameHeader({ ...header, step: -1 })).toThrow(/step/);
  });
});

describe('mimeTypeForFormat', () => {
  it('maps formats to MIME types', () => {
    expect(mimeTypeForFormat(ImageFormat.Jpeg)).toBe('image/jpeg');
    expect(mimeTypeForFormat(ImageFormat.Png)).toBe('image/png');
    expect(() => mimeTypeForFormat(7)).toThrow();
  });
});

describe('text messages', () => {
  it('parses known message types and ignores the rest', () => {
    expect(parseServerMessage('{"type":"progress","step":3,"steps":30,"etaMs":1200}')).toEqual({
      type: 'progress',
      step: 3,
      steps: 30,
      etaMs: 1200,
    });
    expect(parseServerMessage('{"type":"nope"}')).toBeNull();
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('42')).toBeNull();
  });

  it('reads the job from flat and nested status messages', () => {
    const flat = { type: 'status', id: 'j1', status: 'running', prompt: 'p' } as StatusMessage;
    expect(jobFromStatusMessage(flat)).toMatchObject({ id: 'j1', status: 'running', prompt: 'p' });
    expect(jobFromStatusMessage(flat)).not.toHaveProperty('type');
    const nested = { type: 'status', job: { id: 'j2', status: 'done' } } as StatusMessage;
    expect(jobFromStatusMessage(nested)).toMatchObject({ id: 'j2', status: 'done' });
  });

  it('knows terminal statuses', () => {
    expect(isTerminal('done')).toBe(true);
    expect(isTerminal('interrupted')).toBe(true);
    expect(isTerminal('queued')).toBe(false);
    expect(isTerminal('running')).toBe(false);
  });
});
