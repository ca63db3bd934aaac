import { describe, expect, it } from 'vitest';
import { SECTION_END, SECTION_START, renderTable, replaceSection } from '../../../bench/lib/markdown.js';

describe('renderTable', () => {
  it('pads every column to its widest cell', () => {
    expect(
      renderTable(
        ['row', 'gate'],
        [
          ['red', '1.2 s'],
          ['green verdict', '80 ms'],
        ],
      ),
    ).toBe(['| row           | gate  |', '|---------------|-------|', '| red           | 1.2 s |', '| green verdict | 80 ms |'].join('\n'));
  });

  it.each([
    { cell: 'a|b', want: '| a\\|b |' },
    { cell: 'two\nlines', want: '| two lines |' },
  ])('keeps $cell inside its cell', ({ cell, want }) => {
    expect(renderTable(['h'], [[cell]]).split('\n')[2]).toBe(want);
  });

  it('fills missing cells', () => {
    expect(renderTable(['a', 'b'], [['x']]).split('\n')[2]).toBe('| x |   |');
  });
});

describe('replaceSection', () => {
  const doc = `# Benchmarks\n\nProse before.\n\n${SECTION_START}\nold numbers\n${SECTION_END}\n\nProse after.\n`;

  it('replaces only what is between the markers', () => {
    expect(replaceSection(doc, 'new numbers\n')).toBe(
      `# Benchmarks\n\nProse before.\n\n${SECTION_START}\nnew numbers\n${SECTION_END}\n\nProse after.\n`,
    );
  });

  it('is stable when run twice', () => {
    const once = replaceSection(doc, 'n');
    expect(replaceSection(once, 'n')).toBe(once);
  });

  it.each([
    { name: 'no markers yet', before: '# Benchmarks\n', want: `# Benchmarks\n\n${SECTION_START}\nn\n${SECTION_END}\n` },
    { name: 'an empty file', before: '', want: `${SECTION_START}\nn\n${SECTION_END}\n` },
    {
      name: 'markers out of order',
      before: `${SECTION_END}\n${SECTION_START}\n`,
      want: `${SECTION_END}\n${SECTION_START}\n\n${SECTION_START}\nn\n${SECTION_END}\n`,
    },
  ])('appends the section: $name', ({ before, want }) => {
    expect(replaceSection(before, 'n')).toBe(want);
  });
});
