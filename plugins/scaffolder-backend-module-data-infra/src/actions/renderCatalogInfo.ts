import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  Entity,
  FieldFormatEntityPolicy,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DATA_INFRA_API_VERSION,
  DataServiceEntityV1alpha1,
  EntityProblem,
  EscalationLevel,
  EscalationPolicy,
  EscalationTarget,
  ServiceLevel,
  formatEntityProblems,
  validateDataInfraEntity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { Document } from 'yaml';
import { ServiceTier, TIER_SLA_DEFAULTS } from './tierDefaults';

/** The file name the render action writes and publish actions read. @public */
export const CATALOG_INFO_FILENAME = 'catalog-info.yaml';

/** The SLA part of the form. Every field is optional: the tier fills gaps. @public */
export interface RenderSlaInput {
  availability?: number;
  window?: string;
  /** '24x7' or 'business-hours' (or the schema's object form). */
  supportHours?: string | { type: string; timezone?: string };
  /** IANA zone of business hours; default Europe/Berlin. */
  timezone?: string;
  responseTime?: { sev1?: string; sev2?: string; sev3?: string };
}

/** One escalation level as the form collects it. @public */
export interface RenderEscalationLevelInput {
  after: string;
  /**
   * A ref whose kind says what is paged: `rotation:…` (with `role`),
   * `user:…`, or `subteam:…` (its lead); or the schema's target object.
   */
  target: string | Record<string, string>;
  role?: 'primary' | 'secondary';
}

/** The form values the render action accepts. @public */
export interface RenderCatalogInfoInput {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  type: string;
  lifecycle?: string;
  owner: string;
  tier: number;
  technology?: string;
  tags?: string[];
  sla?: RenderSlaInput;
  escalation?: {
    mode?: 'inherited' | 'custom';
    levels?: RenderEscalationLevelInput[];
    repeat?: number;
  };
  runbook?: string;
  dependsOn?: string[];
  consumers?: string[];
}

function present<T>(value: T | '' | null | undefined): value is T {
  return value !== undefined && value !== null && value !== '';
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => present(v)),
  ) as T;
}

