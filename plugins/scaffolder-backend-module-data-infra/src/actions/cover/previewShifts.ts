/*
 * The shifts a cover request changes, before and after, as Markdown for the
 * task page. Computed with the common package's rotationShifts, the function
 * the Rotation page's timeline draws, so the preview is what the page will
 * show once the change is merged.
 */
import {
  instantToWallClock,
  rotationShifts,
  RotationEntityV1alpha1,
  RotationShift,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { CoverPeriod } from './period';

/** Shifts listed per window at most: a 90-day window of daily shifts stays under it. */
const MAX_PREVIEW_SHIFTS = 400;

function local(epochMs: number, zone: string): string {
  return instantToWallClock(epochMs, zone).toFormat('ccc d LLL yyyy HH:mm');
}

/** A cell's text: Markdown table syntax and line breaks cannot come through. */
function cell(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, c => `\\${c}`).replace(/\s+/g, ' ');
}

function table(shifts: RotationShift[], zone: string, truncated: boolean) {
  if (shifts.length === 0) return '_Nobody is on call in this period._\n';
  const rows = shifts.map(
    s =>
      `| ${s.role} | ${cell(s.user)} | ${local(s.start, zone)} | ${local(
        s.end,
        zone,
      )} | ${s.source === 'override' ? '**override**' : 'schedule'} |`,
  );
  return [
    `| Role | Who | From (${cell(zone)}) | Until | |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(truncated
      ? [`\n_Only the first ${MAX_PREVIEW_SHIFTS} shifts are listed._`]
      : []),
    '',
  ].join('\n');
}

/** The shifts overlapping `period` of the rotation as it is and as it would be. */
export function previewShifts(
  before: RotationEntityV1alpha1,
  after: RotationEntityV1alpha1,
  periods: Array<{ title: string; period: CoverPeriod }>,
): { markdown: string; after: RotationShift[] } {
  const zone = after.spec.timezone;
  const parts: string[] = [];
  const allAfter: RotationShift[] = [];
  for (const { title, period } of periods) {
    const was = rotationShifts(before, period.start, period.end, {
      maxShifts: MAX_PREVIEW_SHIFTS,
    });
    const will = rotationShifts(after, period.start, period.end, {
      maxShifts: MAX_PREVIEW_SHIFTS,
    });
    allAfter.push(...will.shifts);
    parts.push(
      `### ${cell(title)}: ${local(period.start, zone)} to ${local(
        period.end,
        zone,
      )} (${cell(zone)})`,
      '',
      '**After this request**',
      '',
      table(will.shifts, zone, will.truncated),
      '**Today**',
      '',
      table(was.shifts, zone, was.truncated),
    );
  }
  return { markdown: parts.join('\n'), after: allAfter };
}
