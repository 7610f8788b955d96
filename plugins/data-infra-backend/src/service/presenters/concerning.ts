import type { Finding } from '@data-infra/backstage-plugin-data-infra-common';

/** Findings about an entity, or naming it among the entities concerned. */
export function concerning(findings: Finding[], refs: Set<string>): Finding[] {
  const lower = (r: string) => r.toLocaleLowerCase('en-US');
  return findings.filter(
    f => refs.has(lower(f.entityRef)) || f.related?.some(r => refs.has(lower(r))),
  );
}
