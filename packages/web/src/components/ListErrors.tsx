import type { ReactNode } from 'react';
import { theme } from 'antd';

/** Errors of a Form.List (its own rules, or a server error on the list's path), in the error colour. */
export function ListErrors({ errors, testId }: { errors: ReactNode[]; testId?: string }) {
  const { token } = theme.useToken();
  if (errors.length === 0) return null;
  return (
    <div role="alert" data-testid={testId} style={{ color: token.colorError, marginBottom: 8 }}>
      {errors.map((e, i) => (
        <div key={i}>{e}</div>
      ))}
    </div>
  );
}
