import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MapSubteam } from '@data-infra/backstage-plugin-data-infra-common';
import { OnCallList, RefLink, RefLinkList } from '../shared';
import { useDataInfraTranslation } from '../../hooks';

const useStyles = makeStyles(theme => ({
  subteam: { margin: theme.spacing(1, 0) },
}));

/** A subteam on the map: lead, members, stakeholders and who is on call now. */
export function SubteamSummary(props: { subteam: MapSubteam }) {
  const { subteam } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const onCall = subteam.rotations.flatMap(r => r.onCall);
  return (
    <div className={classes.subteam}>
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
        {subteam.rotations.length === 0 ? t('ownershipMap.noRotation') : <OnCallList onCall={onCall} />}
      </Typography>
    </div>
  );
}
