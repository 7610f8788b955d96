import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { isParsableRef } from './refs';
import { useDataInfraTranslation } from '../../hooks';

/**
 * A link to an entity page that degrades to plain text when the ref cannot
 * be parsed (a typo in a half-filled entity must not break the card).
 */
export function RefLink(props: {
  entityRef: string | undefined;
  title?: string;
  defaultKind?: string;
}) {
  const { entityRef, title, defaultKind } = props;
  if (!isParsableRef(entityRef, defaultKind)) {
    return <span>{title ?? entityRef ?? '—'}</span>;
  }
  return (
    <EntityRefLink entityRef={entityRef} defaultKind={defaultKind}>
      {title}
    </EntityRefLink>
  );
}

/** Comma-separated links, or a dash when there are none. */
export function RefLinkList(props: {
  entityRefs: Array<string | { ref: string; title?: string }>;
  defaultKind?: string;
  emptyText?: string;
}) {
  const { t } = useDataInfraTranslation();
  const { entityRefs, defaultKind, emptyText = t('common.none') } = props;
  if (entityRefs.length === 0) return <span>{emptyText}</span>;
  return (
    <>
      {entityRefs.map((item, index) => {
        const ref = typeof item === 'string' ? item : item.ref;
        const title = typeof item === 'string' ? undefined : item.title;
        return (
          <span key={`${ref}-${index}`}>
            {index > 0 && ', '}
            <RefLink entityRef={ref} title={title} defaultKind={defaultKind} />
          </span>
        );
      })}
    </>
  );
}
