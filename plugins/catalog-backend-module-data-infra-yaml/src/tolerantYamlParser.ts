import { createHash } from 'node:crypto';
import { stringifyLocationRef, type Entity } from '@backstage/catalog-model';
import { CatalogProcessorParser, processingResult } from '@backstage/plugin-catalog-node';
import { Composer, Parser } from 'yaml';

/** Set on a placeholder that stands for the YAML documents of a file that did not parse. */
export const ANNOTATION_PARSE_ERROR = 'data-infra.io/parse-error';

/** Broken documents named one by one in the placeholder's message; the rest are counted. */
const MAX_LISTED = 20;
/**
 * A file with this many broken documents is garbage: reading stops there
 * (and says so), so that one such file costs milliseconds per processing
 * pass rather than seconds.
 */
const MAX_BROKEN = 1000;
/**
 * Aliases one document may expand (yaml's own default, made explicit): a
 * "billion laughs" document stops here with an error of its own instead of
 * exhausting the process or sinking its neighbours.
 */
const MAX_ALIAS_COUNT = 100;

interface Broken {
  index: number;
  line: number;
  message: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** 1-based line of a character offset. */
function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineStarts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Backstage's YAML parsing, except that broken documents no longer sink
 * their whole file, and cannot multiply.
 *
 * The stock parser reports a broken document as an error of the *location*,
 * and the catalog then drops every entity the location emitted in that pass:
 * one typo in a catalog-info file keeps all its valid neighbours out of the
 * catalog (and an alias bomb in one document throws out of the parser
 * altogether). Here every valid document becomes its entity, and all the
 * broken documents of a file together become ONE placeholder entity whose
 * message names each of them with its line; the module's ParseErrorProcessor rejects that
 * placeholder with the message, so the errors are reported (on the
 * placeholder, with file and lines) and the valid documents are ingested.
 * A file of 100,000 broken documents is one placeholder, not 100,000.
 */
export const tolerantYamlParser: CatalogProcessorParser = async function* parse({ data, location }) {
  const text = data.toString('utf8');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  const broken: Broken[] = [];
  let index = 0;
  let stopped = false;
  // Documents one at a time, so that reading can stop early.
  for (const document of new Composer({ merge: false }).compose(new Parser().parse(text), true)) {
    if (broken.length >= MAX_BROKEN) {
      stopped = true;
      break;
    }
    index += 1;
    // The document's first line: after its `---` when that stands alone.
    const start = document.range?.[0] ?? 0;
    let line = lineAt(lineStarts, start);
    if (/^---[ \t]*(#.*)?\r?$/.test(text.slice(start, lineStarts[line] ?? text.length).replace(/\n$/, ''))) line += 1;
    if (document.errors.length > 0) {
      const error = document.errors[0];
      const at = error.pos?.[0] ?? start;
      const errorLine = lineAt(lineStarts, at);
      broken.push({
        index,
        line,
        message: `${error.message.split('\n')[0]} (line ${errorLine}, column ${at - lineStarts[errorLine - 1] + 1})`,
      });
      continue;
    }
    let json: unknown;
    try {
      json = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      broken.push({ index, line, message: String((error as Error).message ?? error) });
      continue;
    }
    if (json === null || json === undefined) continue;
    if (!isPlainObject(json)) {
      broken.push({ index, line, message: `expected an entity (a mapping) at the root, got ${Array.isArray(json) ? 'a list' : typeof json}` });
      continue;
    }
    // Shaped like an entity or not, the catalog's own validation decides (as with Backstage's parser).
    yield processingResult.entity(location, json as unknown as Entity);
  }
  if (broken.length === 0) return;

  const where = stringifyLocationRef(location);
  const listed = broken
    .slice(0, MAX_LISTED)
    .map(b => `document ${b.index} (from line ${b.line}): ${b.message}`);
  if (broken.length > MAX_LISTED) listed.push(`and ${broken.length - MAX_LISTED} more broken documents`);
  if (stopped) listed.push(`reading stopped after ${MAX_BROKEN} broken documents: the rest of the file was not read`);
  const message = `YAML error at ${where}: ${broken.length} document${broken.length > 1 ? 's' : ''} could not be read and ${
    broken.length > 1 ? 'were' : 'was'
  } skipped; the others were read. ${listed.join('; ')}`;
  // One placeholder per file, named after the file: the same on every pass.
  const id = createHash('sha256').update(where).digest('hex').slice(0, 12);
  yield processingResult.entity(location, {
    // Location is allowed by the catalog's default rules, so the placeholder
    // is never refused before ParseErrorProcessor can report the real errors.
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: {
      name: `invalid-yaml-${id}`,
      annotations: { [ANNOTATION_PARSE_ERROR]: message },
    },
    spec: { type: location.type, targets: [] },
  });
};
