/*
 * The period of a cover request: two instants with an offset (the form's
 * date-time fields send the requester's local reading as an ISO instant),
 * bounded, and written back as the local date-times the Rotation schema
 * stores (`spec.overrides[].start/end` are read in the rotation's zone).
 */
import { InputError } from '@backstage/errors';
import {
  CONTROL_CHARACTERS,
  describeValue,
  instantToWallClock,
  isSupportedInstant,
  parseInstant,
  wallClockToInstant,
} from '@data-infra/backstage-plugin-data-infra-common';

/** The longest period one request may cover: a quarter. @public */
export const MAX_COVER_DAYS = 90;
const DAY = 86_400_000;
/** Longer strings are not instants; refuse before parsing them. */
const MAX_INSTANT_LENGTH = 40;

/** A period as instants (epoch ms), [start, end). @public */
export interface CoverPeriod {
  start: number;
  end: number;
}

function instant(field: string, value: unknown): number {
  if (
    typeof value !== 'string' ||
    value.length > MAX_INSTANT_LENGTH ||
    CONTROL_CHARACTERS.test(value)
  ) {
    throw new InputError(
      `${field}: must be an ISO-8601 instant with an offset like 2026-12-24T09:00:00+01:00 or 2026-12-24T08:00:00Z, got ${describeValue(
        value,
      )}`,
    );
  }
  const ms = parseInstant(value);
  if (ms === undefined || !isSupportedInstant(ms)) {
    throw new InputError(
      `${field}: must be an ISO-8601 instant with an offset like 2026-12-24T09:00:00+01:00 or 2026-12-24T08:00:00Z, got ${describeValue(
        value,
      )}`,
    );
  }
  if (ms % 1000 !== 0) {
    throw new InputError(
      `${field}: must be a whole second (overrides are stored to the second), got ${describeValue(
        value,
      )}`,
    );
  }
  return ms;
}

/**
 * Parses and bounds a period: both ends instants with an offset, the end
 * after the start, at most MAX_COVER_DAYS long. Messages name the fields
 * (`start`, `end`, or the names given).
 */
export function parseCoverPeriod(
  start: unknown,
  end: unknown,
  names: { start: string; end: string } = { start: 'start', end: 'end' },
): CoverPeriod {
  const from = instant(names.start, start);
  const until = instant(names.end, end);
  if (until <= from) {
    throw new InputError(
      `${names.end}: must be after ${names.start} (${describeValue(
        start,
      )}), got ${describeValue(end)}`,
    );
  }
  if (until - from > MAX_COVER_DAYS * DAY) {
    throw new InputError(
      `${
        names.end
      }: a cover request spans at most ${MAX_COVER_DAYS} days, got ${Math.ceil(
        (until - from) / DAY,
      )} days from ${describeValue(start)} to ${describeValue(
        end,
      )}; split it into several requests`,
    );
  }
  return { start: from, end: until };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The local date-time (`YYYY-MM-DDTHH:MM[:SS]`) of an instant in the
 * rotation's zone, as `spec.overrides` stores it. Refused when the reading
 * does not come back to the same instant: the second pass of a repeated
 * hour (autumn) has no local date-time of its own, since a repeated reading
 * means its first occurrence.
 */
export function toRotationLocal(
  field: string,
  epochMs: number,
  zone: string,
): string {
  const wall = instantToWallClock(epochMs, zone);
  if (!wall.isValid || wallClockToInstant(wall, zone) !== epochMs) {
    throw new InputError(
      `${field}: ${new Date(
        epochMs,
      ).toISOString()} falls in the repeated hour of a clock change in ${zone}, which a rotation's local date-times cannot name; choose a time outside it`,
    );
  }
  const base = `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(
    wall.hour,
  )}:${two(wall.minute)}`;
  return wall.second ? `${base}:${two(wall.second)}` : base;
}
