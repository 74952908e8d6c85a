import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  reliabilityDataSourcesExtensionPoint,
  SliDataSource,
} from '@vigil/plugin-reliability-node';
import { reliabilityModulePrometheus } from './module';

describe('reliabilityModulePrometheus', () => {
  it('registers one data source per prometheus entry through the extension point', async () => {
    const added: SliDataSource[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          reliabilityDataSourcesExtensionPoint,
          { addDataSource: (source: SliDataSource) => added.push(source) },
        ],
      ],
      features: [
        reliabilityModulePrometheus,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              dataSources: {
                'prometheus-main': {
                  type: 'prometheus',
                  url: 'http://localhost:9090',
                },
              },
            },
          },
        }),
      ],
    });
    expect(added.map(s => [s.id, s.type])).toEqual([
      ['prometheus-main', 'prometheus'],
    ]);
    // An indicator it cannot read is a no-data answer, not an exception.
    await expect(
      added[0].readCounts({
        sloRef: 'slo:default/x',
        indicator: {},
        ranges: [],
      }),
    ).resolves.toEqual({
      status: 'no-data',
      reason: expect.stringContaining(
        "Prometheus source 'prometheus-main': the indicator has no ratioMetric",
      ),
    });
  });
});
