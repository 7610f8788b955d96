import {
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import type {
  DomainInfo,
  ServiceSummary,
} from '@data-infra/backstage-plugin-data-infra-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import {
  BudgetStatusChip,
  compareBudgetLeft,
  formatBudgetLeft,
  RefLink,
  SeverityChip,
  domainTitle,
  formatDurationMs,
  formatIsoDuration,
  formatPercent,
  useDomains,
} from '../shared';
import { downloadText, servicesToCsv } from './csv';

interface CatalogFilter {
  text: string;
  domain: string;
  tier: string;
}

function matches(row: ServiceSummary, filter: CatalogFilter): boolean {
  if (filter.domain && row.domain !== filter.domain) return false;
  if (filter.tier && String(row.tier ?? '') !== filter.tier) return false;
  const text = filter.text.trim().toLocaleLowerCase('en-US');
  if (!text) return true;
  return [row.title, row.ref, row.type, row.technology, row.owner?.title]
    .filter((v): v is string => Boolean(v))
    .some(v => v.toLocaleLowerCase('en-US').includes(text));
}

function columns(domains: DomainInfo[]): TableColumn<ServiceSummary>[] {
  return [
    {
      title: 'Service',
      field: 'title',
      highlight: true,
      render: row => <RefLink entityRef={row.ref} title={row.title} />,
    },
    {
      title: 'Domain',
      field: 'domain',
      render: row => domainTitle(domains, row.domain ?? undefined),
    },
    {
      title: 'Owner',
      customSort: (a, b) =>
        (a.owner?.title ?? '').localeCompare(b.owner?.title ?? ''),
      render: row =>
        row.owner ? (
          <RefLink entityRef={row.owner.ref} title={row.owner.title} />
        ) : (
          '—'
        ),
    },
    { title: 'Tier', field: 'tier', type: 'numeric', align: 'left' },
    {
      title: 'Availability',
      customSort: (a, b) =>
        (a.sla?.availability ?? -1) - (b.sla?.availability ?? -1),
      render: row => formatPercent(row.sla?.availability),
    },
    {
      title: 'Error budget',
      field: 'errorBudgetMs',
      render: row =>
        row.errorBudgetMs === undefined
          ? '—'
          : `${formatDurationMs(row.errorBudgetMs)} / ${row.sla?.window ?? '30d'}`,
    },
    {
      title: 'Budget left',
      customSort: (a, b) => compareBudgetLeft(a.measured, b.measured),
      render: row =>
        row.measured ? (
          <span title={row.measured.reason}>
            {formatBudgetLeft(row.measured)} <BudgetStatusChip status={row.measured.status} />
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: 'Support hours',
      customSort: (a, b) =>
        (a.sla?.supportHours?.type ?? '').localeCompare(
          b.sla?.supportHours?.type ?? '',
        ),
      render: row => row.sla?.supportHours?.type ?? '—',
    },
    {
      title: 'Sev1 response',
      sorting: false,
      render: row => formatIsoDuration(row.sla?.responseTime?.sev1),
    },
    {
      title: 'On call now',
      sorting: false,
      render: row =>
        row.onCall.length === 0
          ? 'Nobody'
          : row.onCall.map(o => (
              <div key={`${o.role}-${o.user.ref}`}>
                <RefLink entityRef={o.user.ref} title={o.user.displayName} /> (
                {o.role})
              </div>
            )),
    },
    {
      title: 'Checks',
      customSort: (a, b) =>
        severityRank(a.worstFinding) - severityRank(b.worstFinding),
      render: row => (
        <SeverityChip
          severity={row.worstFinding}
          label={findingLabel(row)}
        />
      ),
    },
  ];
}

const SEVERITY_RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

function severityRank(severity: ServiceSummary['worstFinding']): number {
  return severity ? SEVERITY_RANK[severity] ?? 0 : 0;
}

function findingLabel(row: ServiceSummary): string {
  if (!row.worstFinding) return 'OK';
  const noun = row.worstFinding === 'error' ? 'error' : 'finding';
  return `${row.findingCount} ${noun}${row.findingCount === 1 ? '' : 's'}`;
}

/** The table once loaded; split out so it can be rendered from fixed rows. */
export function ServiceCatalogView(props: { services: ServiceSummary[] }) {
  const domains = useDomains();
  const [filter, setFilter] = useState<CatalogFilter>({
    text: '',
    domain: '',
    tier: '',
  });
  const rows = useMemo(
    () => props.services.filter(row => matches(row, filter)),
    [props.services, filter],
  );
  const tiers = useMemo(
    () =>
      [...new Set(props.services.map(s => s.tier).filter(t => t !== undefined))]
        .sort()
        .map(String),
    [props.services],
  );
  const cols = useMemo(() => columns(domains), [domains]);

  return (
    <>
      <Box display="flex" flexWrap="wrap" alignItems="flex-end" mb={2} style={{ gap: 16 }}>
        <TextField
          label="Filter"
          value={filter.text}
          onChange={e => setFilter({ ...filter, text: e.target.value })}
          inputProps={{ 'aria-label': 'Filter services' }}
        />
        <TextField
          select
          label="Domain"
          value={filter.domain}
          onChange={e => setFilter({ ...filter, domain: e.target.value })}
          SelectProps={{ native: true }}
          inputProps={{ 'aria-label': 'Domain' }}
        >
          <option value="">All domains</option>
          {domains.map(domain => (
            <option key={domain.id} value={domain.id}>
              {domain.title}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label="Tier"
          value={filter.tier}
          onChange={e => setFilter({ ...filter, tier: e.target.value })}
          SelectProps={{ native: true }}
          inputProps={{ 'aria-label': 'Tier' }}
        >
          <option value="">All tiers</option>
          {tiers.map(tier => (
            <option key={tier} value={tier}>
              Tier {tier}
            </option>
          ))}
        </TextField>
        <Button
          variant="outlined"
          onClick={() => downloadText('data-services.csv', servicesToCsv(rows))}
          disabled={rows.length === 0}
        >
          Export CSV ({rows.length})
        </Button>
      </Box>
      <Table<ServiceSummary>
        title={`Data services (${rows.length} of ${props.services.length})`}
        options={{
          search: false,
          paging: rows.length > 50,
          pageSize: 50,
          pageSizeOptions: [50, 100, 500],
          padding: 'dense',
        }}
        columns={cols}
        data={rows}
        emptyContent={<Box p={2}>No service matches the filter.</Box>}
      />
    </>
  );
}

/** Every DataService with its owner, SLA, on-call and checks; CSV export. */
export function ServiceCatalog() {
  const api = useApi(dataInfraApiRef);
  const { value, loading, error } = useAsync(() => api.getAllServices(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return <ServiceCatalogView services={value ?? []} />;
}
