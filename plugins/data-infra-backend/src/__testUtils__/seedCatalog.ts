import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CATALOG_DIR } from './startRealBackend';

/**
 * The entities of catalog-info/ as plain objects (no Locations), for tests
 * that need the seed's services without ingesting them in a real catalog.
 */
export function seedEntities(): Entity[] {
  const entities: Entity[] = [];
  for (const dir of ['org', 'subteams', 'rotations', 'services']) {
    for (const file of fs.readdirSync(path.join(CATALOG_DIR, dir)).sort()) {
      const text = fs.readFileSync(path.join(CATALOG_DIR, dir, file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        const entity = doc.toJS() as Entity;
        if (entity?.kind && entity.kind !== 'Location') {
          entities.push({ ...entity, metadata: { namespace: 'default', ...entity.metadata } });
        }
      }
    }
  }
  return entities;
}
