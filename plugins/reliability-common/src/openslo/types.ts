import { MetadataError } from '../metadataError';

/**
 * The only OpenSLO version Vigil reads. `openslo/v1alpha` and
 * `openslo.com/v2alpha` documents are reported as unsupported versions.
 *
 * @public
 */
export const OPENSLO_API_VERSION = 'openslo/v1';

/**
 * Every kind of the OpenSLO v1 specification. Only `SLO` and `SLI` are
 * catalog entities in Vigil; the others parse as `unsupported`.
 *
 * @public
 */
export const OPENSLO_KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'Service',
] as const;

/**
 * Annotation (or label) that states what an SLO measures, e.g.
 * `availability` or `latency`. The annotation is the portable place: OpenSLO
 * label keys cannot carry a `prefix/`.
 *
 * @public
 */
export const SLO_KIND_ANNOTATION = 'vigil/slo-kind';

/**
 * Annotation that {@link normalizeOpenSloEntity} fills with the JSON of the
 * OpenSLO labels the Backstage catalog cannot hold as labels (multi-valued
 * labels, values with spaces…). It is not under `openslo.com/`: the OpenSLO
 * specification reserves that prefix for OpenSLO itself.
 *
 * @public
 */
export const OPENSLO_LABELS_ANNOTATION = 'vigil/openslo-labels';

/**
 * How an SLO counts its error budget (OpenSLO `spec.budgetingMethod`).
 *
 * @public
 */
export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/**
 * The budgeting methods, in the spelling of the specification.
 *
 * @public
 */
export const BUDGETING_METHODS: readonly BudgetingMethod[] = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
];

/**
 * An OpenSLO duration-shorthand, parsed. `m` is always minutes; `M`, `Q`
 * and `Y` are calendar months, quarters and years and have no fixed length.
 *
 * @public
 */
export interface SloDuration {
  /** The duration as written, e.g. `28d`; a bare number of minutes is written with its unit (`5` → `5m`). */
  text: string;
  amount: number;
  /** `s` is never produced: OpenSLO v1 has no seconds unit. */
  unit: 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';
  /** fixed length in seconds; undefined for calendar units M, Q, Y */
  seconds?: number;
}

/**
 * The SLO's one time window.
 *
 * @public
 */
export interface SloTimeWindow {
  duration: SloDuration;
  isRolling: boolean;
  /** Present exactly when `isRolling` is false. */
  calendar?: {
    /** Wall-clock start in the time zone, `YYYY-MM-DD HH:mm:ss`. */
    startTime: string;
    /** IANA time zone name, e.g. `Europe/Paris`. */
    timeZone: string;
  };
}

/**
 * Where an SLI's numbers come from. `metricSourceRef` names an entry of
 * `reliability.dataSources` in app-config (`builtin` is the push store).
 *
 * @public
 */
export interface SloMetricSource {
  metricSourceRef?: string;
  type?: string;
  spec: Record<string, unknown>;
}

/**
 * The measurement of an SLI: a ratio of events or a threshold on a value.
 * Exactly one of the two is set.
 *
 * @public
 */
export interface SliSpec {
  ratioMetric?: {
    /** Monotonic counter (true) or gauge (false); false when not written, as in OpenSLO's Go SDK. */
    counter: boolean;
    good?: { metricSource: SloMetricSource };
    bad?: { metricSource: SloMetricSource };
    /** Absent only in the precomputed form (`raw` with `rawType`). */
    total?: { metricSource: SloMetricSource };
    rawType?: 'success' | 'failure';
    raw?: { metricSource: SloMetricSource };
  };
  thresholdMetric?: { metricSource: SloMetricSource };
}

/**
 * An OpenSLO `SLI`, standalone or inlined in an SLO.
 *
 * @public
 */
export interface ServiceLevelIndicator {
  name: string;
  displayName?: string;
  description?: string;
  spec: SliSpec;
}

/**
 * One objective (threshold) of an SLO.
 *
 * @public
 */
export interface SloObjective {
  displayName?: string;
  name?: string;
  /** In [0, 1), even when written as `targetPercent`. */
  target: number;
  op?: 'lt' | 'lte' | 'gt' | 'gte';
  value?: number;
  /** In (0, 1]; required with the Timeslices method. */
  timeSliceTarget?: number;
  /** Fixed length; required with the Timeslices and RatioTimeslices methods. */
  timeSliceWindow?: SloDuration;
  /** Composite SLOs only: each objective names its own indicator. */
  indicatorRef?: string;
  indicator?: ServiceLevelIndicator;
  /** Composite SLOs only: weight in (0, ∞), 1 when not written. */
  compositeWeight?: number;
}

/**
 * An OpenSLO `SLO`, parsed and validated.
 *
 * @public
 */
export interface ServiceLevelObjective {
  /** `slo:<namespace>/<name>`. */
  entityRef: string;
  name: string;
  namespace: string;
  displayName?: string;
  description?: string;
  /** As written: an entity reference whose default kind is Component. */
  service: string;
  /** Absent for composite SLOs and when `indicatorRef` is used. */
  indicator?: ServiceLevelIndicator;
  indicatorRef?: string;
  timeWindow: SloTimeWindow;
  budgetingMethod: BudgetingMethod;
  objectives: SloObjective[];
  /**
   * 'availability' | 'latency' | other: from annotation or label
   * `vigil/slo-kind`, else inferred: thresholdMetric → latency,
   * ratioMetric → availability; `unknown` when the indicator is only
   * referenced (resolve the SLI and call {@link inferSloKind}).
   */
  sloKind: string;
}

/**
 * What {@link parseOpenSloDocument} returns. `slo` / `sli` are set only when
 * `errors` is empty.
 *
 * @public
 */
export interface OpenSloParseResult {
  kind: 'SLO' | 'SLI' | 'unsupported';
  slo?: ServiceLevelObjective;
  sli?: ServiceLevelIndicator;
  errors: MetadataError[];
}
