import Typography from '@material-ui/core/Typography';
import { ResponseError } from '@backstage/errors';

/**
 * The message to show for a failed request: the backend's own words (e.g.
 * why an exemption was refused), not just "Request failed with 400".
 */
export function actionErrorMessage(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const response = error as ResponseError;
    const reason = response.body?.error?.message ?? response.cause?.message;
    if (reason) {
      return `${reason} (${response.statusCode ?? 'error'})`;
    }
  }
  return error.message;
}

/** A failed action's error, announced to screen readers as it appears. */
export function ActionError(props: { error?: Error; prefix?: string }) {
  if (!props.error) return null;
  return (
    <Typography role="alert" variant="body2" color="error">
      {props.prefix ? `${props.prefix}: ` : ''}
      {actionErrorMessage(props.error)}
    </Typography>
  );
}
