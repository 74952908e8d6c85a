import reliabilityPlugin from './alpha';

describe('reliability plugin for the new frontend system', () => {
  it('is the reliability plugin', () => {
    expect(reliabilityPlugin.pluginId).toBe('reliability');
    expect(Object.keys(reliabilityPlugin.routes)).toEqual([
      'root',
      'entityContent',
    ]);
  });

  // getExtension throws for an id the plugin does not provide.
  it.each([
    'api:reliability',
    'page:reliability',
    'entity-content:reliability',
    'entity-card:reliability',
  ] as const)('provides the extension %s', id => {
    expect(reliabilityPlugin.getExtension(id)).toBeDefined();
  });

  it('does not provide extensions it was not given', () => {
    expect(() =>
      reliabilityPlugin.getExtension('nav-item:reliability' as any),
    ).toThrow(/non-existent extension/);
  });
});
