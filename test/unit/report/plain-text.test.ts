// GitHub shows annotations and the step's failure message (core.setFailed) as plain text: markdown there shows up
// literally ("## ❌ Deploy failed: `payments/api` ..."). The headline is said again in plain words for them.
import { describe, expect, it } from 'vitest';
import { annotationsFor } from '../../../src/report/annotations.js';
import { headline, plainHeadline } from '../../../src/report/headline.js';
import { GOLDEN_CASES } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('plain text for annotations and the failure message', () => {
  it('golden: the plain headline and annotations of every report case', () => {
    const text = Object.entries(GOLDEN_CASES)
      .map(([name, input]) => {
        const annotations = annotationsFor(input.result.findings).map((a) => `  ${a.level} [${a.title}] ${a.message}`);
        return [`${name}:`, `  setFailed: ${plainHeadline(input.result, { timeoutMs: input.timeoutMs })}`, ...annotations].join('\n');
      })
      .join('\n\n');
    expectGolden('plain-text.txt', `${text}\n`);
  });

  it.each(Object.entries(GOLDEN_CASES))('%s: the same sentence as the markdown headline, without markup', (_, input) => {
    const plain = plainHeadline(input.result);
    expect(plain).not.toMatch(/^#|`|&#|&lt;|&amp;|\\[\\`*_[\]~$#+=-]/);
    // The markdown heading is "## <icon> <the same sentence with markup>": strip the markup and they agree.
    const markdown = headline(input.result)
      .replace(/^## \S+ /, '')
      .replace(/&#8203;/g, '')
      .replace(/`/g, '')
      .replace(/\\(.)/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#124;/g, '|')
      .replace(/&amp;/g, '&');
    expect(plain).toBe(markdown);
  });

  it('the crash-loop failure message reads as a sentence', () => {
    expect(plainHeadline(GOLDEN_CASES['crash-loop'].result)).toBe(
      'Deploy failed: shop/checkout is crash-looping (2/2 pods, exit 1); rolled back to revision 3',
    );
  });
});
