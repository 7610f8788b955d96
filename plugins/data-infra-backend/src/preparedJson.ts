import type express from 'express';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
/** The compression middleware's threshold: smaller bodies go as they are. */
const PRECOMPRESS_BYTES = 1024;

/**
 * A JSON body with its ETag and, once a client asked for it, its gzip
 * encoding: built once and sent to every request that shares the answer.
 * At 10,000 services /map is megabytes; hashing and compressing it per
 * response (what Express and the compression middleware would do) was most
 * of its cost.
 */
export interface PreparedJson {
  json: string;
  etag: string;
  gzipped?: Promise<Buffer>;
}

export function prepareJson(json: string): PreparedJson {
  return { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
}

/** Sends a prepared body; a matching If-None-Match is answered 304 by Express. */
export async function sendPrepared(
  req: express.Request,
  res: express.Response,
  prepared: PreparedJson,
) {
  res.setHeader('ETag', prepared.etag);
  res.type('application/json');
  if (prepared.json.length >= PRECOMPRESS_BYTES && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    // zlib runs on the thread pool: the event loop stays free meanwhile.
    prepared.gzipped ??= gzipAsync(prepared.json);
    const body = await prepared.gzipped;
    res.setHeader('Vary', 'Accept-Encoding');
    // Already encoded: the compression middleware leaves it alone.
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.end(body);
    return;
  }
  res.send(prepared.json);
}
