import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleReliability } from './module';

describe('catalogModuleReliability', () => {
  it('adds the reliability processor to the catalog', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addProcessor } as any],
      ],
      features: [catalogModuleReliability],
    });
    expect(addProcessor).toHaveBeenCalledTimes(1);
    expect(addProcessor.mock.calls[0][0].getProcessorName()).toBe(
      'ReliabilityMetadataProcessor',
    );
  });

  it('stops start-up on an invalid enforcement mode, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addProcessor: jest.fn() } as any],
        ],
        features: [
          catalogModuleReliability,
          mockServices.rootConfig.factory({
            data: { reliability: { catalog: { enforcement: 'strict' } } },
          }),
        ],
      }),
    ).rejects.toThrow(/reliability\.catalog\.enforcement must be one of/);
  });
});
