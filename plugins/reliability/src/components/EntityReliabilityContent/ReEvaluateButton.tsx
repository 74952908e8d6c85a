import { useState } from 'react';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReadinessResult } from '@vigil/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';
import { ActionError } from '../ActionError';

/**
 * "Re-evaluate now": asks the backend to evaluate the entity again (from
 * the catalog's current version of it), stores the result, then lets the
 * tab reload. The new score is announced.
 */
export function ReEvaluateButton(props: {
  entityRef: CompoundEntityRef;
  /** The result the tab shows now: the status speaks only while it matches. */
  shown: Pick<ReadinessResult, 'score' | 'level'>;
  onEvaluated: (result: ReadinessResult) => void;
}) {
  const api = useApi(reliabilityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<ReadinessResult>();

  const evaluate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const fresh = await api.refreshReadiness(props.entityRef);
      setResult(fresh);
      props.onEvaluated(fresh);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button
        variant="outlined"
        color="primary"
        onClick={evaluate}
        disabled={busy}
      >
        {busy ? 'Re-evaluating…' : 'Re-evaluate now'}
      </Button>{' '}
      <Typography
        component="span"
        variant="body2"
        role="status"
        aria-live="polite"
      >
        {/* Once something else changed the score (an exemption), it is stale. */}
        {result &&
        !busy &&
        result.score === props.shown.score &&
        result.level === props.shown.level
          ? `Re-evaluated: score ${result.score}, level ${
              result.level ?? 'none'
            }`
          : ''}
      </Typography>
      <ActionError error={error} prefix="Re-evaluation failed" />
    </div>
  );
}
