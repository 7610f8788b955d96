import type express from 'express';
import { createHash, Hash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync, gzip } from 'node:zlib';
import { SharedJsonPrefix, SplitJson } from '../service/presenters/splitJson';

const gzipAsync = promisify(gzip);
const deflateRawAsync = promisify(deflateRaw);
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

const etagOf = (hash: Hash) => `"${hash.digest('base64url')}"`;

export function prepareJson(json: string): PreparedJson {
  const body = Buffer.from(json);
  let gzipped: Promise<Buffer[]> | undefined;
  return {
    etag: etagOf(createHash('sha1').update(body)),
    pieces: [body],
    length: body.length,
    gzipped: () => (gzipped ??= gzipAsync(body).then(b => [b])),
    estimatedBytes: 2 * body.length + 256,
  };
}

/** gzip's member header (RFC 1952): deflate, no name, no mtime, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * The beginning that many JSON bodies share, prepared once: hashed, and
 * compressed as deflate blocks that stop at a byte boundary (a sync flush),
 * so that the compressed end of each body can follow them directly (the way
 * pigz joins blocks compressed apart). /map at 50,000 entities is 10 MB and
 * changes every second only in its instant; compressing it all again each
 * second cost more than a second of CPU.
 */
export class JsonPrefix {
  readonly #body: Buffer;
  readonly #hash: Hash;
  readonly #crc: number;
  #deflated?: Promise<Buffer>;

  constructor(prefix: string) {
    this.#body = Buffer.from(prefix);
    this.#hash = createHash('sha1').update(this.#body);
    this.#crc = crc32(this.#body);
  }

  /** The whole body: this prefix followed by `end`. */
  complete(end: string): PreparedJson {
    const tail = Buffer.from(end);
    const length = this.#body.length + tail.length;
    let gzipped: Promise<Buffer[]> | undefined;
    return {
      etag: etagOf(this.#hash.copy().update(tail)),
      pieces: [this.#body, tail],
      length,
      estimatedBytes: 2 * length + 256,
      gzipped: () =>
        (gzipped ??= this.#deflatedPrefix().then(deflated => {
          const trailer = Buffer.alloc(8);
          trailer.writeUInt32LE(crc32(tail, this.#crc), 0);
          trailer.writeUInt32LE(length % 2 ** 32, 4);
          // A fresh raw stream refers to nothing before it, and ends with
          // the final block.
          return [GZIP_HEADER, deflated, deflateRawSync(tail), trailer];
        })),
    };
  }

  #deflatedPrefix(): Promise<Buffer> {
    this.#deflated ??= deflateRawAsync(this.#body, { finishFlush: constants.Z_SYNC_FLUSH });
    return this.#deflated;
  }
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
 * object, so their JSON and its ETag are built once too: /map at 10,000
 * services is megabytes, and Express would otherwise hash the body on
 * every response. A SplitJson's shared beginning is hashed and compressed
 * once for every answer that shares it.
 */
const prepared = new WeakMap<object, PreparedJson>();
const prefixes = new WeakMap<SharedJsonPrefix, JsonPrefix>();

function prepare(body: object): PreparedJson {
  if (!(body instanceof SplitJson)) return prepareJson(JSON.stringify(body));
  let prefix = prefixes.get(body.prefix);
  if (!prefix) {
    prefix = new JsonPrefix(body.prefix.json);
    prefixes.set(body.prefix, prefix);
  }
  return prefix.complete(body.end);
}

/** Sends an answer as JSON with its ETag (304 when it matches), gzipped when large and accepted. */
export function sendJson(req: express.Request, res: express.Response, body: object) {
  let known = prepared.get(body);
  if (known === undefined) {
    known = prepare(body);
    prepared.set(body, known);
  }
  return sendPrepared(req, res, known);
}
