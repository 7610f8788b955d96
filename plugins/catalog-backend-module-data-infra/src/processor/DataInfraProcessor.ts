import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DataInfraEntity,
  describeValue,
  EntityProblem,
  formatEntityProblems,
  isDataInfraEntity,
  normaliseDomains,
  validateDataInfraEntity,
  wrongApiVersionProblem,
} from '@data-infra/backstage-plugin-data-infra-common';
import { dataInfraRelations } from './relations';

/**
 * Validates the Subteam, DataService and Rotation kinds and emits their
 * relations. Pure: no network calls, no mutation of the entity.
 *
 * @public
 */
export class DataInfraProcessor implements CatalogProcessor {
  static fromConfig(config: Config): DataInfraProcessor {
    const raw = config.getOptional('dataInfra.domains');
    return new DataInfraProcessor(normaliseDomains(raw).map(d => d.id));
  }

  constructor(private readonly domainIds: string[]) {}

  getProcessorName(): string {
    return 'DataInfraProcessor';
  }

  /**
   * False for every kind that is not ours, so Component, Group, User,
   * Template… are left to their own validators. Throws an InputError naming
   * the entity and every offending field for an invalid entity of ours; the
   * catalog records it as that entity's processing error and keeps the rest.
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isDataInfraEntity(entity)) {
      // One of our kind names under another apiVersion: say so rather
      // than let the catalog report an unknown kind.
      const wrongApiVersion = wrongApiVersionProblem(entity);
      if (wrongApiVersion) throw new InputError(formatEntityProblems(entity, [wrongApiVersion]));
      return false;
    }
    const problems = [...validateDataInfraEntity(entity), ...this.domainProblems(entity)];
    if (problems.length > 0) {
      throw new InputError(formatEntityProblems(entity, problems));
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (isDataInfraEntity(entity)) {
      for (const relation of dataInfraRelations(entity as DataInfraEntity)) {
        emit(processingResult.relation(relation));
      }
    }
    return entity;
  }

  private domainProblems(entity: Entity): EntityProblem[] {
    const domain = (entity.spec as { domain?: unknown } | undefined)?.domain;
    if (entity.kind !== 'Subteam' || typeof domain !== 'string' || this.domainIds.includes(domain)) {
      return [];
    }
    return [
      {
        path: 'spec.domain',
        message: `must be one of the configured domains (${this.domainIds.join(', ')}), got ${describeValue(domain)}`,
      },
    ];
  }
}
