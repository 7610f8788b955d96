/*
 * The overrides of one role as a timeline: sorted, disjoint stretches, each
 * with the user the winning override (the last in the list) puts there, and
 * neighbouring stretches of the same user merged. Built once per rotation
 * in O(m log m); every question about it is a binary search.
 */
import { lastAtOrBefore } from './sorted';

/** An override with its bounds as instants; `index` is its position in the list. */
export interface TimedOverride {
  start: number;
  end: number;
  user: string;
  index: number;
}

/** Stretches [starts[i], ends[i]) held by users[i], sorted and disjoint. */
export interface OverrideTimeline {
  starts: number[];
  ends: number[];
  users: string[];
}

/** A max-heap of list positions (the latest override wins). */
class MaxHeap {
  readonly #items: number[] = [];
  get size() {
    return this.#items.length;
  }
  peek() {
    return this.#items[0];
  }
  push(value: number) {
    const a = this.#items;
    a.push(value);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent] >= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop() {
    const a = this.#items;
    const last = a.pop()!;
    if (a.length === 0) return;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < a.length && a[l] > a[top]) top = l;
      if (r < a.length && a[r] > a[top]) top = r;
      if (top === i) break;
      [a[top], a[i]] = [a[i], a[top]];
      i = top;
    }
  }
}

export function buildOverrideTimeline(overrides: TimedOverride[]): OverrideTimeline {
  const timeline: OverrideTimeline = { starts: [], ends: [], users: [] };
  if (overrides.length === 0) return timeline;
  const byIndex = new Map(overrides.map(o => [o.index, o]));
  const byStart = [...overrides].sort((a, b) => a.start - b.start);
  const points = [...new Set(overrides.flatMap(o => [o.start, o.end]))].sort((a, b) => a - b);
  const active = new MaxHeap();
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const at = points[i];
    while (next < byStart.length && byStart[next].start <= at) active.push(byStart[next++].index);
    // Ended overrides leave lazily: only the top decides who holds the role.
    while (active.size > 0 && byIndex.get(active.peek())!.end <= at) active.pop();
    if (active.size === 0) continue;
    const user = byIndex.get(active.peek())!.user;
    const last = timeline.starts.length - 1;
    if (last >= 0 && timeline.ends[last] === at && timeline.users[last] === user) {
      timeline.ends[last] = points[i + 1];
    } else {
      timeline.starts.push(at);
      timeline.ends.push(points[i + 1]);
      timeline.users.push(user);
    }
  }
  return timeline;
}

/** The user an override puts in the role at t, if any. */
export function overrideAt(tl: OverrideTimeline, t: number): string | undefined {
  if (tl.starts.length === 0) return undefined;
  const i = lastAtOrBefore(tl.starts, t);
  return i >= 0 && t < tl.ends[i] ? tl.users[i] : undefined;
}

/** The first start or end of a stretch strictly after t (Infinity if none). */
export function nextOverrideBoundary(tl: OverrideTimeline, t: number): number {
  if (tl.starts.length === 0) return Infinity;
  const i = lastAtOrBefore(tl.starts, t);
  if (i >= 0 && t < tl.ends[i]) return tl.ends[i];
  return i + 1 < tl.starts.length ? tl.starts[i + 1] : Infinity;
}

/** The last start or end of a stretch at or before t (-Infinity if none). */
export function previousOverrideBoundary(tl: OverrideTimeline, t: number): number {
  if (tl.starts.length === 0) return -Infinity;
  const i = lastAtOrBefore(tl.starts, t);
  if (i < 0) return -Infinity;
  return t < tl.ends[i] ? tl.starts[i] : tl.ends[i];
}
