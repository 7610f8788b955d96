import type { Entity } from '@backstage/catalog-model';
import type {
  OnCallAssignment,
  OnCallRole,
  PersonSummary,
} from '@data-infra/backstage-plugin-data-infra-common';
import { formatInstant } from '@data-infra/backstage-plugin-data-infra-common';
import { titleOf } from '../refs';

/**
 * Turns User entities into what responses show about a person. A user the
 * caller may not read still appears by ref (the rotation or subteam the
 * caller can read names them), but without display name or e-mail.
 */
export class PeopleDirectory {
  constructor(
    private readonly entities: Map<string, Entity>,
    private readonly showContactDetails: boolean,
  ) {}

  person(ref: string): PersonSummary {
    const entity = this.entities.get(ref.toLocaleLowerCase('en-US'));
    const profile = (entity?.spec as any)?.profile ?? {};
    const summary: PersonSummary = {
      ref,
      displayName: String(profile.displayName ?? titleOf(entity, ref)),
    };
    if (this.showContactDetails && typeof profile.email === 'string') {
      summary.email = profile.email;
    }
    return summary;
  }

  /** The refs of the people this directory can describe (lower-cased). */
  refs(): string[] {
    return [...this.entities.keys()];
  }

  /** A group's (or any entity's) ref and title. */
  named(ref: string): { ref: string; title: string } {
    return { ref, title: titleOf(this.entities.get(ref), ref) };
  }

  onCall(assignments: OnCallAssignment[]): OnCallRole[] {
    return assignments.map(a => ({
      role: a.role,
      user: this.person(a.user),
      from: formatInstant(a.from),
      until: a.until === null ? null : formatInstant(a.until),
    }));
  }
}
