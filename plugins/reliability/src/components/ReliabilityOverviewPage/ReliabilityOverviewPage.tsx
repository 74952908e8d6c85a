import { memo, useCallback, useEffect, useMemo } from 'react';
import {
  CodeSnippet,
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  OVERVIEW_GROUP_BY,
  RELIABILITY_ANNOTATIONS,
} from '@vigil/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import {
  OverviewGroupBy,
  OverviewQuery,
  OverviewSortKey,
  reliabilityApiRef,
} from '../../api';
import { overviewSearchParams } from '../../api/ReliabilityClient';
import { formatTimestamp } from '../../utils/formatTimestamp';
import { DownloadCsvButton } from './DownloadCsvButton';
import { EntityTable } from './EntityTable';
import { GroupAggregatesTable } from './GroupAggregatesTable';
import { KpiTiles } from './KpiTiles';
import { OverviewFilterBar } from './OverviewFilterBar';
import { OverviewSection } from './OverviewSection';
import { OverviewTrendsChart } from './OverviewTrendsChart';
import { formatNumber } from './formatNumbers';
import { FIRST_ORDER, GROUP_BY_LABELS, hasFilters } from './overviewView';
import { useLowPriorityValue } from './lowPriority';
import { useOverviewView } from './useOverviewView';

/**
 * A click on a column header: the sorted column turns round, another
 * column starts in its first direction (FIRST_ORDER).
 */
function nextSort(
  key: OverviewSortKey,
  sort: OverviewSortKey,
  order: 'asc' | 'desc',
): { key: OverviewSortKey; order: 'asc' | 'desc' } {
  if (key !== sort) {
    return { key, order: FIRST_ORDER[key] };
  }
  return { key, order: order === 'asc' ? 'desc' : 'asc' };
}

/** "12 entities match the filters", "1 entity evaluated" */
function countText(total: number, filtered: boolean): string {
  const entities = total === 1 ? '1 entity' : `${formatNumber(total)} entities`;
  if (!filtered) {
    return `${entities} evaluated`;
  }
  return `${entities} ${total === 1 ? 'matches' : 'match'} the filters`;
}

/** Days of history in the trend chart. */
export const TREND_DAYS = 90;

const exampleYaml = [
  'metadata:',
  '  annotations:',
  `    ${RELIABILITY_ANNOTATIONS.tier}: tier-1`,
  `    ${RELIABILITY_ANNOTATIONS.runbook}: https://wiki.example.com/runbooks/my-service`,
  'spec:',
  '  owner: my-team',
].join('\n');

/** Shown when the backend has evaluated no entity yet. */
function NothingEvaluated() {
  return (
    <EmptyState
      missing="data"
      title="No entities evaluated yet"
      description="Entities appear here once the reliability backend has evaluated them: it evaluates every Component, System and Resource in the catalog at startup and then on a schedule. Give your entities a tier and the reliability annotations, and they show up after the next evaluation."
      action={
        <>
          <Typography variant="body1">
            Annotations to add to catalog-info.yaml, with example values:
          </Typography>
          <CodeSnippet text={exampleYaml} language="yaml" showCopyCodeButton />
        </>
      }
    />
  );
}

/**
 * The page frame, made once. Backstage's Page gives its children a theme it
 * builds anew on each of its renders, and a new theme makes every style
 * sheet below it be built again: rendered with the state, each filter
 * change and each answer cost hundreds of milliseconds. As one constant
 * element, the frame is never rendered again by React; the state lives in
 * OverviewContent.
 */
const overviewPage = (
  <Page themeId="tool">
    <Header
      title="Reliability overview"
      subtitle="Readiness, coverage and error budgets of every evaluated service"
    />
    <Content>
      <ContentHeader title="Reliability scorecard">
        <SupportButton>
          Every figure is computed by the reliability backend from the last
          stored readiness results, for the entities the filters select. The
          filters, the order and the page are in the URL: share it to show the
          same view. Open a row for the entity's Reliability tab.
        </SupportButton>
      </ContentHeader>
      <OverviewContent />
    </Content>
  </Page>
);

