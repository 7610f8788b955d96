import { createHash } from 'node:crypto';

/** A JSON body with its ETag, built once and sent many times. */
export interface PreparedJson {
  json: string;
  etag: string;
}

export function prepareJson(json: string): PreparedJson {
  return { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"` };
}
