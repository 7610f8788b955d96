import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { FixedSizeList, type ListChildComponentProps } from 'react-window';
import type { MapFilter, MapService } from './filterMap';
import { LoadError } from './LoadError';
import { ServiceTile, TILE_HEIGHT } from './ServiceTile';
import { useDomainServices } from './useOwnershipMap';
import { useDataInfraTranslation } from '../../hooks';

/** Tiles visible without scrolling inside one domain. */
const VISIBLE_TILES = 8;

interface RowData {
  item: (index: number) => MapService | undefined;
  loading: string;
  selectedRef: string | undefined;
  relatedRefs: Set<string>;
  onSelect: (service: { ref: string; title: string }) => void;
}

function Row({ index, style, data }: ListChildComponentProps<RowData>) {
  const service = data.item(index);
  if (!service) {
    // Its page is on its way: a tile of the same height, so nothing jumps.
    return (
      <div style={style} aria-busy="true">
        <Typography variant="caption" color="textSecondary">
          {data.loading}
        </Typography>
      </div>
    );
  }
  return (
    <ServiceTile
      style={style}
      service={service}
      selected={service.ref === data.selectedRef}
      related={data.relatedRefs.has(service.ref)}
      onSelect={data.onSelect}
    />
  );
}

/**
 * A domain's services under the filter, virtualised and paged: only the
 * tiles in view (plus a few) are in the DOM, and only their pages of
 * GET /services?domain= are asked for, so a domain of 10,000 services
 * costs what a person scrolls through.
 */
export function ServiceTileList(props: {
  domain: string;
  /** The domain's services without a filter. */
  serviceCount: number;
  filter: MapFilter;
  selectedRef: string | undefined;
  relatedRefs: Set<string>;
  onSelect: (service: { ref: string; title: string }) => void;
}) {
  const { t } = useDataInfraTranslation();
  const pages = useDomainServices(props.domain, props.filter);
  const { total } = pages;
  return (
    <>
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 8 }}>
        {total === undefined || total === props.serviceCount
          ? t('ownershipMap.servicesCount', { number: props.serviceCount.toLocaleString('en-US') })
          : t('ownershipMap.servicesOfCount', {
              number: total.toLocaleString('en-US'),
              total: props.serviceCount.toLocaleString('en-US'),
            })}
      </Typography>
      {pages.error && <LoadError error={pages.error} onRetry={pages.retry} />}
      {total === undefined && !pages.error && <Progress />}
      {total === 0 && <Typography variant="body2">{t('ownershipMap.noServicesMatch')}</Typography>}
      {!!total && (
        <FixedSizeList<RowData>
          height={Math.min(total, VISIBLE_TILES) * TILE_HEIGHT}
          width="100%"
          itemCount={total}
          itemSize={TILE_HEIGHT}
          itemData={{
            item: pages.item,
            loading: t('ownershipMap.loadingTile'),
            selectedRef: props.selectedRef,
            relatedRefs: props.relatedRefs,
            onSelect: props.onSelect,
          }}
          itemKey={(index, data) => data.item(index)?.ref ?? `loading-${index}`}
          overscanCount={4}
          onItemsRendered={({ overscanStartIndex, overscanStopIndex }) =>
            pages.ensure(overscanStartIndex, overscanStopIndex)
          }
        >
          {Row}
        </FixedSizeList>
      )}
    </>
  );
}
