import { screen } from '@testing-library/react';
import { createFrontendModule, createTranslationMessages } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { dataInfraApiRef } from './api';
import { dataPlatformSubteam, mockDataInfraApi } from './__testUtils__/fixtures';
import dataInfraPlugin from './alpha';
import { dataInfraTranslationRef } from './index';

const BOOT = { timeout: 15_000 };
jest.setTimeout(60_000);

/**
 * An app's override, exactly as the README tells adopters of the new
 * frontend system to write it: an `app` module with a translation extension.
 */
const overrides = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'data-infra-overrides',
      params: {
        resource: createTranslationMessages({
          ref: dataInfraTranslationRef,
          messages: {
            'page.tabs.onCall': 'Who is on call',
            'onCallPage.filterLabel': 'Find a team',
          },
        }),
      },
    }),
  ],
});

describe('dataInfraTranslationRef', () => {
  const apis = () =>
    [
      [dataInfraApiRef, mockDataInfraApi()],
      [catalogApiRef, catalogApiMock({ entities: [dataPlatformSubteam] })],
    ] as const;

  it('lets an app override the strings of the page, its tabs and its components', async () => {
    renderTestApp({
      features: [dataInfraPlugin, overrides],
      apis: apis(),
      initialRouteEntries: ['/data-infra/on-call'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText('Find a team', {}, BOOT)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Who is on call' })).toBeInTheDocument();
    // Strings the app does not override keep their English default.
    expect(screen.getByRole('tab', { name: 'Service catalog' })).toBeInTheDocument();
    expect(screen.queryByText('Filter subteams')).not.toBeInTheDocument();
  });

  it('renders the English defaults without overrides', async () => {
    renderTestApp({
      features: [dataInfraPlugin],
      apis: apis(),
      initialRouteEntries: ['/data-infra/on-call'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText('Filter subteams', {}, BOOT)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'On call now' })).toBeInTheDocument();
  });
});
