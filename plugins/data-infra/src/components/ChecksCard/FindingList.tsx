import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import type {
  Finding,
  FindingSeverity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { SeverityChip } from '../shared';

const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Findings, worst first, each with the sentence a person can act on. */
export function FindingList(props: { findings: Finding[] }) {
  const findings = [...props.findings].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity],
  );
  return (
    <List dense aria-label="Findings">
      {findings.map((finding, index) => (
        <ListItem key={`${finding.check}-${finding.path ?? ''}-${index}`}>
          <ListItemIcon>
            <SeverityChip severity={finding.severity} />
          </ListItemIcon>
          <ListItemText
            primary={finding.message}
            secondary={[finding.check, finding.path].filter(Boolean).join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
