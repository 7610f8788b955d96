import type { ServiceSummary } from '@data-infra/backstage-plugin-data-infra-common';
import { formatDurationMs, formatIsoDuration } from '../shared/format';
import { budgetLeftPercent } from '../shared/budget';
import { firstLevelText } from './escalation';

/** One column of the export: its header and how to read a row. */
interface CsvColumn {
  header: string;
  value: (row: ServiceSummary) => string | number | undefined;
}

export const CSV_COLUMNS: CsvColumn[] = [
  { header: 'Service', value: r => r.title },
  { header: 'Entity ref', value: r => r.ref },
  { header: 'Domain', value: r => r.domain ?? '' },
  { header: 'Owner', value: r => r.owner?.title ?? '' },
  { header: 'Tier', value: r => r.tier },
  { header: 'Lifecycle', value: r => r.lifecycle },
  { header: 'Availability %', value: r => r.sla?.availability },
  {
    header: 'Error budget',
    value: r =>
      r.errorBudgetMs === undefined ? '' : formatDurationMs(r.errorBudgetMs),
  },
  { header: 'Budget left %', value: r => budgetLeftPercent(r.measured) },
  { header: 'Budget status', value: r => r.measured?.status ?? '' },
  { header: 'Support hours', value: r => r.sla?.supportHours?.type ?? '' },
  {
    header: 'Sev1 response',
    value: r =>
      r.sla?.responseTime?.sev1 ? formatIsoDuration(r.sla.responseTime.sev1) : '',
  },
  { header: 'Escalation: first level', value: r => firstLevelText(r) },
  { header: 'Escalation: levels', value: r => r.escalation?.levels ?? 0 },
  { header: 'Escalation: repeats', value: r => r.escalation?.repeat ?? 0 },
  { header: "Escalation: owner's policy", value: r => (r.escalation?.inherited ? 'yes' : 'no') },
  { header: 'Escalation: reaches nobody', value: r => r.escalation?.gaps ?? '' },
  { header: 'Escalation path', value: r => r.escalationSummary },
  { header: 'Chat', value: r => r.contact?.chat ?? '' },
  { header: 'Tickets', value: r => r.contact?.tickets ?? '' },
  { header: 'Pager', value: r => r.contact?.pager ?? '' },
  { header: 'Runbook', value: r => r.runbook ?? '' },
  {
    header: 'On call now',
    value: r => r.onCall.map(o => `${o.user.displayName} (${o.role})`).join('; '),
  },
  { header: 'Worst finding', value: r => r.worstFinding ?? 'ok' },
];

/**
 * A cell that a spreadsheet would run as a formula starts with one of
 * these: = + - @ (OWASP's list), TAB or CR (or LF), which some applications
 * skip before looking for the others.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Every cell of the export goes through here (add columns to CSV_COLUMNS,
 * never around it). Catalog text is anyone's: a cell that starts like a
 * formula gets a leading apostrophe, which spreadsheets show as text (a
 * number we computed is left as it is); then
 * RFC 4180 quoting (quote when needed, double inner quotes).
 */
export function csvCell(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  // A finite number is written by us, not by a catalog author: -12.5 stays
  // a number a spreadsheet can sum (a budget overspent).
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  const safe = !isNumber && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV text with a header line, CRLF line ends. */
export function servicesToCsv(rows: ServiceSummary[]): string {
  const lines = [CSV_COLUMNS.map(c => csvCell(c.header)).join(',')];
  for (const row of rows) {
    lines.push(CSV_COLUMNS.map(c => csvCell(c.value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Hands a text to the browser as a file download. */
export function downloadText(filename: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}
