import express from 'express';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';
import { JsonPrefix, PreparedJson, prepareJson, sendPrepared } from './preparedJson';

const text = (p: PreparedJson) => Buffer.concat(p.pieces).toString();

/** Reads the bytes as they came over the wire (supertest then gunzips them). */
const raw = (r: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('sendPrepared', () => {
  const big = prepareJson(
    JSON.stringify({ services: Array.from({ length: 2000 }, (_, i) => ({ ref: `dataservice:default/s-${i}`, tier: 1 })) }),
  );
  const small = prepareJson(JSON.stringify({ ok: true }));
  const app = express();
  app.get('/big', (req, res) => sendPrepared(req, res, big));
  app.get('/small', (req, res) => sendPrepared(req, res, small));

  it('sends a large body gzipped to clients that accept it, compressed once', async () => {
    const res = await request(app)
      .get('/big')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(raw);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    // The client decompresses; on the wire were the bytes compressed once.
    expect((res.body as Buffer).toString()).toBe(text(big));
    const first = Buffer.concat(await big.gzipped());
    expect(Number(res.headers['content-length'])).toBe(first.length);
    expect(gunzipSync(first).toString()).toBe(text(big));
    expect(first.length).toBeLessThan(big.length / 5);
    const again = big.gzipped();
    await request(app).get('/big').set('Accept-Encoding', 'gzip');
    expect(big.gzipped()).toBe(again);
  });

  it('sends plain JSON to clients that do not accept gzip, and small bodies as they are', async () => {
    const plain = await request(app).get('/big').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.services).toHaveLength(2000);
    const res = await request(app).get('/small').set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toEqual({ ok: true });
  });

  it('answers 304 to a matching If-None-Match, gzip or not', async () => {
    for (const encoding of ['gzip', 'identity']) {
      const res = await request(app).get('/big').set('Accept-Encoding', encoding).set('If-None-Match', big.etag);
      expect(res.status).toBe(304);
    }
    const changed = await request(app).get('/big').set('If-None-Match', '"other"');
    expect(changed.status).toBe(200);
  });
});

describe('JsonPrefix', () => {
  // Multi-byte characters: lengths and checksums are of bytes, not of characters.
  const services = Array.from({ length: 3000 }, (_, i) => ({ ref: `dataservice:default/s-${i}`, title: `Ström ${i} – 東京` }));
  const prefix = new JsonPrefix(`{"services":${JSON.stringify(services)}`);
  const at = (instant: string) => prefix.complete(`,"at":"${instant}"}`);

  it('completes into the whole body, with the ETag and gzip encoding of that body', async () => {
    const body = at('2026-03-29T01:00:00Z');
    const whole = `{"services":${JSON.stringify(services)},"at":"2026-03-29T01:00:00Z"}`;
    expect(text(body)).toBe(whole);
    expect(body.length).toBe(Buffer.byteLength(whole));
    expect(body.etag).toBe(prepareJson(whole).etag);
    const gzipped = Buffer.concat(await body.gzipped());
    expect(gunzipSync(gzipped).toString()).toBe(whole);
    expect(gzipped.length).toBeLessThan(body.length / 5);
  });

  it('gives each ending its own ETag and a gzip stream that decodes to that ending', async () => {
    const one = at('2026-03-29T01:00:00Z');
    const two = at('2026-03-29T01:00:01Z');
    expect(one.etag).not.toBe(two.etag);
    const [header, deflated] = await one.gzipped();
    const second = await two.gzipped();
    // The compressed prefix is shared, not compressed again.
    expect(second[0]).toBe(header);
    expect(second[1]).toBe(deflated);
    expect(JSON.parse(gunzipSync(Buffer.concat(second)).toString()).at).toBe('2026-03-29T01:00:01Z');
  });

  it('is sent whole, gzipped or not, and as 304 when unchanged', async () => {
    const body = at('2026-10-25T00:59:59Z');
    const app = express();
    app.get('/map', (req, res) => sendPrepared(req, res, body));
    const zipped = await request(app).get('/map').set('Accept-Encoding', 'gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.services).toHaveLength(3000);
    expect(zipped.body.at).toBe('2026-10-25T00:59:59Z');
    const plain = await request(app).get('/map').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(body.length);
    expect(plain.body.services[2999].title).toBe('Ström 2999 – 東京');
    const unchanged = await request(app).get('/map').set('If-None-Match', zipped.headers.etag);
    expect(unchanged.status).toBe(304);
  });
});
