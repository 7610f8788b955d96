import ical, { escape } from 'ical-generator';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import type { PersonSummary, RotationShift } from '@data-infra/backstage-plugin-data-infra-common';
import { formatInstant, isValidIanaZone } from '@data-infra/backstage-plugin-data-infra-common';
import { vtimezone } from './vtimezone';

/** How far back and ahead the feed reaches. */
export const CALENDAR_PAST_MS = 35 * 24 * 3600_000;
export const CALENDAR_AHEAD_MS = 8 * 7 * 24 * 3600_000;

/**
 * The UID of a shift: the same rotation, role and start give the same UID on
 * every request and every replica, so calendar clients update events in
 * place instead of duplicating them.
 */
export function shiftUid(rotationRef: string, role: string, start: number): string {
  const hash = createHash('sha256')
    .update(`${rotationRef}\n${role}\n${formatInstant(start)}`)
    .digest('hex')
    .slice(0, 32);
  return `${hash}@data-infra`;
}

/**
 * Shifts that the window cut (starting exactly at its start or ending exactly
 * at its end) are left out: their clipped bounds move with every request,
 * which would make clients rewrite them. They appear once wholly inside.
 */
export function wholeShifts(shifts: RotationShift[], from: number, to: number): RotationShift[] {
  return shifts.filter(s => s.start !== from && s.end !== to);
}

/**
 * Catalog text made fit for an iCalendar TEXT value (RFC 5545 §3.3.11),
 * which may not hold control characters: each run of them (a line break
 * too) becomes one space. The escaping of `\ ; ,` and line breaks is
 * ical-generator's, applied to every event property it writes; the
 * calendar's own NAME it writes as given, so that one is escaped here.
 */
export function plainText(value: string): string {
  // eslint-disable-next-line no-control-regex -- these are the characters to drop
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** The iCalendar feed of a rotation's shifts, in the rotation's time zone. */
export function buildCalendar(options: {
  rotationRef: string;
  rotationTitle: string;
  timezone: string;
  shifts: RotationShift[];
  person: (ref: string) => PersonSummary;
  from: number;
  to: number;
}): string {
  const rotation = { ref: options.rotationRef, title: options.rotationTitle, timezone: options.timezone };
  return buildShiftCalendar({
    name: `${options.rotationTitle} on-call`,
    timezone: options.timezone,
    shifts: options.shifts.map(shift => ({ rotation, shift })),
    person: options.person,
    from: options.from,
    to: options.to,
  });
}

/** A usable zone for TZID lines: one that validation would refuse has no shifts anyway. */
const safeZone = (zone: string) => (isValidIanaZone(zone) ? zone : 'UTC');

/**
 * An iCalendar feed of shifts from one or more rotations (a person's feed
 * has several), each event in its rotation's zone. Every TEXT value goes
 * through plainText and ical-generator's escaping.
 */
export function buildShiftCalendar(options: {
  /** The calendar's name, as catalog text (escaped here). */
  name: string;
  /** The calendar's own zone (X-WR-TIMEZONE); each event has its rotation's. */
  timezone: string;
  shifts: Array<{ rotation: { ref: string; title: string; timezone: string }; shift: RotationShift }>;
  person: (ref: string) => PersonSummary;
  from: number;
  to: number;
}): string {
  const calendar = ical({
    name: escape(plainText(options.name), false),
    prodId: { company: 'data-infra', product: 'backstage-plugin-data-infra-backend' },
    // One VTIMEZONE for the calendar's zone and each event's.
    timezone: { name: safeZone(options.timezone), generator: zone => vtimezone(zone, options.from, options.to) },
    ttl: 3600,
  });
  for (const { rotation, shift } of options.shifts) {
    const rotationRef = plainText(rotation.ref);
    const rotationTitle = plainText(rotation.title);
    const timezone = safeZone(rotation.timezone);
    const found = options.person(shift.user);
    const person = { ref: plainText(found.ref), displayName: plainText(found.displayName) };
    calendar.createEvent({
      id: shiftUid(rotationRef, shift.role, shift.start),
      start: DateTime.fromMillis(shift.start, { zone: timezone }),
      end: DateTime.fromMillis(shift.end, { zone: timezone }),
      timezone,
      // DTSTAMP is the shift's start rather than "now", so an unchanged
      // schedule gives a byte-identical feed.
      stamp: DateTime.fromMillis(shift.start, { zone: 'UTC' }),
      summary: `${rotationTitle}: ${person.displayName} (${shift.role})`,
      description: `${person.displayName}${person.ref ? ` (${person.ref})` : ''} is ${shift.role} on call for ${rotationRef}${
        shift.source === 'override' ? ' (override)' : ''
      }.`,
      x: { 'X-DATA-INFRA-ROLE': shift.role, ...(person.ref ? { 'X-DATA-INFRA-USER': person.ref } : {}) },
    });
  }
  return calendar.toString();
}
