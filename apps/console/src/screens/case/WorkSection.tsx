/** Internal notes and offender records of the case. */
import { ActionForm, isoOf, present } from './ActionForm';
import type { CaseAbilities } from './case-actions';
import { caseApi, type CaseDetail } from './case-api';
import { useT } from './case-i18n';

export function WorkSection({ c, can }: { c: CaseDetail; can: CaseAbilities }) {
  const t = useT();
  return (
    <section className="case-section" aria-labelledby="work-title">
      <h2 id="work-title">{t('case.work.title')}</h2>
      <p data-testid="offenders">{t('case.offenders.count', { count: c.offendersDetained })}</p>
      <div className="case-forms">
        {can.notes && (
          <ActionForm
            caseId={c.id}
            title="case.note.title"
            submit="case.note.submit"
            fields={[{ kind: 'textarea', name: 'text', label: 'case.note.text', required: true }]}
            run={(v) => caseApi.note(c.id, { text: v.text ?? '' })}
          />
        )}
        {can.offenders && (
          <ActionForm
            caseId={c.id}
            title="case.offenders.title"
            submit="case.offenders.submit"
            fields={[
              {
                kind: 'integer',
                name: 'count',
                label: 'case.offenders.countField',
                required: true,
              },
              {
                kind: 'datetime',
                name: 'detainedAt',
                label: 'case.offenders.detainedAt',
                required: true,
              },
              { kind: 'text', name: 'note', label: 'case.outcome.note' },
            ]}
            run={(v) =>
              caseApi.offenders(c.id, {
                // A whole number typed by a person, 1–100: the API checks the range.
                count: Number.parseInt(v.count ?? '', 10),
                detainedAt: isoOf(v.detainedAt ?? ''),
                note: present(v, 'note'),
              })
            }
          />
        )}
      </div>
    </section>
  );
}
