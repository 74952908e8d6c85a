import { memo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { OverviewQuery, reliabilityApiRef } from '../../api';
import { saveFile } from './saveFile';

/**
 * Downloads every row the filters select, in the table's order (all
 * pages, not only the one on screen), as the server writes it. Memoised:
 * it changes with the query, not with each loading state or answer.
 */
export const DownloadCsvButton = memo(function CsvButton(props: {
  query: OverviewQuery;
}) {
  const reliabilityApi = useApi(reliabilityApiRef);
  const [state, download] = useAsyncFn(async () => {
    const file = await reliabilityApi.exportOverviewCsv(props.query);
    saveFile(file.blob, file.filename);
  }, [reliabilityApi, props.query]);
  return (
    <span>
      <Button
        variant="outlined"
        color="primary"
        size="small"
        startIcon={<GetAppIcon />}
        disabled={state.loading}
        onClick={() => download()}
      >
        {state.loading ? 'Preparing CSV…' : 'Download CSV'}
      </Button>
      {state.error && (
        <Typography role="alert" variant="body2" color="error">
          The CSV could not be downloaded: {state.error.message}
        </Typography>
      )}
    </span>
  );
});
