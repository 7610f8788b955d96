import { Link } from '@backstage/core-components';
import { safeHref } from '@data-infra/backstage-plugin-data-infra-common';
import type { ReactNode } from 'react';

/**
 * A link to a URL that came from the catalog: http(s), or mailto: (with
 * `email`, a bare address becomes mailto:). Anything else — a
 * `javascript:` or `data:` URL in an entity that bypassed validation, a
 * typo — is shown as text, so a catalog author can neither run script in a
 * viewer's session nor make Backstage's Link throw and break the page.
 * Every catalog-provided URL of the plugin goes through here.
 */
export function SafeLink(props: {
  href: unknown;
  email?: boolean;
  children?: ReactNode;
  /** Shown instead of the children when the URL cannot be a link (default: the children). */
  fallback?: ReactNode;
}) {
  const href = safeHref(props.href, { email: props.email });
  const text = props.children ?? (typeof props.href === 'string' ? props.href : '');
  if (href) return <Link to={href}>{text}</Link>;
  return <>{props.fallback ?? text}</>;
}
