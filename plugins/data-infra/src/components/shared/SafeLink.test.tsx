/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
/*
 * Catalog URLs that bypassed validation (an entity written straight to the
 * database, an older catalog, another processor): the pages must render
 * them as text, not crash (Backstage's Link throws on javascript:) and not
 * link them.
 */
import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { dataPlatformSubteam, mockDataInfraApi, onCallNow, ownershipMap, services } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { OnCallNow } from '../OnCallNow';
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

  it('the on-call page shows a javascript: runbook as text, and links the others', async () => {
    const api = mockDataInfraApi({
      getMap: jest.fn().mockResolvedValue(ownershipMap),
      getOnCall: jest.fn().mockResolvedValue(onCallNow),
      getAllServices: jest.fn().mockResolvedValue([
        { ...services[0], title: 'Hostile runbook', owner: { ref: 'subteam:default/data-platform', title: 'Data Platform' }, runbook: SCRIPT },
        { ...services[1], title: 'Good runbook', owner: { ref: 'subteam:default/data-platform', title: 'Data Platform' }, runbook: 'https://runbooks.example.com/hdfs' },
      ]),
    });
    await renderOnEntityPage(<OnCallNow />, { api });
    expect(await screen.findByText('Hostile runbook')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Good runbook/ })).toHaveAttribute('href', 'https://runbooks.example.com/hdfs');
    expect(screen.queryByRole('link', { name: /Hostile runbook/ })).not.toBeInTheDocument();
    expect(hrefs().some(h => /^\s*javascript:/i.test(h))).toBe(false);
  });
});
