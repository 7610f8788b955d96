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
  subteamMemberRefs,
  subteamStakeholderRefs,
} from '@data-infra/backstage-plugin-data-infra-common';

/**
 * The search document of a catalog entity, with the extra fields our result
 * list items read and the search page filters on. Other kinds get the default
 * document plus `domain: ''`.
 *
 * @public
 */
export type DataInfraEntityDocument = ReturnType<CatalogCollatorEntityTransformer> & {
  /** The entity's `metadata.name`. */
  name?: string;
  /**
   * The data-infra domain id, on every document so that it can be filtered
   * on (Lunr only knows the fields of the first document it indexes).
   * Subteam: its `spec.domain`; DataService and Rotation: the domain of their
   * owner Subteam, filled in by the module's search decorator at collation
   * time ('' from the transformer alone); '' for every other kind.
   */
  domain: string;
  /** DataService: 1 (critical) to 3. */
  tier?: number;
  /** DataService: `spec.sla.availability`, percent (99.9). */
  availability?: number;
  /** DataService: `spec.technology`. */
  technology?: string;
  /** `metadata.tags`. */
  tags?: string[];
  /**
   * The fields people search by, besides the title and the description
   * (`text`, which the result shows): name, technology, owner, members…
   * Searchable, never shown. '' on every other kind, so Lunr indexes the
   * field whatever document comes first.
   */
  keywords: string;
  /** Subteam: its parent group ref. */
  parent?: string;
  /** Rotation: IANA zone. */
  timezone?: string;
};

/** Separator between the parts of `keywords`, as the default transformer uses in `text`. */
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
  const availability = spec.sla?.availability;
  return {
    ...defaultCatalogCollatorEntityTransformer(entity),
    keywords: joinText([
      entity.metadata.name,
      spec.technology,
      spec.type,
      spec.tier !== undefined && `tier ${spec.tier}`,
      tagText(entity),
      refName(spec.owner),
      names(spec.consumers),
    ]),
    name: entity.metadata.name,
    // The owner's domain: set at collation time (ownerDomains.ts).
    domain: '',
    ...(spec.tier !== undefined ? { tier: spec.tier } : {}),
    ...(typeof availability === 'number' && Number.isFinite(availability)
      ? { availability }
      : {}),
    ...(spec.technology ? { technology: spec.technology } : {}),
    tags: entity.metadata.tags ?? [],
  };
}

function subteamDocument(entity: SubteamEntityV1alpha1): DataInfraEntityDocument {
  const { spec } = entity;
  return {
    ...defaultCatalogCollatorEntityTransformer(entity),
    keywords: joinText([
      entity.metadata.name,
      spec.domain,
      tagText(entity),
      names(subteamMemberRefs(entity)),
      spec.handles?.join(SEPARATOR),
      names(subteamStakeholderRefs(entity)),
      spec.contact?.chat,
    ]),
    name: entity.metadata.name,
    domain: typeof spec.domain === 'string' ? spec.domain : '',
    parent: spec.parent,
    tags: entity.metadata.tags ?? [],
  };
}

function rotationDocument(entity: RotationEntityV1alpha1): DataInfraEntityDocument {
  const { spec } = entity;
  return {
    ...defaultCatalogCollatorEntityTransformer(entity),
    keywords: joinText([
      entity.metadata.name,
      'on-call rotation',
      refName(spec.owner),
      names(spec.participants),
      spec.timezone,
      tagText(entity),
    ]),
    name: entity.metadata.name,
    // The owner's domain: set at collation time (ownerDomains.ts).
    domain: '',
    timezone: spec.timezone,
    tags: entity.metadata.tags ?? [],
  };
}

/**
 * The transformer that shapes catalog entities into search documents.
 * Subteam, DataService and Rotation entities get the default document (whose
 * `text` is the description, what a result shows), the fields people search
 * by in `keywords`, and extra fields for the result list items; every other
 * kind gets `defaultCatalogCollatorEntityTransformer`'s document plus
 * `domain: ''` and `keywords: ''`. Every document has both, so the search
 * page can filter on `domain`, and find by `keywords`, with the Lunr engine
 * too.
 *
 * A DataService's or Rotation's `domain` is '' here: it is its owner
 * Subteam's, which the module's search decorator looks up at collation time.
 *
 * @public
 */
export const dataInfraEntityTransformer: CatalogCollatorEntityTransformer = (
  entity: Entity,
): DataInfraEntityDocument => {
  if (isDataServiceEntity(entity)) return dataServiceDocument(entity);
  if (isSubteamEntity(entity)) return subteamDocument(entity);
  if (isRotationEntity(entity)) return rotationDocument(entity);
  return { ...defaultCatalogCollatorEntityTransformer(entity), domain: '', keywords: '' };
};
