import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  OnCallResponse,
  OwnershipMapResponse,
  ServiceSummary,
} from '@data-infra/backstage-plugin-data-infra-common';
import useAsync from 'react-use/esm/useAsync';
import { dataInfraApiRef } from '../../api';
import {
  ContactDetails,
  LabelledValue,
  OnCallList,
  RefLink,
  SafeLink,
  formatInstantIn,
  viewerZone,
} from '../shared';
import { SubteamEscalation } from './SubteamEscalation';

type Subteam = OwnershipMapResponse['domains'][number]['subteams'][number];

function SubteamOnCall(props: {
  subteam: Subteam;
  domainTitle: string;
  onCall: OnCallResponse;
  runbooks: ServiceSummary[];
  zone: string;
}) {
  const { subteam, onCall, runbooks, zone } = props;
  const rotations = onCall.rotations.filter(r => r.owner?.ref === subteam.ref);
  return (
    <InfoCard
      title={<RefLink entityRef={subteam.ref} title={subteam.title} />}
      subheader={props.domainTitle}
    >
      {rotations.length === 0 ? (
        <Typography variant="body2" paragraph>
          {subteam.title} has no on-call rotation. Alerts follow its escalation
          policy below.
        </Typography>
      ) : (
        rotations.map(rotation => (
          <LabelledValue key={rotation.rotation.ref} label="On call">
            <RefLink
              entityRef={rotation.rotation.ref}
              title={rotation.rotation.title}
            />{' '}
            (rotation zone {rotation.rotation.timezone})
            <OnCallList onCall={rotation.onCall} zone={zone} />
            {rotation.nextHandoff &&
              `Next hand-off ${formatInstantIn(rotation.nextHandoff, zone)}`}
          </LabelledValue>
        ))
      )}
      <LabelledValue label="How to page">
        <ContactDetails contact={subteam.contact} />
      </LabelledValue>
      <LabelledValue label="Handles">
        {subteam.handles.length ? subteam.handles.join(', ') : 'Not stated'}
      </LabelledValue>
      <LabelledValue label="Escalation">
        <SubteamEscalation subteamRef={subteam.ref} />
      </LabelledValue>
      <LabelledValue label="Runbooks">
        {runbooks.length === 0
          ? 'None linked'
          : runbooks.map((service, i) => (
              <span key={service.ref}>
                {i > 0 && ', '}
                <SafeLink href={service.runbook}>{service.title}</SafeLink>
              </span>
            ))}
      </LabelledValue>
    </InfoCard>
  );
}

/**
 * On call now, per subteam: who is primary and secondary and until when (in
 * the viewer's zone, the rotation's zone shown), how to page, what the
 * subteam handles, its escalation policy and runbooks.
 */
export function OnCallNow() {
  const api = useApi(dataInfraApiRef);
  const zone = viewerZone();
  const { value, loading, error } = useAsync(async () => {
    const [map, onCall, services] = await Promise.all([
      api.getMap(),
      api.getOnCall(),
      api.getAllServices(),
    ]);
    return { map, onCall, services };
  }, [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;

  const subteams = value.map.domains.flatMap(domain =>
    domain.subteams.map(subteam => ({ subteam, domainTitle: domain.title })),
  );
  if (subteams.length === 0) {
    return <Typography variant="body2">No subteam is registered yet.</Typography>;
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        As of {formatInstantIn(value.onCall.at, zone)}; times in your zone ({zone}).
      </Typography>
      <Grid container spacing={2}>
        {subteams.map(({ subteam, domainTitle }) => (
          <Grid item xs={12} md={6} key={subteam.ref}>
            <SubteamOnCall
              subteam={subteam}
              domainTitle={domainTitle}
              onCall={value.onCall}
              runbooks={value.services.filter(
                s => s.owner?.ref === subteam.ref && s.runbook,
              )}
              zone={zone}
            />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
