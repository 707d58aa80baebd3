import { useTranslation } from 'react-i18next';
import { direction, type FigureKind, type FigureName } from './figures';
import { formatDelta, formatFigure, formatPercent } from './format';

export interface FigureCardProps {
  name: FigureName;
  kind: FigureKind;
  current: string | number | null;
  previous: string | number | null;
  /** `changePercent.<name>` of the summary: null when the previous value was 0 (or null). */
  change: number | null;
}

const ARROWS = { up: '▲', down: '▼', same: '=' } as const;

/** One figure of the summary: its value, the previous period's and the change, all exact. */
export function FigureCard({ name, kind, current, previous, change }: FigureCardProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const none = t('dashboard.none');
  const dir = direction(kind, current, previous);
  const delta = formatDelta(kind, current, previous, locale);
  const id = `figure-${name}`;
  return (
    <article className="figure-card" aria-labelledby={id} data-figure={name}>
      <h3 id={id} className="figure-card__name">
        {t(`figure.${name}`)}
      </h3>
      <p className="figure-card__value" data-testid={`${name}-value`}>
        {formatFigure(kind, current, locale, none)}
      </p>
      <dl className="figure-card__compare">
        <dt>{t('dashboard.previous')}</dt>
        <dd data-testid={`${name}-previous`}>{formatFigure(kind, previous, locale, none)}</dd>
        <dt>{t('dashboard.change')}</dt>
        <dd data-testid={`${name}-change`} data-direction={dir} className={`change change--${dir}`}>
          <span aria-hidden="true">{ARROWS[dir]} </span>
          {t(`dashboard.change.${dir}`)}
          {', '}
          {change === null ? t('dashboard.change.noBase') : formatPercent(change, locale)}
          {delta !== null && dir !== 'same' ? ` (${delta})` : ''}
        </dd>
      </dl>
    </article>
  );
}
