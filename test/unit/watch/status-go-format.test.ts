import { describe, expect, it } from 'vitest';
import { goQuote } from '../../../src/k8s/go-quote.js';
import { parseGoInt64 } from '../../../src/k8s/revision.js';

// Expected values are what Go's strconv.Quote and strconv.ParseInt(s, 10, 64) return.
describe('goQuote (%q)', () => {
  it.each([
    ['foo', '"foo"'],
    ['', '""'],
    ['web-0.example', '"web-0.example"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ['tab\there', '"tab\\there"'],
    ['line\nbreak', '"line\\nbreak"'],
    ['\u0007\b\f\r\v', '"\\a\\b\\f\\r\\v"'],
    ['\u0000\u001b\u007f', '"\\x00\\x1b\\x7f"'],
    ['héllo wörld', '"héllo wörld"'],
    ['日本', '"日本"'],
    ['soft\u00adhyphen', '"soft\\u00adhyphen"'],
    ['nb\u00a0sp', '"nb\\u00a0sp"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['emoji 🚀', '"emoji 🚀"'],
  ])('%j', (input, quoted) => expect(goQuote(input)).toBe(quoted));
});

describe('parseGoInt64', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['+7', 7],
    ['-3', -3],
    ['007', 7],
    ['9007199254740991', 9007199254740991],
  ])('%s', (text, revision) => expect(parseGoInt64(text)).toEqual({ revision }));

  it('accepts the int64 maximum (JavaScript rounds it; revisions never get there)', () => {
    expect('revision' in parseGoInt64('9223372036854775807')).toBe(true);
  });

  it.each([
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    [' 1', 'strconv.ParseInt: parsing " 1": invalid syntax'],
    ['1_000', 'strconv.ParseInt: parsing "1_000": invalid syntax'],
    ['0x10', 'strconv.ParseInt: parsing "0x10": invalid syntax'],
    ['1.0', 'strconv.ParseInt: parsing "1.0": invalid syntax'],
    ['-', 'strconv.ParseInt: parsing "-": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ['-9223372036854775809', 'strconv.ParseInt: parsing "-9223372036854775809": value out of range'],
  ])('%j', (text, error) => expect(parseGoInt64(text)).toEqual({ error }));
});
