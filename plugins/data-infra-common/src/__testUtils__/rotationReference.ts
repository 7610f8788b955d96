/*
 * A deliberately naive model of a whole rotation (schedule, coverage and
 * overrides) for the property tests; not exported from the package. It
 * shares no code with the implementation: local times are resolved by
 * scanning the zone (referenceInstant), every hand-off from the start is
 * listed, every coverage occurrence and override is checked one by one,
 * and intervals are found by walking every candidate change point.
 */
import { DateTime, Duration } from 'luxon';
import type { RotationEntityV1alpha1 } from '../kinds/types';
import { referenceInstant } from './rotation';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

type Role = 'primary' | 'secondary';

const wallOf = (text: string) => DateTime.fromISO(text, { zone: 'UTC' }).toMillis();
const minutes = (hhmm: string) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3);
const fullRef = (ref: string) => (ref.includes(':') ? ref : `user:default/${ref}`);

export class ReferenceRotation {
  /** Every hand-off instant up to `until`, sorted. */
  readonly handoffs: number[] = [];
  readonly overrides: Array<{ start: number; end: number; user: string; role: Role }> = [];
  /** Every coverage occurrence within the window, as instants. */
  readonly occurrences: Array<{ start: number; end: number }> = [];

  constructor(private readonly r: RotationEntityV1alpha1, from: number, until: number) {
    const zone = r.spec.timezone;
    const start = DateTime.fromISO(r.spec.start, { zone: 'UTC' });
    const step = Duration.fromISO(r.spec.shiftLength).toObject() as Record<string, number>;
    for (let k = 0; ; k++) {
      const wall = start.plus(Object.fromEntries(Object.entries(step).map(([u, v]) => [u, v * k]))).toMillis();
      if (wall - DAY > until) break;
      this.handoffs.push(referenceInstant(wall, zone));
    }
    this.handoffs.sort((a, b) => a - b);
    for (const o of r.spec.overrides ?? []) {
      const role = o.role ?? 'primary';
      if (role === 'secondary' && (r.spec.depth ?? 2) < 2) continue;
      const s = referenceInstant(wallOf(o.start), zone);
      const e = referenceInstant(wallOf(o.end), zone);
      if (s < e) this.overrides.push({ start: s, end: e, user: fullRef(o.user), role });
    }
    const firstDay = DateTime.fromMillis(from - 3 * DAY, { zone: 'UTC' }).startOf('day').toMillis();
    for (let day = firstDay; day <= until + 2 * DAY; day += DAY) {
      const weekday = WEEKDAYS[DateTime.fromMillis(day, { zone: 'UTC' }).weekday - 1];
      for (const w of r.spec.coverage ?? []) {
        if (!(w.days as string[]).includes(weekday)) continue;
        const a = minutes(w.from);
        let b = minutes(w.to);
        if (b <= a) b += 24 * 60;
        const s = referenceInstant(day + a * MINUTE, zone);
        const e = referenceInstant(day + b * MINUTE, zone);
        if (s < e) this.occurrences.push({ start: s, end: e });
      }
    }
  }

  holder(role: Role, t: number): { user: string; source: 'schedule' | 'override' } | undefined {
    if (role === 'secondary' && (this.r.spec.depth ?? 2) < 2) return undefined;
    for (let i = this.overrides.length - 1; i >= 0; i--) {
      const o = this.overrides[i];
      if (o.role === role && o.start <= t && t < o.end) return { user: o.user, source: 'override' };
    }
    if (this.r.spec.coverage?.length && !this.occurrences.some(o => o.start <= t && t < o.end)) return undefined;
    // Hand-offs at or before t (the list is sorted).
    let count = 0;
    for (let hi = this.handoffs.length; count < hi; ) {
      const mid = (count + hi) >> 1;
      if (this.handoffs[mid] <= t) count = mid + 1;
      else hi = mid;
    }
    if (count === 0) return undefined;
    const n = this.r.spec.participants.length;
    return { user: fullRef(this.r.spec.participants[role === 'primary' ? (count - 1) % n : count % n]), source: 'schedule' };
  }

  /** What onCallAt should answer, with the intervals found by walking every change point. */
  onCallAt(at: number, horizon: number) {
    const points = [
      ...this.handoffs,
      ...this.overrides.flatMap(o => [o.start, o.end]),
      ...this.occurrences.flatMap(o => [o.start, o.end]),
    ].sort((a, b) => a - b);
    const roles: Role[] = (this.r.spec.depth ?? 2) === 2 ? ['primary', 'secondary'] : ['primary'];
    return roles.flatMap(role => {
      const holder = this.holder(role, at);
      if (!holder) return [];
      let until: number | null = null;
      for (const p of points) {
        if (p <= at) continue;
        if (p >= at + horizon) break;
        if (this.holder(role, p)?.user !== holder.user) {
          until = p;
          break;
        }
      }
      let from = at - horizon;
      for (let i = points.length - 1; i >= 0; i--) {
        const p = points[i];
        if (p > at) continue;
        if (p <= at - horizon) break;
        if (this.holder(role, p - 1)?.user !== holder.user) {
          from = p;
          break;
        }
      }
      return [{ role, user: holder.user, from, until, source: holder.source }];
    });
  }
}
