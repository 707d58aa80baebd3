import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';

/**
 * The one extension of a freeze (POST /freezes/{id}/extend): a sanction reference and optional
 * business days. A 409 (already extended, expired, released meanwhile) says so and reloads.
 */
export function ExtendFreeze({
  freezeId,
  onExtended,
}: {
  freezeId: string;
  /** Told the sentence to show: the row itself is replaced by the refetched, extended freeze. */
  onExtended: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [sanctionRef, setSanctionRef] = useState('');
  const [days, setDays] = useState('');
  const id = useId();

  const extend = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/api/v1/freezes/{id}/extend', {
        params: { path: { id: freezeId } },
        body: { sanctionRef: sanctionRef.trim(), ...(days ? { days: Number(days) } : {}) },
      });
      if (error !== undefined || !data) throw new ApiProblem(response, error);
      return data;
    },
    onSuccess: (freeze) => {
      const when = new Intl.DateTimeFormat(i18n.language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
      onExtended(t('desk.extend.done', { date: when.format(new Date(freeze.expiresAt)) }));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['freezes'] });
    },
    onError: (err) => {
      if (err instanceof ApiProblem && err.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ['freezes'] });
      }
    },
  });

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('desk.extend')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    extend.mutate();
  };
  const problem = extend.error instanceof ApiProblem ? extend.error : null;
  return (
    <form className="extend-form" onSubmit={submit} aria-label={t('desk.extend.title')}>
      <label className="field" htmlFor={`${id}-ref`}>
        <span>{t('desk.extend.sanctionRef')}</span>
      </label>
      <input
        id={`${id}-ref`}
        required
        value={sanctionRef}
        onChange={(e) => setSanctionRef(e.target.value)}
      />
      <label className="field" htmlFor={`${id}-days`}>
        <span>{t('desk.extend.days')}</span>
      </label>
      <input
        id={`${id}-days`}
        type="number"
        min={1}
        max={60}
        step={1}
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
      />
      {problem?.status === 409 ? (
        <p role="alert">{t('desk.extend.conflict')}</p>
      ) : (
        problem && <ProblemMessage problem={problem} />
      )}
      <button type="submit" disabled={extend.isPending}>
        {t('desk.extend.submit')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('desk.extend.cancel')}
      </button>
    </form>
  );
}
