import type { Entity } from '@backstage/catalog-model';
import type { EntityProblem } from './problems';
import type { ReferenceField } from './references';

/**
 * Everything the data-infra packages know about one kind, in one place (as
 * `@backstage/catalog-model` keeps each kind in its own
 * `kinds/*EntityV1alpha1.ts`): its JSON Schema, its guard, the rules its
 * schema cannot express, and its reference fields.
 * @public
 */
export interface DataInfraKindDescriptor<E extends Entity = Entity> {
  /** The kind as written in YAML: 'Subteam'. */
  kind: string;
  /** Its JSON Schema (draft-07; `$ref`s into `DataInfraCommon`). */
  schema: object;
  /** True for an entity of this kind and our apiVersion. */
  isEntity(entity: Entity): entity is E;
  /**
   * The validator hook: problems the schema cannot express, for an entity
   * that the schema accepted.
   */
  validate(entity: E): EntityProblem[];
  /** The spec fields that name other entities, in the order relations are emitted. */
  references: readonly ReferenceField[];
}
