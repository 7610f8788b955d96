import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPublishLocalAction } from './publishLocal';

const yaml = `apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata:
  name: lineage-api
spec:
  type: metadata
  lifecycle: production
  owner: subteam:default/data-engineering
`;

describe('data-infra:publish:local', () => {
  const mockDir = createMockDirectory();
  let published: string;
  let workspacePath: string;

  beforeEach(async () => {
    mockDir.setContent({
      workspace: { 'catalog-info.yaml': yaml },
      published: {},
    });
    workspacePath = mockDir.resolve('workspace');
    published = mockDir.resolve('published');
  });

  function setup(
    localDirectory: string | null = published,
    configLocations?: object[],
  ) {
    const catalog = catalogServiceMock.mock({
      getEntities: jest.fn().mockResolvedValue({
        items: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Location',
            metadata: { name: 'generated-abc', namespace: 'default' },
            spec: { type: 'file', target: path.join(published, '*.yaml') },
          },
        ],
      }),
      refreshEntity: jest.fn().mockResolvedValue(undefined),
      addLocation: jest.fn(),
    });
    const config = mockServices.rootConfig({
      data: {
        ...(localDirectory
          ? { dataInfra: { registration: { localDirectory } } }
          : {}),
        ...(configLocations ? { catalog: { locations: configLocations } } : {}),
      },
    });
    return { catalog, action: createPublishLocalAction({ config, catalog }) };
  }

  it('copies the file to <dir>/<name>.yaml and refreshes the location that reads the folder', async () => {
    const { catalog, action } = setup();
    const ctx = createMockActionContext({ input: {}, workspacePath });
    await action.handler(ctx);
    const target = path.join(published, 'lineage-api.yaml');
    await expect(fs.readFile(target, 'utf8')).resolves.toBe(yaml);
    expect(ctx.output).toHaveBeenCalledWith('catalogInfoPath', target);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'dataservice:default/lineage-api',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'locationRef',
      'location:default/generated-abc',
    );
    expect(catalog.refreshEntity).toHaveBeenCalledWith(
      'location:default/generated-abc',
      expect.anything(),
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });

  it('refreshes the configured location that globs the folder, even before it matched a file', async () => {
    const target = path.join(published, '*.yaml');
    const { catalog, action } = setup(published, [
      { type: 'file', target: mockDir.resolve('elsewhere/*.yaml') },
      { type: 'file', target },
    ]);
    const ctx = createMockActionContext({ input: {}, workspacePath });
    await action.handler(ctx);
    const ref = `location:default/${locationSpecToMetadataName({
      type: 'file',
      target,
    })}`;
    expect(catalog.refreshEntity).toHaveBeenCalledWith(ref, expect.anything());
    expect(ctx.output).toHaveBeenCalledWith('locationRef', ref);
    expect(catalog.getEntities).not.toHaveBeenCalled();
  });

  it('refuses to overwrite an existing file', async () => {
    const { action } = setup();
    await fs.writeFile(path.join(published, 'lineage-api.yaml'), 'keep me');
    const ctx = createMockActionContext({ input: {}, workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow(
      /Refusing to overwrite .*lineage-api\.yaml/,
    );
    await expect(
      fs.readFile(path.join(published, 'lineage-api.yaml'), 'utf8'),
    ).resolves.toBe('keep me');
  });

  it.each(['../escape', 'a/b', 'a\\b', '..', '/etc/passwd'])(
    'refuses the name %j',
    async name => {
      const { action } = setup();
      const ctx = createMockActionContext({ input: { name }, workspacePath });
      await expect(action.handler(ctx)).rejects.toThrow(/Refusing to publish/);
      await expect(fs.readdir(published)).resolves.toEqual([]);
      await expect(fs.readdir(mockDir.path)).resolves.toEqual(
        expect.not.arrayContaining(['escape.yaml']),
      );
    },
  );

  it('refuses a path traversal in the entity name too', async () => {
    const { action } = setup();
    await fs.writeFile(
      path.join(workspacePath, 'catalog-info.yaml'),
      yaml.replace('name: lineage-api', 'name: ../../x'),
    );
    const ctx = createMockActionContext({ input: {}, workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow(/Refusing to publish/);
  });

  it('is an InputError when the folder is not configured', async () => {
    const { action } = setup(null);
    const ctx = createMockActionContext({ input: {}, workspacePath });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'dataInfra.registration.localDirectory is not configured',
      ),
    });
  });

  it('falls back to a file location, and explains when the catalog refuses it', async () => {
    const { catalog, action } = setup();
    catalog.getEntities.mockResolvedValue({ items: [] });
    catalog.addLocation.mockRejectedValue(
      new Error('Registered locations must be of an allowed type ["url"]'),
    );
    const ctx = createMockActionContext({ input: {}, workspacePath });
    await expect(action.handler(ctx)).rejects.toThrow(
      /could not register it: Registered locations must be of an allowed type.*catalog\.locations/,
    );
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: path.join(published, 'lineage-api.yaml') },
      expect.anything(),
    );
  });
});
