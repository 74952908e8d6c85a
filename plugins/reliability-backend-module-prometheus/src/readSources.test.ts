import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readPrometheusSources } from './readSources';

const config = (dataSources: JsonObject) =>
  new ConfigReader({ reliability: { dataSources } });

describe('readPrometheusSources', () => {
  it('reads prometheus entries and ignores other types', () => {
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
      },
    ]);
  });

  it('returns nothing without data sources', () => {
    expect(readPrometheusSources(new ConfigReader({}))).toEqual([]);
  });

  it('names the key of a bad URL', () => {
    expect(() =>
      readPrometheusSources(config({ main: { type: 'prometheus', url: 'prometheus:9090' } })),
    ).toThrow(/reliability\.dataSources\.main\.url must be an http\(s\) URL/);
  });

  it('names the key of a bad timeout', () => {
    expect(() =>
      readPrometheusSources(
        config({ main: { type: 'prometheus', url: 'http://p:9090', timeoutMs: -5 } }),
      ),
    ).toThrow('reliability.dataSources.main.timeoutMs must be a positive number of milliseconds, got -5');
  });
});
