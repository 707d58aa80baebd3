import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';

/** Loading and failure of a query, in the user's language; nothing once it has data. */
export function QueryState({ query }: { query: { isPending: boolean; error: unknown } }) {
  const { t } = useTranslation();
  if (query.error instanceof ApiProblem) return <ProblemMessage problem={query.error} />;
  if (query.error) return <p role="alert">{t('desk.failed')}</p>;
  if (query.isPending) return <p aria-live="polite">{t('desk.loading')}</p>;
  return null;
}
