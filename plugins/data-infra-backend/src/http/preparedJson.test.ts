import express from 'express';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';
import { PreparedJson, prepareJson, sendPrepared } from './preparedJson';

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
