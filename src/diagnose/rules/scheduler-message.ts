// Reads the scheduler's FitError text, "0/5 nodes are available: 1 node(s) had untolerated taint {k: v}, 4 Insufficient
// cpu. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.", into (count, reason)
// pairs. The preemption tail repeats the node count with its own reasons, so it is cut off first.

export interface SchedulerReason {
  nodes: number;
  text: string;
}

export interface SchedulerVerdict {
  totalNodes: number | null;
  reasons: SchedulerReason[];
}

export function parseSchedulerMessage(message: string): SchedulerVerdict {
  const head = /^0\/(\d+) nodes are available:\s*/.exec(message);
  if (!head) return { totalNodes: null, reasons: message.trim() ? [{ nodes: 0, text: message.trim() }] : [] };
  const totalNodes = Number(head[1]);
  let body = message.slice(head[0].length);
  const tail = /\.?\s*(?:pod group )?preemption:/.exec(body);
  if (tail) body = body.slice(0, tail.index);
  body = body.trim().replace(/\.+$/, '');
  if (!body) return { totalNodes, reasons: [] };
  const reasons = body.split(/, (?=\d+ )/).map((part) => {
    const counted = /^(\d+) (.+)$/s.exec(part.trim());
    // A PreFilter rejection has no count: it applies to every node.
    return counted ? { nodes: Number(counted[1]), text: counted[2].trim() } : { nodes: totalNodes, text: part.trim() };
  });
  return { totalNodes, reasons };
}
