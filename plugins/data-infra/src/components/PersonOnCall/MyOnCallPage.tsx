import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useDataInfraTranslation } from '../../hooks';
import { PersonOnCall } from './PersonOnCall';
import { useSignedInUser } from './useSignedInUser';

/**
 * "My on-call" (`/data-infra/me`): the signed-in user's shifts, the
 * services whose escalation reaches them, their covers and their personal
 * calendar link. The user is whoever the identity API says is signed in;
 * the backend answers for any person the caller names.
 */
export function MyOnCallPage() {
  const { t } = useDataInfraTranslation();
  const { userRef, loading, error } = useSignedInUser();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!userRef?.startsWith('user:')) return <Typography variant="body2">{t('myOnCall.notSignedIn')}</Typography>;
  return <PersonOnCall userRef={userRef} mine variant="page" />;
}
