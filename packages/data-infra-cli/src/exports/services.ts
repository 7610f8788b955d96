import type { Entity } from '@backstage/catalog-model';
import {
  DataServiceEntityV1alpha1,
  EscalationPolicy,
  hasIndicators,
  isDataServiceEntity,
  isSubteamEntity,
  resolveEscalationPolicy,
  SubteamEntityV1alpha1,
  entityRefOf,
  normaliseEntityRef,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { LoadedCatalog } from '../lib/catalog';

/** A DataService with indicators, and what the exports need around it. */
export interface MeasuredService {
  ref: string;
  service: DataServiceEntityV1alpha1;
  title: string;
  ownerRef: string;
  owner?: SubteamEntityV1alpha1;
  /** The policy that pages for it (its own or its owner's) and where it is declared. */
  policy?: EscalationPolicy;
  policyRef?: string;
}

/**
 * The DataServices that declare indicators, sorted by ref: every export
 * lists them in this order, so the files it writes diff cleanly.
 */
export function measuredServices(catalog: LoadedCatalog): MeasuredService[] {
  const lookup = (ref: string): Entity | undefined => catalog.find(ref);
  return catalog.entities
    .filter(isDataServiceEntity)
    .filter(s => hasIndicators(s.spec.sla))
    .map(service => {
      const ref = entityRefOf(service);
      const ownerRef = normaliseEntityRef(service.spec.owner, { defaultKind: 'subteam', defaultNamespace: service.metadata.namespace ?? 'default' }) ?? service.spec.owner;
      const owner = catalog.find(ownerRef);
      const resolved = resolveEscalationPolicy(service, lookup);
      return {
        ref,
        service,
        title: service.metadata.title ?? service.metadata.name,
        ownerRef,
        owner: owner && isSubteamEntity(owner) ? owner : undefined,
        policy: resolved.policy ?? undefined,
        policyRef: resolved.policyRef?.toLocaleLowerCase('en-US') ?? undefined,
      };
    })
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en-US'));
}

/** How long ago a level is paged, and whom, in words: "PT0M rotation:default/x (primary)". */
export function policySummary(policy: EscalationPolicy | undefined): string | undefined {
  if (!policy?.levels?.length) return undefined;
  return policy.levels
    .map(level => {
      const target = level.target as Record<string, string | undefined>;
      const who = target.rotation
        ? `${target.rotation} (${target.role ?? 'primary'})`
        : target.user ?? `lead of ${target.subteamLead}`;
      return `${level.after}: ${who}`;
    })
    .join(' → ');
}
