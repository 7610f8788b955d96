import {
  Content,
  Header,
  Page,
  RoutedTabs,
} from '@backstage/core-components';
import { OnCallNow } from '../OnCallNow';
import { MyOnCallPage } from '../PersonOnCall';
import { OwnershipMap } from '../OwnershipMap';
import { RotationPlan } from '../RotationPlan';
import { ServiceCatalog } from '../ServiceCatalog';
import { useDataInfraTranslation } from '../../hooks';

/**
 * The data-infra page of a legacy app: a header and its routed tabs. The
 * new frontend system builds the same tabs from sub-page extensions instead.
 */
export function DataInfraPage() {
  const { t } = useDataInfraTranslation();
  return (
    <Page themeId="tool">
      <Header
        title={t('page.title')}
        subtitle={t('page.subtitle')}
      />
      <Content>
        <RoutedTabs
          routes={[
            { path: '/', title: t('page.tabs.ownershipMap'), children: <OwnershipMap /> },
            { path: '/on-call', title: t('page.tabs.onCall'), children: <OnCallNow /> },
            {
              path: '/services',
              title: t('page.tabs.services'),
              children: <ServiceCatalog />,
            },
            { path: '/rotation-plan', title: t('page.tabs.rotationPlan'), children: <RotationPlan /> },
            { path: '/me', title: t('myOnCall.tab'), children: <MyOnCallPage /> },
          ]}
        />
      </Content>
    </Page>
  );
}
