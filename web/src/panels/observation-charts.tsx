import { useMemo, type ReactElement } from 'react';
import type { PatientContext } from '../api/client.js';
import { EChart, type EChartOption } from '../components/echart.js';
import { humanUnit } from '../format/units.js';

type Series = PatientContext['vitals']['series'][number];

function rangeOf(series: Series): { low: number | null; high: number | null } {
  const range = series.latest.referenceRange;
  if (!range || (range.unit !== null && series.unit !== null && range.unit !== series.unit))
    return { low: null, high: null };
  return { low: range.low, high: range.high };
}

/** Chart option for one series: the reference range shaded, abnormal points in red, the unit on the axis. */
export function seriesOption(series: Series): EChartOption {
  const { low, high } = rangeOf(series);
  const points = series.points.filter((p) => p.time !== null);
  const abnormal = (v: number): boolean => (low !== null && v < low) || (high !== null && v > high);
  const shaded = low !== null || high !== null ? [[{ yAxis: low ?? 'min' }, { yAxis: high ?? 'max' }]] : [];
  return {
    animation: false,
    grid: { left: 48, right: 12, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: humanUnit(series.unit), scale: true, nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'line',
        name: series.text,
        showSymbol: true,
        symbolSize: 6,
        data: points.map((p) => ({
          value: [p.time, p.value],
          itemStyle: { color: abnormal(p.value) ? '#b3261e' : '#1f5fa8' },
        })),
        lineStyle: { color: '#1f5fa8', width: 1.5 },
        markArea: { silent: true, itemStyle: { color: 'rgba(46, 125, 50, 0.10)' }, data: shaded },
      },
    ],
  };
}

function SeriesChart({ series }: { series: Series }): ReactElement {
  const option = useMemo(() => seriesOption(series), [series]);
  const latest = series.points.at(-1);
  return (
    <figure className="chart-card">
      <figcaption>
        <strong>{series.text}</strong>
        <span className="muted">
          {' '}
          latest {latest ? latest.value : '—'} {humanUnit(series.unit)} {series.trend ? `(${series.trend})` : ''}
        </span>
      </figcaption>
      <EChart option={option} label={`${series.text} over time, unit ${humanUnit(series.unit) || 'none'}`} />
    </figure>
  );
}

/** Vitals and labs over time, one small chart per code with at least two points. */
export function ObservationCharts({ ctx, group }: { ctx: PatientContext; group: 'vitals' | 'labs' }): ReactElement {
  const series = ctx[group].series.filter((s) => s.points.length >= 2).slice(0, group === 'vitals' ? 8 : 12);
  if (series.length === 0) {
    return <p className="muted">No {group} with two or more values in this chart.</p>;
  }
  return (
    <div className="chart-grid">
      {series.map((s) => (
        <SeriesChart key={s.key} series={s} />
      ))}
    </div>
  );
}
