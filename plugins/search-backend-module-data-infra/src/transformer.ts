import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  CatalogCollatorEntityTransformer,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import {
  DataServiceEntityV1alpha1,
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
  RotationEntityV1alpha1,
  SubteamEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';

/**
 * The search document of a catalog entity, with the extra fields our result
 * list items read. Every extra field is optional: other kinds get the default
 * document unchanged.
 *
 * @public
 */
export type DataInfraEntityDocument = ReturnType<CatalogCollatorEntityTransformer> & {
  /** The entity's `metadata.name`. */
  name?: string;
  /** Subteam: its `spec.domain`. Not set for services and rotations (see README). */
  domain?: string;
  /** DataService: 1 (critical) to 3. */
  tier?: number;
  /** DataService: `spec.technology`. */
  technology?: string;
  /** `metadata.tags`. */
  tags?: string[];
  /** Subteam: its parent group ref. */
  parent?: string;
  /** Rotation: IANA zone. */
  timezone?: string;
};

/** Separator between the parts of `text`, as the default transformer uses. */
const SEPARATOR = ' : ';

/**
 * The name part of an entity ref ('subteam:default/data-platform' →
 * 'data-platform'); the ref itself when it does not parse.
 */
function refName(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

function joinText(parts: Array<string | undefined | false>): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join(SEPARATOR);
}

function names(refs: string[] | undefined): string | undefined {
  if (!refs?.length) return undefined;
  return refs.map(r => refName(r)).join(' ');
}

function tagText(entity: Entity): string | undefined {
  const tags = entity.metadata.tags;
  return tags?.length ? tags.join(' ') : undefined;
}

function dataServiceDocument(entity: DataServiceEntityV1alpha1): DataInfraEntityDocument {
  const { spec } = entity;
  return {
    ...defaultCatalogCollatorEntityTransformer(entity),
    text: joinText([
      entity.metadata.description,
      entity.metadata.name,
      spec.technology,
      spec.type,
      spec.tier !== undefined && `tier ${spec.tier}`,
      tagText(entity),
      refName(spec.owner),
      names(spec.consumers),
    ]),
    name: entity.metadata.name,
    ...(spec.tier !== undefined ? { tier: spec.tier } : {}),
    ...(spec.technology ? { technology: spec.technology } : {}),
    tags: entity.metadata.tags ?? [],
  };
}

function subteamDocument(entity: SubteamEntityV1alpha1): DataInfraEntityDocument {
  const { spec } = entity;
  return {
    ...defaultCatalogCollatorEntityTransformer(entity),
    text: joinText([
      entity.metadata.description,
      entity.metadata.name,
      spec.domain,
      tagText(entity),
      names(spec.members),
      spec.handles?.join(SEPARATOR),
      names(spec.stakeholders),
      spec.contact?.chat,
    ]),
    name: entity.metadata.name,
    domain: spec.domain,
    parent: spec.parent,
    tags: entity.metadata.tags ?? [],
  };
}

function rotationDocument(entity: RotationEntityV1alpha1): DataInfraEntityDocument {
  const { spec } = entity;
  return {
    ...defaultCatalogCollatorEntityTransformer(entity),
    text: joinText([
      entity.metadata.description,
      entity.metadata.name,
      'on-call rotation',
      refName(spec.owner),
      names(spec.participants),
      spec.timezone,
      tagText(entity),
    ]),
    name: entity.metadata.name,
    timezone: spec.timezone,
    tags: entity.metadata.tags ?? [],
  };
}

/**
 * Shapes catalog entities into search documents. Subteam, DataService and
 * Rotation entities get the default document plus the fields people search
 * by in `text`, and extra fields for the result list items; every other kind
 * gets {@link defaultCatalogCollatorEntityTransformer}'s document unchanged.
 *
 * Owners are indexed by their entity name (`data-platform`), not their title:
 * a transformer sees one entity at a time and cannot look the owner up.
 *
 * @public
 */
export const dataInfraEntityTransformer: CatalogCollatorEntityTransformer = (
  entity: Entity,
): DataInfraEntityDocument => {
  if (isDataServiceEntity(entity)) return dataServiceDocument(entity);
  if (isSubteamEntity(entity)) return subteamDocument(entity);
  if (isRotationEntity(entity)) return rotationDocument(entity);
  return defaultCatalogCollatorEntityTransformer(entity);
};
