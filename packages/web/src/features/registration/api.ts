import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LookupResult, RegistrationRequest, RegistrationResult } from '@hall/contracts';
import type { IdType } from '@hall/domain';
import { IDEMPOTENCY_HEADER } from '@hall/contracts';
import { get, post, qs } from '../../lib/api';

export interface LookupKey {
  idType: IdType;
  idNumber: string;
}

export const lookupPetitioner = (k: LookupKey) =>
  get<LookupResult>(`/petitioners/lookup${qs({ idType: k.idType, idNumber: k.idNumber })}`);

/** R1.1 / R1.5a: who this is (birth date, sex from the number) and what he or she brought before. */
export function useLookup(key: LookupKey | null) {
  return useQuery({
    queryKey: ['petitioners', 'lookup', key?.idType, key?.idNumber],
    queryFn: () => lookupPetitioner(key as LookupKey),
    enabled: key !== null,
    // Another desk may have registered the same person a minute ago: always ask.
    staleTime: 0,
    gcTime: 60_000,
  });
}

export const register = (body: RegistrationRequest, idempotencyKey: string) =>
  post<RegistrationResult>('/registrations', body, { [IDEMPOTENCY_HEADER]: idempotencyKey });

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RegistrationRequest; key: string }) => register(body, key),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['petitioners', 'lookup'] });
      void qc.invalidateQueries({ queryKey: ['matters'] });
    },
  });
}
