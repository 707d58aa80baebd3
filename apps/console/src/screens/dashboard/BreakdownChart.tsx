import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type TooltipItem,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { scaled, type FigureKind, type FigureName, type FraudType, type Region } from './figures';
import { formatFigure } from './format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type BreakdownBy = 'month' | 'region' | 'fraudType';
type Row = components['schemas']['BreakdownRowDto'];

export interface BreakdownChartProps {
  by: BreakdownBy;
  rows: Row[];
  figure: { name: FigureName; kind: FigureKind };
}

/** The bar height only: whole tenge (or the count, or the rate in percent) as a plot position. */
function plotValue(kind: FigureKind, value: string | number | null): number {
  const exact = scaled(kind, value) ?? 0n;
  // Chart.js plots numbers; a bar's height needs no tiyn. Every figure a person reads (the
  // tooltip and the table below) is the exact decimal string of the API.
  if (kind === 'money') return Number(exact / 100n);
  if (kind === 'rate') return Number(exact) / 10_000;
  return Number(exact);
}

/** One breakdown as a bar chart with the same figures as a table beside it (for everyone). */
export function BreakdownChart({ by, rows, figure }: BreakdownChartProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const canvas = useRef<HTMLCanvasElement>(null);
  const none = t('dashboard.none');

  const label = (key: string): string => {
    if (by === 'region') return t(`region.${key as Region}`);
    if (by === 'fraudType') return t(`fraudType.${key as FraudType}`);
    const [year = 1970, month = 1] = key.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year, month - 1, 1)));
  };
  const labels = rows.map((r) => label(r.key));
  const shown = rows.map((r) => formatFigure(figure.kind, r[figure.name], locale, none));
  const heights = rows.map((r) => plotValue(figure.kind, r[figure.name]));
  const byText = t(
    by === 'month'
      ? 'dashboard.byMonth'
      : by === 'region'
        ? 'dashboard.byRegion'
        : 'dashboard.byFraudType',
  );
  const figureText = t(`figure.${figure.name}`);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: [{ label: figureText, data: heights, backgroundColor: '#1f5fa8' }],
      },
      options: {
        indexAxis: by === 'month' ? 'x' : 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        // Counts and whole tenge: no 0.1 steps on the value axis.
        scales: {
          [by === 'month' ? 'y' : 'x']: {
            beginAtZero: true,
            ticks: { precision: figure.kind === 'rate' ? 2 : 0 },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: { label: (item: TooltipItem<'bar'>) => shown[item.dataIndex] ?? '' },
          },
        },
      },
    });
    return () => chart.destroy();
    // The chart is rebuilt whenever what it shows changes; the arrays are derived from these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [by, rows, figure.name, figure.kind, locale]);

  const headingId = `chart-${by}`;
  return (
    <section className="breakdown" aria-labelledby={headingId}>
      <h3 id={headingId}>{byText}</h3>
      <div className={`breakdown__canvas breakdown__canvas--${by}`}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('dashboard.chartAlt', { figure: figureText, by: byText })}
        />
      </div>
      <details className="breakdown__table">
        <summary>{t('dashboard.table')}</summary>
        <table>
          <caption>
            {figureText}: {byText}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.key')}</th>
              <th scope="col">{figureText}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <th scope="row">{labels[i]}</th>
                <td className="num">{shown[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
