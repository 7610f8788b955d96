/*
 * GET /people/:namespace/:name/oncall ("My on-call"): one person's shifts
 * across every rotation, the services whose escalation path reaches them
 * now and at which level, and the overrides they cover or are covered by;
 * and the personal calendar feed of their shifts.
 *
 * The work of a request is bounded by what concerns the person: the
 * rotations that name them and the policies that could reach them come
 * from an index built once per catalog view (personIndex.ts); each such
 * policy's path is computed once, through the cached OnCallResolver, for
 * all the services that use it.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import {
  formatInstant,
  PERSON_COVER_LOOKBACK_DAYS,
  PERSON_MAX_COVERS,
  PERSON_MAX_ESCALATIONS,
  PERSON_MAX_SHIFTS,
  PersonCover,
  PersonEscalation,
  PersonOnCallResponse,
  RotationEntityV1alpha1,
  RotationName,
  RotationShift,
  rotationShifts,
  entityRefOf,
  normaliseEntityRef,
} from '@data-infra/backstage-plugin-data-infra-common';
import { buildShiftCalendar, CALENDAR_AHEAD_MS, CALENDAR_PAST_MS, wholeShifts } from '../calendar/calendar';
import type { CalendarSubscription } from '../calendar/CalendarSubscriptions';
import { titleOf } from '../refs';
import type { CatalogView } from '../state/CatalogSnapshot';
import type { DataInfraState } from '../state/DataInfraState';
import { PeopleDirectory } from '../state/people';
import type { Scope } from '../state/scopes';
import type { ViewMemo } from '../state/ViewMemo';
import { levelsAt } from './escalationLevels';
import { buildPersonIndex, PersonIndex } from './personIndex';

const DAY = 24 * 3600_000;
/** Per rotation and window, as /shifts: enough for 13 weeks of the shortest shifts. */
const MAX_ROTATION_SHIFTS = 5000;

const rotationName = (rotation: RotationEntityV1alpha1): RotationName => {
  const ref = entityRefOf(rotation);
  return { ref, title: titleOf(rotation, ref), timezone: rotation.spec.timezone };
};

/** The same rotation without its overrides: whom the schedule alone puts on call. Kept per entity object. */
const scheduleOnly = new WeakMap<RotationEntityV1alpha1, RotationEntityV1alpha1>();
function withoutOverrides(rotation: RotationEntityV1alpha1): RotationEntityV1alpha1 {
  let bare = scheduleOnly.get(rotation);
  if (!bare) {
    bare = { ...rotation, spec: { ...rotation.spec, overrides: [] } };
    scheduleOnly.set(rotation, bare);
  }
  return bare;
}

/** A cover stretch before it is shown: refs and instants. */
interface CoverStretch {
  rotation: RotationEntityV1alpha1;
  role: RotationShift['role'];
  start: number;
  end: number;
  by: string;
  for: string | null;
}

export class PersonOnCallPresenter {
  readonly #index: ViewMemo<PersonIndex>;

  constructor(private readonly state: DataInfraState) {
    this.#index = state.perView<PersonIndex>(index => index.estimatedBytes);
  }

