import { dataInfraPlugin } from './plugin';

describe('data-infra', () => {
  it('should export plugin', () => {
    expect(dataInfraPlugin).toBeDefined();
  });
});
