// The real process behind the CLI: stdout/stderr, and SIGINT/SIGTERM turned into an AbortSignal so a cancelled
// deploy still prints its result (verdict "cancelled").

/** Where a command writes, and the signal that cancels it: the real process, or a test's buffers. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  signal?: AbortSignal;
}

export function nodeProcessIO(): CliIO {
  const cancel = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      process.stderr.write(`received ${sig}: stopping the wait and writing the result\n`);
      cancel.abort();
    });
  }
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    signal: cancel.signal,
  };
}
