/*
 * The error budget an availability target allows. The common package's sla/
 * module is the source of truth on the backend (ServiceSummary.errorBudgetMs);
 * entity cards read the SLA straight from the entity, so they compute the same
 * figure here with the same window grammar.
 */

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** '30d', '4w', '12h' in milliseconds; undefined when not of that form. */
export function parseSlaWindow(window: string): number | undefined {
  const match = /^(\d+)\s*([mhdw])$/i.exec(window.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
}

/**
 * Allowed unavailability per window: 99.9 % over 30d = 43.2 min. Undefined
 * when the availability or the window is missing or out of range.
 */
export function allowedDowntimeMs(
  availability: number | undefined,
  window: string = '30d',
): number | undefined {
  if (typeof availability !== 'number' || availability < 0 || availability > 100) {
    return undefined;
  }
  const windowMs = parseSlaWindow(window);
  if (windowMs === undefined) return undefined;
  // Round to whole milliseconds: 100 - 99.9 is 0.0999…, not 0.1.
  return Math.round(((100 - availability) / 100) * windowMs);
}
