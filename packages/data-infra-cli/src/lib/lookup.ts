import { isRotationEntity, RotationEntityV1alpha1, entityRefOf, normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';
import type { Entity } from '@backstage/catalog-model';
import type { LoadedCatalog } from './catalog';
import { CliError } from './io';

/** Finds the entity a command was asked about, or fails with a usage error naming it. */
export function requireEntity(catalog: LoadedCatalog, ref: string, defaultKind: string, what: string): Entity {
  const entity = catalog.find(ref, defaultKind);
  if (!entity) {
    const normalised = normaliseEntityRef(ref, { defaultKind });
    const invalid = catalog.loaded.find(l => l.ref === normalised && l.problems.length > 0);
    throw new CliError(
      invalid
        ? `${ref}: the ${what} is invalid (${invalid.document.file}:${invalid.document.line}); run data-infra validate`
        : `${ref}: no such ${what} in the catalog`,
    );
  }
  return entity;
}

/** Every valid Rotation, in ref order so output is stable. */
export function rotationsOf(catalog: LoadedCatalog): RotationEntityV1alpha1[] {
  return catalog.entities
    .flatMap(entity => (isRotationEntity(entity) ? [entity] : []))
    .sort((a, b) => entityRefOf(a).localeCompare(entityRefOf(b), 'en'));
}
