// Turns the generate form's raw string values into a validated JobRequest (pure, testable).

import type { Blend, JobRequest } from './protocol';

export interface FormValues {
  prompt: string;
  seed: string;
  steps: string;
  skip: string;
  guidance: string;
  grid: string;
  blend: string;
  // CLIP guidance scales (optional so older callers can omit them; empty = server default).
  cutn?: string;
  cutPow?: string;
  canvasShare?: string;
  tvScale?: string;
  rangeScale?: string;
  initScale?: string;
  clampMax?: string;
}

/** The guidance-scale fields of the form, in display order. */
export const GUIDANCE_FIELDS = [
  'cutn',
  'cutPow',
  'canvasShare',
  'tvScale',
  'rangeScale',
  'initScale',
  'clampMax',
] as const;
export type GuidanceField = (typeof GUIDANCE_FIELDS)[number];

/** Every field of the form, in display order. */
export const FORM_FIELDS: readonly (keyof FormValues)[] = [
  'prompt',
  'seed',
  'steps',
  'skip',
  'guidance',
  'blend',
  'grid',
  ...GUIDANCE_FIELDS,
];

interface ScaleRule {
  min: number;
  max?: number;
  integer?: boolean;
}

/** Server-side limits of the guidance scales (JobRequest.java). */
export const GUIDANCE_RULES: Record<GuidanceField, ScaleRule> = {
  cutn: { min: 1, max: 16, integer: true },
  cutPow: { min: 0.1, max: 10 },
  canvasShare: { min: 0, max: 1 },
  tvScale: { min: 0 },
  rangeScale: { min: 0 },
  initScale: { min: 0 },
  clampMax: { min: 1e-6, max: 10 },
};

export type FormResult =
  | { ok: true; request: JobRequest }
  | { ok: false; field: keyof FormValues; message: string };

export const MAX_PROMPT = 500;
export const MAX_SEED = 2 ** 53;

function num(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

export function buildJobRequest(v: FormValues): FormResult {
  const prompt = v.prompt.trim();
  if (!prompt) return { ok: false, field: 'prompt', message: 'Please enter a prompt.' };
  if (prompt.length > MAX_PROMPT) {
    return { ok: false, field: 'prompt', message: `The prompt is limited to ${MAX_PROMPT} characters.` };
  }
  const req: JobRequest = { prompt };

  const seed = num(v.seed);
  if (seed !== null) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      return { ok: false, field: 'seed', message: 'Seed must be a whole number from 0 to 2^53 (or empty for random).' };
    }
    req.seed = seed;
  }
  const steps = num(v.steps);
  if (steps !== null) {
    if (!Number.isInteger(steps) || steps < 1 || steps > 200) {
      return { ok: false, field: 'steps', message: 'Steps must be a whole number from 1 to 200.' };
    }
    req.steps = steps;
  }
  const skip = num(v.skip);
  if (skip !== null) {
    if (Number.isNaN(skip) || skip < 0 || skip >= 1) {
      return { ok: false, field: 'skip', message: 'Skip must be at least 0 and less than 1.' };
    }
    req.skip = skip;
  }
  const guidance = num(v.guidance);
  if (guidance !== null) {
    if (Number.isNaN(guidance) || guidance < 0) {
      return { ok: false, field: 'guidance', message: 'Guidance must be 0 or more.' };
    }
    req.guidance = guidance;
  }
  const grid = num(v.grid);
  if (grid !== null) {
    if (!Number.isInteger(grid) || grid < 1 || grid > 8) {
      return { ok: false, field: 'grid', message: 'Grid must be a whole number from 1 to 8.' };
    }
    req.grid = grid;
  }
  const blend = v.blend.trim();
  if (blend) {
    if (blend !== 'none' && blend !== 'feather' && blend !== 'joint') {
      return { ok: false, field: 'blend', message: 'Blend must be none, feather or joint.' };
    }
    req.blend = blend as Blend;
  }
  for (const f of GUIDANCE_FIELDS) {
    const value = num(v[f] ?? '');
    if (value === null) continue;
    const rule = GUIDANCE_RULES[f];
    const bad =
      Number.isNaN(value) ||
      value < rule.min ||
      (rule.max !== undefined && value > rule.max) ||
      (rule.integer === true && !Number.isInteger(value));
    if (bad) {
      const range =
        rule.max !== undefined ? `from ${rule.min} to ${rule.max}` : `${rule.min} or more`;
      return {
        ok: false,
        field: f,
        message: `${f} must be ${rule.integer ? 'a whole number' : 'a number'} ${range}.`,
      };
    }
    req[f] = value;
  }
  return { ok: true, request: req };
}
