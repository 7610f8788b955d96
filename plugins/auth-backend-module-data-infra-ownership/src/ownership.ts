import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AuthOwnershipResolver } from '@backstage/plugin-auth-node';

/** Kinds whose members own what they own. */
const OWNING_KINDS = new Set(['group', 'subteam']);

/**
 * Backstage's default ownership: the user and the Groups it is a member of.
 * Subteams own DataServices and Rotations, so members of a Subteam must own
 * them too, or "Owned" in the catalog shows a subteam member nothing of
 * theirs. The Subteam's `hasMember` relation gives the user a `memberOf`
 * relation to it; we count it like a Group membership.
 *
 * @public
 */
export const dataInfraOwnershipResolver: AuthOwnershipResolver = {
  async resolveOwnershipEntityRefs(entity: Entity) {
    const memberships = (entity.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef)
      .filter(ref => OWNING_KINDS.has(parseEntityRef(ref).kind.toLocaleLowerCase('en-US')));
    return {
      ownershipEntityRefs: [...new Set([stringifyEntityRef(entity), ...memberships])],
    };
  },
};
