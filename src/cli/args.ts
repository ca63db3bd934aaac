// A small argv parser: repeated flags accumulate, --no-x sets x=false, -f/--filename alias. Unknown flags are errors.
import { UserError } from '../errors.js';

export interface FlagSpec {
  /** Flags that take a value; the value may follow as the next argument or after "=". */
  values: string[];
  booleans: string[];
  aliases?: Record<string, string>;
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  booleans: Map<string, boolean>;
  positional: string[];
}

export function parseArgs(args: string[], spec: FlagSpec, command: string): ParsedArgs {
  const out: ParsedArgs = { flags: new Map(), booleans: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const [given, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    const name = spec.aliases?.[given] ?? given;
    if (spec.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UserError(`--${name} needs a value (see ${command} --help)`);
      out.flags.set(name, [...(out.flags.get(name) ?? []), value]);
    } else if (spec.booleans.includes(name)) {
      out.booleans.set(name, inline === undefined ? true : inline !== 'false');
    } else if (name.startsWith('no-') && spec.booleans.includes(name.slice(3))) {
      out.booleans.set(name.slice(3), false);
    } else {
      throw new UserError(`unknown option ${arg} (see ${command} --help)`);
    }
  }
  return out;
}

export function last(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v?.[v.length - 1];
}

export function outputFormat(args: ParsedArgs): 'json' | 'text' {
  const o = last(args, 'output') ?? 'text';
  if (o !== 'json' && o !== 'text') throw new UserError(`--output must be json or text, not "${o}"`);
  return o;
}
