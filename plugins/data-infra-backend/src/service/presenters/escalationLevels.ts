import {
  EscalationLevelAt,
  EscalationPath,
  formatInstant,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { CatalogView } from '../state/CatalogSnapshot';
import { titleOf } from '../refs';

/** What a level pages, by name: a person's display name, else the entity's title. */
export function targetTitle(targetRef: string, via: string, view: Pick<CatalogView, 'byRef' | 'people'>): string {
  return via === 'user'
    ? view.people.person(targetRef).displayName
    : titleOf(view.byRef.get(targetRef.toLocaleLowerCase('en-US')), targetRef);
}

/** The levels of a path as answers show them: targets by name, people with their intervals. */
export function levelsAt(path: EscalationPath, view: Pick<CatalogView, 'byRef' | 'people'>): EscalationLevelAt[] {
  return path.levels.map(level => ({
    index: level.index,
    after: level.after,
    afterMs: level.afterMs,
    via: level.via,
    targetRef: level.targetRef,
    targetTitle: targetTitle(level.targetRef, level.via, view),
    ...('role' in level.target && level.via === 'rotation'
      ? { role: level.target.role ?? 'primary' }
      : {}),
    reachable: level.reachable,
    ...(level.reason ? { reason: level.reason } : {}),
    people: level.people.map(p => ({
      ...view.people.person(p.user),
      ...(p.role ? { role: p.role } : {}),
      ...(p.from !== undefined ? { from: formatInstant(p.from) } : {}),
      ...(p.until !== undefined ? { until: p.until === null ? null : formatInstant(p.until) } : {}),
    })),
  }));
}
