import { percentToFraction } from './decimal';
import {
  explainSloDuration,
  minimumSeconds,
  parseSloDuration,
} from './duration';
import { IndicatorType, readIndicatorChoice } from './indicatorChoice';
import { Obj, own, Problems } from './problems';
import {
  BudgetingMethod,
  SloDuration,
  SloObjective,
  SloTimeWindow,
} from './types';

const OPERATORS = ['lt', 'lte', 'gt', 'gte'] as const;
const NO_BUDGET = 'a 100% objective leaves no error budget';

/** What the objectives are checked against. */
export interface ObjectivesContext {
  /** Undefined when the method itself is invalid: its rules are skipped. */
  method?: BudgetingMethod;
  window?: SloTimeWindow;
  /** The SLO-level indicator's type; composite objectives bring their own. */
  indicatorType: IndicatorType;
  composite: boolean;
}

function readTarget(
  problems: Problems,
  objective: Obj,
  at: string,
): number | undefined {
  const targetValue = own(objective, 'target');
  const percentValue = own(objective, 'targetPercent');
  if (targetValue !== undefined && percentValue !== undefined) {
    problems.add(
      `${at}.targetPercent`,
      percentValue,
      'nothing when target is set: exactly one of target (in [0, 1)) or targetPercent (in [0, 100))',
      'target: 0.999',
    );
    return undefined;
  }
  if (targetValue === undefined && percentValue === undefined) {
    problems.add(
      `${at}.target`,
      undefined,
      'target (a number in [0, 1)) or targetPercent (a number in [0, 100))',
      'target: 0.999',
    );
    return undefined;
  }
  if (targetValue !== undefined) {
    const field = `${at}.target`;
    const target = problems.number(targetValue, field, {
      expected: 'a number in [0, 1)',
      example: 'target: 0.999',
    });
    if (target === undefined) return undefined;
    if (target >= 0 && target < 1) return target;
    let reason = '';
    if (target === 1) reason = `: ${NO_BUDGET}`;
    else if (target > 1 && target < 100) {
      reason = ` (did you mean targetPercent: ${target}?)`;
    }
    problems.add(field, target, `a number in [0, 1)${reason}`, 'target: 0.999');
    return undefined;
  }
  const field = `${at}.targetPercent`;
  const percent = problems.number(percentValue, field, {
    expected: 'a number in [0, 100)',
    example: 'targetPercent: 99.9',
  });
  if (percent === undefined) return undefined;
  if (percent >= 0 && percent < 100) return percentToFraction(percent);
  problems.add(
    field,
    percent,
    `a number in [0, 100)${percent === 100 ? `: ${NO_BUDGET}` : ''}`,
    'targetPercent: 99.9',
  );
  return undefined;
}

function readTimeSliceTarget(
  problems: Problems,
  objective: Obj,
  at: string,
  required: boolean,
): number | undefined {
  const field = `${at}.timeSliceTarget`;
  const expected =
    'a number in (0, 1]: the share of good events that makes a time slice good';
  const value = problems.number(own(objective, 'timeSliceTarget'), field, {
    required,
    expected: required
      ? `${expected}, required with budgetingMethod Timeslices`
      : expected,
    example: 'timeSliceTarget: 0.95',
  });
  if (value === undefined) return undefined;
  if (value > 0 && value <= 1) return value;
  const hint =
    value > 1 && value <= 100
      ? ` (did you mean ${percentToFraction(value)}?)`
      : '';
  problems.add(field, value, `${expected}${hint}`, 'timeSliceTarget: 0.95');
  return undefined;
}

function readTimeSliceWindow(
  problems: Problems,
  objective: Obj,
  at: string,
  context: ObjectivesContext,
): SloDuration | undefined {
  const field = `${at}.timeSliceWindow`;
  const value = own(objective, 'timeSliceWindow');
  const required =
    context.method === 'Timeslices' || context.method === 'RatioTimeslices';
  const grammar = explainSloDuration(value, {
    calendarUnits: false,
    orMinutes: true,
  });
  if (value === undefined) {
    if (required) {
      problems.add(
        field,
        undefined,
        `the length of a time slice, required with budgetingMethod ${context.method}: ${grammar}`,
        'timeSliceWindow: 1m',
      );
    }
    return undefined;
  }
  let slice: SloDuration | undefined;
  if (typeof value === 'number') {
    // The specification: a bare number is a number of minutes.
    if (Number.isInteger(value) && value > 0 && value < 1e9) {
      slice = {
        text: `${value}m`,
        amount: value,
        unit: 'm',
        seconds: value * 60,
      };
    }
  } else {
    slice = parseSloDuration(value, { calendarUnits: false });
  }
  if (!slice) {
    problems.add(field, value, grammar, 'timeSliceWindow: 1m');
    return undefined;
  }
  const window = context.window?.duration;
  if (window && slice.seconds! >= minimumSeconds(window)) {
    const hint =
      window.unit === 'm'
        ? `; note that ${window.text} is ${window.amount} minute${
            window.amount === 1 ? '' : 's'
          } (a calendar month is ${window.amount}M)`
        : '';
    problems.add(
      field,
      slice.text,
      `a time slice shorter than the time window (${window.text})${hint}`,
      'timeSliceWindow: 1m',
    );
    return undefined;
  }
  return slice;
}

