import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeText, fencedBlock, inlineCode, safeUrl, table, tableCell, truncate } from '../../../src/report/escape.js';
import { defaultReportId, encodeReportId, hasMarker, reportMarker } from '../../../src/report/marker.js';

describe('escapeText (prose and table cells)', () => {
  it.each([
    ['plain words', 'plain words'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['</details>', '&lt;/details&gt;'],
    ['a | b', 'a &#124; b'],
    ['**bold** _em_ `code` [link](x) ~~s~~ $x$', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\$x\\$'],
    ['pod_namespace(uid)', 'pod_namespace(uid)'],
    ['cc @octocat and @acme/team', 'cc @&#8203;octocat and @&#8203;acme/team'],
    ['email me@example.com', 'email me@&#8203;example.com'],
    ['fixes #12', 'fixes #&#8203;12'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['line one\nline two\r\n\tthree', 'line one line two three'],
    ['\u001b[31mred\u001b[0m \u0007bell \u202Eevil\u202C', 'red bell evil'],
    ['a & b', 'a &amp; b'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('cuts long text with a marker', () => {
    expect(escapeText('y'.repeat(30), 10)).toBe('yyyyyyyyyy … \\[20 more characters\\]');
  });
});

describe('escapeHtml (inside <summary>)', () => {
  it.each([
    ['<b>"x"</b>', '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'],
    ["it's @here", 'it&#39;s @&#8203;here'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('inlineCode', () => {
  it.each([
    ['payments/api', '`payments/api`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['x`', '`` x` ``'],
    ['', '(empty)'],
    ['two\nlines', '`two lines`'],
  ])('%j -> %j', (input, expected) => {
    expect(inlineCode(input)).toBe(expected);
  });
});

describe('fencedBlock', () => {
  it.each([
    [['plain'], '```'],
    [['```'], '````'],
    [['a ````` b'], '``````'],
  ])('fence for %j is %s', (lines, fence) => {
    const block = fencedBlock(lines).split('\n');
    expect(block[0]).toBe(fence);
    expect(block[block.length - 1]).toBe(fence);
  });

  it('keeps HTML and mentions as text and cuts long lines', () => {
    const block = fencedBlock(['</details><script>', '@team', 'z'.repeat(10_000)]);
    expect(block).toContain('</details><script>\n@team\n');
    expect(block).toMatch(/z{500} … \[9500 more characters\]\n```$/);
  });
});

describe('truncate', () => {
  it('never splits a surrogate pair', () => {
    expect(truncate('ab😀cd', 3)).toBe('ab … [4 more characters]');
  });
});

describe('tables', () => {
  it('escapes pipes in code spans and flattens newlines', () => {
    expect(tableCell('`a|b`\nnext')).toBe('`a\\|b` next');
    expect(table(['h1', 'h2'], [['x', 'y']])).toEqual(['| h1 | h2 |', '|---|---|', '| x | y |']);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://github.com/acme/shop/actions/runs/42', 'https://github.com/acme/shop/actions/runs/42'],
    ['https://x/a)b(c', 'https://x/a%29b%28c'],
    ['javascript:alert(1)', null],
    ['https://x/a b', null],
    [undefined, null],
  ])('%j -> %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});

describe('report marker', () => {
  it.each([
    ['deploy/production', '<!-- kube-deploy-gate:report-id=deploy/production -->'],
    ['ci / deploy (prod)', '<!-- kube-deploy-gate:report-id=ci%20%2F%20deploy%20%28prod%29 -->'.replace('%2F', '/')],
    ['x --> <script>', '<!-- kube-deploy-gate:report-id=x%20--%3E%20%3Cscript%3E -->'],
  ])('%j', (id, marker) => {
    expect(reportMarker(id)).toBe(marker);
    expect(encodeReportId(id)).not.toMatch(/[<>\s]/);
  });

  it('is found only with the exact id', () => {
    const body = `${reportMarker('deploy/prod')}\nreport`;
    expect(hasMarker(body, 'deploy/prod')).toBe(true);
    expect(hasMarker(body, 'deploy/pro')).toBe(false);
    expect(hasMarker(null, 'deploy/prod')).toBe(false);
  });
});

describe('report marker: encoding', () => {
  it.each([
    ["it's (mine)!*", '<!-- kube-deploy-gate:report-id=it%27s%20%28mine%29%21%2A -->'],
    ['a.b_c:d/e+f=g@h-i', '<!-- kube-deploy-gate:report-id=a.b_c:d/e+f=g@h-i -->'],
  ])('%j', (id, marker) => {
    expect(reportMarker(id)).toBe(marker);
  });

  it('an empty body holds no marker, even for an empty id', () => {
    expect(hasMarker('', '')).toBe(false);
    expect(hasMarker(undefined, 'x')).toBe(false);
  });
});

describe('defaultReportId', () => {
  it.each([
    [{ workflow: 'deploy', job: 'prod', environment: 'production', namespace: 'shop' }, 'deploy/prod/production'],
    [{ workflow: 'deploy', job: 'prod', namespace: 'shop' }, 'deploy/prod/shop'],
    [{ workflow: 'deploy', job: '  ', namespace: 'shop' }, 'deploy/shop'],
    [{ job: 'prod' }, 'prod'],
    [{ workflow: '', job: ' ' }, 'default'],
    [{}, 'default'],
  ])('%j -> %s', (parts, id) => {
    expect(defaultReportId(parts)).toBe(id);
  });
});
