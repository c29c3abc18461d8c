// A horizontal bar chart as inline SVG, with a text summary for screen readers (aria-label) and
// the same data as a table. Labels are text nodes: page data never becomes markup.
import type { ComponentChildren } from 'preact';
import { HS } from '../strings';

export interface BarRow {
  key: string;
  name: string;
  count: number;
  /** In-page link for the row's name (e.g. to a technique's explanation). */
  href?: string;
  /** More table cells after the count. */
  extra?: ComponentChildren;
}

const ROW = 26;
const NAME_W = 230;
const BAR_W = 300;
const WIDTH = NAME_W + BAR_W + 50;

export function BarChart({ id, label, rows, nameHeader, countHeader, extraHeader, onLink }: { id: string; label: string; rows: BarRow[]; nameHeader: string; countHeader: string; extraHeader?: string; onLink?: (href: string, event: Event) => void }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = rows.length * ROW;
  const clip = (name: string) => (name.length > 32 ? `${name.slice(0, 31)}…` : name);
  return (
    <div class="chart" id={id}>
      <svg class="bar-chart" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" style={{ maxWidth: `${WIDTH}px` }}>
        {rows.map((row, i) => {
          const y = i * ROW;
          const w = Math.max(2, Math.round((row.count / max) * BAR_W));
          return (
            <g key={row.key} aria-hidden="true">
              <text x={NAME_W - 8} y={y + ROW / 2 + 5} text-anchor="end" class="chart-name">
                {clip(row.name)}
              </text>
              <rect x={NAME_W} y={y + 5} width={w} height={ROW - 10} rx="3" class="chart-bar" />
              <text x={NAME_W + w + 6} y={y + ROW / 2 + 5} class="chart-value">
                {row.count}
              </text>
            </g>
          );
        })}
      </svg>
      <details class="chart-table">
        <summary>{HS.showTable}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col">{countHeader}</th>
              {extraHeader && <th scope="col">{extraHeader}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.href ? (
                    <a href={row.href} onClick={(e) => onLink?.(row.href!, e)}>
                      {row.name}
                    </a>
                  ) : (
                    row.name
                  )}
                </th>
                <td>{row.count}</td>
                {extraHeader && <td>{row.extra}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
