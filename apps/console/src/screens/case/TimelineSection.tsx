/** The case's audit trail, oldest first, 50 entries a page (GET /cases/{id}/timeline). */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { caseApi, caseKeys, type TimelineEvent } from './case-api';
import { EVENT_KEYS, useFormat, useT } from './case-i18n';

export function TimelineSection({ caseId }: { caseId: string }) {
  const t = useT();
  const f = useFormat();
  const q = useInfiniteQuery({
    queryKey: caseKeys.timeline(caseId),
    queryFn: ({ pageParam }) => caseApi.timeline(caseId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="case-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('case.timeline.title')}</h2>
      <ol className="case-timeline" data-testid="timeline">
        {items.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{f.dateTime(e.at)}</time>{' '}
            <span>
              {e.actor.kind === 'staff' ? (e.actor.fullName ?? '') : t('case.timeline.system')}
            </span>
            {': '}
            <Describe e={e} />
          </li>
        ))}
      </ol>
      {q.hasNextPage && (
        <Button onPress={() => void q.fetchNextPage()} isDisabled={q.isFetchingNextPage}>
          {t('case.more')}
        </Button>
      )}
    </section>
  );
}

function Describe({ e }: { e: TimelineEvent }) {
  const t = useT();
  const f = useFormat();
  const data = e.data as Record<string, unknown>;
  const key = EVENT_KEYS[e.type];
  const text = key ? t(key) : t('case.event.other', { code: e.type });
  if (e.type === 'case.transitioned' && typeof data.to === 'string') {
    return (
      <span>
        {text}: {f.status(String(data.from))} → {f.status(data.to)}
      </span>
    );
  }
  if (e.type === 'note.added' && typeof data.text === 'string') {
    return (
      <span>
        {text}: <q>{data.text}</q>
      </span>
    );
  }
  return <span>{text}</span>;
}
