// Dependency-free mock of the Overpaint server for looking at the built frontend without the
// Java backend: serves the build output, fakes the REST API and streams synthetic tile
// previews over /ws/jobs/{id}. Usage: node scripts/mock-server.mjs [port] [dir]
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { deflateSync } from 'node:zlib';

const port = Number(process.argv[2] ?? 8099);
const root = process.argv[3] ?? new URL('../../target/classes/META-INF/resources', import.meta.url).pathname;

// ---- tiny PNG encoder ----
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w, h, pixel) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const scene = (fx, fy, t) => [
  Math.round(60 + 150 * fx * t + 40 * Math.sin(fy * 9)),
  Math.round(70 + 120 * fy),
  Math.round(140 + 100 * (1 - fx) * t),
];

// ---- job model ----
const CANVAS = 1024, GRID = 4, OVERLAP = 64;
const tiles = [];
for (let r = 0; r < GRID; r++) for (let c = 0; c < GRID; c++) {
  const s = CANVAS / GRID;
  const x = Math.max(0, c * s - OVERLAP), y = Math.max(0, r * s - OVERLAP);
  tiles.push({ index: r * GRID + c, x, y, w: Math.min(CANVAS, (c + 1) * s + OVERLAP) - x, h: Math.min(CANVAS, (r + 1) * s + OVERLAP) - y });
}
const jobs = new Map();
const galleries = new Map();

function tileFrame(job, tile, step) {
  const pw = Math.round(tile.w / 4), ph = Math.round(tile.h / 4);
  const t = step / job.steps;
  // Early steps are noisy and tinted per tile so the tile layout is visible; they converge.
  const tint = ((tile.index * 37) % 64) * (1 - t);
  const img = png(pw, ph, (x, y) => scene((tile.x + x * 4) / CANVAS, (tile.y + y * 4) / CANVAS, t)
    .map((v, i) => Math.max(0, Math.min(255, v + (i === 1 ? tint : 0) + (Math.random() - 0.5) * 120 * (1 - t)))));
  const h = Buffer.alloc(18);
  h[0] = 1; h[1] = 1; h[2] = 2; h[3] = 0;
  h.writeUInt16BE(tile.index, 4); h.writeUInt16BE(step, 6); h.writeUInt16BE(job.steps, 8);
  h.writeUInt16BE(tile.x, 10); h.writeUInt16BE(tile.y, 12); h.writeUInt16BE(tile.w, 14); h.writeUInt16BE(tile.h, 16);
  return Buffer.concat([h, img]);
}

