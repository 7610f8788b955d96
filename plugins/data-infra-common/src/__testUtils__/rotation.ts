/*
 * Test helpers for the rotation logic (not exported from the package).
 *
 * `referenceHolder` is a deliberately naive, independent implementation of
 * the semantics in issue 3: it walks every hand-off from the start and
 * resolves local times by scanning the zone minute by minute, so it shares
 * no code with the optimised implementation under test.
 */
import { DateTime, Duration, IANAZone } from 'luxon';
import type { RotationEntityV1alpha1 } from '../kinds/types';

/** A Rotation entity with sensible defaults. */
export function rotation(
  spec: Partial<RotationEntityV1alpha1['spec']> = {},
  name = 'r',
): RotationEntityV1alpha1 {
  return {
    apiVersion: 'data-infra.io/v1alpha1',
    kind: 'Rotation',
    metadata: { name, namespace: 'default' },
    spec: {
      owner: 'subteam:default/data-platform',
      timezone: 'UTC',
      start: '2026-01-05T09:00',
      shiftLength: 'P1W',
      participants: ['user:default/a', 'user:default/b', 'user:default/c'],
      ...spec,
    },
  };
}

/** Epoch ms of an ISO instant with Z or an offset. */
export function ms(text: string): number {
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid || !/(Z|[+-]\d\d:\d\d)$/.test(text)) throw new Error(`bad instant ${text}`);
  return dt.toMillis();
}

/** ISO string in UTC, without milliseconds. */
export function iso(epochMs: number | null | undefined): string | null {
  if (epochMs === null || epochMs === undefined) return null;
  return DateTime.fromMillis(epochMs, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm'Z'");
}

const MINUTE = 60_000;

const offsets = new Map<string, number>();

function offsetMs(zone: string, at: number): number {
  const key = `${zone} ${at}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(at) * MINUTE;
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * RFC 5545 by brute force: every instant within 18 h of the reading whose
 * local reading equals it; the earliest if several; in a gap, the reading
 * with the offset in force just before the gap.
 */
const memo = new Map<string, number>();

export function referenceInstant(wallAsUtc: number, zone: string): number {
  const key = `${zone} ${wallAsUtc}`;
  let instant = memo.get(key);
  if (instant === undefined) {
    instant = resolveByScanning(wallAsUtc, zone);
    memo.set(key, instant);
  }
  return instant;
}

function resolveByScanning(wallAsUtc: number, zone: string): number {
  // Far from any change (the same offset 18 h either side) the reading
  // occurs once, at the obvious instant.
  const early = offsetMs(zone, wallAsUtc - 18 * 60 * MINUTE);
  if (early === offsetMs(zone, wallAsUtc + 18 * 60 * MINUTE)) return wallAsUtc - early;
  const matches: number[] = [];
  for (let t = wallAsUtc - 18 * 60 * MINUTE; t <= wallAsUtc + 18 * 60 * MINUTE; t += 15 * MINUTE) {
    if (t + offsetMs(zone, t) === wallAsUtc) matches.push(t);
  }
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: find the transition by scanning, take the offset before it.
  let t = wallAsUtc - 30 * 60 * MINUTE;
  while (!(t + offsetMs(zone, t) < wallAsUtc && t + MINUTE + offsetMs(zone, t + MINUTE) > wallAsUtc)) {
    t += MINUTE;
    if (t > wallAsUtc + 30 * 60 * MINUTE) throw new Error('no gap found');
  }
  return wallAsUtc - offsetMs(zone, t);
}

/** Who holds a role at t, by walking every hand-off from the start. */
export function referenceHolder(
  r: RotationEntityV1alpha1,
  role: 'primary' | 'secondary',
  t: number,
): string | undefined {
  const start = DateTime.fromISO(r.spec.start, { zone: 'UTC' });
  const step = Duration.fromISO(r.spec.shiftLength).toObject() as Record<string, number>;
  let count = 0;
  for (let k = 0; ; k++) {
    const units = Object.fromEntries(Object.entries(step).map(([u, v]) => [u, v * k]));
    const wall = start.plus(units).toMillis();
    if (wall - 16 * 60 * MINUTE > t) break; // no zone is 16 h ahead of UTC
    if (referenceInstant(wall, r.spec.timezone) <= t) count++;
  }
  if (count === 0) return undefined;
  const n = r.spec.participants.length;
  if (role === 'secondary' && (r.spec.depth ?? 2) < 2) return undefined;
  return r.spec.participants[role === 'primary' ? (count - 1) % n : count % n];
}
