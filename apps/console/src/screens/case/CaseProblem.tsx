import type { ApiProblem } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useT, type CaseKey } from './case-i18n';

/** 409s of the case page said specifically, by problem type; the rest as the shell says them. */
const CONFLICTS: Readonly<Record<string, CaseKey>> = {
  'case-already-claimed': 'case.problem.claimed',
  'release-exceeds-frozen': 'case.problem.money',
  'reimbursement-exceeds-loss': 'case.problem.money',
  'ledger-invariant': 'case.problem.money',
};

export function CaseProblem({ problem }: { problem: ApiProblem }) {
  const t = useT();
  const key = problem.status === 409 ? CONFLICTS[problem.code] : undefined;
  if (!key) return <ProblemMessage problem={problem} />;
  return (
    <div className="problem" role="alert">
      <p>{t(key)}</p>
      {problem.detail && <p className="problem-detail">{problem.detail}</p>}
    </div>
  );
}
