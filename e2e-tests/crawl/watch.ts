/*
 * What the crawl counts as a problem on a page, as it happens: uncaught page
 * errors, console errors raised by our plugins, API answers of 400 and more,
 * API requests that fail outright. Which page was open is recorded with each.
 */
import type { ConsoleMessage, Page, Request, Response } from '@playwright/test';

export interface Problem {
  page: string;
  what: string;
}

/**
 * The answers ≥ 400 a standard create-app app gives by design, not ours:
 * - the guest's user entity does not exist in most catalogs, and Backstage
 *   looks it up for the profile anyway (404);
 * - an app without TechDocs has no `techdocs` search index, and the search
 *   page's Documentation tab counts its results anyway: Backstage's Lunr
 *   engine answers 500 (MissingIndexError) until a TechDocs site exists.
 */
const BACKSTAGES_OWN: Array<{ status: number; path: RegExp }> = [
  { status: 404, path: /^\/api\/catalog\/entities\/by-name\/user\/development\/guest$/ },
  { status: 500, path: /^\/api\/search\/query\?(.*&)?types%5B0%5D=techdocs(&|$)/ },
];

/** Our plugins' API, packages and component names, as they appear in URLs and messages. */
const OURS = /data-infra|dataInfra|DataInfra|Subteam|DataService|Rotation/;

/** Requests that stay open by design (push channels), which "settled" must not wait for. */
const LONG_LIVED = /\/api\/(signals|events|notifications)\b/;

export class PageWatcher {
  readonly problems: Problem[] = [];
  /** Console errors that do not come from our plugins: reported, not failed. */
  readonly otherConsoleErrors: Problem[] = [];
  /** data-infra API requests per page label. */
  readonly dataInfraRequests = new Map<string, string[]>();
  #current = 'sign-in';
  #inflight = new Map<Request, number>();

  constructor(page: Page) {
    page.on('pageerror', error => this.#add(`uncaught error: ${error.message}`));
    page.on('console', message => this.#console(message));
    page.on('request', request => this.#request(request));
    page.on('requestfinished', request => this.#inflight.delete(request));
    page.on('requestfailed', request => this.#failed(request));
    page.on('response', response => this.#response(response));
  }

  /** Later problems belong to this page. */
  visiting(label: string) {
    this.#current = label;
    this.#inflight.clear();
  }

  /** API requests still open, not counting push channels. */
  pendingRequests(): number {
    const now = Date.now();
    let pending = 0;
    for (const started of this.#inflight.values()) {
      if (now - started < 20_000) pending++;
    }
    return pending;
  }

  #add(what: string) {
    this.problems.push({ page: this.#current, what });
  }

  #console(message: ConsoleMessage) {
    if (message.type() !== 'error') return;
    const text = message.text();
    // A failed resource load is judged by its response (below).
    if (text.startsWith('Failed to load resource')) return;
    const url = message.location().url ?? '';
    const onOurPage = this.#current.startsWith('/data-infra');
    if (onOurPage || OURS.test(text) || OURS.test(url)) {
      this.#add(`console error: ${text.slice(0, 500)}`);
    } else {
      this.otherConsoleErrors.push({ page: this.#current, what: text.slice(0, 300) });
    }
  }

  #request(request: Request) {
    const url = request.url();
    if (!url.includes('/api/') || LONG_LIVED.test(url)) return;
    this.#inflight.set(request, Date.now());
    if (url.includes('/api/data-infra/')) {
      const list = this.dataInfraRequests.get(this.#current) ?? [];
      list.push(url.slice(url.indexOf('/api/data-infra/')));
      this.dataInfraRequests.set(this.#current, list);
    }
  }

  #failed(request: Request) {
    this.#inflight.delete(request);
    const url = request.url();
    const failure = request.failure()?.errorText ?? 'failed';
    // Leaving a page aborts what it was still loading; that is not a fault.
    if (!url.includes('/api/') || failure.includes('ERR_ABORTED')) return;
    this.#add(`request failed: ${request.method()} ${pathOf(url)}: ${failure}`);
  }

  #response(response: Response) {
    const url = response.url();
    if (!url.includes('/api/') || response.status() < 400) return;
    if (BACKSTAGES_OWN.some(own => own.status === response.status() && own.path.test(pathOf(url)))) return;
    this.#add(`API answered ${response.status()}: ${response.request().method()} ${pathOf(url)}`);
  }
}

function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}
