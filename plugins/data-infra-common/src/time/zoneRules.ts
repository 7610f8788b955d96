/*
 * The offset rules of one IANA zone as a list of transitions, so that the
 * offset at an instant and the instant of a wall-clock reading are a lookup
 * and a subtraction instead of a call into Intl (about 20 µs each).
 *
 * Transitions are found lazily, per block of 32 days, by sampling the
 * zone's offset every 12 hours and bisecting (to the second) where two
 * samples differ. A zone that changed and changed back within 12 hours would
 * be missed; the tz database has no such pair.
 */
import { IANAZone } from 'luxon';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SAMPLE = 12 * HOUR;
const BLOCK = 32 * DAY;
/** Blocks kept per zone (about 11 a year): more than enough for any query window. */
const MAX_BLOCKS = 4096;
/**
 * Instants and readings within this of a transition are resolved against
 * it; further away the offset is constant. Larger than any offset (±16 h)
 * plus any gap or overlap (≤ 24 h).
 */
export const NEAR = 3 * DAY;

/** One change of a zone's UTC offset (offsets in ms). */
export interface Transition {
  /** The first instant with the new offset. */
  at: number;
  before: number;
  after: number;
}

interface Block {
  startOffset: number;
  transitions: Transition[];
}

const NO_TRANSITIONS: Transition[] = [];
const rulesByZone = new Map<string, ZoneRules>();

export class ZoneRules {
  /** The rules of a zone, shared by every caller; undefined for an unknown zone. */
  static of(zone: string): ZoneRules | undefined {
    let rules = rulesByZone.get(zone);
    if (!rules) {
      const iana = IANAZone.create(zone);
      if (!iana.isValid) return undefined;
      if (rulesByZone.size >= 1000) rulesByZone.clear();
      rules = new ZoneRules(iana);
      rulesByZone.set(zone, rules);
    }
    return rules;
  }

  readonly #zone: IANAZone;
  readonly #blocks = new Map<number, Block>();
  #lastIndex = NaN;
  #lastBlock?: Block;
  /** The last stretch found with no transition within NEAR of any of its instants. */
  #quietFrom = 0;
  #quietUntil = 0;
  #quietOffset = NaN;

  private constructor(zone: IANAZone) {
    this.#zone = zone;
  }

  /** The zone's offset at an instant, in ms, rounded to the ms (LMT has seconds). */
  #intlOffset(at: number): number {
    return Math.round(this.#zone.offset(at) * 60_000);
  }

