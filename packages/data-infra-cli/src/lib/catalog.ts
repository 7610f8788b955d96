import { entityRefOf, normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';
import type { Entity } from '@backstage/catalog-model';
import { CatalogDocument, readCatalogDocuments } from './documents';
import { entityProblems, Problem } from './entityProblems';
import { collectYamlFiles } from './files';

/** An entity read from a file, with where it came from and what is wrong with it. */
export interface LoadedEntity {
  entity: Entity;
  ref: string;
  document: CatalogDocument;
  problems: Problem[];
}

/** A folder of catalog-info files, read and validated. */
export interface LoadedCatalog {
  documents: CatalogDocument[];
  /** Every document that parsed into an object, valid or not. */
  loaded: LoadedEntity[];
  /** Entities without error-level problems: the ones the catalog would ingest. */
  entities: Entity[];
  /** Finds a valid entity by ref, with the catalog's defaults for kind and namespace. */
  find(ref: string, defaultKind?: string): Entity | undefined;
}

/** Reads files (or folders of them) and validates every document. */
export async function loadCatalogFiles(files: string[], cwd: string = process.cwd()): Promise<LoadedCatalog> {
  const documents = files.flatMap(file => readCatalogDocuments(file, cwd));
  const loaded: LoadedEntity[] = [];
  for (const document of documents) {
    const entity = document.entity;
    if (!entity) continue;
    if (typeof entity !== 'object' || Array.isArray(entity)) {
      loaded.push({
        entity: {} as Entity,
        ref: `document #${document.index}`,
        document,
        problems: [{ severity: 'error', path: '(document)', message: 'must be a mapping (an entity), got a scalar or list' }],
      });
      continue;
    }
    let ref: string;
    try {
      ref = entityRefOf(entity);
    } catch {
      ref = `document #${document.index}`;
    }
    loaded.push({ entity, ref, document, problems: await entityProblems(entity) });
  }
  const entities = loaded
    .filter(l => !l.problems.some(p => p.severity === 'error'))
    .map(l => l.entity);
  const index = new Map<string, Entity>();
  for (const entity of entities) {
    const ref = entityRefOf(entity);
    // The first definition wins, as in the catalog (later ones conflict).
    if (!index.has(ref)) index.set(ref, entity);
  }
  return {
    documents,
    loaded,
    entities,
    find(ref, defaultKind) {
      const normalised = normaliseEntityRef(ref, { defaultKind });
      return normalised ? index.get(normalised) : undefined;
    },
  };
}

/** Reads a catalog folder recursively. */
export async function loadCatalogDir(dir: string, cwd: string = process.cwd()): Promise<LoadedCatalog> {
  return loadCatalogFiles(collectYamlFiles([dir], cwd), cwd);
}
