import { describe, expect, it } from 'vitest';
import { renderPlot, type PlotSpec } from '../../../bench/lib/svg-plot.js';

const spec: PlotSpec = {
  title: 'Time to verdict <N>',
  xLabel: 'Deployments (log scale)',
  yLabel: 'seconds',
  width: 640,
  height: 400,
  series: [
    {
      name: 'gate',
      color: '#1f77b4',
      points: [
        { x: 1, y: 2 },
        { x: 10, y: 4, low: 3, high: 5 },
        { x: 100, y: 8 },
      ],
    },
    {
      name: 'kubectl & co',
      color: '#d62728',
      points: [
        { x: 1, y: 3 },
        { x: 10, y: 10 },
        { x: 100, y: 40 },
      ],
    },
  ],
};

const coords = (svg: string, color: string) =>
  [...svg.matchAll(new RegExp(`<circle cx="([\\d.]+)" cy="([\\d.]+)" r="4" fill="${color}"><title>`, 'g'))].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);

describe('renderPlot', () => {
  const svg = renderPlot(spec);

  it('is one well-formed SVG document with escaped text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Time to verdict &lt;N&gt;');
    expect(svg).toContain('kubectl &amp; co');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('draws one line and one marker per point for each series', () => {
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(coords(svg, '#1f77b4')).toHaveLength(3);
    expect(coords(svg, '#d62728')).toHaveLength(3);
  });

  it('puts x on a log scale (1, 10, 100 evenly apart) and y on a linear one from 0', () => {
    const [a, b, c] = coords(svg, '#1f77b4');
    expect(b[0] - a[0]).toBeCloseTo(c[0] - b[0], 0);
    const kubectl = coords(svg, '#d62728');
    // Higher values are drawn higher up (smaller y); 40 s sits at the top tick of 0..40.
    expect(kubectl[2][1]).toBeLessThan(kubectl[1][1]);
    expect(kubectl[2][1]).toBe(50);
  });

  it('draws the min..max whisker where the runs spread', () => {
    expect(svg.match(/<line [^>]*stroke="#1f77b4" stroke-width="1.5"\/>/g)).toHaveLength(1);
  });

  it('labels the ticks', () => {
    for (const t of ['>1<', '>10<', '>100<', '>0<', '>20<', '>40<']) expect(svg).toContain(t);
  });

  it('still renders with no data', () => {
    const empty = renderPlot({ ...spec, series: [{ name: 'gate', color: '#000000', points: [] }] });
    expect(empty).toContain('</svg>');
    expect(empty).not.toMatch(/NaN|Infinity/);
  });
});
