import {
  Content,
  Header,
  Page,
  RoutedTabs,
} from '@backstage/core-components';
import { OnCallNow } from '../OnCallNow';
import { OwnershipMap } from '../OwnershipMap';
import { ServiceCatalog } from '../ServiceCatalog';

/**
 * The data-infra page of a legacy app: a header and three routed tabs. The
 * new frontend system builds the same tabs from sub-page extensions instead.
 */
export function DataInfraPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Data Infra"
        subtitle="Ownership, on-call and service levels of the data infrastructure domains"
      />
      <Content>
        <RoutedTabs
          routes={[
            { path: '/', title: 'Ownership map', children: <OwnershipMap /> },
            { path: '/on-call', title: 'On call now', children: <OnCallNow /> },
            {
              path: '/services',
              title: 'Service catalog',
              children: <ServiceCatalog />,
            },
          ]}
        />
      </Content>
    </Page>
  );
}