  #indexOf(view: CatalogView): PersonIndex {
    return this.#index.get(view, 0, () => buildPersonIndex(view));
  }

  async present(
    userRef: string,
    window: { at: number; from: number; to: number },
    credentials: BackstageCredentials,
  ): Promise<PersonOnCallResponse> {
    const scope = await this.state.scope(credentials);
    const { at, from, to } = window;
    return this.state.remember(scope, `person|${userRef}|${at}|${from}|${to}`, () =>
      this.#answer(userRef, window, scope, credentials),
    );
  }

  async #answer(
    userRef: string,
    { at, from, to }: { at: number; from: number; to: number },
    scope: Scope,
    credentials: BackstageCredentials,
  ): Promise<PersonOnCallResponse> {
    const view = await scope.view();
    const index = this.#indexOf(view);
    // Read from the catalog: the person may be named by none of our entities.
    const found = await this.state.readPeople([userRef], credentials);
    const person = new PeopleDirectory(found, this.state.config.showContactDetails).person(userRef);
    const rotations = index
      .rotationsOf(userRef)
      .slice()
      .sort((a, b) => titleOf(a, entityRefOf(a)).localeCompare(titleOf(b, entityRefOf(b)), 'en'));

    const { shifts, truncated } = this.#shiftsOf(userRef, rotations, from, to);
    const escalations = this.#escalationsOf(userRef, index, view, at);
    const covers = this.#coversOf(userRef, rotations, from - PERSON_COVER_LOOKBACK_DAYS * DAY, to);
    const people = view.people;
    return {
      person,
      inCatalog: found.has(userRef),
      at: formatInstant(at),
      from: formatInstant(from),
      to: formatInstant(to),
      rotations: rotations.map(rotationName),
      shifts: shifts.map(({ rotation, shift }) => ({
        rotation: rotationName(rotation),
        role: shift.role,
        start: formatInstant(shift.start),
        end: formatInstant(shift.end),
        source: shift.source,
      })),
      truncated,
      escalations: escalations.slice(0, PERSON_MAX_ESCALATIONS),
      escalationCount: escalations.length,
      covers: covers.slice(0, PERSON_MAX_COVERS).map(
        (c): PersonCover => ({
          rotation: rotationName(c.rotation),
          role: c.role,
          start: formatInstant(c.start),
          end: formatInstant(c.end),
          by: people.person(c.by),
          for: c.for ? people.person(c.for) : null,
          mine: c.by === userRef ? 'covering' : 'covered',
        }),
      ),
      coversTruncated: covers.length > PERSON_MAX_COVERS,
    };
  }

  /**
   * The person's shifts in [from, to) in each rotation, by start. The shift
   * under way at `from` keeps its real start (when the person took the
   * role), as the cached resolver knows it; its end is clipped to `to`.
   */
  #shiftsOf(userRef: string, rotations: RotationEntityV1alpha1[], from: number, to: number) {
    const { state } = this;
    const mine: Array<{ rotation: RotationEntityV1alpha1; shift: RotationShift }> = [];
    let truncated = false;
    for (const rotation of rotations) {
      const ref = entityRefOf(rotation);
      const all = state.safely(ref, 'shifts', () => rotationShifts(rotation, from, to, { maxShifts: MAX_ROTATION_SHIFTS }));
      if (!all) continue;
      truncated ||= all.truncated;
      for (const shift of all.shifts) {
        if (shift.user !== userRef) continue;
        let start = shift.start;
        if (start === from) {
          const held = state
            .safely(ref, 'on-call', () => state.onCall.assignments(rotation, from))
            ?.find(a => a.role === shift.role && a.user === userRef);
          if (held && held.from < start) start = held.from;
        }
        mine.push({ rotation, shift: { ...shift, start } });
      }
    }
    mine.sort((a, b) => a.shift.start - b.shift.start || a.shift.role.localeCompare(b.shift.role));
    if (mine.length > PERSON_MAX_SHIFTS) return { shifts: mine.slice(0, PERSON_MAX_SHIFTS), truncated: true };
    return { shifts: mine, truncated };
  }

  /**
   * Every service whose path at `at` reaches the person, with the levels
   * that do, by the first such level then title. One path per policy: the
   * services of a policy group share its levels.
   */
  #escalationsOf(userRef: string, index: PersonIndex, view: CatalogView, at: number): PersonEscalation[] {
    const { state } = this;
    const out: PersonEscalation[] = [];
    for (const group of index.policiesOf(userRef)) {
      const representativeRef = entityRefOf(group.representative);
      const path = state.safely(representativeRef, 'escalation path', () =>
        state.onCall.escalationPath(group.representative, at, view.lookup),
      );
      if (!path) continue;
      const levels = levelsAt(path, view).filter(l =>
        l.people.some(p => p.ref.toLocaleLowerCase('en-US') === userRef),
      );
      if (levels.length === 0) continue;
      for (const service of group.services) {
        const ref = entityRefOf(service);
        const ownerRef = normaliseEntityRef(service.spec.owner, {
          defaultKind: 'subteam',
          defaultNamespace: service.metadata.namespace,
        });
        const owner = ownerRef ? view.byRef.get(ownerRef) : undefined;
        out.push({
          service: {
            ref,
            title: titleOf(service, ref),
            ...(typeof service.spec.tier === 'number' ? { tier: service.spec.tier } : {}),
          },
          owner: owner && ownerRef ? { ref: ownerRef, title: titleOf(owner, ownerRef) } : null,
          policyRef: path.policyRef,
          inherited: path.inherited,
          levelCount: path.levels.length,
          levels,
        });
      }
    }
    return out.sort(
      (a, b) =>
        a.levels[0].index - b.levels[0].index ||
        a.service.title.localeCompare(b.service.title, 'en') ||
        (a.service.ref < b.service.ref ? -1 : 1),
    );
  }

  /**
   * The stretches in [from, to) where an override puts someone in a role
   * other than whom the schedule alone would: kept when the person is the
   * one covering or the one covered. Read from the shifts with and without
   * the overrides, so the last override wins where they overlap, exactly
   * as on-call is computed.
   */
  #coversOf(userRef: string, rotations: RotationEntityV1alpha1[], from: number, to: number): CoverStretch[] {
    const out: CoverStretch[] = [];
    for (const rotation of rotations) {
      if (!Array.isArray(rotation.spec.overrides) || rotation.spec.overrides.length === 0) continue;
      const ref = entityRefOf(rotation);
      const stretches = this.state.safely(ref, 'covers', () => coverStretches(rotation, from, to));
      for (const c of stretches ?? []) {
        if (c.by === userRef || c.for === userRef) out.push(c);
      }
    }
    return out.sort((a, b) => a.start - b.start || a.role.localeCompare(b.role));
  }

  /**
   * The personal feed of a subscription whose feed ref is its subscriber:
   * their shifts in every rotation, five weeks back and eight ahead (as a
   * rotation's feed), read with the plugin's own credentials and limited to
   * the rotations (and people) the subscriber could read when subscribing.
   */
  async feed(subscription: CalendarSubscription, now: number): Promise<string> {
    const ownCredentials = await this.state.ownCredentials();
    const scope = await this.state.scope(ownCredentials);
    const userRef = subscription.userRef;
    const found = await this.state.readPeople([userRef], ownCredentials);
    if (subscription.userInCatalog && !found.has(userRef)) {
      throw new AuthenticationError('This calendar link belongs to a user who is no longer in the catalog');
    }
    const view = await scope.view();
    const visible = subscription.visibleRefs;
    const rotations = this.#indexOf(view)
      .rotationsOf(userRef)
      .filter(r => !visible || visible.has(entityRefOf(r)))
      .sort((a, b) => (entityRefOf(a) < entityRefOf(b) ? -1 : 1));
    const from = now - CALENDAR_PAST_MS;
    const to = now + CALENDAR_AHEAD_MS;
    const shifts = rotations.flatMap(rotation => {
      const all = this.state.safely(entityRefOf(rotation), 'shifts', () =>
        rotationShifts(rotation, from, to, { maxShifts: MAX_ROTATION_SHIFTS }),
      );
      const name = rotationName(rotation);
      return wholeShifts(all?.shifts ?? [], from, to)
        .filter(s => s.user === userRef)
        .map(shift => ({ rotation: name, shift }));
    });
    const people = visible
      ? new PeopleDirectory(new Map([...view.byRef].filter(([ref]) => visible.has(ref))), this.state.config.showContactDetails)
      : view.people;
    // The subscriber's own name, whether or not our entities name them.
    const me = new PeopleDirectory(found, false).person(userRef);
    return buildShiftCalendar({
      name: `${me.displayName} on-call`,
      timezone: rotations[0]?.spec.timezone ?? 'UTC',
      shifts,
      person: ref => people.person(ref),
      from,
      to,
    });
  }

  /**
   * What a personal subscription made now by this caller may show:
   * undefined when the caller may read the whole catalog, else the
   * rotations that name them and the people those name, as the caller can
   * read them; and whether the caller has a User entity.
   */
  async subscriptionFacts(
    userRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ visibleRefs?: Set<string>; userInCatalog: boolean }> {
    const scope = await this.state.scope(credentials);
    const own = await this.state.ownCredentials();
    const userInCatalog = (await this.state.readPeople([userRef], own)).has(userRef);
    if (scope.everything) return { userInCatalog };
    const view = await scope.view(['subteam', 'rotation']);
    const rotations = this.#indexOf(view).rotationsOf(userRef);
    return {
      visibleRefs: new Set([...rotations.map(entityRefOf), ...view.people.refs().filter(r => r.startsWith('user:'))]),
      userInCatalog,
    };
  }
}

