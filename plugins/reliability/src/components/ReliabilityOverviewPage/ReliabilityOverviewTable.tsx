import { useCallback, useMemo, useState } from 'react';
import { ResponseErrorPanel, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewEntityRow } from '@vigil/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';
import { overviewColumns } from './overviewColumns';

const PAGE_SIZE = 25;

/** One material-table page request, as much of it as the server supports. */
interface PageQuery {
  page: number;
  pageSize: number;
}

/** Every entity's reliability headline, paged by the server. */
export function ReliabilityOverviewTable() {
  const reliabilityApi = useApi(reliabilityApiRef);
  const entityLink = useEntityRefLink();
  const columns = useMemo(() => overviewColumns(entityLink), [entityLink]);
  const [error, setError] = useState<Error>();

  const loadPage = useCallback(
    async ({ page, pageSize }: PageQuery) => {
      try {
        const response = await reliabilityApi.getOverviewEntities({
          offset: page * pageSize,
          limit: pageSize,
        });
        setError(undefined);
        return {
          // material-table wants a unique id per row.
          data: response.items.map(row => ({ ...row, id: row.entityRef })),
          page:
            response.limit > 0
              ? Math.floor(response.offset / response.limit)
              : page,
          totalCount: response.totalItems,
        };
      } catch (e) {
        // material-table does not catch a rejected page: show it here instead.
        setError(e as Error);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    [reliabilityApi],
  );

  return (
    <>
      {error && <ResponseErrorPanel error={error} />}
      <Table<OverviewEntityRow>
        title="Entities"
        columns={columns}
        data={loadPage}
        options={{
          pageSize: PAGE_SIZE,
          pageSizeOptions: [PAGE_SIZE, 50, 100],
          search: false,
          sorting: false,
          padding: 'dense',
        }}
      />
    </>
  );
}
