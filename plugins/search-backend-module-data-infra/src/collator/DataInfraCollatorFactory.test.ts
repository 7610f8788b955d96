import { DataInfraCollatorFactory } from './DataInfraCollatorFactory';
import { mockServices } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';

describe('DataInfraCollatorFactory', () => {
  it('returns a collator with the correct type', async () => {
    const factory = DataInfraCollatorFactory.fromConfig(mockServices.rootConfig(), {
      logger: mockServices.logger.mock(),
    });

    expect(factory.type).toBe('data-infra');
  });

  it('runs the collator and returns documents', async () => {
    const factory = DataInfraCollatorFactory.fromConfig(mockServices.rootConfig(), {
      logger: mockServices.logger.mock(),
    });

    const collator = await factory.getCollator();
    const { error, documents } = await TestPipeline.fromCollator(collator).execute();

    expect(error).toBeUndefined();
    // TODO: Update this assertion once your collator yields real documents
    expect(documents).toEqual([]);
  });
});
