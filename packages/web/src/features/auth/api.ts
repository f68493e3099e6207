import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, Me } from '@hall/contracts';
import { post } from '../../lib/api';
import { useAuth } from '../../lib/auth';

export const login = (body: LoginRequest) => post<Me>('/auth/login', body);
export const changePassword = (body: ChangePasswordRequest) => post<{ ok: true }>('/auth/password', body);

export function useLogin() {
  const { setMe } = useAuth();
  return useMutation({ mutationFn: login, onSuccess: (me) => setMe(me) });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
