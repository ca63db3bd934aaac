import { describe, expect, it } from 'vitest';
import { renderComment, renderReport, renderSummary } from '../../../src/report/markdown.js';
import type { ReportInput } from '../../../src/report/report-input.js';
import { COMMENT_LIMIT_CHARS, fitToLimit, SUMMARY_LIMIT_BYTES, utf8Bytes } from '../../../src/report/shrink.js';
import { GOLDEN_CASES, healthy, hostile, manyFindings, oom, rollbackDone } from './fixtures.js';
import { outsideCode } from './markdown-structure.js';
import { expectGolden } from './golden.js';

describe('renderSummary and renderComment golden files', () => {
  it.each(Object.entries(GOLDEN_CASES))('%s', (name, input) => {
    expectGolden(`${name}.md`, renderSummary(input));
    expectGolden(`${name}.comment.md`, renderComment(input));
  });

  it('200 findings: under both limits, says what was shrunk or left out', () => {
    const input = manyFindings(200);
    const summary = renderSummary(input);
    const comment = renderComment(input);
    expectGolden('200-findings.md', summary);
    expectGolden('200-findings.comment.md', comment);
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    // 200 findings with 25 long log lines each make ~3 MB: the summary keeps every finding with shorter logs.
    expect(summary).toMatch(/> \*\*Shortened:\*\* log tails cut to \d+ lines.* to fit GitHub's limit \(1 MiB per job summary\)/);
    expect((summary.match(/^### (⚠️ )?`/gm) ?? []).length).toBe(200);
    expect(comment).toMatch(/\d+ of 200 findings omitted to fit GitHub's limit \(65,536 characters per comment\)/);
    // The worst stay: the comment omits the non-fatal ones first.
    expect((comment.match(/^### `crash-loop`/gm) ?? []).length).toBe(50);
  });

  const lean = (input: ReportInput, limit: number) =>
    fitToLimit(
      (o) => renderReport(input, o),
      { form: 'summary', maxLogLines: 25, includeEvents: true, mergeNonFatal: false, omitFindings: 0, limitName: 'test limit' },
      input.result.findings.length,
      limit,
      utf8Bytes,
    );

  const leanest = (omitFindings: number, mergeNonFatal = true) =>
    renderReport(manyFindings(200), {
      form: 'summary',
      maxLogLines: 0,
      includeEvents: false,
      mergeNonFatal,
      omitFindings,
      limitName: 'test limit',
    });

  it('merges low-severity findings before omitting any', () => {
    const limit = utf8Bytes(leanest(0));
    expect(utf8Bytes(leanest(0, false))).toBeGreaterThan(limit);
    const text = lean(manyFindings(200), limit);
    const m =
      /> \*\*Shortened:\*\* log tails left out; events left out; (\d+) low-severity findings merged into similar ones shown to fit GitHub's limit \(test limit\)/.exec(
        text,
      );
    expect(m).not.toBeNull();
    expect(text).not.toMatch(/omitted/);
    expect((text.match(/^### (⚠️ )?`/gm) ?? []).length + Number(m![1])).toBe(200);
    expect(text).toMatch(/· 2 similar findings merged/);
  });

  it('then omits the least severe, as few as fit, and says how many', () => {
    const headings = (t: string) => (t.match(/^### (⚠️ )?`/gm) ?? []).length;
    const all = leanest(0);
    const limit = Math.floor(utf8Bytes(all) / 2);
    const text = lean(manyFindings(200), limit);
    expect(utf8Bytes(text)).toBeLessThanOrEqual(limit);
    const m = /(\d+) low-severity findings merged into similar ones shown; (\d+) of 200 findings omitted/.exec(text);
    expect(m).not.toBeNull();
    expect(headings(text) + Number(m![1]) + Number(m![2])).toBe(200);
    expect((text.match(/^### `crash-loop`/gm) ?? []).length).toBe(50);
    const groupsOmitted = headings(all) - headings(text);
    expect(utf8Bytes(leanest(groupsOmitted - 1))).toBeGreaterThan(limit);
  });

  it('cuts at a line as the last resort and says so', () => {
    const text = lean(manyFindings(200), 1_500);
    expect(utf8Bytes(text)).toBeLessThanOrEqual(1_500);
    expect(text).toMatch(/the report was cut here to fit GitHub's limit/);
  });
});

describe('the report reads right', () => {
  it('names category, workload and outcome in the headline, with the likely cause under it', () => {
    const summary = renderSummary(oom);
    expect(summary.split('\n')[0]).toBe(
      '## ❌ Deploy failed: `payments/api` was OOM-killed (3/3 pods, exit 137); rolled back to revision 7',
    );
    expect(summary).toContain(
      '**Likely cause:** `spec.template.spec.containers[api].resources.limits.memory` changed from `512Mi` to `256Mi` in this change',
    );
    expect(summary).toContain('| Deployment `payments/api` | 7 → 8 → **9** (rollback of 7) | ❌ 3/3 pods oom-killed (exit 137) | 14s |');
    expect(summary).toContain('| ConfigMap `payments/api-config` | changed | ⚠️ not restored by the rollback |  |');
  });

  it('a workload the rollback left alone (unchanged by the run) is not a failed rollback', () => {
    const summary = renderSummary(rollbackDone);
    expect(summary.split('\n')[0]).toMatch(/; rolled back to revision 7$/);
    expect(summary).toContain('Done: every workload is back on its previous template and ready.');
    expect(summary).toContain('| StatefulSet `payments/ledger` | 3 (unchanged) | ✅ unchanged | 200ms |');
    expect(summary).toContain('- ➖ StatefulSet `payments/ledger`: not rolled back: unchanged by this run');
  });

  it('a green comment is one line after the marker', () => {
    const lines = renderComment(healthy).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('<!-- kube-deploy-gate:report-id=deploy/production -->');
    expect(lines[1]).toMatch(
      /^✅ deployed `payments\/api` and `payments\/worker` in 14s · \[run 42\]\(https:\/\/github\.com\/acme\/shop\/actions\/runs\/42\)$/,
    );
  });

  it('the comment leaves logs and events to the run summary', () => {
    const comment = renderComment(oom);
    expect(comment).not.toContain('<details>');
    expect(comment).toContain('[run summary](https://github.com/acme/shop/actions/runs/42)');
  });
});

describe('hostile cluster text', () => {
  const summary = renderSummary(hostile);
  const comment = renderComment(hostile);
  const prose = outsideCode(summary);

  it.each([
    ['summary', summary],
    ['comment', comment],
  ])('%s: nothing escapes into HTML or mentions', (_, text) => {
    const rest = outsideCode(text);
    expect(rest).not.toMatch(/<script|<img|<b>/i);
    // Every <details> we open is closed by us and only us.
    expect((rest.match(/<details>/g) ?? []).length).toBe((rest.match(/<\/details>/g) ?? []).length);
    // GitHub links @name and #123 only when they follow a non-word character directly.
    expect(rest).not.toMatch(/(^|[^\w&;])@[A-Za-z0-9]/m);
    expect(rest).not.toMatch(/(^|[^\w&;])#\d/m);
  });

  it('log lines stay inside one fence that none of them can close', () => {
    const fence = summary.split('\n').find((l) => /^`{3,}$/.test(l))!;
    expect(fence.length).toBeGreaterThan(6);
    expect(summary).toContain('<script>alert(document.cookie)</script>');
    expect(summary).toContain('red error and a bell  and a bidi override');
  });

  it('a 10 kB line is cut with a marker', () => {
    expect(summary).toMatch(/long line x+ … \[\d+ more characters\]/);
    expect(Math.max(...summary.split('\n').map((l) => l.length))).toBeLessThan(700);
  });

  it('pipes cannot add table cells', () => {
    const row = prose.split('\n').find((l) => l.includes('message with'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
  });
});
