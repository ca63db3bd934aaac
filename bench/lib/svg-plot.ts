// A line plot as hand-written SVG (no plotting library): verdict time against the number of workloads, one line per
// tool, medians as points and the min..max of the runs as whiskers. The x axis is logarithmic (1, 10, 100 workloads).
import { logTicks, niceTicks } from './axis.js';

export interface PlotPoint {
  x: number;
  y: number;
  low?: number;
  high?: number;
}

export interface PlotSeries {
  name: string;
  color: string;
  points: PlotPoint[];
}

export interface PlotSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: PlotSeries[];
  width?: number;
  height?: number;
}

const MARGIN = { left: 70, right: 20, top: 50, bottom: 60 };

export function renderPlot(spec: PlotSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 400;
  const points = spec.series.flatMap((s) => s.points).filter((p) => p.x > 0 && Number.isFinite(p.y));
  const xTicks = logTicks(Math.min(...points.map((p) => p.x), 1), Math.max(...points.map((p) => p.x), 10));
  const yTicks = niceTicks(Math.max(...points.map((p) => Math.max(p.y, p.high ?? p.y)), 0));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  // A little room left and right so markers and whiskers at the first and last tick do not sit on the frame.
  const pad = (Math.log10(xTicks[xTicks.length - 1]) - Math.log10(xTicks[0])) * 0.04;
  const [xMin, xMax] = [Math.log10(xTicks[0]) - pad, Math.log10(xTicks[xTicks.length - 1]) + pad];
  const yMax = yTicks[yTicks.length - 1] || 1;
  const sx = (x: number) => MARGIN.left + ((Math.log10(x) - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${xml(spec.title)}</text>`);
  for (const t of yTicks) {
    out.push(`<line x1="${MARGIN.left}" y1="${n(sy(t))}" x2="${width - MARGIN.right}" y2="${n(sy(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${n(sy(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  for (const t of xTicks) {
    out.push(`<line x1="${n(sx(t))}" y1="${MARGIN.top}" x2="${n(sx(t))}" y2="${MARGIN.top + plotH}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${n(sx(t))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333333"/>`);
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${height - 16}" text-anchor="middle">${xml(spec.xLabel)}</text>`);
  out.push(
    `<text x="18" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 18 ${MARGIN.top + plotH / 2})">${xml(spec.yLabel)}</text>`,
  );
  spec.series.forEach((s, i) => out.push(...seriesMarks(s, sx, sy), ...legendEntry(s, i, MARGIN.left + 12, MARGIN.top + 16)));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function seriesMarks(s: PlotSeries, sx: (x: number) => number, sy: (y: number) => number): string[] {
  const pts = s.points.filter((p) => p.x > 0 && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
  const marks: string[] = [];
  if (pts.length > 1) {
    marks.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map((p) => `${n(sx(p.x))},${n(sy(p.y))}`).join(' ')}"/>`,
    );
  }
  for (const p of pts) {
    if (p.low !== undefined && p.high !== undefined && p.high > p.low) {
      marks.push(
        `<line x1="${n(sx(p.x))}" y1="${n(sy(p.low))}" x2="${n(sx(p.x))}" y2="${n(sy(p.high))}" stroke="${s.color}" stroke-width="1.5"/>`,
      );
    }
    marks.push(
      `<circle cx="${n(sx(p.x))}" cy="${n(sy(p.y))}" r="4" fill="${s.color}"><title>${xml(`${s.name}: ${p.x} -> ${p.y}`)}</title></circle>`,
    );
  }
  return marks;
}

function legendEntry(s: PlotSeries, index: number, x: number, y: number): string[] {
  const top = y + index * 18;
  return [
    `<line x1="${x}" y1="${top}" x2="${x + 22}" y2="${top}" stroke="${s.color}" stroke-width="2"/>`,
    `<circle cx="${x + 11}" cy="${top}" r="4" fill="${s.color}"/>`,
    `<text x="${x + 30}" y="${top + 4}">${xml(s.name)}</text>`,
  ];
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
