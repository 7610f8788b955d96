import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import type { FindingGroup } from '@data-infra/backstage-plugin-data-infra-common';
import { useState } from 'react';
import { RefLink, RefLinkList, SeverityChip } from '../shared';
import { useDataInfraTranslation, type DataInfraT } from '../../hooks';

const useStyles = makeStyles(theme => ({
  item: { alignItems: 'flex-start', flexWrap: 'wrap' },
  icon: { minWidth: 90, paddingTop: theme.spacing(0.75) },
  text: { flex: '1 1 300px', minWidth: 0, overflowWrap: 'anywhere', '& > *': { whiteSpace: 'normal' } },
  affected: { paddingLeft: 90, width: '100%' },
}));

/** "16 services", "3 subteams": what a group affects, by kind. */
function affectedNoun(refs: string[], t: DataInfraT): string {
  const kinds = new Set(refs.map(r => r.split(':')[0]));
  const noun =
    kinds.size === 1
      ? ({ dataservice: 'service', subteam: 'subteam', rotation: 'rotation' } as const)[[...kinds][0]] ?? 'entity'
      : 'entity';
  return t(`findings.affected.${noun}`, { count: refs.length });
}

function Group(props: { group: FindingGroup; pageRef?: string }) {
  const { group, pageRef } = props;
  const classes = useStyles();
  const { t } = useDataInfraTranslation();
  const [open, setOpen] = useState(false);
  // The entities are worth listing unless the group concerns one entity
  // that the page or the subject link already names.
  const others =
    group.affected.length > 1 || (group.affected[0] !== pageRef && group.affected[0] !== group.subjectRef);
  const subject =
    group.subjectRef === pageRef ? null : (
      <>
        {' · '}
        <RefLink entityRef={group.subjectRef} />
      </>
    );
  return (
    <ListItem className={classes.item}>
      <ListItemIcon className={classes.icon}>
        <SeverityChip severity={group.severity} />
      </ListItemIcon>
      <ListItemText
        className={classes.text}
        primary={group.message}
        secondary={
          <>
            {group.check}
            {group.path && ` · ${group.path}`}
            {subject}
          </>
        }
      />
      {others && (
        <div className={classes.affected}>
          <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {t(open ? 'findings.hide' : 'findings.show', { affected: affectedNoun(group.affected, t) })}
          </Button>
          <Collapse in={open} unmountOnExit>
            <RefLinkList entityRefs={group.affected} />
          </Collapse>
        </div>
      )}
    </ListItem>
  );
}

/**
 * Findings grouped by cause (groupFindings), worst first: one item per
 * problem to fix, its sentence, and the entities it affects behind a
 * toggle, each listed once.
 */
export function FindingGroupList(props: { groups: FindingGroup[]; entityRef?: string }) {
  const { t } = useDataInfraTranslation();
  const pageRef = props.entityRef?.toLocaleLowerCase('en-US');
  return (
    <List dense aria-label={t('findings.listLabel')}>
      {props.groups.map(group => (
        <Group key={`${group.check}|${group.subjectRef}|${group.path ?? ''}|${group.message}`} group={group} pageRef={pageRef} />
      ))}
    </List>
  );
}
