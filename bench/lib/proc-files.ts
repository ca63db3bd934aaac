// What the bench reads from Linux's /proc: the peak memory of a child process (/proc/<pid>/status), and the CPU
// model and memory of the machine (/proc/cpuinfo, /proc/meminfo).

/**
 * Bytes of "VmHWM:   123456 kB", the resident set's high-water mark (so sampling it while the process runs loses
 * nothing that happened between samples), or null when the line is missing (the process already exited).
 */
export function parseVmHWM(statusText: string): number | null {
  const m = /^VmHWM:\s+(\d+)\s*kB\s*$/m.exec(statusText);
  return m ? Number(m[1]) * 1024 : null;
}

/** The first "model name" of /proc/cpuinfo; some virtual machines show only a family name such as "AMD EPYC". */
export function parseCpuModel(cpuinfo: string): string {
  return /^model name\s*:\s*(.*\S)\s*$/m.exec(cpuinfo)?.[1] ?? 'unknown';
}

/** "MemTotal:  24683712 kB" of /proc/meminfo as GiB with one decimal, e.g. "23.5 GiB". */
export function parseMemTotal(meminfo: string): string {
  const m = /^MemTotal:\s+(\d+)\s*kB/m.exec(meminfo);
  return m ? `${(Number(m[1]) / 1024 ** 2).toFixed(1)} GiB` : 'unknown';
}
