/**
 * The beginning of JSON bodies that many answers share: the same object for
 * all of them, so the HTTP layer can hash and compress it once (see
 * http/preparedJson.ts).
 */
export interface SharedJsonPrefix {
  readonly json: string;
}

/**
 * A JSON body given as a shared beginning and its own end. Presenters
 * return it for answers that are megabytes and change only at their end
 * (/map: its instant comes last); the service knows nothing of ETags or
 * gzip.
 */
export class SplitJson {
  constructor(
    readonly prefix: SharedJsonPrefix,
    readonly end: string,
  ) {}

  /**
   * Memory held, from above, for the budget: the body, and as much again
   * for its encodings (the prefix is counted with every answer sharing it).
   */
  get estimatedBytes(): number {
    return 2 * (this.prefix.json.length + this.end.length) + 256;
  }
}
