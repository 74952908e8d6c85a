import { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { renderHook, waitFor } from '@testing-library/react';
import { useCanManageExemptions } from './useCanManageExemptions';

describe('useCanManageExemptions for a user without the permission', () => {
  it('stays false once the answer is DENY', async () => {
    const authorize = jest
      .fn()
      .mockResolvedValue({ result: 'DENY' } /* AuthorizeResult.DENY */);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[permissionApiRef, { authorize }]]}>
        {children}
      </TestApiProvider>
    );

    const { result } = renderHook(() => useCanManageExemptions(), { wrapper });

    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(result.current).toBe(false);
  });
});