/**
 * The organisation-wide reliability overview: headline figures, a trend,
 * aggregates by owner group, system, domain, tier or level, and every
 * entity's row — all computed by the server for the filters in the URL.
 */
export function ReliabilityOverviewPage() {
  return overviewPage;
}

/** What the aggregates are grouped by; memoised like the filter bar. */
const GroupBySelect = memo(function GroupBy(props: {
  groupBy: OverviewGroupBy;
  onChange: (change: { groupBy: OverviewGroupBy }) => void;
}) {
  return (
    <TextField
      id="vigil-overview-group-by"
      select
      size="small"
      variant="outlined"
      label="Group by"
      value={props.groupBy}
      onChange={event =>
        props.onChange({ groupBy: event.target.value as OverviewGroupBy })
      }
      style={{ minWidth: 140 }}
    >
      {OVERVIEW_GROUP_BY.map(g => (
        <MenuItem key={g} value={g}>
          {GROUP_BY_LABELS[g]}
        </MenuItem>
      ))}
    </TextField>
  );
});

/** Everything inside the page frame: the view, its requests and sections. */
function OverviewContent() {
  const reliabilityApi = useApi(reliabilityApiRef);
  const { view, update, urlCanFollow } = useOverviewView();
  const { sort, order, page, pageSize, groupBy } = view;

  // The filters as a string: the requests below run again only when it changes.
  const filterKey = overviewSearchParams(view.filters).toString();
  const filters = useMemo(
    () => view.filters,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey],
  );
  const query: OverviewQuery = useMemo(
    () => ({ ...filters, sort, order }),
    [filters, sort, order],
  );

  // The rows first: the table is what a filter or sort change waits for.
  const entities = useAsync(async () => {
    const request = { offset: page * pageSize, limit: pageSize, ...query };
    const response = await reliabilityApi.getOverviewEntities(request);
    const key = new URLSearchParams({
      offset: String(request.offset),
      limit: String(request.limit),
    });
    overviewSearchParams(query).forEach((v, k) => key.set(k, v));
    return { key: key.toString(), response, filters };
  }, [reliabilityApi, query, page, pageSize]);
  // Once the rows are drawn, the URL follows the view (see useOverviewView).
  useEffect(() => {
    if (entities.value) urlCanFollow();
  }, [entities.value, urlCanFollow]);
  // The other sections ask once the rows of the same filters are answered
  // (or have failed). Sent together, the four requests shared the backend's
  // turns and all came back together (measured in Chromium on the seed:
  // 71-131 ms after they were sent; the rows' request alone, 12-54 ms).
  const answeredFilters = entities.error ? filters : entities.value?.filters;
  const kpis = useAsync(
    async () =>
      answeredFilters && reliabilityApi.getOverviewKpis(answeredFilters),
    [reliabilityApi, answeredFilters],
  );
  const trends = useAsync(
    async () =>
      answeredFilters &&
      reliabilityApi.getOverviewTrends({
        ...answeredFilters,
        days: TREND_DAYS,
      }),
    [reliabilityApi, answeredFilters],
  );
  const aggregates = useAsync(
    async () =>
      answeredFilters &&
      reliabilityApi.getOverviewAggregates({ ...answeredFilters, groupBy }),
    [reliabilityApi, answeredFilters, groupBy],
  );

  // Each section is rebuilt only when its own answer changes: a filter or
  // sort change then re-renders the table, not the chart and the tiles too.
  // The tiles, the chart and the aggregates draw their answers at low
  // priority: the entity table, which a filter or sort change waits for,
  // is drawn first.
  const kpisValue = useLowPriorityValue(kpis.value);
  const trendsValue = useLowPriorityValue(trends.value);
  const aggregatesValue = useLowPriorityValue(aggregates.value);
  const kpiTiles = useMemo(
    () => kpisValue && <KpiTiles items={kpisValue.items} />,
    [kpisValue],
  );
  const trendChart = useMemo(
    () =>
      trendsValue && (
        <OverviewTrendsChart response={trendsValue} days={TREND_DAYS} />
      ),
    [trendsValue],
  );

  const filtered = hasFilters(filters);
  const total = entities.value?.response.totalItems;

  // The tables too: the answers of the other sections (which arrive one by
  // one after a change) do not re-render them. The aggregates show (and
  // toggle) the selection at low priority as well: a filter change draws
  // the entity table's progress first.
  const selection = useLowPriorityValue(filters);
  const aggregatesTable = useMemo(() => {
    if (!aggregatesValue) return undefined;
    const selectGroup = (dimension: OverviewGroupBy, value: string) => {
      const current = selection[dimension] ?? [];
      const only = current.length === 1 && current[0] === value;
      update({ filters: { [dimension]: only ? [] : [value] } });
    };
    return (
      <GroupAggregatesTable
        // A new grouping starts with its own rows shown and closed.
        key={aggregatesValue.groupBy}
        response={aggregatesValue}
        selected={selection[aggregatesValue.groupBy] ?? []}
        onSelect={selectGroup}
      />
    );
  }, [aggregatesValue, selection, update]);
  // Stable, so that the table's header and pager are not re-rendered while
  // the rows load.
  const onSort = useCallback(
    (key: OverviewSortKey) => update({ sort: nextSort(key, sort, order) }),
    [update, sort, order],
  );
  const onPage = useCallback(
    (next: number) => update({ page: next }),
    [update],
  );
  const onPageSize = useCallback(
    (size: number) => update({ pageSize: size }),
    [update],
  );
  const entityTable = useMemo(
    () =>
      entities.value && (
        <EntityTable
          response={entities.value.response}
          query={entities.value.key}
          loading={entities.loading}
          sort={sort}
          order={order}
          onSort={onSort}
          onPage={onPage}
          onPageSize={onPageSize}
        />
      ),
    [entities.value, entities.loading, sort, order, onSort, onPage, onPageSize],
  );

  return (
    <>
      <OverviewSection title="Filters">
        <OverviewFilterBar filters={filters} onChange={update} />
      </OverviewSection>

      <OverviewSection title="Headline figures">
        {kpis.error && <ResponseErrorPanel error={kpis.error} />}
        {!kpis.value && (kpis.loading || !answeredFilters) && <Progress />}
        {kpisValue && (
          <>
            {kpiTiles}
            {kpisValue.asOf && (
              <Typography
                component="p"
                variant="caption"
                color="textSecondary"
                style={{ marginTop: 8 }}
              >
                As of {formatTimestamp(kpisValue.asOf)} (the newest result
                behind the figures).
              </Typography>
            )}
          </>
        )}
      </OverviewSection>

      <OverviewSection title={`Trend over ${TREND_DAYS} days`}>
        {trends.error && <ResponseErrorPanel error={trends.error} />}
        {!trends.value && (trends.loading || !answeredFilters) && <Progress />}
        {trendChart}
      </OverviewSection>

      <OverviewSection
        title={`By ${GROUP_BY_LABELS[groupBy].toLowerCase()}`}
        action={<GroupBySelect groupBy={groupBy} onChange={update} />}
      >
        {aggregates.error && <ResponseErrorPanel error={aggregates.error} />}
        {!aggregates.value && (aggregates.loading || !answeredFilters) && (
          <Progress />
        )}
        {aggregatesTable}
      </OverviewSection>

      <OverviewSection
        title="Entities"
        action={total ? <DownloadCsvButton query={query} /> : undefined}
      >
        {entities.error && <ResponseErrorPanel error={entities.error} />}
        {!entities.value && entities.loading && <Progress />}
        {entities.value && (
          <Typography role="status" variant="body2" color="textSecondary">
            {countText(total ?? 0, filtered)}
          </Typography>
        )}
        {entities.value && total === 0 && !filtered && <NothingEvaluated />}
        {entities.value && total === 0 && filtered && (
          <div>
            <Typography variant="body1" paragraph>
              No entity matches these filters.
            </Typography>
            <Button
              variant="outlined"
              onClick={() => update({ clearFilters: true })}
            >
              Clear filters
            </Button>
          </div>
        )}
        {total !== 0 && entityTable}
      </OverviewSection>
    </>
  );
}
