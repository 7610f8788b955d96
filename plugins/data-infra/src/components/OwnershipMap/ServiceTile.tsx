import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { CSSProperties } from 'react';
import { BUDGET_STATUS, RefLink, SeverityChip, formatPercent } from '../shared';
import type { MapService } from './filterMap';
import { useDataInfraTranslation } from '../../hooks';

export const TILE_HEIGHT = 64;

const useStyles = makeStyles(theme => ({
  tile: {
    boxSizing: 'border-box',
    height: TILE_HEIGHT - 6,
    margin: '3px 0',
    padding: theme.spacing(0.5, 1),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.paper,
    cursor: 'pointer',
    overflow: 'hidden',
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  selected: { borderColor: theme.palette.primary.main, borderWidth: 2 },
  related: { borderColor: theme.palette.secondary.main, borderStyle: 'dashed' },
  title: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  facts: { display: 'flex', alignItems: 'center', gap: theme.spacing(1), whiteSpace: 'nowrap' },
}));

/**
 * A service as a compact tile: name (linked), tier, availability and worst
 * finding. Clicking (or Enter on) the tile selects it to show its
 * cross-domain dependencies.
 */
export function ServiceTile(props: {
  service: MapService;
  selected: boolean;
  related: boolean;
  onSelect: (service: { ref: string; title: string }) => void;
  style?: CSSProperties;
}) {
  const { service, selected, related, onSelect, style } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const status = service.measured?.status;
  const budget = status
    ? {
        colour: BUDGET_STATUS[status].colour,
        label: t(`budgetStatus.${status}.label`),
        meaning: t(`budgetStatus.${status}.meaning`),
      }
    : undefined;
  return (
    <div style={style}>
      <div
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        aria-label={t('ownershipMap.selectService', { service: service.title })}
        className={[
          classes.tile,
          selected && classes.selected,
          related && !selected && classes.related,
        ]
          .filter(Boolean)
          .join(' ')}
        // The measured error budget colours the tile's left edge (see the legend).
        style={budget ? { borderLeft: `6px solid ${budget.colour}` } : undefined}
        title={budget ? t('ownershipMap.budgetTitle', { label: budget.label, meaning: budget.meaning }) : undefined}
        onClick={() => onSelect(service)}
        onKeyDown={e => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onSelect(service);
          }
        }}
      >
        <Typography variant="body2" className={classes.title}>
          <RefLink entityRef={service.ref} title={service.title} />
        </Typography>
        <div className={classes.facts}>
          <Typography variant="caption">
            {service.tier ? t('ownershipMap.tier', { tier: String(service.tier) }) : t('ownershipMap.noTier')}
          </Typography>
          <Typography variant="caption">
            {service.sla?.availability !== undefined
              ? formatPercent(service.sla.availability)
              : t('ownershipMap.noSla')}
          </Typography>
          {service.measured && (
            <Typography variant="caption" style={{ color: budget!.colour, fontWeight: 600 }}>
              {service.measured.budgetLeft === undefined
                ? budget!.label
                : t('ownershipMap.percentLeft', {
                    percent: Math.round(service.measured.budgetLeft * 100).toString().replace('-', '−'),
                  })}
            </Typography>
          )}
          {service.worstFinding && (
            <SeverityChip severity={service.worstFinding} />
          )}
        </div>
      </div>
    </div>
  );
}
