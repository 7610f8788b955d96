/*
 * GET /sla: one DataService's SLA as measured, and its budget over the
 * window. 404 when the caller may not read it, like every route.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { isDataServiceEntity, SlaResponse } from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraState } from '../state/DataInfraState';

export class SlaPresenter {
  constructor(private readonly state: DataInfraState) {}

  async present(entityRef: string, credentials: BackstageCredentials): Promise<SlaResponse> {
    const { meter } = this.state;
    const scope = await this.state.scope(credentials);
    const service = (await scope.byRefs([entityRef])).get(entityRef);
    if (!service || !isDataServiceEntity(service)) throw new NotFoundError(`No DataService ${entityRef}`);
    const [measurements, budgetSeries] = await Promise.all([
      meter.measurements([service]),
      meter.budgetSeries(service),
    ]);
    const measurement = measurements.get(entityRef);
    return {
      entityRef,
      ...(measurement ? { measurement } : {}),
      budgetSeries: measurement?.state === 'measured' ? budgetSeries : [],
    };
  }
}
