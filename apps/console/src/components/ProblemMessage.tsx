import { useTranslation } from 'react-i18next';
import type { CatalogueKey } from '../i18n/catalogue';
import type { ApiProblem } from '../api/problem';

/** The catalogue message for a problem: by status, so every problem reads in the person's language. */
export function problemKey(problem: ApiProblem): CatalogueKey {
  if (problem.status === 0 || problem.status === 503) return 'problem.unavailable';
  if (problem.status === 400 && problem.errors.length > 0) return 'problem.validation';
  if (problem.status === 403) return 'problem.forbidden';
  if (problem.status === 404) return 'problem.notFound';
  if (problem.status === 409) return 'problem.conflict';
  return 'problem.generic';
}

/**
 * A problem shown as a message in the person's language, with the API's own detail beneath
 * (the API words it for staff). Field errors belong beside their fields (`problem.fieldError`).
 */
export function ProblemMessage({ problem }: { problem: ApiProblem }) {
  const { t } = useTranslation();
  return (
    <div className="problem" role="alert">
      <p>{t(problemKey(problem))}</p>
      {problem.detail && <p className="problem-detail">{problem.detail}</p>}
    </div>
  );
}
