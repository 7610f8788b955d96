/*
 * How a measured error budget is shown: one colour and one word per status
 * (the map's tiles and legend, the catalog's column, the SLA card), and the
 * share left as a percentage.
 */
import type { BudgetStatus, MeasuredSummary } from '@data-infra/backstage-plugin-data-infra-common';

/** Colour and label of each status, in the order of the legend (worst first). */
export const BUDGET_STATUS: Record<BudgetStatus, { colour: string; label: string; meaning: string }> = {
  exhausted: { colour: '#c62828', label: 'Budget exhausted', meaning: 'no error budget left over the SLA window' },
  burning: { colour: '#ef6c00', label: 'Burning fast', meaning: 'a fast (1 h and 5 m) or slow (6 h and 30 m) burn alert would fire' },
  low: { colour: '#f9a825', label: 'Budget low', meaning: 'less than a quarter of the error budget left' },
  healthy: { colour: '#2e7d32', label: 'Budget healthy', meaning: 'a quarter or more of the error budget left' },
  unavailable: { colour: '#9e9e9e', label: 'Metrics unavailable', meaning: 'Prometheus could not be asked; the declared SLA still holds' },
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
