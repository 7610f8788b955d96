import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { myOnCallRouteRef } from '../../routes';
import { useDataInfraTranslation } from '../../hooks';
import { PersonOnCall } from './PersonOnCall';
import { useSignedInUser } from './useSignedInUser';

/** The "My on-call" page, or undefined when the app does not mount the data-infra page. */
function useMyOnCallLink(): string | undefined {
  try {
    // Called on every render, in the same order: the try only turns the
    // "route not mounted" error into no link (see MoreInServiceCatalog).
    // eslint-disable-next-line react-hooks/rules-of-hooks
    return useRouteRef(myOnCallRouteRef)?.();
  } catch {
    return undefined;
  }
}

/**
 * The on-call of the User whose page this is: on call now, next shifts,
 * the services whose escalation reaches them, their covers; on the
 * signed-in user's own page also their personal calendar link and a link
 * to "My on-call". A user in no rotation gets sentences saying so.
 */
export function PersonOnCallCard() {
  const { entity } = useEntity();
  const { t } = useDataInfraTranslation();
  const userRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const viewer = useSignedInUser();
  const link = useMyOnCallLink();
  const mine = viewer.userRef === userRef;
  return (
    <InfoCard
      title={t('myOnCall.cardTitle')}
      deepLink={mine && link ? { title: t('myOnCall.openPage'), link } : undefined}
    >
      <PersonOnCall userRef={userRef} mine={mine} variant="card" />
    </InfoCard>
  );
}
