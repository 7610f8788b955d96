/*
 * Describes a set of 15-minute slots of a week in words, on the local clock
 * of a zone: "Mon–Fri 00:00–09:00, 17:00–24:00; Sat–Sun all day (Europe/Berlin)".
 */
import { instantToWallClock } from '../time';

const SLOT_MINUTES = 15;
const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function clock(slot: number): string {
  const minutes = slot * SLOT_MINUTES;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function describeDay(slots: boolean[]): string | undefined {
  if (slots.every(Boolean)) return 'all day';
  const ranges: string[] = [];
  for (let i = 0; i < SLOTS_PER_DAY; i++) {
    if (!slots[i]) continue;
    let j = i;
    while (j + 1 < SLOTS_PER_DAY && slots[j + 1]) j++;
    ranges.push(`${clock(i)}–${clock(j + 1)}`);
    i = j;
  }
  return ranges.length > 0 ? ranges.join(', ') : undefined;
}

/** Summarises instants (taken every 15 minutes over a week) in a zone. */
export function describeWeekSlots(instants: number[], zone: string): string {
  const week = DAYS.map(() => new Array<boolean>(SLOTS_PER_DAY).fill(false));
  for (const instant of instants) {
    const wall = instantToWallClock(instant, zone);
    const slot = Math.floor((wall.hour * 60 + wall.minute) / SLOT_MINUTES);
    week[wall.weekday - 1][slot] = true;
  }
  const described = week.map(describeDay);
  const parts: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!described[d]) continue;
    let e = d;
    while (e + 1 < 7 && described[e + 1] === described[d]) e++;
    const days = e === d ? DAYS[d] : `${DAYS[d]}–${DAYS[e]}`;
    parts.push(`${days} ${described[d]}`);
    d = e;
  }
  return `${parts.join('; ')} (${zone})`;
}

/** 'Sat 10:00 (Europe/Berlin)'. */
export function describeInstant(instant: number, zone: string): string {
  const wall = instantToWallClock(instant, zone);
  return `${DAYS[wall.weekday - 1]} ${wall.toFormat('HH:mm')} (${zone})`;
}
