import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';

/** One YAML document of a catalog file, with what is needed to point at its lines. */
export interface CatalogDocument {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  /** 1-based position of the document in its file. */
  index: number;
  /** Line where the document's content starts. */
  line: number;
  /** The parsed value; undefined when the document has a syntax error. */
  entity?: Entity;
  /** Syntax errors, each with its own line. */
  syntaxErrors: Array<{ line: number; message: string }>;
  /** The line of the field at a dotted path ('spec.levels[1].after'), or the nearest existing parent's. */
  lineOf(path: string): number;
}

/** 'spec.levels[1].after' → ['spec', 'levels', 1, 'after']. */
export function splitPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      segments.push(part);
      continue;
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/**
 * Finds the start offset of the deepest node on a path: for a mapping entry
 * the key (so `after:` is reported on its own line even when its value is a
 * block below it), for a sequence the item.
 */
function offsetOfPath(doc: Document, segments: Array<string | number>): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as any)?.range?.[0] as number | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(p => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      offset = (pair.key as any)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as any;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
    // An alias's fields are written elsewhere in the file; point at the alias itself.
    if (isAlias(node)) break;
  }
  return offset;
}

/** Reads every YAML document of a file. Never throws on bad YAML: errors are returned per document. */
export function readCatalogDocuments(path: string, cwd: string = process.cwd()): CatalogDocument[] {
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  // Relative paths read best in CI logs; outside the working folder, absolute ones do.
  const rel = relative(cwd, path);
  const file = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  // parseAllDocuments returns an EmptyStream (not an array) for an empty file.
  if (!Array.isArray(documents)) return [];
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  return documents
    .map((doc, i) => {
      const syntaxErrors = doc.errors.map(error => ({
        line: lineAt(error.pos[0]),
        message: error.message.split('\n')[0],
      }));
      let entity: Entity | undefined;
      if (syntaxErrors.length === 0) {
        try {
          entity = doc.toJS({ maxAliasCount: 100 }) as Entity;
        } catch (error) {
          syntaxErrors.push({ line: lineAt(doc.contents?.range?.[0]), message: (error as Error).message });
        }
      }
      return {
        file,
        index: i + 1,
        line: lineAt(doc.contents?.range?.[0] ?? doc.range[0]),
        entity,
        syntaxErrors,
        lineOf: (dotted: string) => lineAt(offsetOfPath(doc, splitPath(dotted))),
        empty: doc.contents === null,
      };
    })
    // A trailing '---' or a comment-only file yields an empty document: not an entity.
    .filter(d => !d.empty || d.syntaxErrors.length > 0)
    .map(({ empty: _empty, ...d }) => d);
}
