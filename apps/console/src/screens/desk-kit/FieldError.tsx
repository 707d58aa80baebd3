import type { ApiProblem } from '../../api/client';

/** The API's message for one field (`errors[].message` of a 400 problem), beside that field. */
export function FieldError({ problem, field }: { problem: ApiProblem | null; field: string }) {
  const message = problem?.fieldError(field);
  if (!message) return null;
  return <p className="field-error">{message}</p>;
}
