/*
 * How durations are written for people. One module, two spellings that
 * share the units and the rounding rules: the compact one inside sentences
 * (findings, the backend's escalation summary: 'after 4h 23m') and the
 * spaced one in labels of the UI ('43.2 min of downtime per 30d').
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as its two largest units: '43m 12s', '4h 23m', '1d 2h', '45s'.
 * Rounded to the second; a zero second unit is left out ('2h').
 * @public
 */
export function formatDurationShort(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const sign = ms < 0 ? '-' : '';
  let seconds = Math.round(Math.abs(ms) / SECOND);
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  for (const [name, size] of units) {
    const value = Math.floor(seconds / size);
    seconds -= value * size;
    if (parts.length > 0 || value > 0) parts.push(value > 0 ? `${value}${name}` : '');
    if (parts.length === 2) break;
  }
  const text = parts.filter(Boolean).join(' ');
  return text ? `${sign}${text}` : '0s';
}

/**
 * A duration as a label: '43.2 min', '1 h 30 min', '2 d 4 h', '45 s'.
 * Below an hour one decimal is kept so an error budget (43.2 min) reads
 * exactly; '—' for a negative or non-finite value.
 * @public
 */
export function formatDurationWords(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms === 0) return '0 min';
  if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (ms < HOUR) {
    const minutes = Math.round((ms / MINUTE) * 10) / 10;
    return `${minutes} min`;
  }
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.round((ms - hours * HOUR) / MINUTE);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(ms / DAY);
  const hours = Math.round((ms - days * DAY) / HOUR);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}
