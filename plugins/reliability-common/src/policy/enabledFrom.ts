import { isoDateMs } from '../textFormats';

/**
 * Midnight UTC of a check's or rule's `enabledFrom` (YYYY-MM-DD), in ms;
 * NaN when there is none, so `enabledFromMs(x) > now` is then false. The
 * one reading of the date for the metadata policy and the evaluator.
 */
export function enabledFromMs(enabledFrom: string | undefined): number {
  return enabledFrom === undefined ? NaN : isoDateMs(enabledFrom);
}
