import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import { useApi } from '@backstage/core-plugin-api';
import {
  BUDGET_STATES,
  OVERVIEW_COVERAGE_ITEMS,
  OverviewFilters,
} from '@vigil/plugin-reliability-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { reliabilityApiRef } from '../../api';
import {
  BUDGET_LABELS,
  COVERAGE_LABELS,
  KIND_OPTIONS,
  ListFilterKey,
  MAX_SEARCH_LENGTH,
  OverviewViewChange,
  TIER_OPTIONS,
  hasFilters,
} from './overviewView';
import { groupKeyName, groupName } from './groupNames';
import { ownerTreeOrder } from './ownerTree';

const useStyles = makeStyles(theme => ({
  chipGroup: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  groupLabel: {
    minWidth: theme.spacing(14),
  },
}));

interface Option {
  value: string;
  label: string;
}

/** Constants, so that the memoised controls see unchanged props. */
const NOTHING_SELECTED: string[] = [];
const MISSING_OPTIONS: Option[] = OVERVIEW_COVERAGE_ITEMS.map(item => ({
  value: item,
  label: COVERAGE_LABELS[item],
}));
const BUDGET_OPTIONS: Option[] = BUDGET_STATES.map(state => ({
  value: state,
  label: BUDGET_LABELS[state],
}));

/**
 * A list filter as toggle buttons: each chip is a button with
 * `aria-pressed`, in a group named by the filter; pressed chips show a
 * tick, so the state does not rest on colour alone. Memoised, like the
 * other controls: a change re-renders only the control that changed.
 */
