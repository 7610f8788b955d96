import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { servicesRouteRef } from '../../routes';
import { useDataInfraTranslation } from '../../hooks';

/**
 * A link to the service catalog filtered to one owner, or undefined when the
 * app does not mount the data-infra page (cards can sit on entity pages of
 * an app that shows no page of ours).
 */
function useServicesLink(owner: string): string | undefined {
  let link: (() => string) | undefined;
  try {
    // Called on every render, in the same order: the try only turns the
    // "route not mounted" error it throws after its own hooks into no link.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    link = useRouteRef(servicesRouteRef);
  } catch {
    link = undefined;
  }
  return link ? `${link()}?owner=${encodeURIComponent(owner.toLocaleLowerCase('en-US'))}` : undefined;
}

/**
 * " and 4 more in the service catalog" after a list cut short, linked to the
 * service catalog filtered to the owner; nothing when nothing was left out.
 */
export function MoreInServiceCatalog(props: { owner: string; count: number }) {
  const link = useServicesLink(props.owner);
  const { t } = useDataInfraTranslation();
  if (props.count <= 0) return null;
  if (!link) return <>{t('moreInServiceCatalog.more', { count: props.count })}</>;
  return (
    <>
      {' '}
      {t('moreInServiceCatalog.and', {
        link: <Link to={link}>{t('moreInServiceCatalog.link', { count: props.count })}</Link>,
      })}
    </>
  );
}
