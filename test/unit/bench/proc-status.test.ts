import { describe, expect, it } from 'vitest';
import { parseVmHWM } from '../../../bench/lib/proc-status.js';

const running = [
  'Name:\tnode', 'Umask:\t0022', 'State:\tS (sleeping)', 'Pid:\t4242',
  'VmPeak:\t 1234567 kB', 'VmSize:\t 1200000 kB', 'VmLck:\t       0 kB', 'VmHWM:\t   84512 kB', 'VmRSS:\t   80000 kB', 'Threads:\t11',
].join('\n');
// A zombie (exited, not yet reaped) has no memory lines.
const zombie = ['Name:\tnode', 'State:\tZ (zombie)', 'Pid:\t4242', 'Threads:\t1'].join('\n');

describe('parseVmHWM', () => {
  it.each([
    { name: 'a running process', text: running, want: 84512 * 1024 },
    { name: 'a zombie', text: zombie, want: null },
    { name: 'empty', text: '', want: null },
  ])('$name', ({ text, want }) => {
    expect(parseVmHWM(text)).toBe(want);
  });
});
