import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../bench/lib/table.js';

describe('renderTable', () => {
  it('pads every column to its widest cell', () => {
    expect(renderTable(['row', 'gate'], [['red', '1.2 s'], ['green verdict', '80 ms']])).toBe([
      '| row           | gate  |',
      '|---------------|-------|',
      '| red           | 1.2 s |',
      '| green verdict | 80 ms |',
    ].join('\n'));
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
