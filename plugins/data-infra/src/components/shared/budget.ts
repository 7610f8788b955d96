/*
 * How a measured error budget is shown: one colour and one word per status
 * (the map's tiles and legend, the catalog's column, the SLA card), and the
 * share left as a percentage.
 */
import type { BudgetStatus, MeasuredSummary } from '@data-infra/backstage-plugin-data-infra-common';

/**
 * Colour of each status, in the order of the legend (worst first). Their
 * words are in the translation ref (`budgetStatus.<status>.label` and
 * `.meaning`).
 */
export const BUDGET_STATUS: Record<BudgetStatus, { colour: string }> = {
  exhausted: { colour: '#c62828' },
  burning: { colour: '#ef6c00' },
  low: { colour: '#f9a825' },
  healthy: { colour: '#2e7d32' },
  unavailable: { colour: '#9e9e9e' },
};

/** The share of the budget left, e.g. "42.0 %", "−12.5 %" when overspent, "—" without a figure. */
export function formatBudgetLeft(measured: MeasuredSummary | undefined): string {
  if (!measured) return '—';
  if (measured.budgetLeft === undefined) return measured.status === 'unavailable' ? 'unavailable' : '—';
  return `${(measured.budgetLeft * 100).toFixed(1).replace('-', '−')} %`;
}

/** The share left as a plain number for a spreadsheet (-12.5, 42), empty without one. */
export function budgetLeftPercent(measured: MeasuredSummary | undefined): number | undefined {
  return measured?.budgetLeft === undefined ? undefined : Number((measured.budgetLeft * 100).toFixed(1));
}
