import {
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  DomainInfo,
  ServiceSortKey,
  ServiceSummary,
} from '@data-infra/backstage-plugin-data-infra-common';
import { SERVICES_MAX_LIMIT } from '@data-infra/backstage-plugin-data-infra-common';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import type { ServicesQuery } from '../../api';
import {
  BudgetStatusChip,
  formatBudgetLeft,
  RefLink,
  SafeLink,
  SeverityChip,
  domainTitle,
  formatDurationMs,
  formatIsoDuration,
  formatPercent,
  useDomains,
} from '../shared';
import { downloadText, servicesToCsv } from './csv';
import { useServices } from './useServices';
import { firstLevelText, levelsText } from './escalation';
import { useDataInfraTranslation, type DataInfraT } from '../../hooks';

/** The filters, kept in the page's URL so a filtered view can be linked. */
interface CatalogFilter {
  q: string;
  domain: string;
  tier: string;
  owner: string;
}
const FILTER_KEYS: Array<keyof CatalogFilter> = ['q', 'domain', 'tier', 'owner'];

const PAGE_SIZES = [25, 50, 100, SERVICES_MAX_LIMIT];

const caption = (text: string | undefined) =>
  text ? (
    <Typography variant="caption" color="textSecondary" component="div">
      {text}
    </Typography>
  ) : null;

function findingLabel(row: ServiceSummary, t: DataInfraT): string {
  if (!row.worstFinding) return t('common.ok');
  const noun = row.worstFinding === 'error' ? 'error' : 'finding';
  return t(`serviceCatalog.findings.${noun}`, { count: row.findingCount });
}

/**
 * Ten columns fit 1440 px only with less than Material UI's 16 + 24 px of
 * padding per cell.
 */
const CELL_PADDING = { paddingLeft: 8, paddingRight: 8 };

/**
 * The columns; `field` is the server's sort key (GET /services?sort=), so
 * the table sorts on the server, over every row that matches.
 */
