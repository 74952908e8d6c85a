import { MALFORMED_OPENSLO_CASES } from './__fixtures__/malformed';
import { parseOpenSloDocument } from './parseDocument';

describe('the malformed OpenSLO corpus', () => {
  it('holds at least 100 documents, each described once', () => {
    expect(MALFORMED_OPENSLO_CASES.length).toBeGreaterThanOrEqual(100);
    const descriptions = MALFORMED_OPENSLO_CASES.map(c => c.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it.each(MALFORMED_OPENSLO_CASES.map(c => [c.description, c] as const))(
    '%s',
    (_, testCase) => {
      const result = parseOpenSloDocument(testCase.document);
      expect(result.slo).toBeUndefined();
      expect(result.sli).toBeUndefined();
      // Exactly the expected errors, in order: no cascade of follow-ups.
      expect(result.errors.map(e => e.field)).toEqual([
        testCase.field,
        ...(testCase.alsoFields ?? []),
      ]);
      const [error] = result.errors;
      expect(error.value ?? null).toBe(testCase.value);
      expect(error.message).toContain(testCase.message);
      expect(error.message).toContain(`: ${testCase.field} `);
      expect(error.message).toContain(
        testCase.value === null
          ? 'is missing'
          : `has ${JSON.stringify(testCase.value)}`,
      );
      expect(error.message).toMatch(/; expected .+, e\.g\. ".+"$/s);
      expect(error.entityRef).toMatch(/^[a-z]+:[^/]+\/.+$/s);
    },
  );
});
