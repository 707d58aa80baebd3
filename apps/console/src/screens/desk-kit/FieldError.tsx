import { ApiProblem } from '../../api/client';

/** The API's message for one field (`errors[].message` of a 400 problem), beside that field. */
export function FieldError({ problem, field }: { problem: ApiProblem | null; field: string }) {
  const messages = (problem?.body.errors ?? []).filter((e) => e.field === field);
  if (messages.length === 0) return null;
  return (
    <p className="field-error" role="alert">
      {messages.map((e) => e.message).join(' ')}
    </p>
  );
}
