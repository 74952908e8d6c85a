import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { RELATION_HAS_SLO } from '@vigil/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';

const percent = (value: number) => `${(Math.max(0, value) * 100).toFixed(1)} %`;

/**
 * The worst budget state among the entity's SLOs, from the deploy gate
 * (one request that already ranks them), with the SLO it comes from and
 * the budget it has left. Nothing is asked when the entity has no SLO.
 */
export function WorstBudget(props: { entity: Entity }) {
  const api = useApi(reliabilityApiRef);
  const hasSlos = (props.entity.relations ?? []).some(
    r => r.type === RELATION_HAS_SLO,
  );
  const { value, loading, error } = useAsync(
    async () =>
      hasSlos
        ? api.getDeployGate(getCompoundEntityRef(props.entity))
        : undefined,
    [api, props.entity.metadata.name, hasSlos],
  );
  if (!hasSlos) return <>No SLO</>;
  if (loading) return <>Loading…</>;
  if (error) return <>unknown ({error.message})</>;
  if (!value) return null;
  const worst = value.slos.find(s => s.state === value.state);
  if (!worst) return <>{value.state}</>;
  const name = worst.sloRef.replace(/^slo:(default\/)?/, '');
  return (
    <>
      {value.state} ({name}
      {worst.remaining === undefined
        ? ''
        : `, ${percent(worst.remaining)} left`}
      {worst.stale ? ', stale' : ''})
    </>
  );
}
