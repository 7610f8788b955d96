import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * Creates the `data-infra:scm:host` action: which kind of repository a
 * RepoUrlPicker value (`host?owner=…&repo=…`) names, by its host in the
 * `integrations` config (github.com is always known), and the browse URL
 * of a file on a branch of it, so a template can open a GitLab merge
 * request or a GitHub pull request and register the file's URL.
 * @public
 */
export function createScmHostAction(options: { config: Config }) {
  const integrations = ScmIntegrations.fromConfig(options.config);
  return createTemplateAction({
    id: 'data-infra:scm:host',
    description:
      'Says whether a repository (RepoUrlPicker value) is on a GitLab or a GitHub integration, and the URL of a file in it. Supports dry run.',
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({
            description: 'host?owner=…&repo=…, as RepoUrlPicker gives it',
          }),
        branch: z => z.string({ description: 'Branch of the file' }),
        filePath: z =>
          z.string({ description: 'Path of the file in the repository' }),
      },
      output: {
        type: z => z.enum(['gitlab', 'github']),
        fileUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const { repoUrl, branch, filePath } = ctx.input;
      let parsed: URL;
      try {
        parsed = new URL(`https://${repoUrl}`);
      } catch {
        throw new InputError(
          `repoUrl: must be host?owner=…&repo=…, got ${JSON.stringify(
            String(repoUrl).slice(0, 200),
          )}`,
        );
      }
      const owner = parsed.searchParams.get('owner');
      const repo = parsed.searchParams.get('repo');
      if (!owner || !repo || parsed.pathname !== '/') {
        throw new InputError(
          `repoUrl: must be host?owner=…&repo=…, got ${JSON.stringify(
            String(repoUrl).slice(0, 200),
          )}`,
        );
      }
      const integration = integrations.byHost(parsed.host);
      const gitlab = integrations.gitlab.byHost(parsed.host);
      const path = [...owner.split('/'), repo]
        .map(encodeURIComponent)
        .join('/');
      const file = [branch, ...filePath.split('/')]
        .filter(Boolean)
        .map(encodeURIComponent)
        .join('/');
      if (gitlab) {
        const base = (
          gitlab.config.baseUrl ?? `https://${parsed.host}`
        ).replace(/\/+$/, '');
        ctx.output('type', 'gitlab');
        ctx.output('fileUrl', `${base}/${path}/-/blob/${file}`);
        return;
      }
      if (integrations.github.byHost(parsed.host)) {
        ctx.output('type', 'github');
        ctx.output('fileUrl', `https://${parsed.host}/${path}/blob/${file}`);
        return;
      }
      throw new InputError(
        `repoUrl: ${JSON.stringify(
          parsed.host,
        )} is neither in integrations.gitlab nor in integrations.github${
          integration ? ` (it is a ${integration.type} integration)` : ''
        }`,
      );
    },
  });
}