function columns(domains: DomainInfo[], t: DataInfraT): TableColumn<ServiceSummary>[] {
  const sortKey = (key: ServiceSortKey) => key;
  const list: TableColumn<ServiceSummary>[] = [
    {
      title: t('serviceCatalog.columns.service'),
      field: sortKey('title'),
      highlight: true,
      width: '16%',
      render: row => (
        <>
          <RefLink entityRef={row.ref} title={row.title} />
          {caption([row.type, row.technology].filter(Boolean).join(' · '))}
        </>
      ),
    },
    {
      title: t('serviceCatalog.columns.owner'),
      field: sortKey('owner'),
      width: '9%',
      render: row => {
        const domain = domainTitle(domains, row.domain ?? undefined);
        return (
          <>
            {row.owner ? <RefLink entityRef={row.owner.ref} title={row.owner.title} /> : t('common.none')}
            {domain !== row.owner?.title && caption(domain)}
          </>
        );
      },
    },
    {
      title: t('serviceCatalog.columns.tier'),
      field: sortKey('tier'),
      width: '3%',
      render: row => row.tier ?? t('common.none'),
    },
    {
      title: t('serviceCatalog.columns.sla'),
      field: sortKey('availability'),
      width: '11%',
      render: row => (
        <>
          {formatPercent(row.sla?.availability)}
          {row.errorBudgetMs !== undefined &&
            caption(
              t('serviceCatalog.errorBudgetPer', {
                duration: formatDurationMs(row.errorBudgetMs),
                window: row.sla?.window ?? '30d',
              }),
            )}
          {caption(row.sla?.supportHours?.type?.replace('-', ' '))}
        </>
      ),
    },
    {
      // Least left first; services without a measured figure last either way.
      title: t('serviceCatalog.columns.budgetLeft'),
      field: sortKey('budget'),
      width: '10%',
      render: row =>
        row.measured ? (
          <span title={row.measured.reason}>
            {formatBudgetLeft(row.measured)}
            <BudgetStatusChip status={row.measured.status} compact />
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('serviceCatalog.columns.sev1Response'),
      field: sortKey('sev1'),
      width: '6%',
      render: row => formatIsoDuration(row.sla?.responseTime?.sev1),
    },
    {
      title: t('serviceCatalog.columns.escalation'),
      field: sortKey('escalation'),
      width: '15%',
      render: row => (
        <>
          {firstLevelText(row)}
          {caption(levelsText(row))}
          {row.escalation?.gaps && (
            <Typography variant="caption" color="error" component="div">
              {t('serviceCatalog.reachesNobody', { gaps: row.escalation.gaps })}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: t('serviceCatalog.columns.contact'),
      sorting: false,
      width: '12%',
      render: row => <CompactContact contact={row.contact} />,
    },
    {
      title: t('serviceCatalog.columns.onCall'),
      sorting: false,
      width: '10%',
      render: row =>
        row.onCall.length === 0
          ? t('serviceCatalog.nobody')
          : row.onCall.map(o => (
              <div key={`${o.role}-${o.user.ref}`}>
                <RefLink entityRef={o.user.ref} title={o.user.displayName} />
                {caption(o.role)}
              </div>
            )),
    },
    {
      title: t('serviceCatalog.columns.checks'),
      field: sortKey('checks'),
      width: '8%',
      render: row => <SeverityChip severity={row.worstFinding} label={findingLabel(row, t)} />,
    },
  ];
  return list.map(column => ({
    ...column,
    cellStyle: { ...CELL_PADDING, ...(column.cellStyle as object) },
    headerStyle: { ...CELL_PADDING, ...column.headerStyle },
  }));
}

/**
 * How to reach the owner, short enough for a table cell: the chat channel,
 * then tickets and pager as links named by what they are (the addresses
 * are in the CSV and on the entity page).
 */
function CompactContact(props: { contact: ServiceSummary['contact'] }) {
  const { t } = useDataInfraTranslation();
  const { chat, tickets, pager } = props.contact ?? {};
  const link = (label: string, value: string | undefined) => {
    if (!value) return null;
    return <SafeLink href={value} fallback={`${label}: ${value}`}>{label}</SafeLink>;
  };
  const links = [link(t('serviceCatalog.tickets'), tickets), link(t('serviceCatalog.pager'), pager)].filter(Boolean);
  if (!chat && links.length === 0) return <>—</>;
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      {chat && <div>{chat}</div>}
      {links.length > 0 && (
        <Typography variant="caption" component="div">
          {links.map((l, i) => (
            <span key={i}>
              {i > 0 && ' · '}
              {l}
            </span>
          ))}
        </Typography>
      )}
    </div>
  );
}

function queryOf(filter: CatalogFilter): Omit<ServicesQuery, 'cursor' | 'offset' | 'limit'> {
  return {
    q: filter.q || undefined,
    domain: filter.domain || undefined,
    tier: filter.tier ? Number(filter.tier) : undefined,
    owner: filter.owner || undefined,
  };
}

/**
 * Every DataService with its owner, SLA, escalation path, contact, on-call
 * and checks. Filtering, sorting and paging happen on the server, one page
 * per request; the CSV export reads every matching row in pages of the
 * largest size the server allows, in the table's order.
 */
export function ServiceCatalog() {
  const services = useServices();
  const { t } = useDataInfraTranslation();
  const domains = useDomains();
  const [params, setParams] = useSearchParams();
  const filter: CatalogFilter = {
    q: params.get('q') ?? '',
    domain: params.get('domain') ?? '',
    tier: params.get('tier') ?? '',
    owner: params.get('owner') ?? '',
  };
  const setFilter = useCallback(
    (change: Partial<CatalogFilter>) =>
      setParams(
        current => {
          const next = new URLSearchParams(current);
          for (const key of FILTER_KEYS) {
            if (!(key in change)) continue;
            if (change[key]) next.set(key, change[key]!);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  // Typing is debounced into the URL, which is what the table queries.
  const [text, setText] = useState(filter.q);
  useDebounce(() => text !== filter.q && setFilter({ q: text }), 300, [text]);

  const [error, setError] = useState<Error>();
  const [total, setTotal] = useState<number>();
  const [exporting, setExporting] = useState<{ loaded: number; total: number }>();
  const order = useRef<{ sort: ServiceSortKey; order: 'asc' | 'desc' }>({ sort: 'title', order: 'asc' });
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const tableRef = useRef<any>();

  // Stable, so that the table does not reload on every render.
  const load = useCallback(
    async (query: {
      page: number;
      pageSize: number;
      orderBy?: { field?: unknown };
      orderDirection?: string;
    }) => {
      const sort = (query.orderBy?.field as ServiceSortKey | undefined) ?? 'title';
      const direction = query.orderDirection === 'desc' ? 'desc' : 'asc';
      order.current = { sort, order: direction };
      try {
        const page = await services.getPage({
          ...queryOf(filterRef.current),
          sort,
          order: direction,
          offset: query.page * query.pageSize,
          limit: query.pageSize,
        });
        setError(undefined);
        setTotal(page.totalItems);
        return { data: page.items, page: query.page, totalCount: page.totalItems };
      } catch (e) {
        setError(e as Error);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    [services],
  );

  // A new filter starts again at the first page, in the order last asked
  // for (the table may not have stored it yet if that page is still on its
  // way). On mount the table loads its first page by itself.
  const filterKey = JSON.stringify(filter);
  const mounted = useRef(false);
  useEffect(() => {
    const table = tableRef.current;
    if (mounted.current && table) {
      const orderBy = table.state?.columns?.find((c: { field?: string }) => c.field === order.current.sort);
      table.onQueryChange({ page: 0, orderBy, orderDirection: order.current.order });
    }
    mounted.current = true;
  }, [filterKey]);

  const exportCsv = async () => {
    setExporting({ loaded: 0, total: total ?? 0 });
    try {
      const rows = await services.getAll(
        { ...queryOf(filter), ...order.current },
        (loaded, all) => setExporting({ loaded, total: all }),
      );
      downloadText('data-services.csv', servicesToCsv(rows));
    } catch (e) {
      setError(e as Error);
    } finally {
      setExporting(undefined);
    }
  };

  const cols = useMemo(() => columns(domains, t), [domains, t]);
  const tiers = ['1', '2', '3'];

  return (
    <>
      <Box display="flex" flexWrap="wrap" alignItems="flex-end" mb={2} style={{ gap: 16 }}>
        <TextField
          label={t('serviceCatalog.filter')}
          value={text}
          onChange={e => setText(e.target.value)}
          inputProps={{ 'aria-label': t('serviceCatalog.filterServices') }}
          placeholder={t('serviceCatalog.filterPlaceholder')}
        />
        <TextField
          select
          label={t('common.labels.domain')}
          value={filter.domain}
          onChange={e => setFilter({ domain: e.target.value })}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'aria-label': t('common.labels.domain') }}
        >
          <option value="">{t('serviceCatalog.allDomains')}</option>
          {domains.map(domain => (
            <option key={domain.id} value={domain.id}>
              {domain.title}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={t('common.labels.tier')}
          value={filter.tier}
          onChange={e => setFilter({ tier: e.target.value })}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'aria-label': t('common.labels.tier') }}
        >
          <option value="">{t('serviceCatalog.allTiers')}</option>
          {tiers.map(tier => (
            <option key={tier} value={tier}>
              {t('serviceCatalog.tierOption', { tier: String(tier) })}
            </option>
          ))}
        </TextField>
        {filter.owner && (
          <Chip
            label={<>{t('serviceCatalog.owner', { owner: <RefLink entityRef={filter.owner} /> })}</>}
            onDelete={() => setFilter({ owner: '' })}
          />
        )}
        <Button
          variant="outlined"
          onClick={exportCsv}
          disabled={!total || exporting !== undefined}
        >
          {exporting
            ? t('serviceCatalog.exporting', {
                loaded: exporting.loaded.toLocaleString('en-US'),
                total: exporting.total.toLocaleString('en-US'),
              })
            : t('serviceCatalog.exportCsv', { number: (total ?? 0).toLocaleString('en-US') })}
        </Button>
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      <Table<ServiceSummary>
        tableRef={tableRef}
        title={
          total === undefined
            ? t('serviceCatalog.title')
            : t('serviceCatalog.titleWithCount', { number: total.toLocaleString('en-US') })
        }
        options={{
          search: false,
          paging: true,
          pageSize: 50,
          pageSizeOptions: PAGE_SIZES,
          emptyRowsWhenPaging: false,
          padding: 'dense',
          debounceInterval: 0,
        }}
        columns={cols}
        data={load}
        emptyContent={<Box p={2}>{t('serviceCatalog.noMatch')}</Box>}
      />
    </>
  );
}
