import { worstSeverity, type Finding } from '@data-infra/backstage-plugin-data-infra-common';

/** The most severe of some findings, or null when there are none. */
export const worst = worstSeverity;

const byEntityCache = new WeakMap<Finding[], Map<string, Finding[]>>();
/**
 * The findings of each entity, indexed once per list: rows of /services and
 * tiles of /map look theirs up, and a scan per entity is quadratic at
 * 10,000 services.
 */
export function findingsOf(findings: Finding[], entityRef: string): Finding[] {
  let index = byEntityCache.get(findings);
  if (!index) {
    index = new Map();
    for (const f of findings) {
      const key = f.entityRef.toLocaleLowerCase('en-US');
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
    byEntityCache.set(findings, index);
  }
  return index.get(entityRef) ?? [];
}
