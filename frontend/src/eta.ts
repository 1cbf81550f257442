// ETA of a running job from measured step times (pure, testable).

export interface StepSample {
  /** Time the step count was observed, in ms (any monotonic clock). */
  t: number;
  /** Steps completed at that time. */
  step: number;
}

/**
 * Estimated ms until `totalSteps` are done, from progress samples: the mean time per step over
 * the last `window` steps observed (a sliding window, so a slow first step or a change of speed
 * fades out), times the steps left, less the time already spent on the current step.
 * Returns null until two samples with different step counts exist; 0 when done.
 */
export function estimateEtaMs(
  samples: readonly StepSample[],
  totalSteps: number,
  now?: number,
  window = 8,
): number | null {
  if (samples.length === 0 || !(totalSteps > 0)) return null;
  const last = samples[samples.length - 1];
  if (last.step >= totalSteps) return 0;
  // Oldest sample still within `window` steps of the last one, with a lower step count.
  let first: StepSample | null = null;
  for (let i = samples.length - 2; i >= 0; i--) {
    const s = samples[i];
    if (s.step >= last.step) continue;
    if (last.step - s.step > window) break;
    first = s;
  }
  if (!first) return null;
  const dt = last.t - first.t;
  if (!(dt > 0)) return null;
  const msPerStep = dt / (last.step - first.step);
  const remaining = (totalSteps - last.step) * msPerStep;
  const elapsed = now !== undefined && now > last.t ? Math.min(now - last.t, msPerStep) : 0;
  return Math.max(0, Math.round(remaining - elapsed));
}

/**
 * Adds a sample, keeping one per step count (the first time a count was seen) and dropping any
 * that went backwards (a new run of the job). Returns the new array.
 */
export function addSample(samples: readonly StepSample[], sample: StepSample, max = 64): StepSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.step === last.step) return samples.slice();
  const kept = last && sample.step < last.step ? [] : samples.slice();
  kept.push(sample);
  return kept.length > max ? kept.slice(kept.length - max) : kept;
}

/** Overall progress in [0, 1] from the step count. */
export function progressFraction(step: number | null | undefined, steps: number | null | undefined): number {
  if (!steps || steps <= 0 || step === null || step === undefined || !Number.isFinite(step)) return 0;
  return Math.min(1, Math.max(0, step / steps));
}
