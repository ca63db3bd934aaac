// What a container's exit code usually means, in the words a person on call needs: shells use 126/127, and 128+N is
// "killed by signal N" (the runtime reports 137 for SIGKILL whether the OOM killer or a probe's kill sent it).

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
};

const SIGNAL_MEANING: Record<number, string> = {
  6: 'aborted, often a failed assertion or a runtime panic',
  7: 'bus error, often a memory-mapped file that shrank',
  9: 'killed from outside: the OOM killer, a failed liveness probe or a forced stop',
  11: 'segmentation fault: the process read memory it does not own',
  15: 'asked to stop and did so',
};

export function exitCodeMeaning(code: number | null | undefined): string {
  if (code === null || code === undefined) return 'unknown exit code';
  if (code === 0) return 'exited successfully';
  if (code === 1) return 'general application error';
  if (code === 2) return 'misuse of a shell builtin or bad command-line arguments';
  if (code === 126) return 'command found but not executable (permission or format)';
  if (code === 127) return 'command not found';
  if (code === 128) return 'the runtime could not start the process';
  if (code === 255) return 'exit status out of range, often exit(-1) or a failed exec in the runtime';
  if (code > 128 && code < 160) {
    const n = code - 128;
    const name = SIGNALS[n] ?? `signal ${n}`;
    const meaning = SIGNAL_MEANING[n];
    return `killed by ${name}${meaning ? `: ${meaning}` : ''}`;
  }
  return 'application-specific error';
}

/** "exit code 137 (killed by SIGKILL: ...)" */
export function describeExit(code: number | null | undefined): string {
  return code === null || code === undefined ? 'an unknown exit code' : `exit code ${code} (${exitCodeMeaning(code)})`;
}
