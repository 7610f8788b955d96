/*
 * A rotation's shifts: GET /rotations/:ns/:name/shifts, its iCalendar feed,
 * and what a calendar subscription may show.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotFoundError } from '@backstage/errors';
import {
  formatInstant,
  isRotationEntity,
  RotationEntityV1alpha1,
  rotationShifts,
  ShiftsResponse, normaliseEntityRef, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import { buildCalendar, CALENDAR_AHEAD_MS, CALENDAR_PAST_MS, wholeShifts } from '../calendar/calendar';
import type { CalendarSubscription } from '../calendar/CalendarSubscriptions';
import { referencedRefs } from '../references';
import { presentLoad } from './load';
import { titleOf } from '../refs';
import type { DataInfraState } from '../state/DataInfraState';
import { PeopleDirectory } from '../state/people';
import type { Scope } from '../state/scopes';

/** More shifts than this in one /shifts answer sets `truncated`. */
const MAX_SHIFTS = 5000;

export class ShiftsPresenter {
  constructor(private readonly state: DataInfraState) {}

  async #rotation(rotationRef: string, scope: Scope) {
    const rotation = (await scope.byRefs([rotationRef])).get(rotationRef);
    if (!rotation || !isRotationEntity(rotation)) {
      throw new NotFoundError(`No Rotation ${rotationRef}`);
    }
    return rotation;
  }

  /** The people a rotation names, as the scope may read them (and, with `visible`, only those). */
  async #peopleOf(rotation: RotationEntityV1alpha1, scope: Scope, visible?: Set<string>) {
    const refs = [...referencedRefs([rotation])].filter(r => r.startsWith('user:') && (!visible || visible.has(r)));
    const people = await scope.people(refs);
    return new PeopleDirectory(people, this.state.config.showContactDetails);
  }

  #shifts(rotation: RotationEntityV1alpha1, from: number, to: number) {
    try {
      return rotationShifts(rotation, from, to, { maxShifts: MAX_SHIFTS });
    } catch (error) {
      this.state.logger.error(`data-infra: shifts failed for ${entityRefOf(rotation)}: ${error}`, {
        entityRef: entityRefOf(rotation),
      });
      throw error;
    }
  }

  /** The shifts in [from, to), and the load over the next 4 and 13 weeks from `now`. */
  async present(
    rotationRef: string,
    from: number,
    to: number,
    credentials: BackstageCredentials,
    now: number,
  ): Promise<ShiftsResponse> {
    const scope = await this.state.scope(credentials);
    const rotation = await this.#rotation(rotationRef, scope);
    const people = await this.#peopleOf(rotation, scope);
    const { shifts, truncated } = this.#shifts(rotation, from, to);
    return {
      rotationRef,
      timezone: rotation.spec.timezone,
      from: formatInstant(from),
      to: formatInstant(to),
      truncated,
      participants: [
        ...new Set((rotation.spec.participants ?? []).map(p => normaliseEntityRef(p, { defaultKind: 'user', defaultNamespace: rotation.metadata.namespace }))),
      ]
        .filter((p): p is string => !!p)
        .map(p => people.person(p)),
      shifts: shifts.map(s => ({
        role: s.role,
        user: people.person(s.user),
        start: formatInstant(s.start),
        end: formatInstant(s.end),
        source: s.source,
      })),
      load: presentLoad(rotation, now, people),
    };
  }

  /**
   * The feed covers five weeks back and eight weeks ahead of `now`. With
   * `visible`, people outside it are not named (see feed).
   */
  async calendar(rotationRef: string, now: number, credentials: BackstageCredentials, visible?: Set<string>) {
    const scope = await this.state.scope(credentials);
    const rotation = await this.#rotation(rotationRef, scope);
    // Someone outside `visible` appears as for a caller who cannot read them.
    const people = await this.#peopleOf(rotation, scope, visible);
    const from = now - CALENDAR_PAST_MS;
    const to = now + CALENDAR_AHEAD_MS;
    const { shifts } = this.#shifts(rotation, from, to);
    return buildCalendar({
      rotationRef,
      rotationTitle: titleOf(rotation, rotationRef),
      timezone: rotation.spec.timezone,
      shifts: wholeShifts(shifts, from, to),
      person: ref => people.person(ref),
      from,
      to,
    });
  }

  /**
   * What a subscription made now by this caller may show (`visibleRefs`:
   * undefined when the caller may read the whole catalog, else the rotation
   * and the people it names that the caller can read), and whether the
   * caller has a User entity. 404 when the caller cannot read the rotation.
   */
  async subscriptionFacts(
    rotationRef: string,
    userRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ visibleRefs?: Set<string>; userInCatalog: boolean }> {
    const scope = await this.state.scope(credentials);
    const rotation = await this.#rotation(rotationRef, scope);
    const own = await this.state.ownScope();
    const userInCatalog = (await own.people([userRef])).has(userRef);
    if (scope.everything) return { userInCatalog };
    const people = await this.#peopleOf(rotation, scope);
    return { visibleRefs: new Set([rotationRef, ...people.refs()]), userInCatalog };
  }

  /**
   * A subscription's feed, fetched with no Backstage token: read with the
   * plugin's own credentials and limited to what the subscriber could read
   * when subscribing. A subscriber whose User entity has gone since gets
   * nothing (one who never had one, like the development guest, keeps it).
   */
  async feed(subscription: CalendarSubscription, now: number) {
    const ownCredentials = await this.state.ownCredentials();
    const scope = await this.state.scope(ownCredentials);
    if (subscription.userInCatalog && !(await scope.people([subscription.userRef])).has(subscription.userRef)) {
      throw new AuthenticationError('This calendar link belongs to a user who is no longer in the catalog');
    }
    if (subscription.visibleRefs && !subscription.visibleRefs.has(subscription.feedRef)) {
      throw new NotFoundError(`No Rotation ${subscription.feedRef}`);
    }
    return this.calendar(subscription.feedRef, now, ownCredentials, subscription.visibleRefs);
  }
}
