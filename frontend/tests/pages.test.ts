import { describe, expect, it } from 'vitest';
import { moveItem, publishState, queryParam, statusLabel } from '../src/items';
import {
  appendPage,
  hasMore,
  initialPageState,
  isEmpty,
  nextCursor,
  parseSearchQuery,
  publicItemsQuery,
  searchForQuery,
} from '../src/pagination';
import { jobParamRows } from '../src/params';
import type { Job } from '../src/protocol';

describe('query strings', () => {
  it('reads ?q= and ?id=', () => {
    expect(parseSearchQuery('?q=%20red%20fox%20')).toBe('red fox');
    expect(parseSearchQuery('')).toBe('');
    expect(parseSearchQuery('?q=a+b&x=1')).toBe('a b');
    expect(queryParam('?id=abc')).toBe('abc');
    expect(queryParam('?id=')).toBeNull();
    expect(queryParam('?remix=j1', 'remix')).toBe('j1');
    expect(queryParam('')).toBeNull();
  });

  it('builds the page and API query strings', () => {
    expect(searchForQuery('  ')).toBe('');
    expect(searchForQuery('red & fox')).toBe('?q=red+%26+fox');
    expect(publicItemsQuery('', null)).toBe('');
    expect(publicItemsQuery('fox', 'c1/2', 24)).toBe('?q=fox&cursor=c1%2F2&limit=24');
  });
});

describe('page state', () => {
  it('walks the keyset cursor and de-duplicates', () => {
    let s = initialPageState<{ id: string }>('fox');
    expect(nextCursor(s)).toBeNull();
    expect(hasMore(s)).toBe(false);
    expect(isEmpty(s)).toBe(false);
    s = appendPage(s, { items: [{ id: 'a' }, { id: 'b' }], next: 'n1' });
    expect(nextCursor(s)).toBe('n1');
    expect(hasMore(s)).toBe(true);
    s = appendPage(s, { items: [{ id: 'b' }, { id: 'c' }], next: null });
    expect(s.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(nextCursor(s)).toBeUndefined();
    expect(hasMore(s)).toBe(false);
    expect(s.query).toBe('fox');
  });

  it('is empty after an empty first page', () => {
    const s = appendPage(initialPageState<{ id: string }>(''), { items: [], next: null });
    expect(isEmpty(s)).toBe(true);
  });
});

describe('items', () => {
  it('publish is allowed for private and rejected only', () => {
    expect(publishState('private')).toEqual({ enabled: true, note: '' });
    expect(publishState(undefined).enabled).toBe(true);
    expect(publishState('pending').enabled).toBe(false);
    expect(publishState('public').enabled).toBe(false);
    expect(publishState('hidden').enabled).toBe(false);
    expect(publishState('rejected', 'blurry')).toEqual({ enabled: true, note: 'Rejected: blurry' });
    expect(statusLabel('pending')).toBe('Pending review');
  });

  it('moves items within bounds', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('jobParamRows', () => {
  const job: Job = {
    id: 'j',
    status: 'done',
    prompt: 'p',
    seed: 7,
    steps: 20,
    skip: 0.5,
    guidance: 0,
    grid: 4,
    blend: 'joint',
    position: null,
    step: 20,
    createdAt: '2025-01-02T03:04:05Z',
    startedAt: null,
    finishedAt: null,
    error: null,
    guidanceSettings: {
      clipScale: 0,
      cutn: 2,
      cutPow: 1,
      canvasShare: 0.5,
      tvScale: 0,
      rangeScale: 50,
      initScale: 0,
      clampRms: 0.05,
    },
  };

  it('lists every parameter with its value', () => {
    const rows = jobParamRows(job, 'en-GB');
    expect(rows.map((r) => r.key)).toEqual([
      'prompt', 'seed', 'steps', 'skip', 'guidance', 'grid', 'blend',
      'cutn', 'cutPow', 'canvasShare', 'tvScale', 'rangeScale', 'initScale', 'clampMax',
      'createdAt', 'finishedAt',
    ]);
    const value = (k: string) => rows.find((r) => r.key === k)!.value;
    expect(value('guidance')).toBe('0');
    expect(value('grid')).toBe('4 × 4');
    expect(value('clampMax')).toBe('0.05');
    expect(value('finishedAt')).toBe('—');
    expect(value('createdAt')).toMatch(/2025/);
  });

  it('shows a dash for missing guidance settings', () => {
    const rows = jobParamRows({ ...job, guidanceSettings: null });
    expect(rows.find((r) => r.key === 'cutn')!.value).toBe('—');
  });
});

describe('admin and share helpers', () => {
  it('requires a rejection reason of at most 500 characters', async () => {
    const { reasonProblem, itemPageUrl } = await import('../src/items');
    expect(reasonProblem('  ')).toMatch(/required/);
    expect(reasonProblem('x'.repeat(501))).toMatch(/500/);
    expect(reasonProblem('off topic')).toBeNull();
    expect(itemPageUrl('a/b', 'https://overpaint.example')).toBe('https://overpaint.example/item.html?id=a%2Fb');
  });
});
