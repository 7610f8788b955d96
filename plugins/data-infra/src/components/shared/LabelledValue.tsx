import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 30%) 1fr',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  label: { color: theme.palette.text.secondary },
}));

/** One "label: value" row of a card, aligned with its siblings. */
export function LabelledValue(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.row}>
      <Typography variant="body2" className={classes.label} component="span">
        {props.label}
      </Typography>
      <Typography variant="body2" component="span">
        {props.children}
      </Typography>
    </div>
  );
}
