import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import type { MapFilter } from './filterMap';
import { useDataInfraTranslation } from '../../hooks';

/** Text, tier and lifecycle filters above the map. */
export function MapFilters(props: {
  filter: MapFilter;
  tiers: string[];
  lifecycles: string[];
  onChange: (filter: MapFilter) => void;
}) {
  const { filter, onChange } = props;
  const { t } = useDataInfraTranslation();
  return (
    <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
      <TextField
        label={t('ownershipMap.filterServices')}
        value={filter.text}
        onChange={e => onChange({ ...filter, text: e.target.value })}
        inputProps={{ 'aria-label': t('ownershipMap.filterServices') }}
      />
      <TextField
        select
        label={t('common.labels.tier')}
        value={filter.tier}
        onChange={e => onChange({ ...filter, tier: e.target.value })}
        style={{ minWidth: 120 }}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'aria-label': t('common.labels.tier') }}
      >
        <option value="">{t('ownershipMap.allTiers')}</option>
        {props.tiers.map(tier => (
          <option key={tier} value={tier}>
            {t('ownershipMap.tierOption', { tier })}
          </option>
        ))}
      </TextField>
      <TextField
        select
        label={t('ownershipMap.lifecycle')}
        value={filter.lifecycle}
        onChange={e => onChange({ ...filter, lifecycle: e.target.value })}
        style={{ minWidth: 140 }}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'aria-label': t('ownershipMap.lifecycle') }}
      >
        <option value="">{t('ownershipMap.allLifecycles')}</option>
        {props.lifecycles.map(lifecycle => (
          <option key={lifecycle} value={lifecycle}>
            {lifecycle}
          </option>
        ))}
      </TextField>
    </Box>
  );
}
