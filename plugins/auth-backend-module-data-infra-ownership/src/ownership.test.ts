import { Entity } from '@backstage/catalog-model';
import { dataInfraOwnershipResolver } from './ownership';

describe('dataInfraOwnershipResolver', () => {
  it('makes a user an owner through its Groups and its Subteams, nothing else', async () => {
    const user: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'lukas.weber', namespace: 'default' },
      spec: {},
      relations: [
        { type: 'memberOf', targetRef: 'group:default/data-infrastructure' },
        { type: 'memberOf', targetRef: 'subteam:default/data-platform' },
        { type: 'participatesIn', targetRef: 'rotation:default/data-platform-oncall' },
        { type: 'memberOf', targetRef: 'group:default/data-infrastructure' },
      ],
    };
    await expect(dataInfraOwnershipResolver.resolveOwnershipEntityRefs(user)).resolves.toEqual({
      ownershipEntityRefs: ['user:default/lukas.weber', 'group:default/data-infrastructure', 'subteam:default/data-platform'],
    });
  });
});
