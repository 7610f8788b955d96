import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { JSX } from 'react';
import { DataInfraClient, dataInfraApiRef } from './api';
import type { DataInfraSearchResultListItemProps } from './components/DataInfraSearchResultListItem';
import { isDataInfraSearchResult } from './components/DataInfraSearchResultListItem/predicate';
import { myOnCallRouteRef, onCallRouteRef, rootRouteRef, rotationPlanRouteRef, servicesRouteRef } from './routes';

/**
 * The data-infra plugin for apps on the legacy frontend system.
 * @public
 */
export const dataInfraPlugin = createPlugin({
  id: 'data-infra',
  apis: [
    createApiFactory({
      api: dataInfraApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataInfraClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    onCall: onCallRouteRef,
    services: servicesRouteRef,
    myOnCall: myOnCallRouteRef,
    rotationPlan: rotationPlanRouteRef,
  },
});

/**
 * The ownership map, on-call, service catalog and rotation plan page; mount it on
 * `/data-infra` in App.tsx.
 * @public
 */
export const DataInfraPage: () => JSX.Element = dataInfraPlugin.provide(
  createRoutableExtension({
    name: 'DataInfraPage',
    component: () =>
      import('./components/DataInfraPage').then(m => m.DataInfraPage),
    mountPoint: rootRouteRef,
  }),
);

/** Ownership of a DataService. @public */
export const EntityDataServiceOwnershipCard: () => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntityDataServiceOwnershipCard',
    component: {
      lazy: () =>
        import('./components/DataServiceOwnershipCard').then(
          m => m.DataServiceOwnershipCard,
        ),
    },
  }),
);

/** SLA and error budget of a DataService. @public */
export const EntityDataServiceSlaCard: () => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntityDataServiceSlaCard',
    component: {
      lazy: () =>
        import('./components/DataServiceSlaCard').then(m => m.DataServiceSlaCard),
    },
  }),
);

/**
 * Escalation path of a DataService, or a Subteam's default policy; with
 * `showFindings`, also the path's findings (for a tab of its own). @public
 */
export const EntityEscalationPathCard: (props: {
  showFindings?: boolean;
}) => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntityEscalationPathCard',
    component: {
      lazy: () =>
        import('./components/EscalationPathCard').then(m => m.EscalationPathCard),
    },
  }),
);

/** Findings about any data-infra entity. @public */
export const EntityDataInfraChecksCard: () => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntityDataInfraChecksCard',
    component: {
      lazy: () => import('./components/ChecksCard').then(m => m.ChecksCard),
    },
  }),
);

/** Overview of a Subteam. @public */
export const EntitySubteamOverviewCard: () => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntitySubteamOverviewCard',
    component: {
      lazy: () =>
        import('./components/SubteamOverviewCard').then(
          m => m.SubteamOverviewCard,
        ),
    },
  }),
);

/** On call now, next hand-off and upcoming shifts of a Rotation. @public */
export const EntityRotationCard: () => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntityRotationCard',
    component: {
      lazy: () => import('./components/RotationCard').then(m => m.RotationCard),
    },
  }),
);

/**
 * Search result list item of DataService, Subteam and Rotation documents, for
 * the legacy app's SearchPage. Place it before the catalog's item inside
 * `<SearchResult>`: its predicate accepts only our kinds.
 * @public
 */
export const DataInfraSearchResultListItem: (
  props: DataInfraSearchResultListItemProps,
) => JSX.Element | null = dataInfraPlugin.provide(
  createSearchResultListItemExtension({
    name: 'DataInfraSearchResultListItem',
    predicate: isDataInfraSearchResult,
    component: () =>
      import('./components/DataInfraSearchResultListItem').then(
        m => m.DataInfraSearchResultListItem,
      ),
  }),
);

/**
 * The on-call of a User (on the User entity page): on call now, next
 * shifts, the services whose escalation reaches them and at which level,
 * their covers; on the signed-in user's own page also their personal
 * calendar link. @public
 */
export const EntityPersonOnCallCard: () => JSX.Element = dataInfraPlugin.provide(
  createComponentExtension({
    name: 'EntityPersonOnCallCard',
    component: {
      lazy: () => import('./components/PersonOnCall').then(m => m.PersonOnCallCard),
    },
  }),
);
