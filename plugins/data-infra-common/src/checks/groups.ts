/*
 * Findings grouped by cause: sixteen services of a subteam without a
 * Rotation are one problem to fix, not sixteen. The Checks and Subteam
 * cards, GET /checks and `data-infra check` all show these groups.
 */
import { severityRank } from './severity';
import type { Finding, FindingCause, FindingGroup, FindingSeverity } from './types';


/** Code-point order, the same in every locale. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The sentence of a group of several findings with one cause, per check;
 * checks without one here say what the cause summary says and how many
 * entities it affects.
 */
const GROUP_SENTENCES: Record<string, (cause: FindingCause, n: number) => string> = {
  'on-call-share-too-high': (c, n) =>
    `${c.summary}, through ${count(n, 'rotation')}, more than dataInfra.checks.maxOnCallShare allows. ` +
    'Add participants or pair rotations across subteams.',
  'owner-without-rotation': (c, n) =>
    `${c.summary}: ${count(n, 'service')} ${verb(n, 'has', 'have')} nobody on call and ` +
    `${verb(n, 'falls', 'fall')} back to its escalation policy. Add a Rotation owned by ${c.ref}.`,
  'escalation-gap': (c, n) =>
    `${c.summary}. ${count(n, 'tier-1 or 24x7 service')} ${verb(n, 'relies', 'rely')} on it. ` +
    'Add a level that reaches someone then, e.g. a rotation covering those hours.',
  'no-escalation-policy': (c, n) =>
    `${c.summary}: an alert on any of its ${count(n, 'service')} pages nobody. Add spec.escalation to ${c.ref}.`,
};

function groupSentence(check: string, cause: FindingCause, n: number): string {
  const sentence = GROUP_SENTENCES[check];
  return sentence ? sentence(cause, n) : `${cause.summary} (${count(n, 'entity')} affected).`;
}

/**
 * Groups findings by check and cause: the findings of one check that share a
 * cause and concern several entities become one group naming the cause once
 * and listing the entities it affects; any other finding is a group of its
 * own, with its own entity, field and sentence. Groups come worst first, then
 * those affecting the most entities, then by subject.
 * @public
 */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const byCause = new Map<string, { findings: Finding[]; affected: Set<string> }>();
  const alone: Finding[] = [];
  for (const finding of findings) {
    if (!finding.cause) {
      alone.push(finding);
      continue;
    }
    const key = JSON.stringify([finding.check, finding.cause.ref, finding.cause.summary]);
    const group = byCause.get(key);
    if (!group) byCause.set(key, { findings: [finding], affected: new Set([finding.entityRef]) });
    else {
      group.findings.push(finding);
      group.affected.add(finding.entityRef);
    }
  }
  const groups: FindingGroup[] = [];
  for (const group of byCause.values()) {
    // One entity concerned: its own finding says it best, from its point of view.
    if (group.affected.size === 1) {
      alone.push(...group.findings);
      continue;
    }
    const first = group.findings[0];
    const cause = first.cause!;
    groups.push({
      severity: group.findings.reduce<FindingSeverity>(
        (worst, f) => (severityRank(f.severity) > severityRank(worst) ? f.severity : worst),
        first.severity,
      ),
      check: first.check,
      subjectRef: cause.ref,
      ...(cause.path ? { path: cause.path } : {}),
      message: groupSentence(first.check, cause, group.affected.size),
      affected: [...group.affected].sort(),
    });
  }
  for (const finding of alone) {
    groups.push({
      severity: finding.severity,
      check: finding.check,
      subjectRef: finding.entityRef,
      ...(finding.path ? { path: finding.path } : {}),
      message: finding.message,
      affected: [finding.entityRef],
    });
  }
  return groups.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      b.affected.length - a.affected.length ||
      compare(a.subjectRef, b.subjectRef) ||
      compare(a.check, b.check),
  );
}
