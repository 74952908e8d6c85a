import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { percentToFraction } from './decimal';
import { isOpenSloDocument } from './parseDocument';
import { isObj, Obj, own } from './problems';
import { OPENSLO_LABELS_ANNOTATION } from './types';

/** An OpenSLO label value as a list; undefined when it is not valid OpenSLO. */
function labelValues(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
    return value as string[];
  }
  return undefined;
}

function normalizeLabels(metadata: Obj, notes: string[]): void {
  const labels = own(metadata, 'labels');
  if (labels === undefined) return;
  if (!isObj(labels)) {
    notes.push('metadata.labels is not a mapping: left unchanged');
    return;
  }
  const kept: Array<[string, string]> = [];
  const moved: Array<[string, string | string[]]> = [];
  for (const [key, value] of Object.entries(labels)) {
    const values = labelValues(value);
    if (
      values === undefined ||
      !KubernetesValidatorFunctions.isValidLabelKey(key)
    ) {
      // Not valid OpenSLO either: the parser reports it where it is.
      notes.push(`metadata.labels.${key} is not valid OpenSLO: left unchanged`);
      kept.push([key, value as string]);
    } else if (
      values.length === 1 &&
      KubernetesValidatorFunctions.isValidLabelValue(values[0])
    ) {
      if (Array.isArray(value)) {
        notes.push(
          `metadata.labels.${key}: a list of one value became that value`,
        );
      }
      kept.push([key, values[0]]);
    } else {
      moved.push([key, value as string | string[]]);
    }
  }
  if (moved.length === 0) {
    metadata.labels = Object.fromEntries(kept);
    return;
  }
  const annotations = own(metadata, 'annotations') ?? {};
  if (!isObj(annotations)) {
    notes.push(
      'metadata.annotations is not a mapping: labels the catalog cannot hold were left unchanged',
    );
    return;
  }
  // Merge with labels moved earlier, so normalising twice changes nothing.
  let previous: Obj = {};
  const existing = own(annotations, OPENSLO_LABELS_ANNOTATION);
  if (typeof existing === 'string') {
    try {
      const parsed: unknown = JSON.parse(existing);
      if (isObj(parsed)) previous = parsed;
    } catch {
      notes.push(
        `metadata.annotations.${OPENSLO_LABELS_ANNOTATION} is not JSON: replaced`,
      );
    }
  }
  metadata.labels = Object.fromEntries(kept);
  metadata.annotations = {
    ...annotations,
    [OPENSLO_LABELS_ANNOTATION]: JSON.stringify(
      Object.fromEntries([...Object.entries(previous), ...moved]),
    ),
  };
  notes.push(
    `metadata.labels ${moved
      .map(([key]) => key)
      .join(
        ', ',
      )} moved to the annotation ${OPENSLO_LABELS_ANNOTATION} (the catalog holds one value per label, without spaces)`,
  );
}

function normalizeMetadata(doc: Obj, notes: string[]): void {
  const value = own(doc, 'metadata');
  if (!isObj(value)) {
    notes.push('metadata is missing or not a mapping: left unchanged');
    return;
  }
  const metadata: Obj = { ...value };
  doc.metadata = metadata;
  if (own(metadata, 'namespace') === undefined) {
    metadata.namespace = 'default';
  }
  const displayName = own(metadata, 'displayName');
  if (
    typeof displayName === 'string' &&
    displayName.trim() !== '' &&
    own(metadata, 'title') === undefined
  ) {
    metadata.title = displayName;
    notes.push('metadata.displayName copied to metadata.title');
  }
  const spec = own(doc, 'spec');
  const description = isObj(spec) ? own(spec, 'description') : undefined;
  if (
    typeof description === 'string' &&
    own(metadata, 'description') === undefined
  ) {
    metadata.description = description;
    notes.push('spec.description copied to metadata.description');
  }
  normalizeLabels(metadata, notes);
  const name = own(metadata, 'name');
  if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
    notes.push(
      'metadata.name cannot be a catalog entity name: left unchanged (renaming would break references)',
    );
  }
}

function normalizeObjectives(doc: Obj, notes: string[]): void {
  const spec = own(doc, 'spec');
  if (!isObj(spec)) return;
  const objectives = own(spec, 'objectives');
  if (!Array.isArray(objectives)) return;
  doc.spec = {
    ...spec,
    objectives: objectives.map((objective, i) => {
      if (!isObj(objective)) return objective;
      const percent = own(objective, 'targetPercent');
      if (
        typeof percent !== 'number' ||
        !(percent >= 0 && percent < 100) ||
        own(objective, 'target') !== undefined
      ) {
        // Invalid: left as written so the parser reports the author's value.
        return objective;
      }
      const { targetPercent: _, ...rest } = objective;
      notes.push(
        `spec.objectives[${i}].targetPercent ${percent} became target ${percentToFraction(
          percent,
        )}`,
      );
      return { ...rest, target: percentToFraction(percent) };
    }),
  };
}

/**
 * Turns an OpenSLO v1 document into an entity the Backstage catalog can
 * hold, without changing its meaning, so an OpenSLO file registered as a
 * catalog Location works unchanged:
 *
 * - `metadata.namespace` defaults to `default`;
 * - `metadata.displayName` is copied to `metadata.title` (and kept),
 *   `spec.description` to `metadata.description`;
 * - OpenSLO labels the catalog cannot hold (lists of several values, values
 *   with spaces…) move to the annotation `vigil/openslo-labels` as JSON; a
 *   list of one value becomes that value;
 * - `targetPercent` becomes `target` (99.95 → 0.9995, exactly).
 *
 * What is not valid OpenSLO is left as written, so
 * {@link parseOpenSloDocument} (which reads both forms) reports it with the
 * author's value. The input is not modified. `notes` says what changed.
 *
 * @public
 */
export function normalizeOpenSloEntity(doc: Record<string, unknown>): {
  entity: Record<string, unknown>;
  notes: string[];
} {
  const notes: string[] = [];
  try {
    if (!isOpenSloDocument(doc)) {
      notes.push(
        'not an OpenSLO v1 document (apiVersion openslo/v1): left unchanged',
      );
      return { entity: doc, notes };
    }
    const entity: Obj = { ...doc };
    normalizeMetadata(entity, notes);
    if (own(entity, 'kind') === 'SLO') {
      normalizeObjectives(entity, notes);
    }
    return { entity, notes };
  } catch (error) {
    notes.push(
      `could not be normalised (${
        error instanceof Error ? error.message : String(error)
      }): left unchanged`,
    );
    return { entity: doc, notes };
  }
}
