import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readPrometheusSources } from './readSources';

const config = (dataSources: JsonObject) =>
  new ConfigReader({ reliability: { dataSources } });

const source = (extra: JsonObject) =>
  config({ main: { type: 'prometheus', url: 'http://p:9090', ...extra } });

describe('readPrometheusSources', () => {
  it('reads prometheus entries with their defaults and ignores other types', () => {
    expect(
      readPrometheusSources(
        config({
          main: {
            type: 'prometheus',
            url: 'http://prometheus:9090/',
            headers: { Authorization: 'Bearer x' },
          },
          other: { type: 'datadog', url: 'https://dd.example.com' },
        }),
      ),
    ).toEqual([
      {
        id: 'main',
        url: 'http://prometheus:9090',
        headers: { Authorization: 'Bearer x' },
        timeoutMs: 10000,
        minStepSeconds: 300,
        maxPoints: 11000,
        concurrency: 8,
      },
    ]);
  });

  it('reads the optional settings', () => {
    expect(
      readPrometheusSources(
        source({
          timeoutMs: 2500,
          minStep: '1m',
          maxPoints: 5000,
          concurrency: 2,
        }),
      )[0],
    ).toMatchObject({
      timeoutMs: 2500,
      minStepSeconds: 60,
      maxPoints: 5000,
      concurrency: 2,
    });
  });

  it('returns nothing without data sources', () => {
    expect(readPrometheusSources(new ConfigReader({}))).toEqual([]);
  });

  it('names the key of a bad URL', () => {
    expect(() =>
      readPrometheusSources(
        config({ main: { type: 'prometheus', url: 'prometheus:9090' } }),
      ),
    ).toThrow(/reliability\.dataSources\.main\.url must be an http\(s\) URL/);
  });

  it('refuses credentials in the URL without echoing them', () => {
    let message = '';
    try {
      readPrometheusSources(source({ url: 'http://vigil:s3cret@p:9090' }));
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(
      /reliability\.dataSources\.main\.url must not hold credentials; put them in reliability\.dataSources\.main\.headers/,
    );
    expect(message).not.toContain('s3cret');
  });

  it('names the key of a bad timeout', () => {
    expect(() => readPrometheusSources(source({ timeoutMs: -5 }))).toThrow(
      'reliability.dataSources.main.timeoutMs must be a positive number of milliseconds, got -5',
    );
  });

  it('names the key of a bad minStep', () => {
    expect(() => readPrometheusSources(source({ minStep: '5' }))).toThrow(
      'reliability.dataSources.main.minStep must be a Prometheus duration such as 1m or 5m, got "5"',
    );
  });

  it("refuses more points than Prometheus' 11,000 limit", () => {
    expect(() => readPrometheusSources(source({ maxPoints: 20000 }))).toThrow(
      'reliability.dataSources.main.maxPoints must be a whole number from 2 to 11000, got 20000',
    );
  });

  it('names the key of a bad concurrency', () => {
    expect(() => readPrometheusSources(source({ concurrency: 0 }))).toThrow(
      'reliability.dataSources.main.concurrency must be a whole number from 1 to 256, got 0',
    );
  });
});