export const ChipFilter = memo(function Chips(props: {
  label: string;
  options: Option[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const classes = useStyles();
  const { selected } = props;
  const toggle = (value: string) =>
    props.onChange(
      selected.includes(value)
        ? selected.filter(v => v !== value)
        : [...selected, value],
    );
  return (
    <div role="group" aria-label={props.label} className={classes.chipGroup}>
      <Typography
        variant="body2"
        component="span"
        aria-hidden="true"
        className={classes.groupLabel}
      >
        {props.label}
      </Typography>
      {props.options.map(option => {
        const pressed = selected.includes(option.value);
        return (
          <Chip
            key={option.value}
            label={option.label}
            size="small"
            clickable
            color={pressed ? 'primary' : 'default'}
            variant={pressed ? 'default' : 'outlined'}
            icon={pressed ? <CheckIcon /> : undefined}
            aria-pressed={pressed}
            onClick={() => toggle(option.value)}
          />
        );
      })}
    </div>
  );
});

/**
 * A filter by owner group, system, domain or level. Its choices are the
 * groups of the overview's aggregates, asked for when the list is first
 * opened (with how many entities each has); values already in the URL are
 * shown by name before that.
 */
export const GroupFilterSelect = memo(function GroupSelect(props: {
  dimension: 'owner' | 'system' | 'domain' | 'level';
  label: string;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const { dimension, selected } = props;
  const reliabilityApi = useApi(reliabilityApiRef);
  const [options, loadOptions] = useAsyncFn(async () => {
    const response = await reliabilityApi.getOverviewAggregates({
      groupBy: dimension,
    });
    const ordered =
      dimension === 'owner'
        ? ownerTreeOrder(response.items)
        : response.items.map(group => ({ group, depth: 0 }));
    return ordered.flatMap(({ group, depth }) =>
      group.key === null
        ? []
        : [
            {
              value: group.key,
              label: `${'\u2003'.repeat(depth)}${groupName(
                dimension,
                group,
              )} (${group.entities})`,
            },
          ],
    );
  }, [reliabilityApi, dimension]);
  const known = options.value ?? [];
  const shown: Option[] = [
    ...known,
    ...selected
      .filter(v => !known.some(o => o.value === v))
      .map(v => ({ value: v, label: groupKeyName(v) })),
  ];
  return (
    <TextField
      id={`vigil-overview-filter-${dimension}`}
      select
      fullWidth
      size="small"
      variant="outlined"
      label={props.label}
      value={selected}
      SelectProps={{
        multiple: true,
        onOpen: () => {
          if (!options.value && !options.loading) {
            loadOptions();
          }
        },
        renderValue: value =>
          (value as string[]).map(v => groupKeyName(v)).join(', '),
      }}
      onChange={event =>
        props.onChange(event.target.value as unknown as string[])
      }
    >
      {options.loading && (
        <MenuItem disabled value="">
          Loading…
        </MenuItem>
      )}
      {options.error && (
        <MenuItem disabled value="">
          Could not load the choices: {options.error.message}
        </MenuItem>
      )}
      {!options.loading && !options.error && shown.length === 0 && (
        <MenuItem disabled value="">
          No {props.label.toLowerCase()} has evaluated entities
        </MenuItem>
      )}
      {shown.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
});

/** The search box: typing updates the URL once the user pauses. */
export const SearchBox = memo(function Search(props: {
  value: string;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState(props.value);
  const pending = useRef<ReturnType<typeof setTimeout>>();
  const { onChange } = props;

  // Follow the URL (back button, "Clear filters"), but keep what is being
  // typed when the URL only lacks its surrounding blanks.
  useEffect(() => {
    setText(current =>
      current.trim() === props.value ? current : props.value,
    );
  }, [props.value]);
  useEffect(() => () => clearTimeout(pending.current), []);

  return (
    <TextField
      id="vigil-overview-search"
      type="search"
      fullWidth
      size="small"
      variant="outlined"
      label="Search"
      placeholder="Name, title or entity ref"
      inputProps={{ maxLength: MAX_SEARCH_LENGTH }}
      value={text}
      onChange={event => {
        const value = event.target.value;
        setText(value);
        clearTimeout(pending.current);
        pending.current = setTimeout(() => onChange(value), 300);
      }}
      onKeyDown={event => {
        if (event.key === 'Enter') {
          clearTimeout(pending.current);
          onChange(text);
        }
      }}
    />
  );
});

/**
 * Every filter of the overview; each change goes to the URL. Memoised: the
 * page re-renders three or four times for each sort or filter change (the
 * view, the URL, the loading rows, the answer), and its five selects and
 * twenty chips need to only when the filters change.
 */
export const OverviewFilterBar = memo(function FilterBar(props: {
  filters: OverviewFilters;
  onChange: (
    change: OverviewViewChange,
    options?: { replace?: boolean },
  ) => void;
}) {
  const { filters, onChange } = props;
  const set = useMemo(() => {
    const setter = (key: ListFilterKey) => (values: string[]) =>
      onChange({ filters: { [key]: values } });
    return {
      owner: setter('owner'),
      system: setter('system'),
      domain: setter('domain'),
      level: setter('level'),
      tier: setter('tier'),
      kind: setter('kind'),
      missing: setter('missing'),
      budget: setter('budget'),
    };
  }, [onChange]);
  const setSearch = useCallback(
    (search: string) => onChange({ filters: { search } }, { replace: true }),
    [onChange],
  );
  return (
    <Grid
      container
      spacing={2}
      component="form"
      role="search"
      aria-label="Filter the overview"
      onSubmit={e => e.preventDefault()}
    >
      <Grid item xs={12} md={4}>
        <SearchBox value={filters.search ?? ''} onChange={setSearch} />
      </Grid>
      <Grid item xs={6} md={2}>
        <GroupFilterSelect
          dimension="owner"
          label="Owner"
          selected={filters.owner ?? NOTHING_SELECTED}
          onChange={set.owner}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <GroupFilterSelect
          dimension="system"
          label="System"
          selected={filters.system ?? NOTHING_SELECTED}
          onChange={set.system}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <GroupFilterSelect
          dimension="domain"
          label="Domain"
          selected={filters.domain ?? NOTHING_SELECTED}
          onChange={set.domain}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <GroupFilterSelect
          dimension="level"
          label="Level"
          selected={filters.level ?? NOTHING_SELECTED}
          onChange={set.level}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ChipFilter
          label="Tier"
          options={TIER_OPTIONS}
          selected={filters.tier ?? NOTHING_SELECTED}
          onChange={set.tier}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ChipFilter
          label="Kind"
          options={KIND_OPTIONS}
          selected={filters.kind ?? NOTHING_SELECTED}
          onChange={set.kind}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ChipFilter
          label="Missing"
          options={MISSING_OPTIONS}
          selected={filters.missing ?? NOTHING_SELECTED}
          onChange={set.missing}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <ChipFilter
          label="Budget"
          options={BUDGET_OPTIONS}
          selected={filters.budget ?? NOTHING_SELECTED}
          onChange={set.budget}
        />
      </Grid>
      {hasFilters(filters) && (
        <Grid item xs={12}>
          <Button
            size="small"
            variant="outlined"
            onClick={() => onChange({ clearFilters: true })}
          >
            Clear filters
          </Button>
        </Grid>
      )}
    </Grid>
  );
});
