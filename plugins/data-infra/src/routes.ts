import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/*
 * Legacy route refs: they also implement the new frontend system's RouteRef,
 * so this one file serves both systems.
 */

/** The data-infra page (the ownership map). @public */
export const rootRouteRef = createRouteRef({ id: 'data-infra' });

/** The "On call now" tab. @public */
export const onCallRouteRef = createSubRouteRef({
  id: 'data-infra/on-call',
  parent: rootRouteRef,
  path: '/on-call',
});

/** The service catalog tab. @public */
export const servicesRouteRef = createSubRouteRef({
  id: 'data-infra/services',
  parent: rootRouteRef,
  path: '/services',
});

/** The "My on-call" tab: the signed-in user's shifts, escalations and covers. @public */
export const myOnCallRouteRef = createSubRouteRef({
  id: 'data-infra/me',
  parent: rootRouteRef,
  path: '/me',
});

/** The "Rotation plan" tab. @public */
export const rotationPlanRouteRef = createSubRouteRef({
  id: 'data-infra/rotation-plan',
  parent: rootRouteRef,
  path: '/rotation-plan',
});
