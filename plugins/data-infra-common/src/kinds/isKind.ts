import type { Entity } from '@backstage/catalog-model';
import { DATA_INFRA_API_VERSION } from './types';

/** Our apiVersion and the kind, the kind compared case-insensitively as the catalog does. */
export function isKind(entity: Entity, kind: string): boolean {
  return (
    entity.apiVersion === DATA_INFRA_API_VERSION &&
    (entity.kind === kind ||
      entity.kind.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US'))
  );
}