// ---- websocket (server side, unmasked frames out, masked in) ----
function wsSend(sock, data) {
  const bin = Buffer.isBuffer(data);
  const payload = bin ? data : Buffer.from(data);
  let head;
  if (payload.length < 126) head = Buffer.from([bin ? 0x82 : 0x81, payload.length]);
  else if (payload.length < 65536) { head = Buffer.alloc(4); head[0] = bin ? 0x82 : 0x81; head[1] = 126; head.writeUInt16BE(payload.length, 2); }
  else { head = Buffer.alloc(10); head[0] = bin ? 0x82 : 0x81; head[1] = 127; head.writeBigUInt64BE(BigInt(payload.length), 2); }
  if (!sock.destroyed) sock.write(Buffer.concat([head, payload]));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const jobView = (j) => ({ id: j.id, status: j.status, prompt: j.prompt, seed: j.seed, steps: j.steps, skip: j.skip, guidance: j.guidance, grid: GRID, blend: j.blend, position: j.status === 'queued' ? 0 : null, step: j.step, createdAt: j.createdAt, startedAt: null, finishedAt: j.status === 'done' ? j.createdAt : null, error: null, mine: true,
  guidanceSettings: { clipScale: j.guidance, cutn: j.cutn ?? 2, cutPow: j.cutPow ?? 1, canvasShare: j.canvasShare ?? 0.5, tvScale: j.tvScale ?? 0, rangeScale: j.rangeScale ?? 50, initScale: j.initScale ?? 0, clampRms: j.clampMax ?? 0.05 } });

async function stream(sock, job) {
  wsSend(sock, JSON.stringify({ type: 'status', ...jobView(job) }));
  if (job.status === 'done') {
    for (const t of tiles) wsSend(sock, tileFrame(job, t, job.steps));
    return;
  }
  if (job.status === 'queued') {
    wsSend(sock, JSON.stringify({ type: 'queued', position: 0 }));
    await sleep(400);
  }
  job.status = 'running';
  wsSend(sock, JSON.stringify({ type: 'started', steps: job.steps, grid: { cols: GRID, rows: GRID }, canvas: { width: CANVAS, height: CANVAS }, tiles }));
  for (let step = 1; step <= job.steps && !sock.destroyed; step++) {
    for (const t of tiles) {
      if (job.status === 'cancelled') { wsSend(sock, JSON.stringify({ type: 'cancelled' })); return; }
      if (job.stopAt && step === job.stopAt.step && t.index === job.stopAt.tile) return; // freeze (screenshots)
      await sleep(job.delay);
      wsSend(sock, tileFrame(job, t, step));
    }
    job.step = step;
    wsSend(sock, JSON.stringify({ type: 'progress', step, steps: job.steps, etaMs: (job.steps - step) * 16 * job.delay }));
  }
  if (sock.destroyed) return;
  job.status = 'done';
  wsSend(sock, JSON.stringify({ type: 'done', image: `/api/jobs/${job.id}/image.png` }));
  sock.end();
}

function newJob(body, id = randomUUID()) {
  const job = { ...body, id, status: 'queued', prompt: body.prompt, seed: body.seed ?? Math.floor(Math.random() * 1e9), steps: body.steps ?? 6, skip: body.skip ?? 0.4, guidance: body.guidance ?? 7, blend: body.blend ?? 'feather', step: 0, createdAt: new Date().toISOString(), delay: 25 };
  jobs.set(id, job);
  return job;
}
// Fixed demo jobs for screenshots.
newJob({ prompt: 'A misty harbour at dawn, <b>oil</b> painting', steps: 20 }, 'demo-running').stopAt = { step: 9, tile: 11 };
Object.assign(newJob({ prompt: 'Finished demo', steps: 20 }, 'demo-done'), { status: 'done', step: 20 });

// ---- issue 5: session, gallery management, items, public gallery, admin ----
let displayName = null;
let admin = false;
const reviews = [];
const audit = [];
const galleryView = (g) => ({ id: g.id, name: g.name, owned: true, items: g.items.map((it, i) => ({ ...it, position: i })) });
const summary = (g) => ({ id: g.id, name: g.name, itemCount: g.items.length, createdAt: g.createdAt });
const findItem = (itemId) => {
  for (const g of galleries.values()) { const it = g.items.find((i) => i.id === itemId); if (it) return { g, it }; }
  return null;
};
const log = (action, target, detail = null) => audit.unshift({ id: audit.length + 1, at: new Date().toISOString(), admin: 'admin', action, target, detail });
const publicList = () => [...galleries.values()].flatMap((g) => g.items).filter((i) => i.status === 'public').reverse();

async function issue5(req, res, p, url) {
  let m;
  const method = req.method;
  if (p === '/api/session') {
    if (method === 'PUT') { const b = await readBody(req); if ((b.displayName ?? '').length > 40) return problem(res, 400, 'displayName must be at most 40 characters', 'displayName'); displayName = b.displayName || null; }
    return send(res, 200, { displayName });
  }
  if ((m = p.match(/^\/api\/galleries\/([^/]+)$/)) && (method === 'PATCH' || method === 'DELETE')) {
    const g = galleries.get(m[1]);
    if (!g) return problem(res, 404, 'No such gallery');
    if (method === 'DELETE') { galleries.delete(g.id); res.writeHead(204); return res.end(); }
    const { name } = await readBody(req);
    if (!name || !name.trim()) return problem(res, 400, 'name must not be blank', 'name');
    g.name = name.trim();
    return send(res, 200, summary(g));
  }
  if ((m = p.match(/^\/api\/galleries\/([^/]+)\/order$/)) && method === 'PUT') {
    const g = galleries.get(m[1]);
    if (!g) return problem(res, 404, 'No such gallery');
    const { itemIds } = await readBody(req);
    if (!Array.isArray(itemIds) || itemIds.length !== g.items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => g.items.some((i) => i.id === id)))
      return problem(res, 400, 'itemIds must list every item exactly once', 'itemIds');
    g.items = itemIds.map((id) => g.items.find((i) => i.id === id));
    return send(res, 200, galleryView(g));
  }
  if ((m = p.match(/^\/api\/galleries\/([^/]+)\/items\/([^/]+)$/)) && method === 'DELETE') {
    const g = galleries.get(m[1]);
    if (!g) return problem(res, 404, 'No such gallery');
    g.items = g.items.filter((i) => i.id !== m[2]);
    res.writeHead(204); return res.end();
  }
  if ((m = p.match(/^\/api\/galleries\/([^/]+)\/items\/([^/]+)\/publish$/)) && method === 'POST') {
    const f = findItem(m[2]);
    if (!f) return problem(res, 404, 'No such item');
    if (f.it.status === 'public' || f.it.status === 'hidden') return problem(res, 409, `The item is already ${f.it.status}`);
    f.it.status = 'pending'; f.it.reason = null;
    reviews.push({ id: randomUUID().slice(0, 8), itemId: f.it.id, prompt: f.it.prompt, image: f.it.image, thumbnail: f.it.thumbnail, submittedAt: new Date().toISOString(), status: 'pending', reason: null, decidedAt: null });
    return send(res, 202, { id: f.it.id, status: 'pending' });
  }
  if ((m = p.match(/^\/api\/items\/([^/]+)$/))) {
    const f = findItem(m[1]);
    if (!f) return problem(res, 404, 'No such item');
    const job = jobs.get(f.it.jobId);
    return send(res, 200, { id: f.it.id, galleryId: f.g.id, galleryName: f.g.name, status: f.it.status, reason: f.it.reason, createdAt: f.it.createdAt, owned: true, thumbnail: f.it.thumbnail, image: f.it.image, job: job ? jobView(job) : null });
  }
  if (p === '/api/public/items') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 24));
    const cursor = Number(url.searchParams.get('cursor') ?? 0);
    const all = publicList().filter((i) => !q || i.prompt.toLowerCase().includes(q));
    const page = all.slice(cursor, cursor + limit).map(({ id, prompt, thumbnail, image, createdAt }) => ({ id, prompt, thumbnail, image, createdAt }));
    return send(res, 200, { items: page, next: cursor + limit < all.length ? String(cursor + limit) : null });
  }
  if (p === '/admin/login' && method === 'POST') {
    const body = await new Promise((r) => { let s = ''; req.on('data', (d) => (s += d)); req.on('end', () => r(new URLSearchParams(s))); });
    admin = body.get('username') === 'admin' && body.get('password') === 'admin';
    res.writeHead(303, { Location: admin ? '/admin' : '/admin/login?error=1' }); return res.end();
  }
  if (p === '/admin/logout' && method === 'POST') { admin = false; res.writeHead(303, { Location: '/admin/login' }); return res.end(); }
  if (p === '/admin/login') return send(res, 200, await readFile(join(root, 'admin-login.html')), 'text/html');
  if (p === '/admin' || p.startsWith('/api/admin/')) {
    if (!admin) return p === '/admin' ? (res.writeHead(303, { Location: '/admin/login' }), res.end()) : problem(res, 401, 'Log in as an admin');
    if (p === '/admin') return send(res, 200, await readFile(join(root, 'admin.html')), 'text/html');
    if (p === '/api/admin/me') return send(res, 200, { username: 'admin' });
    if (p === '/api/admin/reviews') return send(res, 200, reviews.filter((r) => r.status === (url.searchParams.get('status') ?? 'pending')));
    if (p === '/api/admin/audit') return send(res, 200, audit);
    if (p === '/api/admin/items') {
      const st = url.searchParams.get('status') ?? 'public';
      return send(res, 200, [...galleries.values()].flatMap((g) => g.items).filter((i) => i.status === st).map(({ id, prompt, thumbnail, image, status, publishedAt }) => ({ id, prompt, thumbnail, image, status, publishedAt })));
    }
    if ((m = p.match(/^\/api\/admin\/reviews\/([^/]+)\/(approve|reject)$/)) && method === 'POST') {
      const r = reviews.find((x) => x.id === m[1]);
      if (!r) return problem(res, 404, 'No such review');
      const f = findItem(r.itemId);
      if (m[2] === 'reject') {
        const { reason } = await readBody(req);
        if (!reason || !reason.trim()) return problem(res, 400, 'reason is required', 'reason');
        Object.assign(r, { status: 'rejected', reason, decidedAt: new Date().toISOString() });
        if (f) Object.assign(f.it, { status: 'rejected', reason });
      } else {
        Object.assign(r, { status: 'approved', decidedAt: new Date().toISOString() });
        if (f) Object.assign(f.it, { status: 'public', publishedAt: r.decidedAt });
      }
      log(m[2], r.itemId, r.reason);
      return send(res, 200, r);
    }
    if ((m = p.match(/^\/api\/admin\/items\/([^/]+)\/(hide|unhide)$/)) && method === 'POST') {
      const f = findItem(m[1]);
      if (!f) return problem(res, 404, 'No such item');
      f.it.status = m[2] === 'hide' ? 'hidden' : 'public';
      log(m[2], f.it.id);
      return send(res, 200, { id: f.it.id, status: f.it.status });
    }
    return problem(res, 404, 'not found');
  }
  return false;
}

