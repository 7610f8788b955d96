/*
 * The error budget an availability target allows, on the entity cards. The
 * cards read the SLA straight from the entity; the figure, and the window
 * grammar (the DataService schema's: '30d', '4w'), are the common package's
 * errorBudget, as in /services, so a card and the table always agree.
 */
import { errorBudget } from '@data-infra/backstage-plugin-data-infra-common';

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
  return errorBudget({ availability, window })?.allowedDowntimeMs;
}
