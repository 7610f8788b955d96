import { makeStyles } from '@material-ui/core/styles';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Divider from '@material-ui/core/Divider';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { OnCallList, RefLink, RefLinkList } from '../shared';
import type { MapDomain, MapService } from './filterMap';
import { ServiceTileList } from './ServiceTileList';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  column: { padding: theme.spacing(2), minWidth: 0 },
  subteam: { margin: theme.spacing(1, 0) },
  muted: { color: theme.palette.text.secondary },
}));

/**
 * Subteams shown before "Show all": a domain of a large organisation can
 * have dozens, and the services below them must stay in view.
 */
export const VISIBLE_SUBTEAMS = 5;

/**
 * One domain of the map: its subteams (lead, members, stakeholders, who is
 * on call now) above its services as tiles.
 */
export function DomainColumn(props: {
  domain: MapDomain;
  services: MapService[];
  selectedRef: string | undefined;
  relatedRefs: Set<string>;
  onSelect: (ref: string) => void;
}) {
  const { domain, services } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const [showAll, setShowAll] = useState(false);
  const hidden = showAll ? 0 : Math.max(0, domain.subteams.length - VISIBLE_SUBTEAMS);
  const subteams = hidden ? domain.subteams.slice(0, VISIBLE_SUBTEAMS) : domain.subteams;
  return (
    <Paper
      className={classes.column}
      component="section"
      aria-label={domain.title}
    >
      <Typography variant="h6" component="h2">
        {domain.title}
      </Typography>
      {domain.description && (
        <Typography variant="caption" className={classes.muted}>
          {domain.description}
        </Typography>
      )}
      {domain.subteams.length === 0 && (
        <Typography variant="body2">{t('ownershipMap.noSubteam')}</Typography>
      )}
      {subteams.map(subteam => {
        const onCall = subteam.rotations.flatMap(r => r.onCall);
        return (
          <div key={subteam.ref} className={classes.subteam}>
            <Typography variant="subtitle1" component="h3">
              <RefLink entityRef={subteam.ref} title={subteam.title} />
            </Typography>
            <Typography variant="body2" component="div">
              {t('ownershipMap.lead', {
                lead: subteam.lead ? (
                  <RefLink entityRef={subteam.lead.ref} title={subteam.lead.displayName} />
                ) : (
                  t('ownershipMap.noLead')
                ),
              })}
            </Typography>
            <Typography variant="body2" component="div">
              {t('ownershipMap.membersCount', {
                count: subteam.members.length,
                members: <RefLinkList entityRefs={subteam.members.map(m => ({ ref: m.ref, title: m.displayName }))} />,
              })}
            </Typography>
            <Typography variant="body2" component="div">
              {t('ownershipMap.stakeholders', { stakeholders: <RefLinkList entityRefs={subteam.stakeholders} /> })}
            </Typography>
            <Typography variant="body2" component="div">
              {subteam.rotations.length === 0 ? (
                t('ownershipMap.noRotation')
              ) : (
                <OnCallList onCall={onCall} />
              )}
            </Typography>
          </div>
        );
      })}
      {hidden > 0 && (
        <Button size="small" onClick={() => setShowAll(true)}>
          {t('ownershipMap.showAllSubteams', { count: domain.subteams.length })}
        </Button>
      )}
      <Divider />
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 8 }}>
        {services.length === domain.services.length
          ? t('ownershipMap.servicesCount', { number: services.length.toLocaleString('en-US') })
          : t('ownershipMap.servicesOfCount', {
              number: services.length.toLocaleString('en-US'),
              total: domain.services.length.toLocaleString('en-US'),
            })}
      </Typography>
      <ServiceTileList
        services={services}
        selectedRef={props.selectedRef}
        relatedRefs={props.relatedRefs}
        onSelect={props.onSelect}
      />
    </Paper>
  );
}
