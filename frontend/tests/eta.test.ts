import { describe, expect, it } from 'vitest';
import { addSample, estimateEtaMs, progressFraction, type StepSample } from '../src/eta';

describe('estimateEtaMs', () => {
  it('is unknown until two different step counts were measured', () => {
    expect(estimateEtaMs([], 20)).toBeNull();
    expect(estimateEtaMs([{ t: 0, step: 1 }], 20)).toBeNull();
    expect(estimateEtaMs([{ t: 0, step: 1 }, { t: 500, step: 1 }], 20)).toBeNull();
  });

  it('multiplies the measured time per step by the steps left', () => {
    const s: StepSample[] = [
      { t: 1000, step: 1 },
      { t: 2000, step: 2 },
      { t: 3000, step: 3 },
    ];
    expect(estimateEtaMs(s, 10)).toBe(7000);
  });

  it('subtracts the time already spent on the current step, never below zero', () => {
    const s: StepSample[] = [
      { t: 0, step: 0 },
      { t: 1000, step: 1 },
    ];
    expect(estimateEtaMs(s, 3, 1400)).toBe(1600);
    expect(estimateEtaMs(s, 2, 5000)).toBe(0);
  });

  it('uses a sliding window so a slow start fades out', () => {
    const s: StepSample[] = [{ t: 0, step: 0 }, { t: 10_000, step: 1 }];
    for (let i = 2; i <= 11; i++) s.push({ t: 10_000 + (i - 1) * 100, step: i });
    // last 4 steps took 100 ms each
    expect(estimateEtaMs(s, 21, undefined, 4)).toBe(1000);
  });

  it('handles skipped step counts and finished jobs', () => {
    expect(estimateEtaMs([{ t: 0, step: 0 }, { t: 3000, step: 3 }], 10)).toBe(7000);
    expect(estimateEtaMs([{ t: 0, step: 9 }, { t: 10, step: 10 }], 10)).toBe(0);
    expect(estimateEtaMs([{ t: 0, step: 1 }, { t: 10, step: 2 }], 0)).toBeNull();
  });
});

describe('addSample', () => {
  it('keeps the first sample per step and restarts when steps go backwards', () => {
    let s: StepSample[] = [];
    s = addSample(s, { t: 0, step: 1 });
    s = addSample(s, { t: 50, step: 1 });
    s = addSample(s, { t: 100, step: 2 });
    expect(s).toEqual([{ t: 0, step: 1 }, { t: 100, step: 2 }]);
    s = addSample(s, { t: 200, step: 0 });
    expect(s).toEqual([{ t: 200, step: 0 }]);
  });

  it('caps the history', () => {
    let s: StepSample[] = [];
    for (let i = 0; i < 10; i++) s = addSample(s, { t: i, step: i }, 4);
    expect(s.map((x) => x.step)).toEqual([6, 7, 8, 9]);
  });
});

describe('progressFraction', () => {
  it('clamps to [0, 1]', () => {
    expect(progressFraction(5, 10)).toBe(0.5);
    expect(progressFraction(12, 10)).toBe(1);
    expect(progressFraction(null, 10)).toBe(0);
    expect(progressFraction(3, 0)).toBe(0);
  });
});
