import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { DataInfraClient, dataInfraApiRef } from '../api';

/** The data-infra API client. Extension id: `api:data-infra`. */
export const dataInfraApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataInfraApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataInfraClient({ discoveryApi, fetchApi }),
    }),
});
