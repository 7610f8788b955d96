import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  resolveSafeChildPath,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction, type TemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatEntityProblems,
  isRotationEntity,
  rotationShifts,
  RotationEntityV1alpha1,
  RotationOverride,
  RotationRole,
  validateDataInfraEntity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { addOverridesToYaml, MAX_ROTATION_FILE_BYTES } from './editOverrides';
import { parseRefOfKind } from './inputs';
import { locateRotationFile, RotationFileLocation } from './locateFile';
import { CoverPeriod, parseCoverPeriod, toRotationLocal } from './period';
import { previewShifts } from './previewShifts';

/** Reads the Rotation's file: from disk (a file: location) or through the UrlReader. */
export async function readRotationFile(
  location: RotationFileLocation,
  urlReader: UrlReaderService,
): Promise<string> {
  if (location.publishVia === 'local') {
    const stat = await fs.stat(location.localPath);
    if (stat.size > MAX_ROTATION_FILE_BYTES) {
      throw new InputError(
        `rotation: its file is larger than ${MAX_ROTATION_FILE_BYTES} bytes; refusing to edit it`,
      );
    }
    return fs.readFile(location.localPath, 'utf8');
  }
  const response = await urlReader.readUrl(location.url);
  const buffer = await response.buffer();
  if (buffer.length > MAX_ROTATION_FILE_BYTES) {
    throw new InputError(
      `rotation: its file is larger than ${MAX_ROTATION_FILE_BYTES} bytes; refusing to edit it`,
    );
  }
  return buffer.toString('utf8');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The users holding `role` in a period, in order, and whether anyone is missing from part of it. */
function holders(
  rotation: RotationEntityV1alpha1,
  role: RotationRole,
  period: CoverPeriod,
): { users: string[]; gaps: boolean } {
  const shifts = rotationShifts(rotation, period.start, period.end, {
    maxShifts: 400,
  }).shifts.filter(s => s.role === role);
  const users = [...new Set(shifts.map(s => s.user))];
  let at = period.start;
  let gaps = false;
  for (const s of shifts) {
    if (s.start > at) gaps = true;
    at = Math.max(at, s.end);
  }
  return { users, gaps: gaps || at < period.end };
}

function lowerRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The input of `data-infra:rotation:add-override`. The action's types are
 * written out, not inferred from its zod schema: an inferred type prints its
 * keys and unions in the compiler's order of the day, and the API report
 * would change from one build to the next.
 * @public
 */
export type AddOverrideInput = {
  rotation: string;
  start: string;
  end: string;
  role?: RotationRole;
  user: string;
  swap?: boolean;
  swapStart?: string;
  swapEnd?: string;
};

/** What the action gives the publish steps and the task page. @public */
export type AddOverrideActionOutput = {
  entityRef: string;
  publishVia: 'gitlab' | 'github' | 'local';
  repoUrl: string;
  targetBranch: string;
  filePath: string;
  fileUrl: string;
  originalSha256: string;
  branchName: string;
  title: string;
  description: string;
  overrides: Array<{ user: string; start: string; end: string; role?: string }>;
  preview: string;
};

/**
 * Creates the `data-infra:rotation:add-override` action: validates a cover
 * request (or a swap: two overrides), adds it to the Rotation's
 * `spec.overrides` in a copy of its file in the workspace (comments kept),
 * validates the whole Rotation as the catalog would, previews the shifts,
 * and says how the change is published (GitLab, GitHub or local).
 * @public
 */
export function createAddOverrideAction(options: {
  config: Config;
  catalog: CatalogService;
  urlReader: UrlReaderService;
}): TemplateAction<AddOverrideInput, AddOverrideActionOutput, 'v2'> {
  const { config, catalog, urlReader } = options;
  return createTemplateAction({
    id: 'data-infra:rotation:add-override',
    description:
      "Adds a cover (or a swap: two overrides) to a Rotation's spec.overrides in a workspace copy of its file, keeping comments; validates the Rotation and previews its shifts. Supports dry run.",
    supportsDryRun: true,
    schema: {
      input: {
        rotation: z =>
          z.string({
            description: 'Rotation ref, e.g. rotation:default/streaming-oncall',
          }),
        start: z =>
          z.string({
            description: 'Start of the cover, an ISO-8601 instant with offset',
          }),
        end: z =>
          z.string({
            description:
              'End of the cover (excluded), an ISO-8601 instant with offset',
          }),
        role: z =>
          z
            .enum(['primary', 'secondary'], { description: 'Default primary' })
            .optional(),
        user: z =>
          z.string({ description: 'User ref of the person who covers' }),
        swap: z =>
          z
            .boolean({
              description:
                'Swap: the person covered takes the shift [swapStart, swapEnd) of the person who covers',
            })
            .optional(),
        swapStart: z => z.string().optional(),
        swapEnd: z => z.string().optional(),
      },
      output: {
        entityRef: z => z.string(),
        publishVia: z => z.enum(['gitlab', 'github', 'local']),
        repoUrl: z => z.string(),
        targetBranch: z => z.string(),
        filePath: z => z.string(),
        fileUrl: z => z.string(),
        originalSha256: z => z.string(),
        branchName: z => z.string(),
        title: z => z.string(),
        description: z => z.string(),
        overrides: z =>
          z.array(
            z.object({
              start: z.string(),
              end: z.string(),
              user: z.string(),
              role: z.string().optional(),
            }),
          ),
        preview: z => z.string(),
      },
    },
    async handler(ctx) {
      const input = ctx.input as AddOverrideInput;
      const rotationRef = parseRefOfKind(
        'rotation',
        input.rotation,
        'Rotation',
      );
      const userRef = parseRefOfKind('user', input.user, 'User');
      const role: RotationRole = input.role ?? 'primary';
      if (role !== 'primary' && role !== 'secondary') {
        throw new InputError(`role: must be primary or secondary`);
      }
      const period = parseCoverPeriod(input.start, input.end);
      const swapPeriod = input.swap
        ? parseCoverPeriod(input.swapStart, input.swapEnd, {
            start: 'swapStart',
            end: 'swapEnd',
          })
        : undefined;

      const credentials = await ctx.getInitiatorCredentials();
      const entity = await catalog.getEntityByRef(rotationRef.ref, {
        credentials,
      });
      if (!entity || !isRotationEntity(entity)) {
        throw new InputError(
          `rotation: there is no Rotation ${rotationRef.ref} in the catalog`,
        );
      }
      const user = await catalog.getEntityByRef(userRef.ref, { credentials });
      if (!user || user.kind.toLocaleLowerCase('en-US') !== 'user') {
        throw new InputError(
          `user: there is no User ${userRef.ref} in the catalog`,
        );
      }
      const depth = entity.spec.depth === 1 ? 1 : 2;
      if (role === 'secondary' && depth < 2) {
        throw new InputError(
          `role: ${rotationRef.ref} has depth 1, so it has only a primary; got secondary`,
        );
      }

      const zone = entity.spec.timezone;
      const overrides: RotationOverride[] = [
        {
          start: toRotationLocal('start', period.start, zone),
          end: toRotationLocal('end', period.end, zone),
          user: userRef.ref,
          role,
        },
      ];
      const covered = holders(entity, role, period);
      if (swapPeriod) {
        if (swapPeriod.start < period.end && period.start < swapPeriod.end) {
          throw new InputError(
            'swapStart: the period taken in return overlaps the period covered; a swap exchanges two separate shifts',
          );
        }
        if (covered.users.length !== 1 || covered.gaps) {
          throw new InputError(
            `start: a swap needs one person holding the ${role} role for the whole period covered, found ${
              covered.users.join(', ') || 'nobody'
            }${covered.gaps && covered.users.length ? ' with gaps' : ''}`,
          );
        }
        const [requester] = covered.users;
        if (lowerRef(requester) === userRef.ref) {
          throw new InputError(
            `user: ${userRef.ref} already holds the ${role} role in the period covered; a swap is with someone else`,
          );
        }
        const taken = holders(entity, role, swapPeriod);
        if (
          taken.gaps ||
          taken.users.length !== 1 ||
          lowerRef(taken.users[0]) !== userRef.ref
        ) {
          throw new InputError(
            `swapStart: in a swap ${
              userRef.ref
            } must hold the ${role} role for the whole period taken in return, found ${
              taken.users.join(', ') || 'nobody'
            }${taken.gaps && taken.users.length ? ' with gaps' : ''}`,
          );
        }
        overrides.push({
          start: toRotationLocal('swapStart', swapPeriod.start, zone),
          end: toRotationLocal('swapEnd', swapPeriod.end, zone),
          user: requester,
          role,
        });
      } else if (
        !covered.gaps &&
        covered.users.length === 1 &&
        lowerRef(covered.users[0]) === userRef.ref
      ) {
        throw new InputError(
          `user: ${userRef.ref} already holds the ${role} role for the whole period; nothing to cover`,
        );
      }

      const location = locateRotationFile(entity, config);
      const original = await readRotationFile(location, urlReader);
      const edited = addOverridesToYaml(
        original,
        {
          name: entity.metadata.name,
          namespace: entity.metadata.namespace ?? 'default',
        },
        overrides,
      );
      const problems = validateDataInfraEntity(edited.rotation);
      if (problems.length > 0) {
        throw new InputError(
          `The Rotation would not be valid, nothing was published:\n${formatEntityProblems(
            edited.rotation,
            problems,
          )}`,
        );
      }

      const preview = previewShifts(edited.before, edited.rotation, [
        { title: 'Covered', period },
        ...(swapPeriod
          ? [{ title: 'Taken in return', period: swapPeriod }]
          : []),
      ]);
      const other: RotationRole = role === 'primary' ? 'secondary' : 'primary';
      const clash = preview.after.find(
        s =>
          s.role === other &&
          lowerRef(s.user) === userRef.ref &&
          s.start < period.end &&
          period.start < s.end,
      );
      const warning = clash
        ? `\n> **Warning:** ${userRef.ref} would hold both roles at once: they are ${other} in part of this period.\n`
        : '';

      const target = resolveSafeChildPath(ctx.workspacePath, location.filePath);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, edited.text, 'utf8');

      const entityRef = `rotation:${(
        entity.metadata.namespace ?? 'default'
      ).toLocaleLowerCase('en-US')}/${entity.metadata.name}`;
      const stamp = overrides[0].start.replace(/[^0-9]/g, '').slice(0, 12);
      const branchName = `cover/${entity.metadata.name}-${stamp}-${sha256(
        JSON.stringify(overrides),
      ).slice(0, 8)}`;
      const what = swapPeriod
        ? `Swap in ${entityRef}: ${userRef.ref} and ${overrides[1].user} exchange ${role} shifts`
        : `Cover in ${entityRef}: ${userRef.ref} takes ${role}`;
      const list = overrides
        .map(o => `- ${o.role} ${o.start} to ${o.end} (${zone}): ${o.user}`)
        .join('\n');
      ctx.output('entityRef', entityRef);
      ctx.output('publishVia', location.publishVia);
      ctx.output(
        'repoUrl',
        location.publishVia === 'local' ? '' : location.repoUrl,
      );
      ctx.output(
        'targetBranch',
        location.publishVia === 'local' ? '' : location.branch,
      );
      ctx.output('filePath', location.filePath);
      ctx.output(
        'fileUrl',
        location.publishVia === 'local'
          ? `file:${location.localPath}`
          : location.url,
      );
      ctx.output('originalSha256', sha256(original));
      ctx.output('branchName', branchName);
      ctx.output('title', what);
      ctx.output(
        'description',
        `${what}.\n\nAdds to \`spec.overrides\` of \`${location.filePath}\`:\n\n${list}\n\n(created with the "Request on-call cover" template)`,
      );
      ctx.output('overrides', overrides);
      ctx.output('preview', `${warning}${preview.markdown}`);
    },
  });
}
