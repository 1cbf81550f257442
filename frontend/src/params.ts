// The rows of the item page's parameter table (pure, testable).

import type { Job } from './protocol';

export interface ParamRow {
  /** Stable key (the API field name). */
  key: string;
  label: string;
  value: string;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

/** Formats an ISO instant for people; the ISO string itself when it does not parse. */
export function formatTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Every parameter of the job, in a fixed order, as label/value text. */
export function jobParamRows(job: Job, locale?: string): ParamRow[] {
  const g = job.guidanceSettings ?? null;
  return [
    { key: 'prompt', label: 'Prompt', value: show(job.prompt) },
    { key: 'seed', label: 'Seed', value: show(job.seed) },
    { key: 'steps', label: 'Steps', value: show(job.steps) },
    { key: 'skip', label: 'Skip', value: show(job.skip) },
    { key: 'guidance', label: 'Guidance (CLIP scale)', value: show(job.guidance ?? g?.clipScale) },
    { key: 'grid', label: 'Grid', value: job.grid ? `${job.grid} × ${job.grid}` : '—' },
    { key: 'blend', label: 'Blend', value: show(job.blend) },
    { key: 'cutn', label: 'Cutouts (cutn)', value: show(g?.cutn) },
    { key: 'cutPow', label: 'Cutout power (cutPow)', value: show(g?.cutPow) },
    { key: 'canvasShare', label: 'Canvas share', value: show(g?.canvasShare) },
    { key: 'tvScale', label: 'TV scale', value: show(g?.tvScale) },
    { key: 'rangeScale', label: 'Range scale', value: show(g?.rangeScale) },
    { key: 'initScale', label: 'Init scale', value: show(g?.initScale) },
    { key: 'clampMax', label: 'Clamp max', value: show(g?.clampRms) },
    { key: 'createdAt', label: 'Created', value: formatTime(job.createdAt, locale) },
    { key: 'finishedAt', label: 'Finished', value: formatTime(job.finishedAt, locale) },
  ];
}
