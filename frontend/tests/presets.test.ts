import { describe, expect, it } from 'vitest';
import { buildJobRequest, type FormValues } from '../src/form';
import { PRESETS, applyPreset, findPreset, jobToFormValues } from '../src/presets';
import type { Job } from '../src/protocol';

const job: Job = {
  id: 'j1',
  status: 'done',
  prompt: 'a lighthouse',
  seed: 42,
  steps: 30,
  skip: 0.6,
  guidance: 1500,
  grid: 3,
  blend: 'feather',
  position: null,
  step: 30,
  createdAt: '2025-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  mine: true,
  guidanceSettings: {
    clipScale: 1500,
    cutn: 4,
    cutPow: 1.5,
    canvasShare: 0.25,
    tvScale: 10,
    rangeScale: 50,
    initScale: 100,
    clampRms: 0.05,
  },
};

describe('jobToFormValues (remix)', () => {
  it('maps every parameter, clampRms to clampMax', () => {
    expect(jobToFormValues(job)).toEqual({
      prompt: 'a lighthouse',
      seed: '42',
      steps: '30',
      skip: '0.6',
      guidance: '1500',
      grid: '3',
      blend: 'feather',
      cutn: '4',
      cutPow: '1.5',
      canvasShare: '0.25',
      tvScale: '10',
      rangeScale: '50',
      initScale: '100',
      clampMax: '0.05',
    });
  });

  it('round-trips into the same request', () => {
    const r = buildJobRequest(jobToFormValues(job));
    expect(r).toEqual({
      ok: true,
      request: {
        prompt: 'a lighthouse',
        seed: 42,
        steps: 30,
        skip: 0.6,
        guidance: 1500,
        grid: 3,
        blend: 'feather',
        cutn: 4,
        cutPow: 1.5,
        canvasShare: 0.25,
        tvScale: 10,
        rangeScale: 50,
        initScale: 100,
        clampMax: 0.05,
      },
    });
  });

  it('leaves guidance scales empty (server defaults) for a job without them', () => {
    const v = jobToFormValues({ ...job, guidanceSettings: undefined, seed: null });
    expect(v.seed).toBe('');
    expect(v.cutn).toBe('');
    expect(v.clampMax).toBe('');
    expect(v.guidance).toBe('1500');
  });
});

describe('presets', () => {
  const current: FormValues = {
    ...jobToFormValues(job),
  };

  it('keep prompt and seed, clear what they do not set', () => {
    const fast = applyPreset(current, findPreset('fast')!);
    expect(fast.prompt).toBe('a lighthouse');
    expect(fast.seed).toBe('42');
    expect(fast.steps).toBe('5');
    expect(fast.guidance).toBe('0');
    expect(fast.skip).toBe('');
    expect(fast.cutn).toBe('');
    expect(fast.blend).toBe('');
  });

  it('all produce valid requests', () => {
    for (const p of PRESETS) {
      expect(buildJobRequest(applyPreset(current, p)).ok, p.id).toBe(true);
    }
  });

  it('strong prompt raises guidance, keep composition raises skip', () => {
    expect(Number(applyPreset(current, findPreset('strong')!).guidance)).toBeGreaterThan(1000);
    expect(Number(applyPreset(current, findPreset('keep')!).skip)).toBeGreaterThanOrEqual(0.7);
  });
});

describe('buildJobRequest guidance scales', () => {
  const base: FormValues = { prompt: 'x', seed: '', steps: '', skip: '', guidance: '', grid: '4', blend: '' };
  it('validates the server ranges', () => {
    expect(buildJobRequest({ ...base, cutn: '0' })).toMatchObject({ ok: false, field: 'cutn' });
    expect(buildJobRequest({ ...base, cutn: '1.5' })).toMatchObject({ ok: false, field: 'cutn' });
    expect(buildJobRequest({ ...base, cutn: '16' }).ok).toBe(true);
    expect(buildJobRequest({ ...base, canvasShare: '1.5' })).toMatchObject({ ok: false, field: 'canvasShare' });
    expect(buildJobRequest({ ...base, tvScale: '-1' })).toMatchObject({ ok: false, field: 'tvScale' });
    expect(buildJobRequest({ ...base, clampMax: '0' })).toMatchObject({ ok: false, field: 'clampMax' });
    expect(buildJobRequest({ ...base, cutPow: 'abc' })).toMatchObject({ ok: false, field: 'cutPow' });
  });
});
