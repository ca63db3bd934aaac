import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../bench/lib/args.js';

describe('parseBenchArgs', () => {
  it('runs every row several times and writes the docs by default', () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      rows: ['red', 'green', 'late', 'scale', 'cold', 'busy', 'wide'],
      reps: { red: 3, green: 5, late: 3, scale: 3, cold: 5, busy: 5, wide: 2 },
      sizes: [1, 10, 100],
      writeDocs: true,
    });
  });

  it('--quick runs the first two rows once and leaves the docs alone', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({
      quick: true,
      rows: ['red', 'green'],
      reps: { red: 1, green: 1 },
      writeDocs: false,
    });
  });

  it.each([
    { argv: ['--reps', '2'], want: { reps: { red: 2, green: 2, late: 2, scale: 2, cold: 2, busy: 2, wide: 2 }, writeDocs: true } },
    { argv: ['--rows=scale,cold', '--sizes', '1,10'], want: { rows: ['scale', 'cold'], sizes: [1, 10], writeDocs: false } },
    { argv: ['--rows', 'green', '--write-docs'], want: { rows: ['green'], writeDocs: true } },
    { argv: ['--no-docs'], want: { writeDocs: false } },
    { argv: ['--quick', '--write-docs'], want: { quick: true, writeDocs: true } },
  ])('$argv', ({ argv, want }) => {
    expect(parseBenchArgs(argv)).toMatchObject(want);
  });

  it.each([
    { argv: ['--reps', '0'], error: '--reps: "0" is not a positive whole number' },
    { argv: ['--reps'], error: '--reps needs a value' },
    { argv: ['--rows', 'red,blue'], error: '--rows: "blue" is not one of red, green, late, scale, cold, busy, wide' },
    { argv: ['--sizes', '1,x'], error: '--sizes: "x" is not a positive whole number' },
    { argv: ['--fast'], error: 'unknown option --fast' },
  ])('refuses $argv', ({ argv, error }) => {
    expect(() => parseBenchArgs(argv)).toThrow(error);
  });
});
