import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse, errorMessage, jobSocketUrl, problemMessage } from '../src/api';

function problemResponse(status: number, body: unknown, type = 'application/problem+json') {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type },
  });
}

describe('problemMessage', () => {
  it('prefers detail, then title, then a status-based fallback', () => {
    expect(problemMessage({ title: 'Bad Request', status: 400, detail: 'prompt must not be blank' }, 400)).toBe(
      'prompt must not be blank',
    );
    expect(problemMessage({ title: 'Conflict', status: 409 }, 409)).toBe('Conflict');
    expect(problemMessage({ detail: '   ' , title: 'T'}, 400)).toBe('T');
    expect(problemMessage(null, 429)).toMatch(/queue is full/i);
    expect(problemMessage('oops', 500)).toMatch(/HTTP 500/);
    expect(problemMessage({}, 418, "I'm a teapot")).toMatch(/HTTP 418 I'm a teapot/);
  });
});

describe('errorFromResponse', () => {
  it('reads detail and field from problem+json', async () => {
    const err = await errorFromResponse(
      problemResponse(400, { title: 'Invalid', status: 400, detail: 'steps must be at most 200', field: 'steps' }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('steps must be at most 200');
    expect(err.status).toBe(400);
    expect(err.field).toBe('steps');
  });

  it('handles 429 with and without a body', async () => {
    const withBody = await errorFromResponse(problemResponse(429, { title: 'Too Many Requests', status: 429, detail: 'Queue is full (8 jobs)' }));
    expect(withBody.message).toBe('Queue is full (8 jobs)');
    const empty = await errorFromResponse(new Response(null, { status: 429 }));
    expect(empty.message).toMatch(/queue is full/i);
  });

  it('survives non-JSON bodies', async () => {
    const err = await errorFromResponse(problemResponse(502, '<html>Bad Gateway</html>', 'text/html'));
    expect(err.message).toMatch(/HTTP 502/);
    expect(err.field).toBeUndefined();
  });
});

describe('errorMessage', () => {
  it('turns anything thrown into text', () => {
    expect(errorMessage(new ApiError('nope', 400))).toBe('nope');
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/reach the server/);
    expect(errorMessage(new Error('x'))).toBe('x');
    expect(errorMessage('plain')).toBe('plain');
  });
});

describe('jobSocketUrl', () => {
  it('matches the page protocol', () => {
    expect(jobSocketUrl('abc', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/jobs/abc');
    expect(jobSocketUrl('a b', { protocol: 'https:', host: 'example.org' })).toBe('wss://example.org/ws/jobs/a%20b');
  });
});

describe('Retry-After', () => {
  it('is read from 429 answers and added to the message', async () => {
    const { parseRetryAfter } = await import('../src/api');
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    const res = new Response(JSON.stringify({ title: 'Too Many Requests', status: 429, detail: 'You already have 3 waiting jobs.' }), {
      status: 429,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' },
    });
    const err = await errorFromResponse(res);
    expect(err.retryAfter).toBe(5);
    expect(errorMessage(err)).toBe('You already have 3 waiting jobs. Try again in 5 s.');
  });
});
