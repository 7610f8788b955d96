/*
 * `data-infra export alertmanager`: the routing tree for the alerts of
 * `export prometheus-rules`. A route per owner Subteam (matched on the
 * alerts' `owner` label) sends to its chat and e-mail contacts; within it,
 * each service's sev1 alerts also go to whoever the first level of its
 * escalation path pages.
 */
import type { Entity } from '@backstage/catalog-model';
import { isRotationEntity, isSubteamEntity, normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';
import type { LoadedCatalog } from '../lib/catalog';
import { ALERT } from './prometheusRules';
import type { MeasuredService } from './services';

type Receiver = { name: string } & Record<string, unknown>;
type Route = Record<string, unknown>;

/** The `global` block written without --base: a file that loads as it is; set the secrets' paths. */
export const DEFAULT_GLOBAL = {
  resolve_timeout: '5m',
  slack_api_url_file: '/etc/alertmanager/secrets/slack-api-url',
  smtp_smarthost: 'localhost:25',
  smtp_from: 'alertmanager@localhost',
  smtp_require_tls: false,
};
/** The root receiver without --base: alerts no owner route takes end here. */
export const DEFAULT_RECEIVER = 'data-infra-unrouted';

const matcher = (label: string, value: string) => `${label}=${JSON.stringify(value)}`;
const isUrl = (value: string | undefined) => !!value && /^https?:\/\/\S+$/.test(value);

export interface AlertmanagerExport {
  config: Record<string, unknown>;
  /** What could not be routed, one sentence each (printed on stderr). */
  warnings: string[];
}

function userEmail(catalog: LoadedCatalog, ref: string): string | undefined {
  const user = catalog.find(ref, 'user') as Entity | undefined;
  const email = (user?.spec as any)?.profile?.email;
  return typeof email === 'string' && email ? email : undefined;
}

/**
 * The receiver that reaches the first level of a policy: the pager of the
 * owner of a rotation (the paging tool holds the schedule), or the e-mail of
 * a user or a subteam's lead. Undefined, with a warning, when the catalog
 * says no way to reach it.
 */
function firstLevelReceiver(catalog: LoadedCatalog, s: MeasuredService, warnings: string[]): Receiver | undefined {
  const level = s.policy?.levels?.[0];
  if (!level || !s.policyRef) {
    warnings.push(`${s.ref}: no escalation policy, so its sev1 alerts go to its owner's contacts only`);
    return undefined;
  }
  const name = `escalation:${s.policyRef}`;
  const target = level.target as Record<string, string | undefined>;
  const ns = s.service.metadata.namespace ?? 'default';
  if (target.rotation) {
    const rotationRef = normaliseEntityRef(target.rotation, { defaultKind: 'rotation', defaultNamespace: ns });
    const rotation = rotationRef ? catalog.find(rotationRef) : undefined;
    const ownerRef = rotation && isRotationEntity(rotation) ? normaliseEntityRef(rotation.spec.owner, { defaultKind: 'subteam', defaultNamespace: rotation.metadata.namespace ?? 'default' }) : undefined;
    const owner = ownerRef ? catalog.find(ownerRef) : undefined;
    const pager = owner && isSubteamEntity(owner) ? owner.spec.contact?.pager : undefined;
    if (isUrl(pager)) return { name, webhook_configs: [{ url: pager, send_resolved: true }] };
    warnings.push(
      `${s.ref}: the first level of ${s.policyRef} pages ${target.rotation}, whose owner ${ownerRef ?? '(unknown)'} has no pager URL (spec.contact.pager), so its sev1 alerts go to its owner's contacts only`,
    );
    return undefined;
  }
  const userRef = target.user
    ? normaliseEntityRef(target.user, { defaultKind: 'user', defaultNamespace: ns })
    : (() => {
        const subteam = target.subteamLead ? catalog.find(target.subteamLead, 'subteam') : undefined;
        return subteam && isSubteamEntity(subteam) && subteam.spec.lead
          ? normaliseEntityRef(subteam.spec.lead, { defaultKind: 'user', defaultNamespace: subteam.metadata.namespace ?? 'default' })
          : undefined;
      })();
  const email = userRef ? userEmail(catalog, userRef) : undefined;
  if (email) return { name, email_configs: [{ to: email, send_resolved: true }] };
  warnings.push(`${s.ref}: the first level of ${s.policyRef} pages ${userRef ?? 'nobody'}, who has no e-mail in the catalog, so its sev1 alerts go to its owner's contacts only`);
  return undefined;
}

function ownerReceiver(catalog: LoadedCatalog, ownerRef: string, warnings: string[]): Receiver | undefined {
  const owner = catalog.find(ownerRef);
  const contact = owner && isSubteamEntity(owner) ? owner.spec.contact : undefined;
  const receiver: Receiver = { name: ownerRef };
  if (contact?.chat) receiver.slack_configs = [{ channel: contact.chat, send_resolved: true }];
  if (contact?.email) receiver.email_configs = [{ to: contact.email, send_resolved: true }];
  if (!contact?.chat && !contact?.email) {
    warnings.push(`${ownerRef}: no spec.contact.chat or spec.contact.email, so its services' alerts go to the root receiver`);
    return undefined;
  }
  return receiver;
}

/** The Alertmanager configuration, merged into `base` (an org's own file) when given. */
export function alertmanagerConfig(
  catalog: LoadedCatalog,
  services: MeasuredService[],
  base?: Record<string, any>,
): AlertmanagerExport {
  const warnings: string[] = [];
  const receivers = new Map<string, Receiver>();
  const routes: Route[] = [];
  const owners = [...new Set(services.map(s => s.ownerRef))].sort();
  for (const ownerRef of owners) {
    const receiver = ownerReceiver(catalog, ownerRef, warnings);
    if (!receiver) continue;
    receivers.set(receiver.name, receiver);
    const children: Route[] = [];
    for (const s of services.filter(x => x.ownerRef === ownerRef)) {
      const first = firstLevelReceiver(catalog, s, warnings);
      if (!first) continue;
      receivers.set(first.name, first);
      // continue: the owner's contacts (the last child) get sev1 too.
      children.push({ receiver: first.name, matchers: [matcher('service', s.ref), matcher('severity', 'sev1')], continue: true });
    }
    children.push({ receiver: ownerRef });
    routes.push({ receiver: ownerRef, matchers: [matcher('owner', ownerRef)], routes: children });
  }

  const inhibit = [
    {
      source_matchers: [matcher('alertname', ALERT.fast)],
      target_matchers: [`alertname=~${JSON.stringify(`${ALERT.slow}|${ALERT.ticket}`)}`],
      equal: ['service'],
    },
    {
      source_matchers: [matcher('alertname', ALERT.slow)],
      target_matchers: [matcher('alertname', ALERT.ticket)],
      equal: ['service'],
    },
  ];

  if (!base) {
    return {
      warnings,
      config: {
        global: DEFAULT_GLOBAL,
        route: {
          receiver: DEFAULT_RECEIVER,
          group_by: ['alertname', 'service'],
          group_wait: '30s',
          group_interval: '5m',
          repeat_interval: '4h',
          routes,
        },
        receivers: [{ name: DEFAULT_RECEIVER }, ...receivers.values()],
        inhibit_rules: inhibit,
      },
    };
  }
  if (!base.route || typeof base.route !== 'object') throw new Error('the --base file has no route');
  const baseReceivers: Receiver[] = Array.isArray(base.receivers) ? base.receivers : [];
  for (const r of baseReceivers) {
    if (receivers.has(r.name)) throw new Error(`the --base file already has a receiver named ${JSON.stringify(r.name)}`);
  }
  return {
    warnings,
    config: {
      ...base,
      // Ours first: an alert with an owner label is routed by owner before the org's own routes.
      route: { ...base.route, routes: [...routes, ...(base.route.routes ?? [])] },
      receivers: [...baseReceivers, ...receivers.values()],
      inhibit_rules: [...(base.inhibit_rules ?? []), ...inhibit],
    },
  };
}
