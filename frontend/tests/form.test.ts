import { describe, expect, it } from 'vitest';
import { buildJobRequest, type FormValues } from '../src/form';

const base: FormValues = { prompt: 'a cat', seed: '', steps: '', skip: '', guidance: '', grid: '4', blend: '' };

describe('buildJobRequest', () => {
  it('omits empty optional fields (empty seed = random)', () => {
    expect(buildJobRequest(base)).toEqual({ ok: true, request: { prompt: 'a cat', grid: 4 } });
  });

  it('converts all fields', () => {
    const r = buildJobRequest({ prompt: '  sea  ', seed: '42', steps: '30', skip: '0.5', guidance: '7.5', grid: '3', blend: 'joint' });
    expect(r).toEqual({ ok: true, request: { prompt: 'sea', seed: 42, steps: 30, skip: 0.5, guidance: 7.5, grid: 3, blend: 'joint' } });
  });

  it('accepts seed 2^53 and rejects beyond', () => {
    expect(buildJobRequest({ ...base, seed: String(2 ** 53) }).ok).toBe(true);
    expect(buildJobRequest({ ...base, seed: '-1' })).toMatchObject({ ok: false, field: 'seed' });
    expect(buildJobRequest({ ...base, seed: '1.5' })).toMatchObject({ ok: false, field: 'seed' });
  });

  it('validates ranges', () => {
    expect(buildJobRequest({ ...base, prompt: '   ' })).toMatchObject({ ok: false, field: 'prompt' });
    expect(buildJobRequest({ ...base, prompt: 'x'.repeat(501) })).toMatchObject({ ok: false, field: 'prompt' });
    expect(buildJobRequest({ ...base, prompt: 'x'.repeat(500) }).ok).toBe(true);
    expect(buildJobRequest({ ...base, steps: '0' })).toMatchObject({ ok: false, field: 'steps' });
    expect(buildJobRequest({ ...base, steps: '201' })).toMatchObject({ ok: false, field: 'steps' });
    expect(buildJobRequest({ ...base, skip: '1' })).toMatchObject({ ok: false, field: 'skip' });
    expect(buildJobRequest({ ...base, skip: '0' }).ok).toBe(true);
    expect(buildJobRequest({ ...base, guidance: '-0.1' })).toMatchObject({ ok: false, field: 'guidance' });
    expect(buildJobRequest({ ...base, grid: '9' })).toMatchObject({ ok: false, field: 'grid' });
    expect(buildJobRequest({ ...base, blend: 'soft' })).toMatchObject({ ok: false, field: 'blend' });
    expect(buildJobRequest({ ...base, steps: 'abc' })).toMatchObject({ ok: false, field: 'steps' });
  });
});
