import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';

/**
 * Normalises a ref the way the catalog does (kind and namespace defaults,
 * lower case), so 'kafka', 'DataService:kafka' and 'dataservice:default/kafka'
 * compare equal. Undefined when the string is not a ref at all.
 */
export function normaliseRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string | undefined {
  return normaliseEntityRef(ref, defaults);
}

/** The normalised ref of an entity as it appears in the catalog. */
export function refOf(entity: { kind: string; metadata: { name: string; namespace?: string } }): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata?.namespace ?? 'default',
    name: entity.metadata?.name,
  }).toLocaleLowerCase('en-US');
}

/** A reference an entity makes, at the field where it is written. */
export interface EntityReference {
  path: string;
  ref: string;
  /** The kind the field defaults to and must point at. */
  kind: string;
}

type Spec = Record<string, any>;

function escalationRefs(spec: Spec, push: (path: string, value: unknown, kind: string) => void) {
  (spec.escalation?.levels ?? []).forEach((level: any, i: number) => {
    const base = `spec.escalation.levels[${i}].target`;
    push(`${base}.rotation`, level?.target?.rotation, 'rotation');
    push(`${base}.user`, level?.target?.user, 'user');
    push(`${base}.subteamLead`, level?.target?.subteamLead, 'subteam');
  });
}

/**
 * Every reference one of our kinds makes (Subteam, DataService, Rotation),
 * with the kind it must resolve to. Standard kinds are left to the catalog:
 * adopters often load their Users and Groups from elsewhere (LDAP, GitHub).
 */
export function referencesOf(entity: Entity): EntityReference[] {
  const spec: Spec = (entity.spec as Spec) ?? {};
  const refs: EntityReference[] = [];
  const push = (path: string, value: unknown, kind: string) => {
    if (typeof value === 'string' && value) refs.push({ path, ref: value, kind });
  };
  const pushAll = (path: string, values: unknown, kind: string) => {
    if (Array.isArray(values)) values.forEach((v, i) => push(`${path}[${i}]`, v, kind));
  };
  switch (entity.kind?.toLocaleLowerCase('en-US')) {
    case 'subteam':
      push('spec.parent', spec.parent, 'group');
      pushAll('spec.members', spec.members, 'user');
      push('spec.lead', spec.lead, 'user');
      pushAll('spec.stakeholders', spec.stakeholders, 'group');
      escalationRefs(spec, push);
      break;
    case 'dataservice':
      push('spec.owner', spec.owner, 'subteam');
      pushAll('spec.dependsOn', spec.dependsOn, 'dataservice');
      pushAll('spec.consumers', spec.consumers, 'group');
      escalationRefs(spec, push);
      break;
    case 'rotation':
      push('spec.owner', spec.owner, 'subteam');
      pushAll('spec.participants', spec.participants, 'user');
      (spec.overrides ?? []).forEach((o: any, i: number) => push(`spec.overrides[${i}].user`, o?.user, 'user'));
      break;
    default:
  }
  return refs;
}
