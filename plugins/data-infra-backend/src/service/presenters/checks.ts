/* GET /checks: the findings over what the caller can read, grouped by cause or flat. */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ChecksResponse,
  Finding,
  FlatChecksResponse,
  groupFindings,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraState } from '../state/DataInfraState';
import { concerning } from './concerning';

export class ChecksPresenter {
  constructor(private readonly state: DataInfraState) {}

  /** The findings over everything the caller can read, or those concerning one entity; measured ones included. */
  async #findings(entityRef: string | undefined, credentials: BackstageCredentials): Promise<Finding[]> {
    const view = await (await this.state.scope(credentials)).view();
    if (!entityRef) return this.state.findings(view);
    if (!view.byRef.has(entityRef) || !/^(subteam|dataservice|rotation):/.test(entityRef)) {
      throw new NotFoundError(`No Subteam, DataService or Rotation ${entityRef}`);
    }
    return concerning(await this.state.findings(view), new Set([entityRef]));
  }

  async present(
    entityRef: string | undefined,
    flat: boolean,
    credentials: BackstageCredentials,
  ): Promise<ChecksResponse | FlatChecksResponse> {
    const findings = await this.#findings(entityRef, credentials);
    return flat ? { findings } : { groups: groupFindings(findings) };
  }
}
