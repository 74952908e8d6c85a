import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogModuleReliability } from './module';

describe('catalogModuleReliability', () => {
  it('adds the OpenSLO and the policy processors to the catalog', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addProcessor } as any],
      ],
      features: [catalogModuleReliability, catalogServiceMock.factory()],
    });
    expect(addProcessor).toHaveBeenCalledTimes(1);
    expect(
      addProcessor.mock.calls[0].map((p: any) => p.getProcessorName()),
    ).toEqual(['OpenSloEntityProcessor', 'ReliabilityMetadataProcessor']);
  });

  it('stops start-up on an invalid policy, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addProcessor: jest.fn() } as any],
        ],
        features: [
          catalogModuleReliability,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { reliability: { policy: { enforcement: 'strict' } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      'reliability.policy.enforcement has "strict"; expected one of off, warn, enforce',
    );
  });
});
