import Typography from '@material-ui/core/Typography';
import { FixedSizeList, type ListChildComponentProps } from 'react-window';
import type { MapService } from './filterMap';
import { ServiceTile, TILE_HEIGHT } from './ServiceTile';
import { useDataInfraTranslation } from '../../hooks';

/** Tiles visible without scrolling inside one domain. */
const VISIBLE_TILES = 8;

interface RowData {
  services: MapService[];
  selectedRef: string | undefined;
  relatedRefs: Set<string>;
  onSelect: (ref: string) => void;
}

function Row({ index, style, data }: ListChildComponentProps<RowData>) {
  const service = data.services[index];
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
 * A domain's services, virtualised: at 5,000 services only the tiles in view
 * (plus a few) are in the DOM, so the map stays responsive.
 */
export function ServiceTileList(props: {
  services: MapService[];
  selectedRef: string | undefined;
  relatedRefs: Set<string>;
  onSelect: (ref: string) => void;
}) {
  const { services } = props;
  const { t } = useDataInfraTranslation();
  if (services.length === 0) {
    return <Typography variant="body2">{t('ownershipMap.noServicesMatch')}</Typography>;
  }
  return (
    <FixedSizeList<RowData>
      height={Math.min(services.length, VISIBLE_TILES) * TILE_HEIGHT}
      width="100%"
      itemCount={services.length}
      itemSize={TILE_HEIGHT}
      itemData={props}
      itemKey={(index, data) => data.services[index].ref}
      overscanCount={4}
    >
      {Row}
    </FixedSizeList>
  );
}
