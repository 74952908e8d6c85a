import { reliabilityPlugin } from './plugin';
import * as publicApi from './index';

describe('reliabilityPlugin', () => {
  it('is the reliability plugin with its API and routes', () => {
    expect(reliabilityPlugin.getId()).toBe('reliability');
    expect([...reliabilityPlugin.getApis()].map(api => api.api.id)).toEqual([
      'plugin.reliability.api',
    ]);
    expect(Object.keys(reliabilityPlugin.routes)).toEqual([
      'root',
      'entityContent',
    ]);
  });

  it('exports the extensions and the tab condition', () => {
    expect(Object.keys(publicApi).sort()).toEqual([
      'EntityReliabilityCard',
      'EntityReliabilityContent',
      'ReliabilityClient',
      'ReliabilityOverviewPage',
      'isReliabilityAvailable',
      'reliabilityApiRef',
      'reliabilityPlugin',
    ]);
    expect(
      publicApi.isReliabilityAvailable({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'orders' },
      }),
    ).toBe(true);
  });
});
