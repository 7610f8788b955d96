import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { myOnCallRouteRef, onCallRouteRef, rootRouteRef, rotationPlanRouteRef, servicesRouteRef } from '../routes';
import { dataInfraApi } from './apis';
import {
  checksCard,
  dataServiceOwnershipCard,
  dataServiceSlaCard,
  escalationPathCard,
  rotationCard,
  subteamOverviewCard,
  personOnCallCard,
} from './entityCards';
import { escalationContent, rotationOnCallContent } from './entityContents';
import {
  dataInfraPage,
  onCallSubPage,
  ownershipMapSubPage,
  servicesSubPage,
  myOnCallSubPage,
  rotationPlanSubPage,
} from './pages';
import { dataInfraSearchResultListItem } from './searchResultItems';
import { dataInfraDomainSearchFilter } from './searchFilters';

/**
 * The data-infra plugin for the new frontend system.
 * @alpha
 */
export const dataInfraPlugin = createFrontendPlugin({
  pluginId: 'data-infra',
  title: 'Data Infra',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    dataInfraApi,
    dataInfraPage,
    ownershipMapSubPage,
    onCallSubPage,
    servicesSubPage,
    rotationPlanSubPage,
    dataServiceOwnershipCard,
    dataServiceSlaCard,
    escalationPathCard,
    // The overview of a Subteam or Rotation before its findings.
    subteamOverviewCard,
    rotationCard,
    checksCard,
    escalationContent,
    rotationOnCallContent,
    dataInfraSearchResultListItem,
    dataInfraDomainSearchFilter,
    myOnCallSubPage,
    personOnCallCard,
  ],
  routes: {
    root: rootRouteRef,
    onCall: onCallRouteRef,
    services: servicesRouteRef,
    myOnCall: myOnCallRouteRef,
    rotationPlan: rotationPlanRouteRef,
  },
});

export { dataInfraPlugin as default };
