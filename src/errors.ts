// An error a user can meet and fix (bad input, refused credentials, unreachable API). Its message is the whole
// story: the shells print it alone, never a stack trace, and exit with code 2.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function describeError(e: unknown): string {
  if (e instanceof UserError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
