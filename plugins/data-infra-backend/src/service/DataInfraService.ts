import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CalendarSubscription } from './calendar/CalendarSubscriptions';
import { ChecksPresenter } from './presenters/checks';
import { EscalationPresenter } from './presenters/escalation';
import { MapPresenter } from './presenters/map';
import { OnCallFilter, OnCallPresenter } from './presenters/oncall';
import { PersonOnCallPresenter } from './presenters/personOnCall';
import { RotationPlanPresenter } from './presenters/rotationPlan';
import { ServiceQuery, ServicesPresenter } from './presenters/services';
import { ShiftsPresenter } from './presenters/shifts';
import { SlaPresenter } from './presenters/sla';
import { SubteamsOnCallPresenter } from './presenters/subteamsOnCall';
import { DataInfraState, DataInfraStateOptions } from './state/DataInfraState';

/**
 * What the routes call: one presenter per route over one state (see
 * README, "How a request flows"). Answers are plain values; how they go
 * over HTTP (ETag, gzip) is the router's business.
 */
export class DataInfraService {
  readonly #state: DataInfraState;
  readonly #oncall: OnCallPresenter;
  readonly #subteams: SubteamsOnCallPresenter;
  readonly #escalation: EscalationPresenter;
  readonly #shifts: ShiftsPresenter;
  readonly #services: ServicesPresenter;
  readonly #map: MapPresenter;
  readonly #checks: ChecksPresenter;
  readonly #sla: SlaPresenter;
  readonly #person: PersonOnCallPresenter;
  readonly #rotationPlan: RotationPlanPresenter;

  constructor(options: DataInfraStateOptions) {
    const state = new DataInfraState(options);
    this.#state = state;
    this.#oncall = new OnCallPresenter(state);
    this.#subteams = new SubteamsOnCallPresenter(state);
    this.#escalation = new EscalationPresenter(state);
    this.#shifts = new ShiftsPresenter(state);
    this.#services = new ServicesPresenter(state);
    this.#map = new MapPresenter(state);
    this.#checks = new ChecksPresenter(state);
    this.#sla = new SlaPresenter(state);
    this.#person = new PersonOnCallPresenter(state);
    this.#rotationPlan = new RotationPlanPresenter(state);
  }

  /** The instant answers for "now" are for, from the state's one clock. */
  now(): number {
    return this.#state.now();
  }

  /** Loads the shared state and the current findings ahead of requests (see DataInfraState.warm). */
  warm(): Promise<void> {
    return this.#state.warm();
  }

  freshness(credentials: BackstageCredentials) {
    return this.#state.freshness(credentials);
  }

  health() {
    return this.#state.health();
  }

  oncall(at: number, credentials: BackstageCredentials, filter: OnCallFilter = {}) {
    return this.#oncall.present(at, credentials, filter);
  }

  subteamsOnCall(at: number, credentials: BackstageCredentials) {
    return this.#subteams.present(at, credentials);
  }

  escalation(entityRef: string, at: number, credentials: BackstageCredentials) {
    return this.#escalation.present(entityRef, at, credentials);
  }

  shifts(rotationRef: string, from: number, to: number, credentials: BackstageCredentials, now: number = Date.now()) {
    return this.#shifts.present(rotationRef, from, to, credentials, now);
  }

  calendar(rotationRef: string, now: number, credentials: BackstageCredentials) {
    return this.#shifts.calendar(rotationRef, now, credentials);
  }

  calendarSubscriptionFacts(rotationRef: string, userRef: string, credentials: BackstageCredentials) {
    return this.#shifts.subscriptionFacts(rotationRef, userRef, credentials);
  }

  calendarFeed(subscription: CalendarSubscription, now: number) {
    return this.#shifts.feed(subscription, now);
  }

  services(query: ServiceQuery, at: number, credentials: BackstageCredentials) {
    return this.#services.present(query, at, credentials);
  }

  map(at: number, credentials: BackstageCredentials) {
    return this.#map.present(at, credentials);
  }

  mapSubteams(query: { domain: string; offset: number; limit: number }, at: number, credentials: BackstageCredentials) {
    return this.#map.subteams(query, at, credentials);
  }

  mapDependencies(entityRef: string, credentials: BackstageCredentials) {
    return this.#map.dependencies(entityRef, credentials);
  }

  checks(entityRef: string | undefined, flat: boolean, credentials: BackstageCredentials) {
    return this.#checks.present(entityRef, flat, credentials);
  }

  sla(entityRef: string, credentials: BackstageCredentials) {
    return this.#sla.present(entityRef, credentials);
  }

  /** One person's shifts in [from, to), the services whose path reaches them at `at`, their covers. */
  personOnCall(userRef: string, window: { at: number; from: number; to: number }, credentials: BackstageCredentials) {
    return this.#person.present(userRef, window, credentials);
  }

  personCalendarSubscriptionFacts(userRef: string, credentials: BackstageCredentials) {
    return this.#person.subscriptionFacts(userRef, credentials);
  }

  /** The personal feed of a subscription whose feed ref is its subscriber. */
  personCalendarFeed(subscription: CalendarSubscription, now: number) {
    return this.#person.feed(subscription, now);
  }

  rotationPlan(at: number, credentials: BackstageCredentials) {
    return this.#rotationPlan.present(at, credentials);
  }
}
