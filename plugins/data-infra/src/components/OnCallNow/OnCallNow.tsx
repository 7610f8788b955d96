import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  SubteamOnCall,
  SubteamsOnCallResponse,
} from '@data-infra/backstage-plugin-data-infra-common';
import { useMemo, useState } from 'react';
import { useSubteamsOnCall } from './useSubteamsOnCall';
import {
  ContactDetails,
  EscalationNow,
  LabelledValue,
  OnCallList,
  RefLink,
  SafeLink,
  domainTitle,
  formatInstantIn,
  useDomains,
  MoreInServiceCatalog,
  viewerZone,
} from '../shared';
import { useDataInfraTranslation } from '../../hooks';

function Runbooks(props: { subteam: SubteamOnCall }) {
  const { subteam } = props;
  const { t } = useDataInfraTranslation();
  if (subteam.runbookCount === 0) return <>{t('onCallPage.noRunbooks')}</>;
  return (
    <>
      {subteam.runbooks.map((runbook, i) => (
        <span key={runbook.ref}>
          {i > 0 && ', '}
          <SafeLink href={runbook.url}>{runbook.title}</SafeLink>
        </span>
      ))}
      <MoreInServiceCatalog owner={subteam.ref} count={subteam.runbookCount - subteam.runbooks.length} />
    </>
  );
}

function SubteamCard(props: { subteam: SubteamOnCall; domainTitle: string; zone: string }) {
  const { subteam, zone } = props;
  const { t } = useDataInfraTranslation();
  return (
    <InfoCard
      title={<RefLink entityRef={subteam.ref} title={subteam.title} />}
      titleTypographyProps={{ component: 'h2' }}
      subheader={t('onCallPage.domain', { domain: props.domainTitle })}
    >
      {subteam.rotations.length === 0 ? (
        <LabelledValue label={t('onCallPage.onCall')}>
          {t('onCallPage.noRotation')}
        </LabelledValue>
      ) : (
        subteam.rotations.map(rotation => (
          <LabelledValue key={rotation.rotation.ref} label={t('onCallPage.onCall')}>
            <RefLink entityRef={rotation.rotation.ref} title={rotation.rotation.title} />{' '}
            <Typography variant="caption" color="textSecondary">
              {t('onCallPage.runsIn', { zone: rotation.rotation.timezone })}
            </Typography>
            <OnCallList onCall={rotation.onCall} zone={zone} />
            {rotation.nextHandoff && (
              <Typography variant="caption" color="textSecondary" component="div">
                {t('onCallPage.nextHandoff', { time: formatInstantIn(rotation.nextHandoff, zone) })}
              </Typography>
            )}
          </LabelledValue>
        ))
      )}
      <LabelledValue label={t('onCallPage.howToPage')}>
        <ContactDetails contact={subteam.contact} />
      </LabelledValue>
      <LabelledValue label={t('onCallPage.escalationNow')}>
        <EscalationNow levels={subteam.escalation?.levels} />
      </LabelledValue>
      <LabelledValue label={t('onCallPage.handles')}>
        {subteam.handles.length === 0 ? (
          t('onCallPage.notStated')
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {subteam.handles.map((handle, i) => (
              <li key={i}>{handle}</li>
            ))}
          </ul>
        )}
      </LabelledValue>
      <LabelledValue label={t('onCallPage.runbooks')}>
        <Runbooks subteam={subteam} />
      </LabelledValue>
    </InfoCard>
  );
}

/** The loaded page; split out so it can be rendered from a fixed answer. */
export function OnCallNowView(props: { answer: SubteamsOnCallResponse }) {
  const { answer } = props;
  const { t } = useDataInfraTranslation();
  const domains = useDomains();
  const zone = viewerZone();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const text = filter.trim().toLocaleLowerCase('en-US');
    if (!text) return answer.subteams;
    return answer.subteams.filter(s =>
      [s.title, s.ref, domainTitle(domains, s.domain), ...s.handles].some(v =>
        v.toLocaleLowerCase('en-US').includes(text),
      ),
    );
  }, [answer, filter, domains]);

  if (answer.subteams.length === 0) {
    return <Typography variant="body2">{t('onCallPage.noSubteams')}</Typography>;
  }
  return (
    <>
      <Box display="flex" alignItems="flex-end" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
        <TextField
          label={t('onCallPage.filterLabel')}
          value={filter}
          onChange={e => setFilter(e.target.value)}
          placeholder={t('onCallPage.filterPlaceholder')}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 280 }}
        />
        <Typography variant="body2" color="textSecondary">
          {t('onCallPage.asOf', { time: formatInstantIn(answer.at, zone), zone })}
        </Typography>
      </Box>
      {shown.length === 0 && (
        <Typography variant="body2">{t('onCallPage.noMatch')}</Typography>
      )}
      <Grid container spacing={2}>
        {shown.map(subteam => (
          <Grid item xs={12} md={6} key={subteam.ref}>
            <SubteamCard
              subteam={subteam}
              domainTitle={domainTitle(domains, subteam.domain)}
              zone={zone}
            />
          </Grid>
        ))}
      </Grid>
    </>
  );
}

/**
 * On call now, per subteam, from one answer of the backend: who is primary
 * and secondary and until when (in the viewer's zone, the rotation's zone
 * shown), how to page, whom the escalation policy reaches now, what the
 * subteam handles and the runbooks of its services.
 */
export function OnCallNow() {
  const { value, loading, error } = useSubteamsOnCall();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return <OnCallNowView answer={value} />;
}
