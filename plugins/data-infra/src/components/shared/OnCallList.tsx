import type { OnCallRole } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from './RefLink';
import { formatInstantIn, viewerZone } from './format';
import { useDataInfraTranslation } from '../../hooks';

/**
 * "Primary: Jane Doe until Mon 12 Jan, 09:00 CET" for each role; times in the
 * viewer's zone (the caller shows the rotation's zone beside it).
 */
export function OnCallList(props: {
  onCall: OnCallRole[];
  emptyText?: string;
  zone?: string;
}) {
  const { t } = useDataInfraTranslation();
  const { onCall, emptyText = t('onCallList.nobody') } = props;
  const zone = props.zone ?? viewerZone();
  if (onCall.length === 0) return <span>{emptyText}</span>;
  return (
    <>
      {onCall.map(role => (
        <div key={`${role.role}-${role.user.ref}`}>
          {role.role === 'primary' ? t('common.role.primary') : t('common.role.secondary')}:{' '}
          <RefLink entityRef={role.user.ref} title={role.user.displayName} />
          {role.until
            ? t('onCallList.until', { time: formatInstantIn(role.until, zone) })
            : t('onCallList.noChangeForeseen')}
        </div>
      ))}
    </>
  );
}
