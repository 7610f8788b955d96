/*
 * Applies a README's ```diff block to an app, the way a person does: find
 * the lines shown as context, replace them with the new ones.
 *
 *   --- packages/backend/src/index.ts
 *   +++ packages/backend/src/index.ts
 *   @@ after the catalog plugin
 *    backend.add(import('@backstage/plugin-catalog-backend'));
 *   +backend.add(import('@data-infra/…'));
 *
 * Paths are relative to the app's root; `--- /dev/null` creates a file. A
 * hunk starts at `@@` (anything after it is a note for the reader, no line
 * numbers). Its context and `-` lines must appear exactly once in the file,
 * after the previous hunk of the same block; trailing whitespace is ignored.
 * A hunk without context cannot be placed and is refused.
 */
import fs from 'node:fs';
import path from 'node:path';

type Hunk = { note: string; before: string[]; after: string[] };

export function parseDiff(body: string): { from: string; to: string; hunks: Hunk[] } {
  const lines = body.replace(/\n$/, '').split('\n');
  const from = lines[0]?.match(/^--- (\S+)/)?.[1];
  const to = lines[1]?.match(/^\+\+\+ (\S+)/)?.[1];
  if (!from || !to) throw new Error('a diff block starts with "--- <file>" and "+++ <file>"');
  if (from !== '/dev/null' && from !== to) throw new Error(`a diff block edits one file (${from} vs ${to})`);
  const hunks: Hunk[] = [];
  for (const [i, line] of lines.slice(2).entries()) {
    if (line.startsWith('@@')) {
      hunks.push({ note: line.replace(/^@@\s*/, '').replace(/\s*@@$/, ''), before: [], after: [] });
      continue;
    }
    const hunk = hunks[hunks.length - 1];
    if (!hunk) throw new Error(`line ${i + 3} of the block comes before the first @@`);
    const [mark, text] = [line[0] ?? ' ', line.slice(1)];
    if (mark === ' ') {
      hunk.before.push(text);
      hunk.after.push(text);
    } else if (mark === '-') hunk.before.push(text);
    else if (mark === '+') hunk.after.push(text);
    else throw new Error(`line ${i + 3} of the block starts with neither " ", "+" nor "-": ${line}`);
  }
  if (hunks.length === 0) throw new Error('a diff block has at least one @@ hunk');
  return { from, to, hunks };
}

const same = (a: string, b: string) => a.trimEnd() === b.trimEnd();

function indexOfLines(haystack: string[], needle: string[], from: number): number[] {
  const hits: number[] = [];
  for (let i = from; i + needle.length <= haystack.length; i++) {
    if (needle.every((line, j) => same(haystack[i + j], line))) hits.push(i);
  }
  return hits;
}

/** Applies the diff to the app in `appDir`; throws, naming the hunk, when it does not apply. */
export function applyDiff(appDir: string, body: string): string {
  const { from, to, hunks } = parseDiff(body);
  const file = path.join(appDir, to);
  if (from === '/dev/null') {
    if (fs.existsSync(file)) throw new Error(`${to} already exists`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${hunks.flatMap(h => h.after).join('\n')}\n`);
    return to;
  }
  if (!fs.existsSync(file)) throw new Error(`${to} does not exist in the app`);
  let lines = fs.readFileSync(file, 'utf8').split('\n');
  let cursor = 0;
  for (const [n, hunk] of hunks.entries()) {
    const name = `hunk ${n + 1}${hunk.note ? ` (${hunk.note})` : ''} of ${to}`;
    if (hunk.before.every(l => l.trim() === '')) throw new Error(`${name} has no context line to place it by`);
    const hits = indexOfLines(lines, hunk.before, cursor);
    if (hits.length !== 1) {
      throw new Error(
        `${name}: ${hits.length ? `its ${hunk.before.length} context/removed lines appear ${hits.length} times` : 'its context/removed lines are not in the file'}:\n` +
          hunk.before.map(l => `  | ${l}`).join('\n'),
      );
    }
    lines = [...lines.slice(0, hits[0]), ...hunk.after, ...lines.slice(hits[0] + hunk.before.length)];
    cursor = hits[0] + hunk.after.length;
  }
  fs.writeFileSync(file, lines.join('\n'));
  return to;
}
