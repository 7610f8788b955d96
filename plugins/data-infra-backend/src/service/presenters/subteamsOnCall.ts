/*
 * GET /oncall/subteams: the on-call page in one answer. Per subteam, in
 * domain order: its rotations with who is on call, how to page it, what it
 * handles, its default escalation policy as it reaches people, and the
 * runbooks of its services. What does not depend on the instant is built
 * once per view.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DomainInfo,
  formatInstant,
  RotationEntityV1alpha1,
  RUNBOOKS_PER_SUBTEAM,
  SubteamEntityV1alpha1,
  SubteamOnCall,
  SubteamsOnCallResponse, normaliseEntityRef, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import type { CatalogView } from '../state/CatalogSnapshot';
import type { DataInfraState } from '../state/DataInfraState';
import { sizeOf } from '../state/MemoryBudget';
import type { ViewMemo } from '../state/ViewMemo';
import { titleOf } from '../refs';
import { levelsAt } from './escalationLevels';
import { rotationOnCall } from './onCallRoles';

export interface SubteamsOnCallSkeleton {
  subteams: Array<{
    subteam: SubteamEntityV1alpha1;
    rotations: RotationEntityV1alpha1[];
    /** The answer's fields that do not depend on the instant. */
    fixed: Omit<SubteamOnCall, 'rotations' | 'escalation'>;
  }>;
}

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

function byOwner<T extends { metadata: { namespace?: string } }>(
  entities: T[],
  ownerOf: (e: T) => unknown,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entity of entities) {
    const owner = normaliseEntityRef(ownerOf(entity), { defaultKind: 'subteam', defaultNamespace: entity.metadata.namespace });
    if (!owner) continue;
    const list = map.get(owner);
    if (list) list.push(entity);
    else map.set(owner, [entity]);
  }
  return map;
}

export function buildSubteamsOnCall(
  view: CatalogView,
  options: { domains: DomainInfo[]; showContactDetails: boolean },
): SubteamsOnCallSkeleton {
  const rotations = byOwner(view.rotations, r => r.spec.owner);
  const services = byOwner(view.services, s => s.spec.owner);
  // Configured domains in their order; a subteam of an unknown domain last.
  const domainRank = new Map(options.domains.map((d, i) => [d.id, i]));
  const rank = (s: SubteamEntityV1alpha1) => domainRank.get(s.spec.domain) ?? options.domains.length;
  const subteams = [...view.subteams].sort(
    (a, b) => rank(a) - rank(b) || collator.compare(titleOf(a, entityRefOf(a)), titleOf(b, entityRefOf(b))),
  );
  return {
    subteams: subteams.map(subteam => {
      const ref = entityRefOf(subteam);
      const runbooks = (services.get(ref) ?? [])
        .filter(s => typeof s.spec.runbook === 'string' && s.spec.runbook)
        .map(s => ({ ref: entityRefOf(s), title: titleOf(s, entityRefOf(s)), url: s.spec.runbook! }))
        .sort((a, b) => collator.compare(a.title, b.title));
      return {
        subteam,
        rotations: rotations.get(ref) ?? [],
        fixed: {
          ref,
          title: titleOf(subteam, ref),
          domain: subteam.spec.domain,
          ...(subteam.spec.contact && options.showContactDetails ? { contact: subteam.spec.contact } : {}),
          handles: Array.isArray(subteam.spec.handles) ? subteam.spec.handles : [],
          runbooks: runbooks.slice(0, RUNBOOKS_PER_SUBTEAM),
          runbookCount: runbooks.length,
        },
      };
    }),
  };
}

/** GET /oncall/subteams: everything the on-call page shows, in one answer. */
export class SubteamsOnCallPresenter {
  /** The instant-independent part, per view; the subteam and rotation entities it names are counted with the view. */
  readonly #boards: ViewMemo<SubteamsOnCallSkeleton>;

  constructor(private readonly state: DataInfraState) {
    this.#boards = state.perView<SubteamsOnCallSkeleton>((board, view) =>
      sizeOf(board, new Set<object>(view.byRef.values())),
    );
  }

  async present(at: number, credentials: BackstageCredentials): Promise<SubteamsOnCallResponse> {
    const { state } = this;
    const scope = await state.scope(credentials);
    return state.remember(scope, `subteams-oncall|${at}`, async () => {
      const view = await scope.view();
      const board = this.#boards.get(view, 0, () => buildSubteamsOnCall(view, state.config));
      return {
        at: formatInstant(at),
        subteams: board.subteams.map(({ subteam, rotations, fixed }) => {
          const path = subteam.spec.escalation
            ? state.safely(fixed.ref, 'escalation path', () => state.onCall.escalationPath(subteam, at, view.lookup))
            : undefined;
          return {
            ...fixed,
            rotations: rotations.map(r => rotationOnCall(state, r, at, view.people)),
            escalation: path ? { repeat: path.repeat, levels: levelsAt(path, view) } : null,
          };
        }),
      };
    });
  }
}
