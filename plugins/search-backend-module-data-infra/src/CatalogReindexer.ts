import type { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';

/** The catalog collator's task in the search plugin's scheduler. */
export const CATALOG_COLLATOR_TASK = 'search_index_software_catalog';

/**
 * Asks the search plugin's scheduler to run the catalog collator again,
 * at most once per `minIntervalMs`. A run that is in progress cannot be
 * triggered (the scheduler answers 409): then it tries again a few times.
 */
export class CatalogReindexer {
  #last = -Infinity;
  #pending = false;

  constructor(
    private readonly scheduler: SchedulerService,
    private readonly logger: LoggerService,
    private readonly options: { minIntervalMs?: number; retryMs?: number; now?: () => number } = {},
  ) {}

  soon(): void {
    const now = (this.options.now ?? Date.now)();
    if (this.#pending || now - this.#last < (this.options.minIntervalMs ?? 60_000)) return;
    this.#last = now;
    this.#pending = true;
    void this.#trigger(5).finally(() => {
      this.#pending = false;
    });
  }

  async #trigger(attempts: number): Promise<void> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.scheduler.triggerTask(CATALOG_COLLATOR_TASK);
        this.logger.info('Rebuilding the catalog search index: Subteam domains are now known');
        return;
      } catch (error) {
        if (attempt === attempts) {
          this.logger.warn(`Could not trigger the catalog search index: ${error}`);
          return;
        }
        await new Promise(resolve => setTimeout(resolve, this.options.retryMs ?? 5_000));
      }
    }
  }
}
