// The three shapes a rule can return. kubectl's errors carry no message, and its "done" flag is irrelevant once it
// errors (the command exits), so an error is always done=false here.

/** kubectl's rollout-status verdict for one object: the same texts, without the trailing newline. */
export interface RolloutStatus {
  done: boolean;
  message: string;
  error: string | null;
}

export function waiting(message: string): RolloutStatus {
  return { done: false, message, error: null };
}

export function rolledOut(message: string): RolloutStatus {
  return { done: true, message, error: null };
}

export function failed(error: string): RolloutStatus {
  return { done: false, message: '', error };
}
