/*
 * The ownership map's index of one catalog view: what GET /map, /map/subteams
 * and /map/dependencies answer from, built once per view and measurement
 * cycle. Nothing in it depends on the instant; the on-call part and the
 * findings are added per answer (see map.ts).
 */
import {
  DomainInfo,
  entityRefOf,
  Finding,
  FindingSeverity,
  MapDependency,
  MapSubteam,
  normaliseEntityRef,
  RotationEntityV1alpha1,
  subteamMemberRefs,
  subteamStakeholderRefs,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { CatalogView } from '../state/CatalogSnapshot';
import { titleOf } from '../refs';

/** A subteam of the map without its on-call part, and the rotations that part is computed from. */
export interface IndexedSubteam {
  head: Omit<MapSubteam, 'rotations'>;
  rotations: RotationEntityV1alpha1[];
}

export interface IndexedDomain {
  info: DomainInfo;
  /** By ref. */
  subteams: IndexedSubteam[];
  serviceCount: number;
}

/** A service on the map, with its cross-domain dependencies (refs, both directions). */
interface IndexedService {
  title: string;
  domain: string;
  dependsOn: string[];
  usedBy: string[];
}

export interface MapIndex {
  domains: IndexedDomain[];
  filters: { tiers: number[]; lifecycles: string[] };
  measured: boolean;
  rotationCount: number;
  /** Every service on the map (owned by a subteam of a configured domain), by ref. */
  services: Map<string, IndexedService>;
  /** The domain of every subteam, rotation and service on the map, by ref. */
  domainOf: Map<string, string>;
}

export function buildMapIndex(
  view: CatalogView,
  options: { domains: DomainInfo[]; showContactDetails: boolean },
  measured: ReadonlySet<string>,
): MapIndex {
  const { people } = view;
  // Owners resolved once, in one pass over each list.
  const rotationsBySubteam = new Map<string, RotationEntityV1alpha1[]>();
  for (const rotation of view.rotations) {
    const owner = normaliseEntityRef(rotation.spec.owner, { defaultKind: 'subteam', defaultNamespace: rotation.metadata.namespace });
    if (!owner) continue;
    const list = rotationsBySubteam.get(owner);
    if (list) list.push(rotation);
    else rotationsBySubteam.set(owner, [rotation]);
  }

  const known = new Set(options.domains.map(d => d.id));
  // Subteams first: a service's or rotation's domain is its owner's.
  const domainOf = new Map<string, string>();
  const subteamsByDomain = new Map<string, IndexedSubteam[]>();
  let rotationCount = 0;
  for (const subteam of view.subteams) {
    const domain = subteam.spec.domain;
    if (!known.has(domain)) continue;
    const ref = entityRefOf(subteam);
    domainOf.set(ref, domain);
    const ns = subteam.metadata.namespace;
    const lead = normaliseEntityRef(subteam.spec.lead, { defaultKind: 'user', defaultNamespace: ns });
    const rotations = rotationsBySubteam.get(ref) ?? [];
    rotationCount += rotations.length;
    for (const rotation of rotations) domainOf.set(entityRefOf(rotation), domain);
    const indexed: IndexedSubteam = {
      head: {
        ref,
        title: titleOf(subteam, ref),
        members: subteamMemberRefs(subteam).map(m => people.person(m)),
        lead: lead ? people.person(lead) : null,
        stakeholders: subteamStakeholderRefs(subteam).map(g => people.named(g)),
        handles: subteam.spec.handles ?? [],
        ...(subteam.spec.contact && options.showContactDetails ? { contact: subteam.spec.contact } : {}),
      },
      rotations,
    };
    const list = subteamsByDomain.get(domain);
    if (list) list.push(indexed);
    else subteamsByDomain.set(domain, [indexed]);
  }

  const services = new Map<string, IndexedService>();
  const serviceCount = new Map<string, number>();
  const tiers = new Set<number>();
  const lifecycles = new Set<string>();
  for (const service of view.services) {
    const owner = normaliseEntityRef(service.spec.owner, { defaultKind: 'subteam', defaultNamespace: service.metadata.namespace });
    const domain = owner ? domainOf.get(owner) : undefined;
    if (!domain) continue;
    const ref = entityRefOf(service);
    services.set(ref, { title: titleOf(service, ref), domain, dependsOn: [], usedBy: [] });
    domainOf.set(ref, domain);
    serviceCount.set(domain, (serviceCount.get(domain) ?? 0) + 1);
    if (service.spec.tier !== undefined) tiers.add(service.spec.tier);
    if (service.spec.lifecycle) lifecycles.add(service.spec.lifecycle);
  }
  for (const service of view.services) {
    const from = entityRefOf(service);
    const source = services.get(from);
    if (!source) continue;
    // Once each, however it is written ("kafka", "dataservice:default/kafka").
    const seen = new Set<string>();
    for (const dep of service.spec.dependsOn ?? []) {
      const to = normaliseEntityRef(dep, { defaultKind: 'dataservice', defaultNamespace: service.metadata.namespace });
      const target = to ? services.get(to) : undefined;
      if (!to || !target || target.domain === source.domain || seen.has(to)) continue;
      seen.add(to);
      source.dependsOn.push(to);
      target.usedBy.push(from);
    }
  }

  const byRef = (a: { head: { ref: string } }, b: { head: { ref: string } }) => (a.head.ref < b.head.ref ? -1 : 1);
  return {
    domains: options.domains.map(info => ({
      info,
      subteams: (subteamsByDomain.get(info.id) ?? []).sort(byRef),
      serviceCount: serviceCount.get(info.id) ?? 0,
    })),
    filters: { tiers: [...tiers].sort((a, b) => a - b), lifecycles: [...lifecycles].sort() },
    measured: [...services.keys()].some(ref => measured.has(ref)),
    rotationCount,
    services,
    domainOf,
  };
}

/** Findings about each domain's subteams, rotations and services, by severity. */
export function findingsByDomain(index: MapIndex, findings: Finding[]): Map<string, Record<FindingSeverity, number>> {
  const counts = new Map(index.domains.map(d => [d.info.id, { error: 0, warning: 0, info: 0 }]));
  for (const finding of findings) {
    const domain = index.domainOf.get(finding.entityRef.toLocaleLowerCase('en-US'));
    if (domain) counts.get(domain)![finding.severity] += 1;
  }
  return counts;
}

/** The other ends of some dependencies, by ref, at most `limit`. */
export function dependenciesOf(index: MapIndex, refs: string[], limit: number): MapDependency[] {
  return [...refs]
    .sort()
    .slice(0, limit)
    .map(ref => {
      const service = index.services.get(ref)!;
      return { ref, title: service.title, domain: service.domain };
    });
}
