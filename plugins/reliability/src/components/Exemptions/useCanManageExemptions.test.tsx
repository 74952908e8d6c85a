import { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { renderHook, waitFor } from '@testing-library/react';
import { useCanManageExemptions } from './useCanManageExemptions';

// usePermission caches answers per permission for the whole module (SWR),
// so this file asks once; the denied case is in its own file.
describe('useCanManageExemptions', () => {
  it('asks for reliability.exemption.create and is false until allowed', async () => {
    const authorize = jest
      .fn()
      .mockResolvedValue({ result: 'ALLOW' } /* AuthorizeResult.ALLOW */);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[permissionApiRef, { authorize }]]}>
        {children}
      </TestApiProvider>
    );

    const { result } = renderHook(() => useCanManageExemptions(), { wrapper });

    expect(result.current).toBe(false);
    await waitFor(() => expect(result.current).toBe(true));
    expect(authorize).toHaveBeenCalledWith({
      permission: expect.objectContaining({
        name: 'reliability.exemption.create',
      }),
    });
  });
});
