import { Link } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { formatInstantIn, viewerZone } from '../shared';
import { useCalendarSubscription, type CalendarFeed } from './useCalendarSubscription';
import { useDataInfraTranslation } from '../../hooks';

/**
 * The signed-in user's calendar link for a rotation (`rotationRef`), or for
 * their own shifts in every rotation (`personRef`, their own ref: the "My
 * on-call" page). Calendar clients send
 * no Backstage token, so the link itself is the credential: it is personal,
 * shows only what the user could read when it was made, and can be revoked
 * here (it then stops working at once). Nothing is fetched until the user
 * asks: "Get my calendar link" makes the link, or shows the one they have.
 */
export function CalendarSubscription(props: CalendarFeed) {
  const { state, subscribe, revoke } = useCalendarSubscription(props);
  const { t } = useDataInfraTranslation();

  if (state.step === 'subscribed') {
    const { links } = state;
    return (
      <div>
        <Typography variant="body2">
          <Link to={links.webcal}>{t('calendarSubscription.openInApp')}</Link>
          {t('calendarSubscription.orAdd')}
        </Typography>
        <TextField
          value={links.https}
          fullWidth
          margin="dense"
          variant="outlined"
          size="small"
          inputProps={{ readOnly: true, 'aria-label': t('calendarSubscription.linkLabel'), onFocus: e => e.currentTarget.select() }}
        />
        <Typography variant="caption" color="textSecondary" component="p">
          {t('calendarSubscription.personal', { time: formatInstantIn(links.createdAt, viewerZone()) })}
        </Typography>
        <Button size="small" variant="outlined" color="secondary" onClick={revoke}>
          {t('calendarSubscription.revoke')}
        </Button>
      </div>
    );
  }
  return (
    <div>
      {state.step === 'revoked' && (
        <Typography variant="body2" paragraph>
          {t('calendarSubscription.revoked')}
        </Typography>
      )}
      {state.step === 'failed' && <Alert severity="error">{state.message}</Alert>}
      <Button size="small" variant="outlined" disabled={state.step === 'busy'} onClick={subscribe}>
        {state.step === 'revoked' ? t('calendarSubscription.getNew') : t('calendarSubscription.get')}
      </Button>
    </div>
  );
}
