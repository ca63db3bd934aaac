// The CLI's argv, read with node:util parseArgs, then checked token by token so every mistake is one sentence that
// names the flag: unknown flags, missing values, booleans given anything but true/false, stray positional arguments.
// Contract (README "The CLI"): repeated flags accumulate (the last one wins for single values), `--no-x` sets x to
// false, `--x=true|false` sets it explicitly, `-f`/`-n`/`-o` are aliases, `-f=x` reads like `-f x` (as kubectl).
import { parseArgs as parseArgv } from 'node:util';
import { UserError } from '../errors.js';

export interface FlagSpec {
  /** Flags that take a value; the value may follow as the next argument or after "=". */
  values: string[];
  booleans: string[];
  aliases?: Record<string, string>;
  /** How many positional arguments the command takes (default none), and what to say about one too many. */
  positionals?: number;
  positionalHint?: string;
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  booleans: Map<string, boolean>;
  positional: string[];
}

type OptionConfig = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

export function parseArgs(args: string[], spec: FlagSpec, command: string): ParsedArgs {
  const see = `(see ${command} --help)`;
  const options: Record<string, OptionConfig> = {};
  for (const name of spec.values) options[name] = { type: 'string', multiple: true };
  for (const name of spec.booleans) options[name] = { type: 'boolean' };
  for (const [short, name] of Object.entries(spec.aliases ?? {})) options[name] = { ...options[name], short };
  const { tokens } = parseArgv({ args, options, strict: false, allowPositionals: true, allowNegative: true, tokens: true });
  const out: ParsedArgs = { flags: new Map(), booleans: new Map(), positional: [] };
  let previousBoolean: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      out.positional.push(token.value);
      if (out.positional.length > (spec.positionals ?? 0)) throw strayArgument(token.value, previousBoolean, spec, see);
      previousBoolean = undefined;
      continue;
    }
    previousBoolean = undefined;
    const { rawName } = token;
    const negated = rawName.startsWith('--no-') && !options[rawName.slice(2)];
    // parseArgs negates `--no-x` but reads `--no-x=v` as an option named "no-x".
    const name = negated ? rawName.slice(5) : token.name;
    const config = options[name];
    if (!config || (negated && config.type !== 'boolean')) throw new UserError(`unknown option ${rawName} ${see}`);
    if (config.type === 'boolean') {
      out.booleans.set(name, booleanValue(rawName, negated, token.value, see));
      if (token.value === undefined) previousBoolean = rawName;
      continue;
    }
    let value = token.value;
    if (value === undefined) throw new UserError(`${rawName} needs a value ${see}`);
    if (!token.inlineValue && value.startsWith('-') && value !== '-') {
      throw new UserError(
        `${rawName} needs a value, not the option "${value}" (to pass a value that starts with "-", write ${rawName}=${value})`,
      );
    }
    // `-f=x` is `-f x` for kubectl (pflag); parseArgs would read the value "=x".
    if (token.inlineValue && !rawName.startsWith('--') && value.startsWith('=')) value = value.slice(1);
    out.flags.set(name, [...(out.flags.get(name) ?? []), value]);
  }
  return out;
}

function booleanValue(rawName: string, negated: boolean, value: string | undefined, see: string): boolean {
  if (value === undefined) return !negated;
  if (negated) throw new UserError(`${rawName} takes no value ${see}`);
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UserError(
    `${rawName}=${value}: a switch is true or false (${rawName}, ${rawName}=true, ${rawName}=false, or --no-${rawName.slice(2)})`,
  );
}

function strayArgument(value: string, previousBoolean: string | undefined, spec: FlagSpec, see: string): UserError {
  if (previousBoolean && /^(true|false|yes|no|on|off|0|1)$/i.test(value)) {
    return new UserError(
      `${previousBoolean} takes no separate value: write ${previousBoolean}=${/^(false|no|off|0)$/i.test(value) ? 'false' : 'true'}`,
    );
  }
  return new UserError(`unexpected argument "${value}"${spec.positionalHint ? `: ${spec.positionalHint}` : ''} ${see}`);
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