/**
 * Where a rotation's overrides change who holds a role, in [from, to):
 * each stretch in which the actual holder (an override's) differs from the
 * schedule's, with both.
 */
function coverStretches(rotation: RotationEntityV1alpha1, from: number, to: number): CoverStretch[] {
  const actual = rotationShifts(rotation, from, to, { maxShifts: MAX_ROTATION_SHIFTS }).shifts;
  const scheduled = rotationShifts(withoutOverrides(rotation), from, to, { maxShifts: MAX_ROTATION_SHIFTS }).shifts;
  const out: CoverStretch[] = [];
  const push = (c: CoverStretch) => {
    const last = out[out.length - 1];
    if (last && last.role === c.role && last.by === c.by && last.for === c.for && last.end === c.start) last.end = c.end;
    else out.push(c);
  };
  for (const shift of actual) {
    if (shift.source !== 'override') continue;
    // Walk the shift, taking from the schedule whoever it puts there.
    let cursor = shift.start;
    const overlapping = scheduled.filter(s => s.role === shift.role && s.start < shift.end && s.end > shift.start);
    for (const s of overlapping) {
      const start = Math.max(s.start, shift.start);
      const end = Math.min(s.end, shift.end);
      if (cursor < start) push({ rotation, role: shift.role, start: cursor, end: start, by: shift.user, for: null });
      if (s.user !== shift.user) push({ rotation, role: shift.role, start, end, by: shift.user, for: s.user });
      cursor = end;
    }
    if (cursor < shift.end) push({ rotation, role: shift.role, start: cursor, end: shift.end, by: shift.user, for: null });
  }
  return out;
}
