import { useTranslation } from 'react-i18next';

/** Cursor paging: "next page" while the API gives a nextCursor, "first page" once paged. */
export function Pager({
  nextCursor,
  paged,
  onNext,
  onFirst,
}: {
  nextCursor: string | null | undefined;
  paged: boolean;
  onNext(cursor: string): void;
  onFirst(): void;
}) {
  const { t } = useTranslation();
  if (!nextCursor && !paged) return null;
  return (
    <nav className="pager" aria-label={t('pager.next')}>
      {paged && (
        <button type="button" onClick={onFirst}>
          {t('pager.first')}
        </button>
      )}
      {nextCursor && (
        <button type="button" onClick={() => onNext(nextCursor)}>
          {t('pager.next')}
        </button>
      )}
    </nav>
  );
}
