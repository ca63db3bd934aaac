// Peak memory of a child process, read from Linux's /proc/<pid>/status: VmHWM is the resident set's high-water mark,
// so sampling it while the process runs loses nothing that happened between samples.

/** Bytes of "VmHWM:   123456 kB", or null when the line is missing (the process already exited). */
export function parseVmHWM(statusText: string): number | null {
  const m = /^VmHWM:\s+(\d+)\s*kB\s*$/m.exec(statusText);
  return m ? Number(m[1]) * 1024 : null;
}
