import type { Entity } from '@backstage/catalog-model';
import type { EscalationTarget } from '../kinds/types';
import type { RotationRole } from '../rotation/types';

/** Finds entities by ref; the caller decides where they come from. @public */
export type EntityLookup = (entityRef: string) => Entity | undefined;

/** A person a level reaches. @public */
export interface EscalationPerson {
  /** User entity ref. */
  user: string;
  /** For rotation targets: the role and the interval the person holds it. */
  role?: RotationRole;
  from?: number;
  until?: number | null;
}

/** One level of an escalation path as it stands at an instant. @public */
export interface EscalationPathLevel {
  /** 0-based position in the policy. */
  index: number;
  /** The ISO duration as written, and in milliseconds. */
  after: string;
  afterMs: number;
  target: EscalationTarget;
  /** rotation | user | subteamLead. */
  via: 'rotation' | 'user' | 'subteamLead';
  /** Normalised ref of the rotation, user or subteam the target names. */
  targetRef: string;
  /** Everyone this level reaches at the instant; empty when nobody. */
  people: EscalationPerson[];
  /** False when the level reaches nobody at the instant (see reason). */
  reachable: boolean;
  /** Why nobody is reached, for a person to act on. */
  reason?: string;
}

/** The escalation path of a DataService or Subteam at an instant. @public */
export interface EscalationPath {
  entityRef: string;
  at: number;
  /** The entity whose spec.escalation is used (the service or its owner subteam). */
  policyRef: string | null;
  inherited: boolean;
  repeat: number;
  levels: EscalationPathLevel[];
  /** Delay until the first level that reaches someone; null when none does. */
  firstReachableAfterMs: number | null;
}
