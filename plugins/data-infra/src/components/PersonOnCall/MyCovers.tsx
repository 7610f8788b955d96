import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { PersonCover } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraTranslation } from '../../hooks';
import { formatLocal } from '../RotationCard/shiftText';
import { RefLink } from '../shared';

/**
 * The overrides the person covers or is covered by, as merged into the
 * rotations' specs: when, who covers for whom, in which role and rotation,
 * marked past or now. Requests still in review are not in the catalog yet.
 */
export function MyCovers(props: { covers: PersonCover[]; truncated: boolean; zone: string; now: number }) {
  const { t } = useDataInfraTranslation();
  const { covers, zone, now } = props;
  return (
    <>
      {covers.length === 0 ? (
        <Typography variant="body2">{t('myOnCall.noCovers')}</Typography>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {covers.map(cover => {
            const start = Date.parse(cover.start);
            const end = Date.parse(cover.end);
            const by = <RefLink entityRef={cover.by.ref} title={cover.by.displayName} />;
            return (
              <li key={`${cover.rotation.ref}-${cover.role}-${cover.start}`}>
                <Typography variant="body2" component="span">
                  {formatLocal(cover.start, zone)} – {formatLocal(cover.end, zone)}:{' '}
                  {cover.for
                    ? t('myOnCall.covering', { by, for: <RefLink entityRef={cover.for.ref} title={cover.for.displayName} /> })
                    : t('myOnCall.coveringNobody', { by })}{' '}
                  ({t(`common.roleName.${cover.role}`)}, <RefLink entityRef={cover.rotation.ref} title={cover.rotation.title} />)
                </Typography>
                {end <= now && <Chip size="small" label={t('myOnCall.past')} style={{ marginLeft: 8 }} />}
                {start <= now && now < end && (
                  <Chip size="small" color="primary" label={t('myOnCall.now')} style={{ marginLeft: 8 }} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {props.truncated && (
        <Typography variant="caption" color="textSecondary">
          {t('myOnCall.coversMore')}
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        {t('myOnCall.pendingNote')}
      </Typography>
    </>
  );
}
