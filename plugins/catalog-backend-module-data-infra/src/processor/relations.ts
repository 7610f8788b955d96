import {
  CompoundEntityRef,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
} from '@backstage/catalog-model';
import { EntityRelationSpec } from '@backstage/plugin-catalog-node';
import {
  DataInfraEntity,
  EscalationPolicy,
  RELATION_CONSUMER_OF,
  RELATION_ESCALATES_FOR,
  RELATION_ESCALATES_TO,
  RELATION_HAS_PARTICIPANT,
  RELATION_PARTICIPATES_IN,
  RELATION_SERVES,
} from '@data-infra/backstage-plugin-data-infra-common';

/**
 * The relations of one of our entities, both directions, in a stable order.
 *
 * The catalog hashes processing output: the same input must give the same
 * relations in the same order, or every refresh re-stitches for nothing.
 * Refs are resolved relative to the entity's own namespace.
 */
export function dataInfraRelations(entity: DataInfraEntity): EntityRelationSpec[] {
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const self = lower({ kind, namespace, name });
  const relations: EntityRelationSpec[] = [];

  const link = (
    refs: string | string[] | undefined,
    defaultKind: string,
    forward: string,
    reverse: string,
  ) => {
    for (const ref of [refs ?? []].flat()) {
      const target = resolve(ref, defaultKind, self.namespace);
      if (!target) continue;
      relations.push({ source: self, type: forward, target });
      relations.push({ source: target, type: reverse, target: self });
    }
  };

  switch (entity.kind) {
    case 'DataService':
      link(entity.spec.owner, 'subteam', RELATION_OWNED_BY, RELATION_OWNER_OF);
      link(entity.spec.dependsOn, 'dataservice', RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
      link(entity.spec.consumers, 'group', RELATION_SERVES, RELATION_CONSUMER_OF);
      link(rotationRefs(entity.spec.escalation), 'rotation', RELATION_ESCALATES_TO, RELATION_ESCALATES_FOR);
      break;
    case 'Subteam':
      link(entity.spec.parent, 'group', RELATION_CHILD_OF, RELATION_PARENT_OF);
      link(entity.spec.members, 'user', RELATION_HAS_MEMBER, RELATION_MEMBER_OF);
      link(entity.spec.stakeholders, 'group', RELATION_SERVES, RELATION_CONSUMER_OF);
      link(rotationRefs(entity.spec.escalation), 'rotation', RELATION_ESCALATES_TO, RELATION_ESCALATES_FOR);
      break;
    case 'Rotation':
      link(entity.spec.owner, 'subteam', RELATION_OWNED_BY, RELATION_OWNER_OF);
      // Participants in their first-listed order, each once.
      link([...new Set(entity.spec.participants)], 'user', RELATION_HAS_PARTICIPANT, RELATION_PARTICIPATES_IN);
      break;
    default:
      break;
  }
  return relations;
}

function rotationRefs(policy: EscalationPolicy | undefined): string[] {
  const refs = (policy?.levels ?? []).flatMap(level =>
    'rotation' in level.target ? [level.target.rotation] : [],
  );
  return [...new Set(refs)];
}

function resolve(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): CompoundEntityRef | undefined {
  try {
    const parsed = parseEntityRef(ref, { defaultKind, defaultNamespace });
    return lower(parsed);
  } catch {
    // The schema already rejected malformed refs; nothing to link.
    return undefined;
  }
}

// Refs in relations are compared case-insensitively by the catalog; we emit
// them lower-cased so the output is the same however the YAML spells them.
function lower(ref: CompoundEntityRef): CompoundEntityRef {
  return {
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace.toLocaleLowerCase('en-US'),
    name: ref.name.toLocaleLowerCase('en-US'),
  };
}
