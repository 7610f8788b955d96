import { Link } from '@backstage/core-components';
import {
  HighlightedSearchResultText,
  type SearchResultListItemExtensionProps,
} from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';
import { useOnCall, useDataInfraTranslation } from '../../hooks';
import { formatPercent, refName, useDomains } from '../shared';

/**
 * A `software-catalog` search document as the data-infra search module
 * (`@data-infra/backstage-plugin-search-backend-module-data-infra`) shapes it
 * for our kinds. Every extra field is optional: documents indexed without
 * that module still render.
 *
 * @public
 */
export type DataInfraSearchDocument = NonNullable<
  SearchResultListItemExtensionProps['result']
> & {
  kind?: string;
  name?: string;
  namespace?: string;
  owner?: string;
  type?: string;
  lifecycle?: string;
  tags?: string[];
  tier?: number;
  /** DataService: SLA availability in percent (99.9). */
  availability?: number;
  technology?: string;
  /**
   * The domain id: a Subteam's own, a DataService's or Rotation's owner
   * Subteam's; '' when unknown.
   */
  domain?: string;
  parent?: string;
  timezone?: string;
};

/** @public */
export interface DataInfraSearchResultListItemProps {
  result?: DataInfraSearchDocument;
  /** The engine's highlight of the result, as the search page passes it. */
  highlight?: {
    preTag: string;
    postTag: string;
    fields: { [field: string]: string };
  };
  rank?: number;
  icon?: ReactNode | ((result: DataInfraSearchDocument) => ReactNode);
  lineClamp?: number;
}

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex' },
    flexContainer: { flexWrap: 'wrap' },
    itemText: { width: '100%', wordBreak: 'break-word', marginBottom: '1rem' },
    chips: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      alignItems: 'center',
    },
    onCall: { marginTop: theme.spacing(0.5) },
  }),
  { name: 'DataInfraSearchResultListItem' },
);

/** 'data-platform' → 'Data Platform'. */
export function humaniseId(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map(w => w.charAt(0).toLocaleUpperCase('en-US') + w.slice(1))
    .join(' ');
}

function isKind(doc: DataInfraSearchDocument, kind: string): boolean {
  return doc.kind?.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US');
}

/**
 * The domain id of a result. The search module puts `domain` on every
 * document (a DataService or Rotation gets its owner Subteam's; '' when the
 * owner is unknown). Documents indexed by an older version of the module
 * carry it on Subteams only; for those we fall back to the owner's name,
 * which in the seed catalog equals its domain id.
 */
function domainOf(doc: DataInfraSearchDocument): string | undefined {
  if (typeof doc.domain === 'string') return doc.domain || undefined;
  if (isKind(doc, 'Subteam')) return undefined;
  return refName(doc.owner) || undefined;
}

/** Who is on call now for a Rotation result; nothing if the lookup fails. */
function RotationOnCallNow(props: { doc: DataInfraSearchDocument }) {
  const { doc } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const ref = `rotation:${(doc.namespace || 'default').toLocaleLowerCase('en-US')}/${(
    doc.name ?? ''
  ).toLocaleLowerCase('en-US')}`;
  const { value, loading, error } = useOnCall({ rotation: ref });

  if (!doc.name || error) return null;
  if (loading) {
    return (
      <Typography
        className={classes.onCall}
        variant="body2"
        color="textSecondary"
        role="status"
      >
        {t('search.checkingOnCall')}
      </Typography>
    );
  }
  const rotation = value?.rotations.find(
    r => r.rotation.ref.toLocaleLowerCase('en-US') === ref,
  );
  if (!rotation) return null;
  return (
    <Typography className={classes.onCall} variant="body2">
      {rotation.onCall.length === 0
        ? t('search.nobodyOnCall')
        : t('search.onCallNow', {
            people: rotation.onCall
              .map(r => `${r.user.displayName} (${t(`common.roleName.${r.role}`)})`)
              .join(', '),
          })}
    </Typography>
  );
}

/**
 * A search result list item for DataService, Subteam and Rotation documents:
 * the title linked to the entity, kind, domain, owner and tier, the
 * availability and technology of a DataService, the timezone and who is on call now of a
 * Rotation, and the entity's description (highlighted where it matched). The
 * other fields the search module indexes (`keywords`) find a result but are
 * not shown: the chips say them.
 *
 * @public
 */
export function DataInfraSearchResultListItem(
  props: DataInfraSearchResultListItemProps,
) {
  const { result, highlight } = props;
  const classes = useStyles();
  const domains = useDomains();
  const { t } = useDataInfraTranslation();
  if (!result) return null;

  const domainId = domainOf(result);
  const domainLabel = domainId
    ? domains.find(d => d.id === domainId)?.title ?? humaniseId(domainId)
    : undefined;
  const owner = refName(result.owner);
  const icon =
    typeof props.icon === 'function' ? props.icon(result) : props.icon;
  // A field as the engine highlighted it, or as indexed.
  const highlighted = (field: 'title' | 'text', plain: string) =>
    highlight?.fields[field] ? (
      <HighlightedSearchResultText
        text={highlight.fields[field]}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      plain
    );

  return (
    <div className={classes.item}>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <div className={classes.flexContainer}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              {highlighted('title', result.title)}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp,
                overflow: 'hidden',
              }}
              color="textSecondary"
              variant="body2"
            >
              {highlighted('text', result.text)}
            </Typography>
          }
        />
        <Box className={classes.chips}>
          {result.kind && <Chip size="small" label={result.kind} />}
          {domainLabel && (
            <Chip size="small" color="primary" label={t('search.domain', { domain: domainLabel })} />
          )}
          {owner && <Chip size="small" label={t('search.owner', { owner })} />}
          {typeof result.tier === 'number' && (
            <Chip size="small" label={t('search.tier', { tier: String(result.tier) })} />
          )}
          {isKind(result, 'DataService') &&
            typeof result.availability === 'number' && (
              <Chip
                size="small"
                label={t('search.availability', { availability: formatPercent(result.availability) })}
              />
            )}
          {isKind(result, 'DataService') && result.technology && (
            <Chip size="small" label={t('search.technology', { technology: result.technology })} />
          )}
          {isKind(result, 'Rotation') && result.timezone && (
            <Chip size="small" label={t('search.timezone', { timezone: result.timezone })} />
          )}
        </Box>
        {isKind(result, 'Rotation') && <RotationOnCallNow doc={result} />}
      </div>
    </div>
  );
}
