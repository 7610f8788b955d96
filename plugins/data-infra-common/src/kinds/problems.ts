/*
 * Problems an entity's fields have beyond its JSON Schema, and how values
 * are quoted in every message. The rules of one kind live in that kind's
 * file (its validator hook); the ones several kinds share live here.
 */
import { isValidIanaZone, parseIsoDuration } from '../time';
import type { DataInfraEntity, EscalationPolicy } from './types';
import { CONTROL_CHARACTERS, safeHref } from './urls';

/** One thing wrong with an entity, at a dotted JSON path. @public */
export interface EntityProblem {
  /** Dotted path, e.g. 'spec.escalation.levels[1].after'. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

const MAX_QUOTED = 80;

/** How a value is quoted in a message: JSON, cut short (a field may be megabytes). @public */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value) && value.length > 3) return `a list of ${value.length} items`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_QUOTED ? `${json.slice(0, MAX_QUOTED)}…` : json;
}

/** A zone field that is not an IANA zone. */
export function zoneProblems(path: string, value: string | undefined): EntityProblem[] {
  return value !== undefined && !isValidIanaZone(value)
    ? [{ path, message: `must be an IANA time zone like Europe/Berlin, got ${describeValue(value)}` }]
    : [];
}

/** A duration field of zero length. */
export function zeroDurationProblems(path: string, value: string | undefined): EntityProblem[] {
  return value !== undefined && parseIsoDuration(value)?.toMillis() === 0
    ? [{ path, message: `must be longer than zero, got ${describeValue(value)}` }]
    : [];
}

export function escalationProblems(policy: EscalationPolicy | undefined, base: string): EntityProblem[] {
  const problems: EntityProblem[] = [];
  let previous = -1;
  policy?.levels?.forEach((level, index) => {
    const after = parseIsoDuration(level.after);
    if (after === undefined) return;
    const ms = after.toMillis();
    if (ms <= previous) {
      problems.push({
        path: `${base}.levels[${index}].after`,
        message: `must be later than the level before it (delays strictly increase), got ${describeValue(level.after)}`,
      });
    }
    previous = Math.max(previous, ms);
    if (level.hours && !isValidIanaZone(level.hours.timezone)) {
      problems.push({ path: `${base}.levels[${index}].hours.timezone`, message: `must be an IANA time zone like Europe/Berlin, got ${describeValue(level.hours.timezone)}` });
    }
  });
  return problems;
}

export function coverageProblems(windows: { from: string; to: string }[] | undefined, base: string): EntityProblem[] {
  return (windows ?? []).flatMap((w, i) =>
    w.from === w.to || (w.from === '00:00' && w.to === '00:00')
      ? [{ path: `${base}[${i}].to`, message: `must be a different time than from (${w.from}), got ${describeValue(w.to)}; a window from 00:00 to 24:00 covers a whole day` }]
      : [],
  );
}

/**
 * The parts of `metadata` our kinds hold to stricter rules than Backstage
 * does: a title is one line of text (it goes into calendar summaries,
 * CSV cells and page headings), and every link is http(s) or mailto:.
 */
export function metadataProblems(entity: DataInfraEntity): EntityProblem[] {
  const problems: EntityProblem[] = [];
  const { title, links } = entity.metadata;
  if (typeof title === 'string' && CONTROL_CHARACTERS.test(title)) {
    problems.push({ path: 'metadata.title', message: `must not contain control characters or line breaks, got ${describeValue(title)}` });
  }
  (Array.isArray(links) ? links : []).forEach((link, i) => {
    if (link && typeof link === 'object' && !safeHref(link.url)) {
      problems.push({ path: `metadata.links[${i}].url`, message: `must be an http(s) URL or a mailto: address, got ${describeValue(link.url)}` });
    }
  });
  return problems;
}