function refKind(ref: string): string | undefined {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function toTarget(level: RenderEscalationLevelInput): EscalationTarget {
  if (typeof level.target !== 'string') {
    return level.target as EscalationTarget;
  }
  switch (refKind(level.target)) {
    case 'rotation':
      return { rotation: level.target, role: level.role ?? 'primary' };
    case 'subteam':
      return { subteamLead: level.target };
    default:
      // User refs, and anything else: the schema reports what is wrong.
      return { user: level.target };
  }
}

/**
 * The SLA of the service: the tier's defaults, with every field the form
 * sets taking precedence.
 * @public
 */
export function resolveServiceLevel(
  tier: number,
  sla: RenderSlaInput = {},
): ServiceLevel {
  const defaults: ServiceLevel = TIER_SLA_DEFAULTS[tier as ServiceTier] ?? {};
  let supportHours = defaults.supportHours;
  if (typeof sla.supportHours === 'object' && sla.supportHours) {
    supportHours = sla.supportHours as ServiceLevel['supportHours'];
  } else if (present(sla.supportHours) || present(sla.timezone)) {
    const type = (sla.supportHours || supportHours?.type || '24x7') as
      | '24x7'
      | 'business-hours';
    supportHours =
      type === 'business-hours'
        ? {
            type,
            timezone:
              sla.timezone ||
              (supportHours?.type === 'business-hours'
                ? supportHours.timezone
                : undefined) ||
              'Europe/Berlin',
          }
        : { type };
  }
  return compact({
    availability: present(sla.availability)
      ? sla.availability
      : defaults.availability,
    window: sla.window || defaults.window,
    supportHours,
    responseTime: {
      ...defaults.responseTime,
      ...compact(sla.responseTime ?? {}),
    },
  });
}

/**
 * Builds the DataService entity for the form values (not yet validated).
 * @public
 */
export function buildDataServiceEntity(
  input: RenderCatalogInfoInput,
): DataServiceEntityV1alpha1 {
  const tier = Number(input.tier);
  let escalation: EscalationPolicy | undefined;
  if (input.escalation?.mode === 'custom') {
    const levels: EscalationLevel[] = (input.escalation.levels ?? []).map(
      level => ({ after: level.after, target: toTarget(level) }),
    );
    escalation = compact({ levels, repeat: input.escalation.repeat });
  }
  return {
    apiVersion: DATA_INFRA_API_VERSION,
    kind: 'DataService',
    metadata: compact({
      name: input.name,
      namespace:
        input.namespace && input.namespace !== 'default'
          ? input.namespace
          : undefined,
      title: input.title,
      description: input.description,
      tags: input.tags?.length ? input.tags : undefined,
    }),
    spec: compact({
      type: input.type,
      lifecycle: input.lifecycle || 'production',
      owner: input.owner,
      tier: tier as 1 | 2 | 3,
      technology: input.technology,
      dependsOn: input.dependsOn?.length ? [...input.dependsOn] : undefined,
      consumers: input.consumers?.length ? [...input.consumers] : undefined,
      runbook: input.runbook,
      sla: resolveServiceLevel(tier, input.sla),
      escalation,
    }),
  };
}

/** Backstage's own checks of metadata (name format…), as problems. */
async function metadataProblems(entity: Entity): Promise<EntityProblem[]> {
  try {
    await new FieldFormatEntityPolicy().enforce(entity);
    return [];
  } catch (e) {
    // The policy's message names the field ("metadata.name" is not valid…).
    const message = (e as Error).message.replace(/\. To learn more.*$/s, '');
    const field = /^"([^"]+)"/.exec(message)?.[1] ?? 'metadata';
    return [{ path: field, message: message.replace(/^"[^"]+" /, '') }];
  }
}

/**
 * Renders the catalog-info.yaml text of an entity, with a header comment.
 * @public
 */
export function toCatalogInfoYaml(entity: Entity): string {
  const doc = new Document(entity);
  doc.commentBefore =
    ' Registered with the "Register a data service" template.\n' +
    ' Field reference: plugins/data-infra-common/README.md';
  return doc.toString({ lineWidth: 0 });
}

/**
 * Creates the `data-infra:catalog-info:render` action: turns the "Register a
 * data service" form into the catalog-info.yaml of one DataService, validates
 * it with the same schemas the catalog uses, and writes it into the workspace.
 * An invalid entity fails the step, one line per problem, so nothing is
 * published.
 * @public
 */
export function createRenderCatalogInfoAction() {
  return createTemplateAction({
    id: 'data-infra:catalog-info:render',
    description:
      'Renders and validates the catalog-info.yaml of a DataService from the "Register a data service" form, and writes it into the workspace.',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string({ description: 'metadata.name of the service' }),
        namespace: z => z.string().optional(),
        title: z => z.string().optional(),
        description: z => z.string().optional(),
        type: z => z.string({ description: 'spec.type, e.g. query-engine' }),
        lifecycle: z =>
          z
            .string({ description: 'spec.lifecycle; default production' })
            .optional(),
        owner: z =>
          z.string({ description: 'Subteam ref that owns the service' }),
        tier: z =>
          z.union([z.number(), z.string()], { description: '1, 2 or 3' }),
        technology: z => z.string().optional(),
        tags: z => z.array(z.string()).optional(),
        sla: z =>
          z
            .object(
              {
                availability: z.number().optional(),
                window: z.string().optional(),
                supportHours: z
                  .union([
                    z.string(),
                    z
                      .object({
                        type: z.string(),
                        timezone: z.string().optional(),
                      })
                      .passthrough(),
                  ])
                  .optional(),
                timezone: z.string().optional(),
                responseTime: z
                  .object({
                    sev1: z.string().optional(),
                    sev2: z.string().optional(),
                    sev3: z.string().optional(),
                  })
                  .optional(),
              },
              { description: 'Overrides of the tier defaults' },
            )
            .passthrough()
            .optional(),
        escalation: z =>
          z
            .object({
              mode: z.enum(['inherited', 'custom']).optional(),
              levels: z
                .array(
                  z
                    .object({
                      after: z.string(),
                      target: z.union([z.string(), z.record(z.string())]),
                      role: z.enum(['primary', 'secondary']).optional(),
                    })
                    .passthrough(),
                )
                .optional(),
              repeat: z.number().optional(),
            })
            .passthrough()
            .optional(),
        runbook: z => z.string().optional(),
        dependsOn: z => z.array(z.string()).optional(),
        consumers: z => z.array(z.string()).optional(),
        targetPath: z =>
          z
            .string({
              description:
                'Workspace folder to write catalog-info.yaml into; default the workspace root',
            })
            .optional(),
      },
      output: {
        yaml: z => z.string({ description: 'The catalog-info.yaml text' }),
        entityRef: z =>
          z.string({ description: 'The ref of the new DataService' }),
        filePath: z =>
          z.string({
            description: 'Path of catalog-info.yaml inside the workspace',
          }),
      },
    },
    async handler(ctx) {
      const { targetPath, ...values } = ctx.input;
      const entity = buildDataServiceEntity(values as RenderCatalogInfoInput);
      const problems = [
        ...(await metadataProblems(entity)),
        ...validateDataInfraEntity(entity),
      ];
      if (problems.length > 0) {
        throw new InputError(
          `The catalog-info.yaml would not be valid, nothing was published:\n${formatEntityProblems(
            entity,
            problems,
          )}`,
        );
      }
      const yaml = toCatalogInfoYaml(entity);
      const filePath = path.posix.join(
        targetPath || '.',
        CATALOG_INFO_FILENAME,
      );
      const absolute = resolveSafeChildPath(ctx.workspacePath, filePath);
      await fs.mkdir(path.dirname(absolute), { recursive: true });
      await fs.writeFile(absolute, yaml, 'utf8');
      const entityRef = stringifyEntityRef(entity);
      ctx.logger.info(`Rendered ${entityRef} into ${filePath}`);
      ctx.output('yaml', yaml);
      ctx.output('entityRef', entityRef);
      ctx.output('filePath', path.posix.normalize(filePath));
    },
  });
}