// ---- http ----
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const send = (res, status, body, type = 'application/json', headers = {}) => {
  res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CSP, ...headers });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
};
const problem = (res, status, detail, field) => send(res, status, { title: 'Error', status, detail, field }, 'application/problem+json');
const readBody = (req) => new Promise((r) => { let s = ''; req.on('data', (d) => (s += d)); req.on('end', () => { try { r(JSON.parse(s || '{}')); } catch { r({}); } }); });
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  let m;
  if (req.method === 'POST' && p === '/api/jobs') {
    const body = await readBody(req);
    if (!body.prompt || !String(body.prompt).trim()) return problem(res, 400, 'prompt must not be blank', 'prompt');
    if (body.prompt === 'full') return problem(res, 429, 'The queue is full (8 jobs waiting). Try again later.');
    const job = newJob(body);
    return send(res, 202, { id: job.id, status: 'queued', position: 0 });
  }
  if ((m = p.match(/^\/api\/jobs\/([^/]+)$/))) {
    const job = jobs.get(m[1]);
    return job ? send(res, 200, jobView(job)) : problem(res, 404, 'No such job');
  }
  if ((m = p.match(/^\/api\/jobs\/([^/]+)\/cancel$/)) && req.method === 'POST') {
    const job = jobs.get(m[1]);
    if (!job) return problem(res, 404, 'No such job');
    job.status = 'cancelled';
    return send(res, 202, {});
  }
  if ((m = p.match(/^\/api\/jobs\/([^/]+)\/(image|init)\.png$/))) {
    const init = m[2] === 'init';
    return send(res, 200, png(256, 256, (x, y) => init ? [Math.round(x / 2), Math.round(y / 2), 120] : scene(x / 256, y / 256, 1)), 'image/png');
  }
  const handled = await issue5(req, res, p, url);
  if (handled !== false) return;
  if (p === '/api/galleries' && req.method === 'GET') return send(res, 200, [...galleries.values()].reverse().map(summary));
  if (p === '/api/galleries' && req.method === 'POST') {
    const { name } = await readBody(req);
    if (!name) return problem(res, 400, 'name must not be blank', 'name');
    const g = { id: randomUUID().slice(0, 8), name, items: [], createdAt: new Date().toISOString() };
    galleries.set(g.id, g);
    return send(res, 201, summary(g));
  }
  if ((m = p.match(/^\/api\/galleries\/([^/]+)\/items$/)) && req.method === 'POST') {
    const g = galleries.get(m[1]);
    if (!g) return problem(res, 404, 'No such gallery');
    const { jobId } = await readBody(req);
    const job = jobs.get(jobId);
    const item = { id: randomUUID().slice(0, 8), jobId, prompt: job?.prompt ?? '', image: `/api/jobs/${jobId}/image.png`, thumbnail: `/api/jobs/${jobId}/image.png`, status: 'private', reason: null, createdAt: new Date().toISOString() };
    g.items.push(item);
    return send(res, 201, { id: item.id });
  }
  if ((m = p.match(/^\/api\/galleries\/([^/]+)$/))) {
    const g = galleries.get(m[1]);
    return g ? send(res, 200, galleryView(g)) : problem(res, 404, 'No such gallery');
  }
  try {
    const file = normalize(join(root, p === '/' ? 'index.html' : p));
    if (!file.startsWith(normalize(root))) return problem(res, 403, 'forbidden');
    return send(res, 200, await readFile(file), types[extname(file)] ?? 'application/octet-stream');
  } catch {
    return problem(res, 404, 'not found');
  }
});

server.on('upgrade', (req, sock) => {
  const m = new URL(req.url, 'http://x').pathname.match(/^\/ws\/jobs\/([^/]+)$/);
  const job = m && jobs.get(m[1]);
  if (!job) return sock.destroy();
  const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  sock.on('error', () => {});
  sock.on('data', (d) => { if ((d[0] & 0x0f) === 8) sock.end(); });
  void stream(sock, job);
});

server.listen(port, () => console.log(`mock Overpaint on http://localhost:${port} serving ${root}`));
