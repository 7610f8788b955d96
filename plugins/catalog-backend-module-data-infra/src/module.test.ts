import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { startCatalog } from './__testUtils__/startCatalog';
import { subteamMemberRefs } from '@data-infra/backstage-plugin-data-infra-common';

jest.setTimeout(120_000);

const repoCatalog = path.resolve(__dirname, '../../../catalog-info');

function relationTargets(entity: Entity | undefined, type: string): string[] {
  return (entity?.relations ?? []).filter(r => r.type === type).map(r => r.targetRef).sort();
}

/** Every document of ours in catalog-info/, read straight from the files. */
function declaredEntities(kindPattern: RegExp): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(f.name) && !p.includes(`${path.sep}templates${path.sep}`)) {
        for (const doc of fs.readFileSync(p, 'utf8').split(/^---$/m)) {
          const kind = /^kind:\s*(\S+)/m.exec(doc)?.[1];
          const name = /^\s{2}name:\s*(\S+)/m.exec(doc)?.[1];
          if (kind && name && kindPattern.test(kind)) names.push(`${kind.toLowerCase()}:default/${name}`);
        }
      }
    }
  };
  walk(repoCatalog);
  return names.sort();
}

describe('the catalog with the data-infra module, over catalog-info/', () => {
  it('stitches every entity with its relations and no processing errors', async () => {
    const expected = declaredEntities(/^(Subteam|DataService|Rotation|User|Group)$/);
    expect(expected.length).toBeGreaterThan(20);
    const { backend, errors, waitFor } = await startCatalog(path.join(repoCatalog, 'all.yaml'));
    try {
      const entities = await waitFor(
        'filter=kind=subteam,kind=dataservice,kind=rotation,kind=user,kind=group',
        es => es.length >= expected.length && es.every(e => e.relations !== undefined),
      );
      const refs = entities.map(e => `${e.kind.toLowerCase()}:default/${e.metadata.name}`).sort();
      expect(refs).toEqual(expected);
      expect(errors).toEqual([]);

      const byRef = new Map(entities.map(e => [`${e.kind.toLowerCase()}:default/${e.metadata.name}`, e]));
      const kafka = byRef.get('dataservice:default/kafka');
      expect(relationTargets(kafka, 'ownedBy')).toEqual(['subteam:default/data-platform']);
      expect(relationTargets(kafka, 'dependsOn').length).toBeGreaterThan(0);
      // Members see their subteam's membership on their own User entity,
      // whether written as a ref or as { user, since } (the seed writes the latter).
      const platform = byRef.get('subteam:default/data-platform');
      const members = subteamMemberRefs(platform!).slice().sort();
      expect(members).toEqual(['user:default/lukas.weber', 'user:default/priya.raman']);
      expect(relationTargets(platform, 'hasMember')).toEqual(members);
      expect(relationTargets(byRef.get(members[0]), 'memberOf')).toContain('subteam:default/data-platform');
      expect(relationTargets(platform, 'childOf')).toEqual(['group:default/data-infrastructure']);
      expect(relationTargets(byRef.get('group:default/data-infrastructure'), 'parentOf')).toContain('subteam:default/data-platform');
      expect(relationTargets(platform, 'ownerOf')).toContain('dataservice:default/kafka');
      // Every DataService is owned by a Subteam that lists it back.
      for (const service of entities.filter(e => e.kind === 'DataService')) {
        const [owner] = relationTargets(service, 'ownedBy');
        expect(relationTargets(byRef.get(owner), 'ownerOf')).toContain(`dataservice:default/${service.metadata.name}`);
      }
      const rotations = entities.filter(e => e.kind === 'Rotation');
      expect(rotations.length).toBeGreaterThan(0);
      for (const rotation of rotations) {
        expect(relationTargets(rotation, 'ownedBy')).toHaveLength(1);
        expect(relationTargets(rotation, 'hasParticipant')).toEqual([...new Set(rotation.spec?.participants as string[])].sort());
        expect(relationTargets(rotation, 'escalatesFor').length).toBeGreaterThan(0);
      }
    } finally {
      await backend.stop();
    }
  });

  it('keeps every valid entity of a file with an invalid Rotation, and reports the Rotation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-infra-catalog-'));
    const file = path.join(dir, 'mixed.yaml');
    fs.writeFileSync(
      file,
      `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ada }
spec: { memberOf: [] }
---
apiVersion: data-infra.io/v1alpha1
kind: Subteam
metadata: { name: streaming }
spec: { domain: data-platform, parent: group:default/data-infrastructure, members: [user:default/ada] }
---
apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata: { name: weekly }
spec: { owner: subteam:default/streaming, timezone: Europe/Berlin, start: '2026-01-05T09:00', shiftLength: weekly, participants: [user:default/ada] }
---
apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata: { name: schema-registry }
spec: { type: streaming, lifecycle: production, owner: subteam:default/streaming }
`,
    );
    const { backend, errors, waitFor } = await startCatalog(file);
    try {
      const entities = await waitFor(
        'filter=kind=subteam,kind=dataservice,kind=user,kind=rotation',
        es => es.length >= 3,
      );
      expect(entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
        'DataService:schema-registry',
        'Subteam:streaming',
        'User:ada',
      ]);
      const deadline = Date.now() + 30_000;
      while (errors.length < 1 && Date.now() < deadline) await new Promise(r => setTimeout(r, 250));
      expect(errors.map(e => e.message).join('\n')).toContain(
        'rotation:default/weekly: spec.shiftLength: must be an ISO-8601 duration like P1W or PT15M, got "weekly"',
      );
    } finally {
      await backend.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("this repository's catalog rules (app-config.yaml): who may define whom", () => {
  const rules = parse(fs.readFileSync(path.resolve(__dirname, '../../../app-config.yaml'), 'utf8')).catalog.rules;

  it('take Subteams and Rotations only from catalog-info/all.yaml, and DataServices from anywhere', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-infra-rules-'));
    // A registered location (like catalog-info/registered/) claiming a team and an on-call rotation.
    const claims = path.join(dir, 'claims.yaml');
    fs.writeFileSync(
      claims,
      `apiVersion: data-infra.io/v1alpha1
kind: Subteam
metadata: { name: intruders }
spec: { domain: data-platform, parent: group:default/data-infrastructure, members: [user:default/lukas.weber] }
`,
    );
    const rotation = path.join(dir, 'rotation.yaml');
    fs.writeFileSync(
      rotation,
      `apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata: { name: hijacked-oncall }
spec: { owner: subteam:default/data-platform, timezone: Europe/Berlin, start: '2026-01-05T09:00', shiftLength: P1W, participants: [user:default/lukas.weber] }
`,
    );
    const service = path.join(dir, 'service.yaml');
    fs.writeFileSync(
      service,
      `apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata: { name: team-registered }
spec: { type: streaming, lifecycle: experimental, owner: subteam:default/data-platform }
`,
    );
    const { backend, errors, waitFor, query } = await startCatalog([path.join(repoCatalog, 'all.yaml'), claims, rotation, service], {}, rules);
    try {
      // The DataService from elsewhere, and the organisation's own Subteams and Rotations.
      await waitFor('filter=kind=dataservice,metadata.name=team-registered', es => es.length === 1);
      const ours = await waitFor('filter=kind=subteam,kind=rotation', es => es.length >= declaredEntities(/^(Subteam|Rotation)$/).length);
      expect(ours.map(e => `${e.kind.toLowerCase()}:default/${e.metadata.name}`).sort()).toEqual(declaredEntities(/^(Subteam|Rotation)$/));
      const deadline = Date.now() + 30_000;
      while (errors.length < 2 && Date.now() < deadline) await new Promise(r => setTimeout(r, 250));
      expect((await query('filter=metadata.name=intruders,metadata.name=hijacked-oncall')).map(e => e.metadata.name)).toEqual([]);
      const refused = errors.map(e => e.message).join('\n');
      expect(refused).toContain(`Entity subteam:default/intruders at file:${claims}, originated at file:${claims}, is not of an allowed kind for that location`);
      expect(refused).toContain(`Entity rotation:default/hijacked-oncall at file:${rotation}, originated at file:${rotation}, is not of an allowed kind for that location`);
    } finally {
      await backend.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
