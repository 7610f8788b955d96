/*
 * Adds entries to a Rotation's `spec.overrides` in the text of its file,
 * through the yaml library's Document API: comments, key order, quoting and
 * the other documents of a multi-document file are kept as written.
 */
import { InputError } from '@backstage/errors';
import type { RotationOverride } from '@data-infra/backstage-plugin-data-infra-common';
import {
  Document,
  isMap,
  isSeq,
  parseAllDocuments,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

/** Files larger than this are not edited (a Rotation file is a few KB). */
export const MAX_ROTATION_FILE_BYTES = 1024 * 1024;

function sameName(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.toLocaleLowerCase('en-US') === b;
}

/**
 * Returns the file's text with `overrides` appended to the `spec.overrides`
 * of the Rotation named `name` (in `namespace`), and that Rotation as plain
 * data for validation.
 */
export function addOverridesToYaml(
  text: string,
  target: { name: string; namespace: string },
  overrides: RotationOverride[],
): { text: string; rotation: any; before: any } {
  if (Buffer.byteLength(text, 'utf8') > MAX_ROTATION_FILE_BYTES) {
    throw new InputError(
      `rotation: its file is larger than ${MAX_ROTATION_FILE_BYTES} bytes; refusing to edit it`,
    );
  }
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) {
    throw new InputError('rotation: its file holds no YAML documents');
  }
  const name = target.name.toLocaleLowerCase('en-US');
  const namespace = target.namespace.toLocaleLowerCase('en-US');
  const doc = docs.find((d: Document) => {
    if (d.errors.length > 0) return false;
    const kind = d.getIn(['kind']);
    return (
      sameName(kind, 'rotation') &&
      sameName(d.getIn(['metadata', 'name']), name) &&
      sameName(d.getIn(['metadata', 'namespace']) ?? 'default', namespace)
    );
  });
  if (!doc) {
    throw new InputError(
      `rotation: its file has no Rotation named ${target.namespace}/${target.name}`,
    );
  }
  if (!isMap(doc.get('spec'))) {
    throw new InputError('rotation: spec: must be a mapping of fields');
  }
  const before = doc.toJS();
  let list = doc.getIn(['spec', 'overrides'], true);
  if (list === undefined || list === null || (list as any)?.value === null) {
    list = doc.createNode([]) as YAMLSeq;
    doc.setIn(['spec', 'overrides'], list);
  }
  if (!isSeq(list)) {
    throw new InputError('rotation: spec.overrides: must be a list');
  }
  for (const o of overrides) {
    // Keys in the order the seed files write them; date-times quoted as
    // there, so no YAML 1.1 reader takes them for timestamps.
    const entry = new YAMLMap();
    const quoted = (value: string) => {
      const scalar = new Scalar(value);
      scalar.type = 'QUOTE_SINGLE';
      return scalar;
    };
    entry.set('start', quoted(o.start));
    entry.set('end', quoted(o.end));
    entry.set('user', o.user);
    if (o.role) entry.set('role', o.role);
    (list as YAMLSeq).items.push(entry);
  }
  // Block style for the list even when it was written as `[]`.
  (list as YAMLSeq).flow = false;
  const rotation = doc.toJS();
  const out = docs.map(d => d.toString()).join('');
  return { text: out, rotation, before };
}
