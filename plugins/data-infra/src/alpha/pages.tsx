import { Content } from '@backstage/core-components';
import { PageBlueprint, SubPageBlueprint } from '@backstage/frontend-plugin-api';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import { rootRouteRef } from '../routes';
import { dataInfraTranslationRef } from '../translation';

/*
 * The page and its tabs. The page's title and icon make its nav item. Each
 * tab is a sub-page loaded on demand, so the app's initial bundle carries
 * none of the map, table or on-call code. The page layout gives sub-pages no
 * padding of their own: each sits in Backstage's Content, as the legacy
 * DataInfraPage does for its tabs.
 */

/** Extension id: `page:data-infra`. */
export const dataInfraPage = PageBlueprint.make({
  params: {
    path: '/data-infra',
    title: dataInfraTranslationRef('page.title'),
    icon: <AccountTreeIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
  },
});

/** Extension id: `sub-page:data-infra/map`. */
export const ownershipMapSubPage = SubPageBlueprint.make({
  name: 'map',
  params: {
    path: 'map',
    title: dataInfraTranslationRef('page.tabs.ownershipMap'),
    loader: () =>
      import('../components/OwnershipMap').then(m => (
        <Content>
          <m.OwnershipMap />
        </Content>
      )),
  },
});

/** Extension id: `sub-page:data-infra/on-call`. */
export const onCallSubPage = SubPageBlueprint.make({
  name: 'on-call',
  params: {
    path: 'on-call',
    title: dataInfraTranslationRef('page.tabs.onCall'),
    loader: () =>
      import('../components/OnCallNow').then(m => (
        <Content>
          <m.OnCallNow />
        </Content>
      )),
  },
});

/** Extension id: `sub-page:data-infra/services`. */
export const servicesSubPage = SubPageBlueprint.make({
  name: 'services',
  params: {
    path: 'services',
    title: dataInfraTranslationRef('page.tabs.services'),
    loader: () =>
      import('../components/ServiceCatalog').then(m => (
        <Content>
          <m.ServiceCatalog />
        </Content>
      )),
  },
});

/** Extension id: `sub-page:data-infra/me`: the signed-in user's on-call. */
export const myOnCallSubPage = SubPageBlueprint.make({
  name: 'me',
  params: {
    path: 'me',
    title: dataInfraTranslationRef('myOnCall.tab'),
    loader: () =>
      import('../components/PersonOnCall').then(m => (
        <Content>
          <m.MyOnCallPage />
        </Content>
      )),
  },
});

/** Extension id: `sub-page:data-infra/rotation-plan`. */
export const rotationPlanSubPage = SubPageBlueprint.make({
  name: 'rotation-plan',
  params: {
    path: 'rotation-plan',
    title: dataInfraTranslationRef('page.tabs.rotationPlan'),
    loader: () =>
      import('../components/RotationPlan').then(m => (
        <Content>
          <m.RotationPlan />
        </Content>
      )),
  },
});
