import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { CalendarSubscriptionResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useState } from 'react';
import { dataInfraApiRef } from '../../api';
import { formatInstantIn, viewerZone } from '../shared';

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'subscribed'; links: Extract<CalendarSubscriptionResponse, { subscribed: true }> }
  | { step: 'revoked' }
  | { step: 'failed'; message: string };

/**
 * The signed-in user's calendar link for a rotation. Calendar clients send
 * no Backstage token, so the link itself is the credential: it is personal,
 * shows only what the user could read when it was made, and can be revoked
 * here (it then stops working at once). Nothing is fetched until the user
 * asks: "Get my calendar link" makes the link, or shows the one they have.
 */
export function CalendarSubscription(props: { rotationRef: string }) {
  const api = useApi(dataInfraApiRef);
  const [state, setState] = useState<State>({ step: 'idle' });

  const run = async (action: () => Promise<State>) => {
    setState({ step: 'busy' });
    try {
      setState(await action());
    } catch (error) {
      setState({ step: 'failed', message: String((error as Error)?.message ?? error) });
    }
  };
  const subscribe = () =>
    run(async () => {
      const answer = await api.subscribeToCalendar(props.rotationRef);
      return answer.subscribed ? { step: 'subscribed', links: answer } : { step: 'idle' };
    });
  const revoke = () =>
    run(async () => {
      await api.revokeCalendarSubscription(props.rotationRef);
      return { step: 'revoked' };
    });

  if (state.step === 'subscribed') {
    const { links } = state;
    return (
      <div>
        <Typography variant="body2">
          <Link to={links.webcal}>Open in your calendar app</Link> (webcal:), or
          add this address to Google, Outlook or another calendar:
        </Typography>
        <TextField
          value={links.https}
          fullWidth
          margin="dense"
          variant="outlined"
          size="small"
          inputProps={{ readOnly: true, 'aria-label': 'Calendar link', onFocus: e => e.currentTarget.select() }}
        />
        <Typography variant="caption" color="textSecondary" component="p">
          This link is personal: anyone who has it sees the shifts you could
          see when you made it ({formatInstantIn(links.createdAt, viewerZone())}).
          Revoke it if it leaks.
        </Typography>
        <Button size="small" variant="outlined" color="secondary" onClick={revoke}>
          Revoke calendar link
        </Button>
      </div>
    );
  }
  return (
    <div>
      {state.step === 'revoked' && (
        <Typography variant="body2" paragraph>
          Your calendar link was revoked; calendars using it get no more updates.
        </Typography>
      )}
      {state.step === 'failed' && <Alert severity="error">{state.message}</Alert>}
      <Button size="small" variant="outlined" disabled={state.step === 'busy'} onClick={subscribe}>
        {state.step === 'revoked' ? 'Get a new calendar link' : 'Get my calendar link'}
      </Button>
    </div>
  );
}
