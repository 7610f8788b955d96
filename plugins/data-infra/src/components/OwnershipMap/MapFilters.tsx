import TextField from '@material-ui/core/TextField';
import Box from '@material-ui/core/Box';
import type { MapFilter } from './filterMap';

/** Text, tier and lifecycle filters above the map. */
export function MapFilters(props: {
  filter: MapFilter;
  tiers: string[];
  lifecycles: string[];
  onChange: (filter: MapFilter) => void;
}) {
  const { filter, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
      <TextField
        label="Filter services"
        value={filter.text}
        onChange={e => onChange({ ...filter, text: e.target.value })}
        inputProps={{ 'aria-label': 'Filter services' }}
      />
      <TextField
        select
        label="Tier"
        value={filter.tier}
        onChange={e => onChange({ ...filter, tier: e.target.value })}
        style={{ minWidth: 120 }}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'aria-label': 'Tier' }}
      >
        <option value="">All tiers</option>
        {props.tiers.map(tier => (
          <option key={tier} value={tier}>
            Tier {tier}
          </option>
        ))}
      </TextField>
      <TextField
        select
        label="Lifecycle"
        value={filter.lifecycle}
        onChange={e => onChange({ ...filter, lifecycle: e.target.value })}
        style={{ minWidth: 140 }}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'aria-label': 'Lifecycle' }}
      >
        <option value="">All lifecycles</option>
        {props.lifecycles.map(lifecycle => (
          <option key={lifecycle} value={lifecycle}>
            {lifecycle}
          </option>
        ))}
      </TextField>
    </Box>
  );
}
