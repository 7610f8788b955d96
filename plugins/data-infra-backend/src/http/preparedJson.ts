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
  etag: string;
  /** The UTF-8 body, in pieces sent one after the other. */
  pieces: Buffer[];
  length: number;
  /** The gzip encoding of the body, in pieces; computed on first use. */
  gzipped(): Promise<Buffer[]>;
  /**
   * Memory held, from above: the body, and as much again for its gzip
   * encoding once made (the memory budget counts with it).
   */
  estimatedBytes: number;
}

export function prepareJson(json: string): PreparedJson {
  const body = Buffer.from(json);
  let gzipped: Promise<Buffer[]> | undefined;
  return {
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    pieces: [body],
    length: body.length,
    gzipped: () => (gzipped ??= gzipAsync(body).then(b => [b])),
    estimatedBytes: 2 * body.length + 256,
  };
}

/** Sends a prepared body; a matching If-None-Match is answered 304 by Express. */
export async function sendPrepared(
  req: express.Request,
  res: express.Response,
  prepared: PreparedJson,
) {
  res.setHeader('ETag', prepared.etag);
  res.type('application/json');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  let pieces = prepared.pieces;
  if (prepared.length >= PRECOMPRESS_BYTES) {
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      // zlib runs on the thread pool: the event loop stays free meanwhile.
      pieces = await prepared.gzipped();
      // Already encoded: the compression middleware leaves it alone.
      res.setHeader('Content-Encoding', 'gzip');
    }
  }
  res.setHeader('Content-Length', pieces.reduce((n, p) => n + p.length, 0));
  for (const piece of pieces.slice(0, -1)) res.write(piece);
  res.end(pieces[pieces.length - 1]);
}

/**
 * Answers reused within a scope (see DataInfraState.remember) are the same
 * object, so their JSON and its ETag are built once too, and the gzip
 * encoding once for every client that accepts it.
 */
const prepared = new WeakMap<object, PreparedJson>();

/**
 * Sends an answer as JSON with its ETag (304 when it matches), gzipped when
 * large and accepted. `toBody` shapes the answer for the wire (e.g. adds a
 * cursor); it runs once per answer object, like the encoding.
 */
export function sendJson<T extends object>(
  req: express.Request,
  res: express.Response,
  answer: T,
  toBody: (answer: T) => object = a => a,
) {
  let known = prepared.get(answer);
  if (known === undefined) {
    known = prepareJson(JSON.stringify(toBody(answer)));
    prepared.set(answer, known);
  }
  return sendPrepared(req, res, known);
}
