import { useRouteRef } from '@backstage/core-plugin-api';
import { servicesRouteRef } from '../../routes';

/**
 * A link to the service catalog filtered to one owner, or undefined when the
 * app does not mount the data-infra page (cards can sit on entity pages of
 * an app that shows no page of ours).
 */
export function useServicesLink(): (owner: string) => string | undefined {
  let link: (() => string) | undefined;
  try {
    // Called on every render, in the same order: the try only turns the
    // "route not mounted" error it throws after its own hooks into no link.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    link = useRouteRef(servicesRouteRef);
  } catch {
    link = undefined;
  }
  return owner =>
    link ? `${link()}?owner=${encodeURIComponent(owner.toLocaleLowerCase('en-US'))}` : undefined;
}
