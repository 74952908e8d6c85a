import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { normalizeOpenSloEntity } from './normalize';
import { parseOpenSloDocument } from './parseDocument';
import { OpenSloParseResult } from './types';

/*
 * The official OpenSLO v1 examples (see __fixtures__/official and the table
 * in the package README): each accepted, unsupported (a kind that is not a
 * catalog entity in Vigil) or rejected with the stated errors.
 */
type Outcome =
  | { accepted: string }
  | { unsupported: true }
  | { rejected: Array<[field: string, message: string]> };

const EXPECTED: Array<[file: string, name: string, outcome: Outcome]> = [
  [
    'budgeting-method--occurences-slo.yaml',
    'search-slo',
    { accepted: 'latency' },
  ],
  [
    'budgeting-method--ratio-timeslices.yaml',
    'main-page',
    { accepted: 'availability' },
  ],
  [
    'budgeting-method--timeslices-slo.yaml',
    'service-availability',
    {
      rejected: [
        [
          'spec.objectives[0].timeSliceWindow',
          'a time slice shorter than the time window (1m); note that 1m is 1 minute (a calendar month is 1M)',
        ],
        [
          'spec.objectives[1].timeSliceWindow',
          'a time slice shorter than the time window (1m)',
        ],
      ],
    },
  ],
  ['go-sdk--slis.yaml', 'search-availability', { accepted: 'SLI' }],
  ['go-sdk--slis.yaml', 'end-user-response', { accepted: 'SLI' }],
  ['go-sdk--slis.yaml', 'wifi-client-satisfaction', { accepted: 'SLI' }],
  ['go-sdk--slis.yaml', 'annotator-throughput', { accepted: 'SLI' }],
  ['go-sdk--slos.yaml', 'web-availability', { accepted: 'availability' }],
  ['spec-readme-examples.yaml', 'string', { unsupported: true }],
  [
    'spec-readme-examples.yaml',
    'foo-slo',
    {
      rejected: [
        ['spec.timeWindow', 'a list of exactly one time window'],
        [
          'spec.budgetingMethod',
          'one of Occurrences, Timeslices, RatioTimeslices',
        ],
      ],
    },
  ],
  ['spec-readme-examples.yaml', 'AlertPolicy', { unsupported: true }],
  ['spec-readme-examples.yaml', 'AlertPolicy', { unsupported: true }],
  ['spec-readme-examples.yaml', 'cpu-usage-breach', { unsupported: true }],
  [
    'spec-readme-examples.yaml',
    'OnCallDevopsMailNotification',
    { unsupported: true },
  ],
  [
    'spec-readme-examples.yaml',
    'OnCallDevopsSlackNotification',
    { unsupported: true },
  ],
  [
    'treat-low-traffic-as-equally-important--timeslices-slo.yaml',
    'service-availability',
    { accepted: 'availability' },
  ],
];

/** The outcome of a parse, in the shape of {@link Outcome}. */
function summary(result: OpenSloParseResult): unknown {
  if (result.errors.length > 0) {
    return { rejected: result.errors.map(e => [e.field, e.message]) };
  }
  if (result.kind === 'unsupported') return { unsupported: true };
  return { accepted: result.slo ? result.slo.sloKind : 'SLI' };
}

function expectedSummary(outcome: Outcome): unknown {
  if (!('rejected' in outcome)) return outcome;
  return {
    rejected: outcome.rejected.map(([field, message]) => [
      field,
      expect.stringContaining(message),
    ]),
  };
}

const dir = join(__dirname, '__fixtures__', 'official');

function load(): Array<[string, any]> {
  return readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file =>
      parseAllDocuments(readFileSync(join(dir, file), 'utf8')).flatMap(doc => {
        expect(doc.errors).toEqual([]);
        const js = doc.toJS();
        // The Go SDK's example files are YAML lists of documents.
        return (Array.isArray(js) ? js : [js]).map(
          d => [file, d] as [string, any],
        );
      }),
    );
}

describe('the official OpenSLO v1 examples', () => {
  const documents = load();

  it('are all listed, in file order', () => {
    expect(documents.map(([file, doc]) => [file, doc.metadata.name])).toEqual(
      EXPECTED.map(([file, name]) => [file, name]),
    );
    for (const [file] of EXPECTED) {
      expect(readFileSync(join(dir, file), 'utf8')).toMatch(
        /^# Source: https:\/\/github\.com\/OpenSLO\//,
      );
    }
  });

  it.each(
    EXPECTED.map(
      ([file, name, outcome], i) => [file, name, outcome, i] as const,
    ),
  )('%s %s', (_, __, outcome, i) => {
    const doc = documents[i][1];
    const expected = expectedSummary(outcome);
    expect(summary(parseOpenSloDocument(doc))).toEqual(expected);
    expect(
      summary(parseOpenSloDocument(normalizeOpenSloEntity(doc).entity)),
    ).toEqual(expected);
  });
});
