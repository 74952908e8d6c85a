import { Link, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewEntityRow } from '@vigil/plugin-reliability-common';

/** Shown in a cell whose value the entity does not have. */
const NONE = '—';

/**
 * The overview table's columns. Sorting and searching are off: the server
 * pages the rows, so sorting one page in the browser would mislead.
 *
 * @param entityPath - the catalog path of an entity ref (useEntityRefLink)
 */
export function overviewColumns(
  entityPath: (entityRef: string) => string,
): TableColumn<OverviewEntityRow>[] {
  return [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: row => (
        <Link to={`${entityPath(row.entityRef)}/reliability`}>
          {row.title ?? row.name}
        </Link>
      ),
    },
    { title: 'Kind', field: 'kind' },
    {
      title: 'Owner',
      field: 'owner',
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          NONE
        ),
    },
    {
      title: 'System',
      field: 'system',
      render: row =>
        row.system ? (
          <EntityRefLink entityRef={row.system} defaultKind="system" />
        ) : (
          NONE
        ),
    },
    { title: 'Tier', field: 'tier', render: row => row.tier ?? NONE },
    {
      title: 'Level',
      field: 'readiness.level',
      render: row =>
        row.readiness
          ? `${row.readiness.level ?? 'none'}${
              row.readiness.targetLevel ? ` / ${row.readiness.targetLevel}` : ''
            }`
          : NONE,
    },
    {
      title: 'Score',
      field: 'readiness.score',
      type: 'numeric',
      render: row => (row.readiness ? String(row.readiness.score) : NONE),
    },
    {
      title: 'Gap',
      field: 'readiness.gapCount',
      type: 'numeric',
      render: row => (row.readiness ? String(row.readiness.gapCount) : NONE),
    },
    {
      title: 'Runbook',
      field: 'hasRunbook',
      render: row => (row.hasRunbook ? 'Yes' : 'No'),
    },
    { title: 'Metadata errors', field: 'errorCount', type: 'numeric' },
    { title: 'Policy findings', field: 'violationCount', type: 'numeric' },
  ];
}
