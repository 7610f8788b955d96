import type { OnCallRole } from '@data-infra/backstage-plugin-data-infra-common';
import { RefLink } from './RefLink';
import { formatInstantIn, viewerZone } from './format';

/**
 * "Primary: Jane Doe until Mon 12 Jan, 09:00 CET" for each role; times in the
 * viewer's zone (the caller shows the rotation's zone beside it).
 */
export function OnCallList(props: {
  onCall: OnCallRole[];
  emptyText?: string;
  zone?: string;
}) {
  const { onCall, emptyText = 'Nobody is on call right now.' } = props;
  const zone = props.zone ?? viewerZone();
  if (onCall.length === 0) return <span>{emptyText}</span>;
  return (
    <>
      {onCall.map(role => (
        <div key={`${role.role}-${role.user.ref}`}>
          {role.role === 'primary' ? 'Primary' : 'Secondary'}:{' '}
          <RefLink entityRef={role.user.ref} title={role.user.displayName} />
          {role.until
            ? ` until ${formatInstantIn(role.until, zone)}`
            : ' (no change foreseen)'}
        </div>
      ))}
    </>
  );
}