function readObjective(
  problems: Problems,
  value: unknown,
  at: string,
  context: ObjectivesContext,
): SloObjective | undefined {
  const objective = problems.object(value, at, {
    required: true,
    expected: 'a mapping with target or targetPercent',
    example: '{ displayName: availability, target: 0.999 }',
  });
  if (!objective) return undefined;
  const before = problems.errors.length;
  const displayName = problems.string(
    own(objective, 'displayName'),
    `${at}.displayName`,
    { expected: 'a text', example: 'displayName: availability' },
  );
  const name = problems.string(own(objective, 'name'), `${at}.name`, {
    expected: 'a text',
    example: 'name: availability',
  });
  const target = readTarget(problems, objective, at);

  let indicatorType = context.indicatorType;
  const composite: Partial<SloObjective> = {};
  if (context.composite) {
    const choice = readIndicatorChoice(problems, objective, at);
    indicatorType = choice.type;
    if (choice.indicator) composite.indicator = choice.indicator;
    if (choice.indicatorRef) composite.indicatorRef = choice.indicatorRef;
    const weight = problems.number(
      own(objective, 'compositeWeight'),
      `${at}.compositeWeight`,
      { expected: 'a number greater than 0', example: 'compositeWeight: 1' },
    );
    if (weight !== undefined && weight <= 0) {
      problems.add(
        `${at}.compositeWeight`,
        weight,
        'a number greater than 0',
        'compositeWeight: 1',
      );
    } else if (weight !== undefined) {
      composite.compositeWeight = weight;
    }
  }

  const threshold = indicatorType === 'threshold';
  const thresholdNote = threshold
    ? ', required with a thresholdMetric indicator'
    : '';
  const op = problems.oneOf(own(objective, 'op'), `${at}.op`, OPERATORS, {
    required: threshold,
    expected: `one of lt, lte, gt, gte: how the measured value is compared with value${thresholdNote}`,
    example: 'op: lte',
  });
  const limit = problems.number(own(objective, 'value'), `${at}.value`, {
    required: threshold,
    expected: `a number the measured value is compared with${thresholdNote}`,
    example: 'value: 300',
  });
  const timeSliceTarget = readTimeSliceTarget(
    problems,
    objective,
    at,
    context.method === 'Timeslices',
  );
  const timeSliceWindow = readTimeSliceWindow(problems, objective, at, context);

  if (problems.errors.length > before || target === undefined) return undefined;
  const plain =
    name === undefined &&
    op === undefined &&
    limit === undefined &&
    timeSliceTarget === undefined &&
    timeSliceWindow === undefined &&
    Object.keys(composite).length === 0;
  if (plain) {
    // The usual objective in one literal: see drProfile in profile.ts on
    // V8's shared maps.
    return displayName === undefined ? { target } : { displayName, target };
  }
  return {
    ...(displayName !== undefined ? { displayName } : {}),
    ...(name !== undefined ? { name } : {}),
    target,
    ...(op !== undefined ? { op } : {}),
    ...(limit !== undefined ? { value: limit } : {}),
    ...(timeSliceTarget !== undefined ? { timeSliceTarget } : {}),
    ...(timeSliceWindow !== undefined ? { timeSliceWindow } : {}),
    ...composite,
  };
}

/** Reads `spec.objectives`: a non-empty list of objectives. */
export function readObjectives(
  problems: Problems,
  value: unknown,
  field: string,
  context: ObjectivesContext,
): SloObjective[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(
      field,
      value,
      Array.isArray(value)
        ? 'a list of at least one objective, not an empty list'
        : 'a list of at least one objective (write each as a list item, with "- ")',
      'objectives: [{ displayName: availability, target: 0.999 }]',
    );
    return undefined;
  }
  if (context.indicatorType === 'threshold' && value.length > 1) {
    problems.add(
      field,
      `${value.length} objectives`,
      'exactly one objective with a thresholdMetric indicator (OpenSLO v1 allows one threshold per thresholdMetric SLO; write one SLO per threshold)',
      'objectives: [{ op: lte, value: 300, target: 0.99 }]',
    );
  }
  const objectives = value.map((item, i) =>
    readObjective(problems, item, `${field}[${i}]`, context),
  );
  return objectives.every(o => o !== undefined)
    ? (objectives as SloObjective[])
    : undefined;
}
