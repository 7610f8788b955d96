import {
  DomainInfo,
  Finding,
  formatInstant,
  measuredSummary,
  OnCallRole,
  OwnershipMapResponse,
  RotationEntityV1alpha1,
  ServiceLevelMeasurement, normaliseEntityRef, entityRefOf, subteamMemberRefs, subteamStakeholderRefs } from '@data-infra/backstage-plugin-data-infra-common';
import type { CatalogView } from '../state/CatalogSnapshot';
import { findingsOf, worst } from './findingIndex';
import { titleOf } from '../refs';

type MapDomain = OwnershipMapResponse['domains'][number];
type MapSubteam = MapDomain['subteams'][number];

/**
 * Everything of the map that does not depend on the instant, built once per
 * view: at 10,000 services it is megabytes, so its JSON is kept too and only
 * the rotations' on-call part is written for each instant.
 */
export interface MapSkeleton {
  domains: Array<{
    /** The domain's JSON without its closing brace and subteams. */
    head: string;
    subteams: Array<{ head: string; rotations: RotationEntityV1alpha1[] }>;
  }>;
  /** `,"crossDomainEdges":…,"totals":…` */
  tail: string;
}

/** Drops the closing brace of a JSON object so more members can follow. */
const open = (value: object) => JSON.stringify(value).slice(0, -1);

export function buildMapSkeleton(
  view: CatalogView,
  findings: Finding[],
  options: { domains: DomainInfo[]; showContactDetails: boolean },
  measured: Map<string, ServiceLevelMeasurement> = new Map(),
): MapSkeleton {
  const { people } = view;
  const totals: OwnershipMapResponse['totals'] = {
    domains: options.domains.length,
    subteams: 0,
    services: 0,
    rotations: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const f of findings) totals.findings[f.severity] += 1;

  // Owners resolved once, in one pass over each list.
  const rotationsBySubteam = new Map<string, RotationEntityV1alpha1[]>();
  for (const rotation of view.rotations) {
    const owner = normaliseEntityRef(rotation.spec.owner, { defaultKind: 'subteam', defaultNamespace: rotation.metadata.namespace });
    if (!owner) continue;
    const list = rotationsBySubteam.get(owner);
    if (list) list.push(rotation);
    else rotationsBySubteam.set(owner, [rotation]);
  }
  const serviceRows = view.services.map(service => ({
    service,
    ref: entityRefOf(service),
    owner: normaliseEntityRef(service.spec.owner, { defaultKind: 'subteam', defaultNamespace: service.metadata.namespace }),
  }));

  const serviceDomain = new Map<string, string>();
  const domains = options.domains.map(domain => {
    const subteams = view.subteams.filter(s => s.spec.domain === domain.id);
    const subteamRefs = new Set(subteams.map(entityRefOf));
    // In the view's order (by ref), whatever subteam they belong to.
    const services = serviceRows.filter(row => row.owner && subteamRefs.has(row.owner));
    totals.subteams += subteams.length;
    totals.services += services.length;
    const serviceTiles: MapDomain['services'] = services.map(({ service, ref, owner }) => {
      serviceDomain.set(ref, domain.id);
      const sla = service.spec.sla;
      return {
        ref,
        title: titleOf(service, ref),
        type: service.spec.type,
        lifecycle: service.spec.lifecycle,
        ...(service.spec.tier !== undefined ? { tier: service.spec.tier } : {}),
        owner: owner!,
        ...(sla?.availability !== undefined ? { availability: sla.availability } : {}),
        ...(sla?.supportHours ? { supportHours: sla.supportHours.type } : {}),
        worstFinding: worst(findingsOf(findings, ref)),
        ...(measured.has(ref) ? { measured: measuredSummary(measured.get(ref)) } : {}),
      };
    });
    return {
      head: open({ ...domain, services: serviceTiles }),
      subteams: subteams.map(subteam => {
        const ref = entityRefOf(subteam);
        const ns = subteam.metadata.namespace;
        const rotations = rotationsBySubteam.get(ref) ?? [];
        totals.rotations += rotations.length;
        const lead = normaliseEntityRef(subteam.spec.lead, { defaultKind: 'user', defaultNamespace: ns });
        const staticPart: Omit<MapSubteam, 'rotations'> = {
          ref,
          title: titleOf(subteam, ref),
          members: subteamMemberRefs(subteam).map(m => people.person(m)),
          lead: lead ? people.person(lead) : null,
          stakeholders: subteamStakeholderRefs(subteam).map(g => people.named(g)),
          handles: subteam.spec.handles ?? [],
          ...(subteam.spec.contact && options.showContactDetails
            ? { contact: subteam.spec.contact }
            : {}),
        };
        return { head: open(staticPart), rotations };
      }),
    };
  });

  const crossDomainEdges: OwnershipMapResponse['crossDomainEdges'] = [];
  for (const { service, ref: from } of serviceRows) {
    const fromDomain = serviceDomain.get(from);
    if (!fromDomain) continue;
    for (const dep of service.spec.dependsOn ?? []) {
      const to = normaliseEntityRef(dep, { defaultKind: 'dataservice', defaultNamespace: service.metadata.namespace });
      const toDomain = to ? serviceDomain.get(to) : undefined;
      if (to && toDomain && fromDomain !== toDomain) {
        crossDomainEdges.push({ from, to, fromDomain, toDomain });
      }
    }
  }
  return {
    domains,
    tail: `,"crossDomainEdges":${JSON.stringify(crossDomainEdges)},"totals":${JSON.stringify(totals)}`,
  };
}

/**
 * The on-call part of each subteam of the map, in the skeleton's order: the
 * only part besides the instant that depends on it. It changes at hand-offs
 * only, so equal parts mean the body before the instant is equal too.
 */
export function onCallParts(
  skeleton: MapSkeleton,
  onCall: (rotation: RotationEntityV1alpha1) => OnCallRole[],
): string[] {
  return skeleton.domains.flatMap(domain =>
    domain.subteams.map(subteam =>
      JSON.stringify(
        subteam.rotations.map(r => {
          const ref = entityRefOf(r);
          return { ref, title: titleOf(r, ref), onCall: onCall(r) };
        }),
      ),
    ),
  );
}

/**
 * The JSON of GET /map up to its instant, which comes last so that this
 * part, megabytes at 50,000 entities, is shared by every second until the
 * next hand-off (see JsonPrefix).
 */
export function mapJsonBeforeInstant(skeleton: MapSkeleton, onCall: string[]): string {
  const parts = ['{"domains":['];
  let next = 0;
  skeleton.domains.forEach((domain, d) => {
    if (d) parts.push(',');
    parts.push(domain.head, ',"subteams":[');
    domain.subteams.forEach((subteam, s) => {
      if (s) parts.push(',');
      parts.push(subteam.head, ',"rotations":', onCall[next++], '}');
    });
    parts.push(']}');
  });
  parts.push(']', skeleton.tail);
  return parts.join('');
}

/** The rest of GET /map's JSON after mapJsonBeforeInstant. */
export const mapJsonInstant = (at: number) => `,"at":${JSON.stringify(formatInstant(at))}}`;
