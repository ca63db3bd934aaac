import { describe, expect, it } from 'vitest';
import { parseCpuModel, parseMemTotal, parseVmHWM } from '../../../bench/lib/proc-files.js';

const running = [
  'Name:\tnode',
  'Umask:\t0022',
  'State:\tS (sleeping)',
  'Pid:\t4242',
  'VmPeak:\t 1234567 kB',
  'VmSize:\t 1200000 kB',
  'VmLck:\t       0 kB',
  'VmHWM:\t   84512 kB',
  'VmRSS:\t   80000 kB',
  'Threads:\t11',
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

describe('parseCpuModel', () => {
  it.each([
    {
      name: 'a bare-metal host',
      text: 'processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\nstepping\t: 6\n\nprocessor\t: 1\nmodel name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n',
      want: 'Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz',
    },
    { name: 'a virtual machine', text: 'processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC   \n', want: 'AMD EPYC' },
    { name: 'no model line (some ARM kernels)', text: 'processor\t: 0\nBogoMIPS\t: 50.00\n', want: 'unknown' },
  ])('$name', ({ text, want }) => {
    expect(parseCpuModel(text)).toBe(want);
  });
});

describe('parseMemTotal', () => {
  it.each([
    { text: 'MemTotal:       24683712 kB\nMemFree:        21836544 kB\n', want: '23.5 GiB' },
    { text: 'MemFree:        21836544 kB\n', want: 'unknown' },
  ])('$want', ({ text, want }) => {
    expect(parseMemTotal(text)).toBe(want);
  });
});
