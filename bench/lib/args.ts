// The bench's command line. `--quick` is the smoke run the issue asks for: the first two rows once, no docs written.

export type RowName = 'red' | 'green' | 'late' | 'scale' | 'cold' | 'busy' | 'wide';
export const ROW_NAMES: readonly RowName[] = ['red', 'green', 'late', 'scale', 'cold', 'busy', 'wide'];

export interface BenchOptions {
  quick: boolean;
  rows: RowName[];
  /** Repetitions per row; each repetition measures every tool once. */
  reps: Record<RowName, number>;
  /** Numbers of Deployments for the wall-time row (10 pods each). */
  sizes: number[];
  writeDocs: boolean;
}

// busy fills a namespace with 3,000 pods once (2-3 minutes), then each repetition takes seconds; a wide repetition
// takes minutes (2,000 pods per tool, and 500 kubectl processes).
const FULL_REPS: Record<RowName, number> = { red: 3, green: 5, late: 3, scale: 3, cold: 5, busy: 5, wide: 2 };

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    rows: quick ? ['red', 'green'] : [...ROW_NAMES],
    reps: quick ? { red: 1, green: 1, late: 1, scale: 1, cold: 1, busy: 1, wide: 1 } : { ...FULL_REPS },
    sizes: [1, 10, 100],
    writeDocs: !quick,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? missing(flag);
    switch (flag) {
      case '--quick':
        break;
      case '--reps': {
        const n = positiveInt(flag, value());
        for (const row of ROW_NAMES) options.reps[row] = n;
        break;
      }
      case '--rows':
        options.rows = value()
          .split(',')
          .map((r) => {
            if (!(ROW_NAMES as readonly string[]).includes(r)) throw new Error(`--rows: "${r}" is not one of ${ROW_NAMES.join(', ')}`);
            return r as RowName;
          });
        break;
      case '--sizes':
        options.sizes = value()
          .split(',')
          .map((s) => positiveInt(flag, s));
        break;
      case '--write-docs':
        options.writeDocs = true;
        break;
      case '--no-docs':
        options.writeDocs = false;
        break;
      default:
        throw new Error(
          `unknown option ${argv[i]} (options: --quick, --reps N, --rows ${ROW_NAMES.join(',')}, --sizes 1,10,100, --write-docs, --no-docs)`,
        );
    }
  }
  // Docs are written from a full run only, unless asked for: a partial table would replace the full one.
  if (!argv.includes('--write-docs') && !argv.includes('--no-docs')) {
    options.writeDocs = !quick && !argv.some((a) => /^--(rows|sizes)(=|$)/.test(a));
  }
  return options;
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: "${text}" is not a positive whole number`);
  return n;
}

function missing(flag: string): never {
  throw new Error(`${flag} needs a value`);
}
