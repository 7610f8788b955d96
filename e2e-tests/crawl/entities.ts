/*
 * The entities the crawl opens: every Subteam, DataService and Rotation the
 * instance's catalog API lists (so the crawl works against any app), and,
 * for this repository's own app, what catalog-info/ declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const CRAWLED_KINDS = ['Subteam', 'DataService', 'Rotation'] as const;

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

export const refOf = (e: EntityName) =>
  `${e.kind}:${e.namespace}/${e.name}`.toLocaleLowerCase('en-US');

/** The entity page as both frontend systems mount it. */
export const entityPath = (e: EntityName) =>
  `/catalog/${encodeURIComponent(e.namespace)}/${encodeURIComponent(
    e.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(e.name)}`;

/** A backend token, as the signed-in guest's frontend gets it. */
export async function guestToken(baseURL: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest refresh answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/**
 * How many DataServices the data-infra backend answers from. Each replica
 * loads its state as it starts and re-reads the catalog every
 * `dataInfra.cache.refresh` seconds, so right after a start it can lag the
 * catalog by that much: tests wait for it as a person would wait for the
 * first ingestion.
 */
export async function dataInfraServiceCount(baseURL: string): Promise<number> {
  const res = await fetch(`${baseURL}/api/data-infra/services?limit=1`, {
    headers: { Authorization: `Bearer ${await guestToken(baseURL)}` },
  });
  return res.ok ? (await res.json()).totalItems : -res.status;
}

/** Every Subteam, DataService and Rotation in the instance's catalog, by ref. */
export async function catalogEntities(baseURL: string): Promise<EntityName[]> {
  const token = await guestToken(baseURL);
  const entities: EntityName[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({
      fields: 'kind,metadata.namespace,metadata.name',
      limit: '500',
    });
    if (cursor) params.set('cursor', cursor);
    else for (const kind of CRAWLED_KINDS) params.append('filter', `kind=${kind}`);
    const res = await fetch(`${baseURL}/api/catalog/entities/by-query?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`the catalog answered ${res.status} to by-query`);
    const body = await res.json();
    for (const item of body.items) {
      entities.push({
        kind: item.kind,
        namespace: item.metadata.namespace ?? 'default',
        name: item.metadata.name,
      });
    }
    cursor = body.pageInfo?.nextCursor;
  } while (cursor);
  return entities.sort((a, b) => refOf(a).localeCompare(refOf(b), 'en'));
}

/** Subteams, DataServices and Rotations declared in catalog-info/ (templates aside). */
export function declaredEntities(root: string): string[] {
  const refs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'templates') walk(file);
      } else if (/\.ya?ml$/.test(entry.name)) {
        for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
          const e = doc.toJS();
          if (CRAWLED_KINDS.includes(e?.kind)) {
            refs.push(
              refOf({ kind: e.kind, namespace: e.metadata.namespace ?? 'default', name: e.metadata.name }),
            );
          }
        }
      }
    }
  };
  walk(path.join(root, 'catalog-info'));
  return refs.sort((a, b) => a.localeCompare(b, 'en'));
}

/**
 * The signed-in guest's own User page, when the catalog has that User (this
 * repository's guest is priya.raman; a create-app guest, user:development/guest,
 * has no entity); undefined otherwise.
 */
export async function signedInUserPage(baseURL: string): Promise<{ ref: string; path: string } | undefined> {
  const res = await fetch(`${baseURL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest refresh answered ${res.status}`);
  const { backstageIdentity } = await res.json();
  const ref: string | undefined = backstageIdentity.identity?.userEntityRef;
  const m = ref && /^user:([^/]+)\/(.+)$/i.exec(ref);
  if (!m) return undefined;
  const user = { kind: 'User', namespace: m[1], name: m[2] };
  const found = await fetch(
    `${baseURL}/api/catalog/entities/by-name/user/${encodeURIComponent(user.namespace)}/${encodeURIComponent(user.name)}`,
    { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
  );
  return found.ok ? { ref: refOf(user), path: entityPath(user) } : undefined;
}