  #block(index: number): Block {
    if (index === this.#lastIndex) return this.#lastBlock!;
    let block = this.#blocks.get(index);
    if (!block) {
      if (this.#blocks.size >= MAX_BLOCKS) this.#blocks.clear();
      block = this.#scan(index * BLOCK);
      this.#blocks.set(index, block);
    }
    this.#lastIndex = index;
    this.#lastBlock = block;
    return block;
  }

  /** The transitions with `at` in [start, start + BLOCK), and the offset before them. */
  #scan(start: number): Block {
    const last = start + BLOCK - SECOND;
    let from = start - SECOND;
    let offset = this.#intlOffset(from);
    const startOffset = offset;
    if (!Number.isFinite(offset)) {
      throw new RangeError(`${start} is outside the range the time math supports`);
    }
    let transitions = NO_TRANSITIONS;
    for (let sample = start; ; sample = Math.min(sample + SAMPLE, last)) {
      // Several changes between two samples are found one after the other.
      let current = this.#intlOffset(sample);
      while (current !== offset) {
        if (!Number.isFinite(current)) throw new RangeError('instant outside the range the time math supports');
        let lo = from; // has `offset`
        let hi = sample; // does not
        while (hi - lo > SECOND) {
          const mid = lo + Math.max(SECOND, Math.floor((hi - lo) / 2 / SECOND) * SECOND);
          if (this.#intlOffset(mid) === offset) lo = mid;
          else hi = mid;
        }
        const after = this.#intlOffset(hi);
        if (transitions === NO_TRANSITIONS) transitions = [];
        transitions.push({ at: hi, before: offset, after });
        from = hi;
        offset = after;
        current = this.#intlOffset(sample);
      }
      from = sample;
      if (sample === last) break;
    }
    return { startOffset, transitions };
  }

  /** The UTC offset (ms) in force at an instant. */
  offsetAt(at: number): number {
    const block = this.#block(Math.floor(at / BLOCK));
    let offset = block.startOffset;
    for (const t of block.transitions) {
      if (t.at > at) break;
      offset = t.after;
    }
    return offset;
  }

  /**
   * The offset at `at` when it is the same throughout [at - NEAR, at + NEAR]
   * (the common case: about 340 days a year), else NaN. The stretch of
   * blocks that answered is remembered, so that the next instant nearby is
   * answered by two comparisons.
   */
  quietOffset(at: number): number {
    if (at >= this.#quietFrom && at < this.#quietUntil) return this.#quietOffset;
    const first = Math.floor((at - NEAR) / BLOCK);
    const last = Math.floor((at + NEAR) / BLOCK);
    const a = this.#block(first);
    const b = last === first ? a : this.#block(last);
    if (a.transitions.length === 0 && b.transitions.length === 0) {
      this.#quietFrom = first * BLOCK + NEAR;
      this.#quietUntil = (last + 1) * BLOCK - NEAR;
      this.#quietOffset = a.startOffset;
      return a.startOffset;
    }
    return this.transitionsAround(at).length === 0 ? this.offsetAt(at) : NaN;
  }

  /** Whether the offset is the same throughout [at - NEAR, at + NEAR]. */
  quietAround(at: number): boolean {
    return !Number.isNaN(this.quietOffset(at));
  }

  /** The transitions within NEAR of an instant, in order. */
  transitionsAround(at: number): Transition[] {
    const first = Math.floor((at - NEAR) / BLOCK);
    const last = Math.floor((at + NEAR) / BLOCK);
    let found = NO_TRANSITIONS;
    for (let index = first; index <= last; index++) {
      for (const t of this.#block(index).transitions) {
        if (t.at < at - NEAR || t.at > at + NEAR) continue;
        if (found === NO_TRANSITIONS) found = [];
        found.push(t);
      }
    }
    return found;
  }

  /** The least and the greatest offset in force anywhere in [from - NEAR, to + NEAR]. */
  offsetBounds(from: number, to: number): [number, number] {
    let min = this.offsetAt(from - NEAR);
    let max = min;
    const last = Math.floor((to + NEAR) / BLOCK);
    for (let index = Math.floor((from - NEAR) / BLOCK); index <= last; index++) {
      for (const t of this.#block(index).transitions) {
        if (t.at < from - NEAR || t.at > to + NEAR) continue;
        min = Math.min(min, t.after);
        max = Math.max(max, t.after);
      }
    }
    return [min, max];
  }

  /**
   * The instant of a wall-clock reading (ms on the zone-less calendar), by
   * RFC 5545 §3.3.5: a reading in a gap keeps the offset from before the
   * gap, a repeated reading means its first occurrence. Around a transition
   * from offset `before` to `after` at instant T, readings before
   * T + max(before, after) resolve with `before` and later ones with `after`.
   */
  instantOf(wall: number): number {
    const quiet = this.quietOffset(wall);
    if (!Number.isNaN(quiet)) return wall - quiet;
    const nearby = this.transitionsAround(wall);
    if (nearby.length === 0) return wall - this.offsetAt(wall);
    return wall - resolvedOffset(nearby, wall);
  }
}

/** The offset a reading resolves with, given the transitions around it. */
export function resolvedOffset(nearby: Transition[], wall: number): number {
  let offset = nearby[0].before;
  for (const t of nearby) {
    if (wall < t.at + Math.max(t.before, t.after)) break;
    offset = t.after;
  }
  return offset;
}

/** Where, on the wall clock, the resolution offset of a transition switches. */
export function switchReading(t: Transition): number {
  return t.at + Math.max(t.before, t.after);
}
