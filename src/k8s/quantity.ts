// Kubernetes resource quantities ("512Mi", "0.5Gi", "250m", "1e3"): one parser for the whole product. Compared
// exactly (a change from 512Mi to 0.5Gi is no change, and float rounding must not invent one); as a float only for
// arithmetic and for short texts such as "requests 3 cpu; the largest node has 2".

/** An exact rational value: numerator / denominator, denominator > 0. */
export interface Quantity {
  num: bigint;
  den: bigint;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

// Same grammar as k8s.io/apimachinery resource.Quantity: a signed decimal number, then a binary SI
// suffix, a decimal exponent (e/E followed by an integer) or a decimal SI suffix. The exponent form is
// tried before the bare "E" (exa) suffix.
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|n|u|m|k|M|G|T|P|E)?$/;

export function parseQuantity(input: unknown): Quantity | null {
  if (typeof input === 'number') return Number.isFinite(input) ? parseQuantity(String(input)) : null;
  if (typeof input !== 'string') return null;
  const match = QUANTITY.exec(input.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = '', suffix = ''] = match;
  if (whole === '' && fraction === '') return null;
  let num = BigInt((whole || '0') + fraction);
  let den = 10n ** BigInt(fraction.length);
  if (sign === '-') num = -num;
  if (suffix in BINARY) {
    num *= 1024n ** BigInt(BINARY[suffix]);
  } else {
    const exponent = suffix in DECIMAL ? DECIMAL[suffix] : Number(suffix.slice(1));
    if (exponent >= 0) num *= 10n ** BigInt(exponent);
    else den *= 10n ** BigInt(-exponent);
  }
  return { num, den };
}

/** -1, 0 or 1 like a comparator; null when either side is not a quantity. */
export function compareQuantities(a: unknown, b: unknown): -1 | 0 | 1 | null {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  if (!x || !y) return null;
  const left = x.num * y.den;
  const right = y.num * x.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Equal as quantities when both parse, otherwise equal as text, so odd values still diff sensibly. */
export function sameQuantity(a: unknown, b: unknown): boolean {
  const order = compareQuantities(a, b);
  return order === null ? String(a) === String(b) : order === 0;
}

/** The value as a float, for sums and for display. */
export function quantityToNumber(input: unknown): number | null {
  const q = parseQuantity(input);
  return q ? Number(q.num) / Number(q.den) : null;
}

const BINARY_UNITS = [
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
] as const;

/** cpu in cores ("250m", "2"), memory-like resources in binary units ("256Mi"), counts as plain numbers. */
export function formatQuantity(resource: string, value: number): string {
  if (resource === 'cpu') {
    if (Number.isInteger(value)) return String(value);
    return `${Math.round(value * 1000)}m`;
  }
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    for (const [unit, size] of BINARY_UNITS) {
      const scaled = value / size;
      if (scaled >= 1) return `${Number.isInteger(scaled) ? scaled : Number(scaled.toFixed(1))}${unit}`;
    }
  }
  return String(Number.isInteger(value) ? value : Number(value.toFixed(3)));
}
