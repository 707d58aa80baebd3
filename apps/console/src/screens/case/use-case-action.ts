import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/client';
import { caseKeys } from './case-api';

export interface CaseAction<V> {
  mutate: (values: V) => void;
  isPending: boolean;
  problem: ApiProblem | null;
  /** `errors[]` of a 400, by field name: shown beside the fields (react-aria `validationErrors`). */
  fieldErrors: Record<string, string>;
}

/**
 * A change to the case. Success and a 409 both refetch everything of the case: after a 409 the
 * page must show what is true now (who holds the case, what money is left), not what the form
 * assumed.
 */
export function useCaseAction<V>(
  caseId: string,
  run: (values: V) => Promise<unknown>,
  onSuccess?: () => void,
): CaseAction<V> {
  const queries = useQueryClient();
  const refetch = () => queries.invalidateQueries({ queryKey: caseKeys.all(caseId) });
  const m = useMutation<unknown, unknown, V>({
    mutationFn: run,
    onSuccess: async () => {
      onSuccess?.();
      await refetch();
    },
    onError: async (err) => {
      if (err instanceof ApiProblem && err.status === 409) await refetch();
    },
  });
  const problem =
    m.error instanceof ApiProblem ? m.error : m.error ? new ApiProblem(undefined, {}) : null;
  const fieldErrors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) fieldErrors[e.field] = e.message;
  return { mutate: m.mutate, isPending: m.isPending, problem, fieldErrors };
}
