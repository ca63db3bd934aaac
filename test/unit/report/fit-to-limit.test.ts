// fitToLimit (report/shrink.ts) with a render whose size the test controls: the leanest options tried in order, the
// fewest omissions that fit, and the last resort, a cut at a line boundary with a notice.
import { describe, expect, it } from 'vitest';
import type { RenderOptions } from '../../../src/report/report-input.js';
import { fitToLimit } from '../../../src/report/shrink.js';

const START: RenderOptions = {
  form: 'summary',
  maxLogLines: 25,
  includeEvents: true,
  mergeNonFatal: false,
  omitFindings: 0,
  limitName: 'test',
};
const NOTICE = "\n\n> **Shortened:** the report was cut here to fit GitHub's limit.\n";
const label = (o: RenderOptions) => `logs=${o.maxLogLines} events=${o.includeEvents} merged=${o.mergeNonFatal} omitted=${o.omitFindings}`;
const length = (s: string) => s.length;

describe('fitToLimit', () => {
  it('takes the richest options that fit, trying 10, 3 and 0 log lines in turn', () => {
    const tried: string[] = [];
    const render = (o: RenderOptions) => {
      tried.push(label(o));
      return o.maxLogLines <= 3 ? 'small' : 'x'.repeat(100);
    };
    expect(fitToLimit(render, START, 5, 10, length)).toBe('small');
    expect(tried).toEqual([
      'logs=25 events=true merged=false omitted=0',
      'logs=10 events=true merged=false omitted=0',
      'logs=3 events=true merged=false omitted=0',
    ]);
  });

  it('skips log limits that are not below the start', () => {
    const tried: string[] = [];
    const render = (o: RenderOptions) => {
      tried.push(label(o));
      return 'x'.repeat(100);
    };
    fitToLimit(render, { ...START, maxLogLines: 3 }, 0, 200, length);
    expect(tried).toEqual(['logs=3 events=true merged=false omitted=0']);
    tried.length = 0;
    fitToLimit(render, { ...START, maxLogLines: 3 }, 0, 10, length);
    expect(tried.slice(0, 4)).toEqual([
      'logs=3 events=true merged=false omitted=0',
      'logs=0 events=true merged=false omitted=0',
      'logs=0 events=false merged=false omitted=0',
      'logs=0 events=false merged=true omitted=0',
    ]);
  });

  it('omits the fewest findings that fit', () => {
    // 100 findings of 10 characters each; the limit holds 37 of them.
    const render = (o: RenderOptions) => 'f'.repeat(10 * (100 - o.omitFindings));
    expect(fitToLimit(render, START, 100, 370, length)).toBe('f'.repeat(370));
    expect(fitToLimit(render, START, 100, 999, length)).toBe('f'.repeat(990));
  });

  it('cuts at a line boundary when even omitting every finding does not fit, the notice included in the limit', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i} `.padEnd(50, '.'));
    const render = () => lines.join('\n');
    const fourLines = lines.slice(0, 4).join('\n') + NOTICE;
    expect(fitToLimit(render, START, 3, fourLines.length, length)).toBe(fourLines);
    expect(fitToLimit(render, START, 3, fourLines.length + 50, length)).toBe(fourLines);
    expect(fitToLimit(render, START, 3, fourLines.length - 1, length)).toBe(lines.slice(0, 3).join('\n') + NOTICE);
    expect(fitToLimit(render, START, 0, NOTICE.length - 1, length)).toBe(NOTICE);
  });
});
