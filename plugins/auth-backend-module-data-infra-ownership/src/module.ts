import { createBackendModule } from '@backstage/backend-plugin-api';
import { authOwnershipResolutionExtensionPoint } from '@backstage/plugin-auth-node';
import { dataInfraOwnershipResolver } from './ownership';

/**
 * Makes members of a data-infra Subteam owners of what the Subteam owns, at
 * sign-in (ownership entity refs of the Backstage identity).
 *
 * @public
 */
export const authModuleDataInfraOwnership = createBackendModule({
  pluginId: 'auth',
  moduleId: 'data-infra-ownership',
  register(reg) {
    reg.registerInit({
      deps: { ownership: authOwnershipResolutionExtensionPoint },
      async init({ ownership }) {
        ownership.setAuthOwnershipResolver(dataInfraOwnershipResolver);
      },
    });
  },
});
