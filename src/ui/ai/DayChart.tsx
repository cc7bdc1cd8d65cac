import type { DayUsage } from './usageStats';

interface Props {
  readonly days: readonly DayUsage[];
  readonly value: (day: DayUsage) => number;
  /** The part of each bar drawn in the failure colour (calls that failed), if any. */
  readonly failed?: (day: DayUsage) => number;
  readonly format: (value: number) => string;
  readonly label: string;
}

const WIDTH = 640;
const HEIGHT = 120;
const AXIS_PX = 16;
const GAP_PX = 2;
/** A week of bars should not look like a wall: bars stay thin, centred in their slot. */
const MAX_BAR_PX = 36;

/** Bars per day in plain SVG; every bar has a tooltip and the chart a summary for screen readers. */
export function DayChart({ days, value, failed, format, label }: Props) {
  const max = Math.max(0, ...days.map(value));
  const slot = WIDTH / Math.max(1, days.length);
  const scale = (v: number) => (max === 0 ? 0 : (v / max) * (HEIGHT - AXIS_PX - 4));
  const total = days.reduce((sum, d) => sum + value(d), 0);
  const labelEvery = Math.ceil(days.length / 10);
  return (
    <figure className="ai-chart">
      <figcaption>
        {label} <span className="muted">· peak {format(max)}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${label}: ${format(total)} over ${days.length} days, at most ${format(max)} a day`}
      >
        {days.map((d, i) => {
          const w = Math.max(1, Math.min(MAX_BAR_PX, slot - GAP_PX));
          const x = i * slot + (slot - w) / 2;
          const h = scale(value(d));
          const hf = failed ? scale(failed(d)) : 0;
          const base = HEIGHT - AXIS_PX;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${format(value(d))}${failed ? `, ${failed(d)} failed` : ''}`}</title>
              <rect className="bar" x={x} y={base - h} width={w} height={h} rx={2} />
              {hf > 0 ? (
                <rect className="bar failed" x={x} y={base - hf} width={w} height={hf} rx={2} />
              ) : null}
              {i % labelEvery === 0 ? (
                <text x={x + w / 2} y={HEIGHT - 3} textAnchor="middle" className="axis">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS_PX} y2={HEIGHT - AXIS_PX} className="baseline" />
      </svg>
    </figure>
  );
}
