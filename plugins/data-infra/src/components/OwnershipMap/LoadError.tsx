import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useDataInfraTranslation } from '../../hooks';

/** A part of the map that failed to load, inside its column, with a way to ask again. */
export function LoadError(props: { error: Error; onRetry: () => void }) {
  const { t } = useDataInfraTranslation();
  return (
    <Typography variant="body2" color="error" role="alert">
      {t('ownershipMap.couldNotLoad', { message: props.error.message })}{' '}
      <Button size="small" onClick={props.onRetry}>
        {t('ownershipMap.retry')}
      </Button>
    </Typography>
  );
}
