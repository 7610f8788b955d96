/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
/*
 * Catalog URLs that bypassed validation (an entity written straight to the
 * database, an older catalog, another processor): the pages must render
 * them as text, not crash (Backstage's Link throws on javascript:) and not
 * link them.
 */
import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { dataPlatformSubteam, mockDataInfraApi, services, subteamsOnCall } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { OnCallNow } from '../OnCallNow';
import { ServiceCatalog } from '../ServiceCatalog';
import { SubteamOverviewCard } from '../SubteamOverviewCard';
import { SafeLink } from './SafeLink';

const SCRIPT = 'javascript:alert(document.domain)';

/** Every href on the page. */
const hrefs = () => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')!);

describe('SafeLink', () => {
  it.each([
    [SCRIPT, false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['//evil.example/x', false],
    ['https://runbooks.example.com/kafka', true],
    ['mailto:team@example.com', true],
  ])('%s is a link: %s', async (url, linked) => {
    await renderOnEntityPage(<SafeLink href={url}>open</SafeLink>);
    expect(screen.getByText('open')).toBeInTheDocument();
    expect(hrefs()).toEqual(linked ? [url] : []);
  });

  it('makes a bare address a mailto: link only where an e-mail is meant', async () => {
    await renderOnEntityPage(
      <>
        <SafeLink href="team@example.com" email />
        <SafeLink href="team@example.com" />
      </>,
    );
    expect(hrefs()).toEqual(['mailto:team@example.com']);
  });
});

describe('pages with catalog URLs that bypassed validation', () => {
  it('the subteam card shows a javascript: ticket queue and pager as text', async () => {
    const hostile: Entity = {
      ...dataPlatformSubteam,
      spec: { ...dataPlatformSubteam.spec, contact: { tickets: SCRIPT, pager: 'data:text/html,<b>x</b>', email: 'x@example.com' } },
    };
    await renderOnEntityPage(<SubteamOverviewCard />, { entity: hostile });
    expect(document.body.textContent).toContain(`Tickets: ${SCRIPT}`);
    expect(document.body.textContent).toContain('Page: data:text/html,<b>x</b>');
    expect(hrefs().filter(h => !h.startsWith('/'))).toEqual(['mailto:x@example.com']);
  });

  it('the on-call page shows a javascript: runbook and contact as text, and links the others', async () => {
    const [platform, mlops] = subteamsOnCall.subteams;
    const api = mockDataInfraApi({
      getSubteamsOnCall: jest.fn().mockResolvedValue({
        ...subteamsOnCall,
        subteams: [
          {
            ...platform,
            contact: { chat: 'javascript:alert(1)', tickets: 'https://tickets.example.com/dp', pager: SCRIPT },
            runbooks: [
              { ref: 'dataservice:default/a', title: 'Hostile runbook', url: SCRIPT },
              { ref: 'dataservice:default/b', title: 'Good runbook', url: 'https://runbooks.example.com/hdfs' },
            ],
            runbookCount: 2,
          },
          mlops,
        ],
      }),
    });
    await renderOnEntityPage(<OnCallNow />, { api });
    expect(await screen.findByText('Hostile runbook')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Good runbook/ })).toHaveAttribute('href', 'https://runbooks.example.com/hdfs');
    expect(screen.queryByRole('link', { name: /Hostile runbook/ })).not.toBeInTheDocument();
    expect(document.body.textContent).toContain(`Page: ${SCRIPT}`);
    expect(screen.getByRole('link', { name: /^https:\/\/tickets\.example\.com\/dp/ })).toBeInTheDocument();
    expect(hrefs().some(h => /^\s*javascript:/i.test(h))).toBe(false);
  });

  it('the service catalog names a javascript: ticket queue or pager with its value, unlinked', async () => {
    const api = mockDataInfraApi({
      getServices: jest.fn().mockResolvedValue({
        items: [{ ...services[0], contact: { chat: '#dp', tickets: SCRIPT, pager: 'https://pager.example.com/dp' } }],
        totalItems: 1,
      }),
    });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    const row = (await screen.findByRole('link', { name: 'Kafka' })).closest('tr')!;
    expect(row).toHaveTextContent(`Tickets: ${SCRIPT}`);
    expect(screen.getByRole('link', { name: /^Pager/ })).toHaveAttribute('href', 'https://pager.example.com/dp');
    expect(hrefs().some(h => /^\s*javascript:/i.test(h))).toBe(false);
  }, 30_000);
});
