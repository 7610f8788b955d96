/*
 * GET /escalation: whom to page for a DataService or Subteam at an instant,
 * after how long, and the findings about that path, for that instant.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  EscalationPath,
  EscalationResponse,
  Finding,
  formatInstant,
  isDataServiceEntity,
  isSubteamEntity, normaliseEntityRef, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import { referencedRefs } from '../references';

import type { CatalogView } from '../state/CatalogSnapshot';
import type { DataInfraState } from '../state/DataInfraState';
import type { Scope } from '../state/scopes';
import { concerning } from './concerning';
import { levelsAt } from './escalationLevels';

/**
 * Reference checks over a neighbourhood can only speak for the refs that were
 * gathered: the owner, the policy's targets, rotations and people. A
 * dependency or a consumer group was not looked up, so "does not exist"
 * about it would be wrong there (/checks has the whole picture).
 */
const REF_CHECKS = new Set(['unknown-ref', 'wrong-ref-kind']);
const GATHERED_PATHS = /^spec\.(escalation|owner|members|lead|participants)\b/;
function knowableInNeighbourhood(finding: Finding): boolean {
  return !REF_CHECKS.has(finding.check) || GATHERED_PATHS.test(finding.path ?? '');
}

export class EscalationPresenter {
  constructor(private readonly state: DataInfraState) {}

  async present(entityRef: string, at: number, credentials: BackstageCredentials): Promise<EscalationResponse> {
    const scope = await this.state.scope(credentials);
    return this.state.remember(scope, `escalation|${entityRef}|${at}`, () => this.#at(entityRef, at, scope));
  }

  async #at(entityRef: string, at: number, scope: Scope): Promise<EscalationResponse> {
    const { state } = this;
    // The entities around the path are gathered once per caller and TTL; the
    // path itself is cheap and computed for the instant asked.
    const { entity, view } = await state.remember(scope, `neighbourhood|${entityRef}`, async () => {
      const found = (await scope.byRefs([entityRef])).get(entityRef);
      if (!found || !(isDataServiceEntity(found) || isSubteamEntity(found))) {
        throw new NotFoundError(`No DataService or Subteam ${entityRef}`);
      }
      return { entity: found, view: await neighbourhood(found, scope) };
    });
    let path: EscalationPath;
    try {
      path = state.onCall.escalationPath(entity, at, view.lookup);
    } catch (error) {
      state.logger.error(`data-infra: escalation path failed for ${entityRef}: ${error}`, { entityRef });
      throw error;
    }
    const pathRefs = new Set<string>([entityRef]);
    if (path.policyRef) pathRefs.add(path.policyRef.toLocaleLowerCase('en-US'));
    path.levels.forEach(l => pathRefs.add(l.targetRef.toLocaleLowerCase('en-US')));
    return {
      entityRef,
      at: formatInstant(at),
      policyRef: path.policyRef,
      inherited: path.inherited,
      repeat: path.repeat,
      levels: levelsAt(path, view),
      firstReachableAfterMs: path.firstReachableAfterMs,
      // The checks of the hour containing `at`: the path's week from then.
      findings: concerning(await view.findings(at), pathRefs).filter(knowableInNeighbourhood),
    };
  }
}

/**
 * Gathers only the neighbourhood of one entity: its owner, the targets of
 * its policy, the owner's rotations and the people they name. The cost
 * does not grow with the catalog.
 */
async function neighbourhood(entity: Entity, scope: Scope): Promise<CatalogView> {
  const entities = new Map<string, Entity>([[entityRefOf(entity), entity]]);
  const ns = entity.metadata.namespace ?? 'default';
  // A subteam is its own owner: its rotations are the ones its policy uses.
  const ownerRef = isDataServiceEntity(entity)
    ? normaliseEntityRef(entity.spec.owner, { defaultKind: 'subteam', defaultNamespace: ns })
    : entityRefOf(entity);
  // Two rounds: the owner first (its policy may be the one inherited),
  // then whatever the policies point at.
  const owner = ownerRef && !entities.has(ownerRef)
    ? (await scope.byRefs([ownerRef])).get(ownerRef)
    : undefined;
  if (owner && ownerRef) entities.set(ownerRef, owner);
  const wanted = [...referencedRefs(entities.values())].filter(
    r => /^(subteam|rotation|dataservice):/.test(r) && !entities.has(r) && !r.startsWith('dataservice:'),
  );
  for (const [ref, e] of await scope.byRefs(wanted)) entities.set(ref, e);
  if (ownerRef) {
    for (const rotation of await scope.rotationsOwnedBy(ownerRef)) {
      entities.set(entityRefOf(rotation), rotation);
    }
  }
  return scope.viewOf([...entities.values()]);
}
