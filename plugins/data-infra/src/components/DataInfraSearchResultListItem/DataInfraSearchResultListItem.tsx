import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
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
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import { refName, useDomains } from '../shared';

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
  technology?: string;
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

/**
 * The domain id of a result. A Subteam document carries its `domain`. A
 * DataService or Rotation document only carries its owner ref: in our
 * catalog a subteam's name equals the id of its domain, so the owner's name
 * is the domain id (the search module cannot look the owner up while
 * indexing, see its README).
 */
function domainOf(doc: DataInfraSearchDocument): string | undefined {
  if (doc.kind?.toLocaleLowerCase('en-US') === 'subteam') {
    return doc.domain || undefined;
  }
  return refName(doc.owner) || undefined;
}

function isKind(doc: DataInfraSearchDocument, kind: string): boolean {
  return doc.kind?.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US');
}

/** Who is on call now for a Rotation result; nothing if the lookup fails. */
function RotationOnCallNow(props: { doc: DataInfraSearchDocument }) {
  const { doc } = props;
  const classes = useStyles();
  const api = useApi(dataInfraApiRef);
  const ref = `rotation:${(doc.namespace || 'default').toLocaleLowerCase('en-US')}/${(
    doc.name ?? ''
  ).toLocaleLowerCase('en-US')}`;
  const { value, loading, error } = useAsync(() => api.getOnCall(), [api]);

  if (!doc.name || error) return null;
  if (loading) {
    return (
      <Typography
        className={classes.onCall}
        variant="body2"
        color="textSecondary"
        role="status"
      >
        Checking who is on call…
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
        ? 'Nobody on call now'
        : `On call now: ${rotation.onCall
            .map(r => `${r.user.displayName} (${r.role})`)
            .join(', ')}`}
    </Typography>
  );
}

/**
 * A search result list item for DataService, Subteam and Rotation documents:
 * the title linked to the entity, kind, domain, owner and tier, the
 * technology of a DataService, the timezone and who is on call now of a
 * Rotation, and the (highlighted) text.
 *
 * @public
 */
export function DataInfraSearchResultListItem(
  props: DataInfraSearchResultListItemProps,
) {
  const { result, highlight } = props;
  const classes = useStyles();
  const domains = useDomains();
  if (!result) return null;

  const domainId = domainOf(result);
  const domainLabel = domainId
    ? domains.find(d => d.id === domainId)?.title ?? humaniseId(domainId)
    : undefined;
  const owner = refName(result.owner);
  const icon =
    typeof props.icon === 'function' ? props.icon(result) : props.icon;

  return (
    <div className={classes.item}>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <div className={classes.flexContainer}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              {highlight?.fields.title ? (
                <HighlightedSearchResultText
                  text={highlight.fields.title}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.title
              )}
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
              {highlight?.fields.text ? (
                <HighlightedSearchResultText
                  text={highlight.fields.text}
                  preTag={highlight.preTag}
                  postTag={highlight.postTag}
                />
              ) : (
                result.text
              )}
            </Typography>
          }
        />
        <Box className={classes.chips}>
          {result.kind && <Chip size="small" label={result.kind} />}
          {domainLabel && (
            <Chip size="small" color="primary" label={`Domain: ${domainLabel}`} />
          )}
          {owner && <Chip size="small" label={`Owner: ${owner}`} />}
          {typeof result.tier === 'number' && (
            <Chip size="small" label={`Tier ${result.tier}`} />
          )}
          {isKind(result, 'DataService') && result.technology && (
            <Chip size="small" label={`Technology: ${result.technology}`} />
          )}
          {isKind(result, 'Rotation') && result.timezone && (
            <Chip size="small" label={`Timezone: ${result.timezone}`} />
          )}
        </Box>
        {isKind(result, 'Rotation') && <RotationOnCallNow doc={result} />}
      </div>
    </div>
  );
}
