import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { CATALOG_COLLATOR_TASK, CatalogReindexer } from './CatalogReindexer';

describe('CatalogReindexer', () => {
  it('triggers the catalog collator, retrying while a run is in progress, at most once a minute', async () => {
    const scheduler = mockServices.scheduler.mock();
    scheduler.triggerTask
      .mockRejectedValueOnce(new ConflictError(`Task ${CATALOG_COLLATOR_TASK} is currently running`))
      .mockResolvedValue(undefined);
    let now = 0;
    const reindexer = new CatalogReindexer(scheduler, mockServices.logger.mock(), { retryMs: 1, now: () => now });
    reindexer.soon();
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);
    expect(scheduler.triggerTask).toHaveBeenLastCalledWith(CATALOG_COLLATOR_TASK);

    now = 30_000;
    reindexer.soon();
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);
    now = 61_000;
    reindexer.soon();
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(3);
  });
});
