// Form presets and the Job -> form mapping used by remix (pure, testable).

import type { FormValues } from './form';
import type { Job } from './protocol';

export interface Preset {
  id: string;
  label: string;
  /** Fields the preset sets; every other parameter goes back to the server default (""). */
  values: Partial<Omit<FormValues, 'prompt'>>;
}

export const PRESETS: readonly Preset[] = [
  { id: 'fast', label: 'Fast preview', values: { steps: '5', guidance: '0', grid: '4' } },
  { id: 'default', label: 'Default', values: { grid: '4' } },
  // The guidance gradient is clamped by its RMS, so a stronger pull needs a looser clamp too.
  {
    id: 'strong',
    label: 'Strong prompt',
    values: { steps: '30', guidance: '3000', cutn: '4', clampMax: '0.1', grid: '4' },
  },
  {
    id: 'keep',
    label: 'Keep composition',
    values: { skip: '0.8', guidance: '1000', initScale: '1000', grid: '4' },
  },
];

export const EMPTY_PARAMS: Omit<FormValues, 'prompt'> = {
  seed: '',
  steps: '',
  skip: '',
  guidance: '',
  grid: '4',
  blend: '',
  cutn: '',
  cutPow: '',
  canvasShare: '',
  tvScale: '',
  rangeScale: '',
  initScale: '',
  clampMax: '',
};

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/**
 * The form after choosing `preset`: the prompt and the seed stay as they are, every parameter
 * the preset names is set and all others are cleared to the server default.
 */
export function applyPreset(current: FormValues, preset: Preset): FormValues {
  return { ...EMPTY_PARAMS, prompt: current.prompt, seed: current.seed, ...preset.values };
}

function str(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : String(n);
}

/** Every parameter of `job` as form values, so that submitting the form repeats the job. */
export function jobToFormValues(job: Job): FormValues {
  const g = job.guidanceSettings ?? null;
  return {
    prompt: job.prompt ?? '',
    seed: str(job.seed),
    steps: str(job.steps),
    skip: str(job.skip),
    guidance: str(job.guidance ?? g?.clipScale),
    grid: str(job.grid) || '4',
    blend: job.blend ?? '',
    cutn: str(g?.cutn),
    cutPow: str(g?.cutPow),
    canvasShare: str(g?.canvasShare),
    tvScale: str(g?.tvScale),
    rangeScale: str(g?.rangeScale),
    initScale: str(g?.initScale),
    clampMax: str(g?.clampRms),
  };
}
