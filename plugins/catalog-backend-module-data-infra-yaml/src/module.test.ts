import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { startCatalog } from './__testUtils__/startCatalog';
import catalogModuleDataInfraYaml from './index';

jest.setTimeout(120_000);

/** A User, a Subteam, a broken document, an invalid Rotation and a DataService, in one file. */
const MIXED = `apiVersion: backstage.io/v1alpha1
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
kind: DataService
metadata:
  name: kafka
  description: [this document is broken
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
`;

const FILTER = 'filter=kind=subteam,kind=dataservice,kind=user,kind=rotation';

describe('the catalog with the tolerant YAML parser (and the data-infra kinds module)', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-infra-yaml-'));
    file = path.join(dir, 'mixed.yaml');
    fs.writeFileSync(file, MIXED);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every valid entity of a file with a broken YAML document and an invalid Rotation, and reports both', async () => {
    const { backend, errors, query, until } = await startCatalog(file, [catalogModuleDataInfraYaml]);
    try {
      await until('the valid entities', async () => (await query(FILTER)).length >= 3);
      expect((await query(FILTER)).map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
        'DataService:schema-registry',
        'Subteam:streaming',
        'User:ada',
      ]);
      await until('both errors', () => errors.length >= 2);
      const messages = errors.join('\n');
      expect(messages).toContain(
        `YAML error at file:${file}: 1 document could not be read and was skipped; the others were read. document 3 (from line 11)`,
      );
      expect(messages).toContain('rotation:default/weekly: spec.shiftLength: must be an ISO-8601 duration like P1W or PT15M, got "weekly"');
    } finally {
      await backend.stop();
    }
  });

  it("without it (Backstage's own parser), the same file's valid entities stay out of the catalog", async () => {
    const { backend, errors, query, until } = await startCatalog(file);
    try {
      await until('the location error', () => errors.some(e => e.includes('YAML error')));
      // A few more processing passes (one a second) ingest nothing of the file.
      await new Promise(resolve => setTimeout(resolve, 3_000));
      expect(await query(FILTER)).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('cannot be combined with another entity-data parser: the catalog refuses to start ("Only one can be set")', async () => {
    const otherParser = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'test-other-parser',
      register({ registerInit }) {
        registerInit({
          deps: { model: catalogModelExtensionPoint },
          async init({ model }) {
            model.setEntityDataParser(async function* parse() {});
          },
        });
      },
    });
    await expect(startCatalog(file, [catalogModuleDataInfraYaml, otherParser])).rejects.toThrow(/Only one can be set/);
  });
});
