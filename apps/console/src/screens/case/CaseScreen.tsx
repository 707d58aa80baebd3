/**
 * The case page (/console/cases/:id): header with the workflow actions, then the sections. Each
 * section reads its own route (reports, timeline and funds are paged or heavy), all under the
 * case's query key, so one invalidation after a change refreshes the whole page.
 */
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiProblem } from '../../api/client';
import { useSession } from '../../api/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { caseAbilities, type Role } from './case-actions';
import { caseApi, caseKeys } from './case-api';
import { useT } from './case-i18n';
import { CaseHeader } from './CaseHeader';
import { FundsSection } from './FundsSection';
import { ReportsSection } from './ReportsSection';
import { SchemesSection } from './SchemesSection';
import { TimelineSection } from './TimelineSection';
import { WorkSection } from './WorkSection';
import './pressable-style';
import './case.css';

export default function CaseScreen() {
  const t = useT();
  const { id = '' } = useParams();
  const { user } = useSession();
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => caseApi.detail(id) });

  if (detail.isPending) return <p role="status">{t('case.loading')}</p>;
  if (detail.isError) {
    const err = detail.error;
    if (err instanceof ApiProblem && err.status === 403) {
      // Another region's case: say so plainly and show nothing of it.
      return (
        <section className="case-denied" aria-labelledby="case-denied">
          <h1 id="case-denied">{t('case.denied.title')}</h1>
          <p>{t('case.denied.body')}</p>
        </section>
      );
    }
    if (err instanceof ApiProblem && err.status === 404) {
      return (
        <section aria-labelledby="case-missing">
          <h1 id="case-missing">{t('case.missing.title')}</h1>
        </section>
      );
    }
    return (
      <ProblemMessage problem={err instanceof ApiProblem ? err : new ApiProblem(undefined, {})} />
    );
  }

  const c = detail.data;
  const actor = { id: user.id, role: user.role as Role };
  const can = caseAbilities(actor, c);
  return (
    <article className="case-page" aria-labelledby="case-title">
      <CaseHeader c={c} can={can} />
      <FundsSection c={c} can={can} />
      <ReportsSection c={c} />
      <SchemesSection c={c} can={can} />
      <WorkSection c={c} can={can} />
      <TimelineSection caseId={c.id} />
    </article>
  );
}
