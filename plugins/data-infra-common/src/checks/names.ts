import type { Entity } from '@backstage/catalog-model';

/** A person as findings name them: the User's display name, else its title, else the ref. */
export function personName(index: Map<string, Entity>, ref: string): string {
  const user = index.get(ref) as (Entity & { spec?: { profile?: { displayName?: string } } }) | undefined;
  return user?.spec?.profile?.displayName || user?.metadata?.title || ref;
}

/** "Aisha Rahman (user:default/aisha.rahman)", or only the ref when the catalog has no name for it. */
export function personLabel(index: Map<string, Entity>, ref: string): string {
  const name = personName(index, ref);
  return name === ref ? ref : `${name} (${ref})`;
}
