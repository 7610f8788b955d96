/*
 * Reads the install steps out of our READMEs, so the adopter test follows
 * exactly what an adopter reads and the two cannot drift.
 *
 * The root README's "Install into your Backstage" section is the entry: in
 * document order, each fenced block in it is a step, and each link to a
 * package README's heading whose name starts with "Install" pulls in that
 * section's steps. Inside a section every fenced block is a step:
 *
 * - ```sh: run with bash from the app's root;
 * - ```diff: an edit of one file of the app (see applyDiff.ts).
 *
 * Any other block in an install section fails the test, unless the line
 * before it is `<!-- adopter-test: skip <reason> -->` (an alternative the
 * test's apps do not need, such as wiring features by hand in an app that
 * does not discover them). A section whose anchor ends in
 * `new-frontend-system` or `legacy-frontend-system` applies to that kind of
 * app only.
 */
import fs from 'node:fs';
import path from 'node:path';

export type AppKind = 'new' | 'legacy';

export type Step = {
  /** Where the step comes from, for messages: `plugins/x/README.md#install, block 2 (line 40)`. */
  source: string;
  lang: 'sh' | 'diff';
  body: string;
};

type Block = { line: number; lang: string; body: string; skip?: string };
type Section = { file: string; anchor: string; blocks: Block[]; links: { line: number; file: string; anchor: string }[] };

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*).*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const SKIP = /^\s*<!--\s*adopter-test:\s*skip\b(.*?)-->\s*$/;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_~[\]()]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** The blocks and links of the section of `file` whose heading has `anchor`. */
export function readSection(repoRoot: string, file: string, anchor: string): Section {
  const lines = fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
  const section: Section = { file, anchor, blocks: [], links: [] };
  let level = 0; // 0: before the section; >0: inside, at that heading level
  let fence: { indent: number; marker: string; lang: string; start: number; body: string[]; skip?: string } | undefined;
  let lastNonEmpty = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const close = line.match(FENCE);
      if (close && close[2].startsWith(fence.marker) && close[3] === '') {
        if (level) section.blocks.push({ line: fence.start + 1, lang: fence.lang, body: fence.body.join('\n'), skip: fence.skip });
        fence = undefined;
      } else {
        // Content lines lose up to the fence's own indentation (list items).
        fence.body.push(line.replace(new RegExp(`^ {0,${fence.indent}}`), ''));
      }
      continue;
    }
    const open = line.match(FENCE);
    if (open) {
      const skip = lastNonEmpty.match(SKIP);
      fence = { indent: open[1].length, marker: open[2], lang: open[3], start: i, body: [], skip: skip ? skip[1].trim() || 'no reason given' : undefined };
      continue;
    }
    const heading = line.match(HEADING);
    if (heading) {
      if (level && heading[1].length <= level) break;
      if (!level && slug(heading[2]) === anchor) level = heading[1].length;
    } else if (level) {
      for (const m of line.matchAll(/\]\(([^)#\s]*README\.md)#(install[^)\s]*)\)/g)) {
        section.links.push({ line: i + 1, file: path.normalize(path.join(path.dirname(file), m[1])), anchor: m[2] });
      }
    }
    if (line.trim()) lastNonEmpty = line;
  }
  if (!level) throw new Error(`${file} has no heading with the anchor #${anchor}`);
  if (fence) throw new Error(`${file}: the block opened at line ${fence.start + 1} is never closed`);
  return section;
}

/** Whether a section (by its anchor) applies to an app of this kind. */
function appliesTo(anchor: string, kind: AppKind) {
  if (anchor.endsWith('new-frontend-system')) return kind === 'new';
  if (anchor.endsWith('legacy-frontend-system')) return kind === 'legacy';
  return true;
}

/**
 * Every step for an app of `kind`, in order: the root section's own blocks
 * and the linked install sections, as they appear in the root section.
 */
export function installSteps(repoRoot: string, kind: AppKind, entry = { file: 'README.md', anchor: 'install-into-your-backstage' }): Step[] {
  const root = readSection(repoRoot, entry.file, entry.anchor);
  const items = [
    ...root.blocks.map(block => ({ line: block.line, steps: () => stepsOf(root, [block]) })),
    ...root.links
      .filter(link => appliesTo(link.anchor, kind))
      .map(link => ({ line: link.line, steps: () => { const s = readSection(repoRoot, link.file, link.anchor); return stepsOf(s, s.blocks); } })),
  ].sort((a, b) => a.line - b.line);
  const seen = new Set<string>();
  const steps: Step[] = [];
  for (const item of items) {
    for (const step of item.steps()) {
      // A section linked twice (e.g. from two lists) is followed once.
      if (!seen.has(step.source)) steps.push(step);
      seen.add(step.source);
    }
  }
  return steps;
}

function stepsOf(section: Section, blocks: Block[]): Step[] {
  return blocks.flatMap(block => {
    const source = `${section.file}#${section.anchor}, block at line ${block.line}`;
    if (block.skip) return [];
    if (block.lang === 'sh' || block.lang === 'diff') return [{ source, lang: block.lang, body: block.body }];
    throw new Error(
      `${source}: a \`\`\`${block.lang || '(no language)'} block in an install section is not a step the adopter test can follow. ` +
        'Write it as ```sh (a command) or ```diff (an edit), or mark it with <!-- adopter-test: skip <reason> --> on the line before.',
    );
  });
}
