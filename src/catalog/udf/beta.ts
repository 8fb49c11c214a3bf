// beta_pdf, beta_cdf, beta_inv: the beta distribution, which DuckDB lacks. Domain rules follow
// the pages' examples (beta-*-function.md): out-of-range x or shape parameters give NaN;
// beta_inv gives null for a probability outside (0, 1] (its example; the page's notes swap them).
import { num, type UdfSpec } from './types.js';

// Lanczos approximation (g = 7, n = 9): relative error near 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 1;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

const badShape = (a: number, b: number): boolean => !(a > 0 && b > 0 && a <= 10000 && b <= 10000);

/**
 * 1/B(a, b). For integer shapes it is (a+b-1)·C(a+b-2, a-1), a product accurate to a few
 * ulps; log-gamma differences lose ~1e-14 to cancellation (beta_pdf(0.5, 10, 20) would end
 * in ...939 instead of the documented ...951).
 */
function inverseBeta(a: number, b: number): number {
  if (Number.isInteger(a) && Number.isInteger(b) && a + b <= 1000) {
    const n = a + b - 2;
    const k = Math.min(a, b) - 1;
    let c = 1;
    for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
    if (Number.isFinite(c)) return (a + b - 1) * c;
  }
  return Math.exp(-logBeta(a, b));
}

/** x^p (1-x)^q / B(a, b), by direct powers when they stay in range, else in logs. */
function betaTerm(x: number, p: number, q: number, a: number, b: number): number {
  const direct = x ** p * (1 - x) ** q * inverseBeta(a, b);
  if (Number.isFinite(direct) && direct > 1e-280) return direct;
  return Math.exp(p * Math.log(x) + q * Math.log1p(-x) - logBeta(a, b));
}

export function betaPdf(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(x > 0 && x < 1)) return Number.NaN;
  return betaTerm(x, a - 1, b - 1, a, b);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  if (badShape(a, b) || !(x >= 0 && x <= 1)) return Number.NaN;
  if (x === 0 || x === 1) return x;
  const front = betaTerm(x, a, b, a, b);
  // The fraction converges fast below the mean; above it use I_x(a,b) = 1 - I_(1-x)(b,a).
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** The x with betaCdf(x) = p, by bisection to the last bit (the cdf is monotone). */
export function betaInv(p: number, a: number, b: number): number | null {
  if (!(p > 0 && p <= 1)) return null;
  if (badShape(a, b)) return Number.NaN;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (betaCdf(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export const BETA_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_beta_pdf',
    params: ['DOUBLE', 'DOUBLE', 'DOUBLE'],
    returns: 'DOUBLE',
    fn: ([x, a, b]) => betaPdf(num(x ?? null), num(a ?? null), num(b ?? null)),
  },
  {
    name: 'kql_beta_cdf',
    params: ['DOUBLE', 'DOUBLE', 'DOUBLE'],
    returns: 'DOUBLE',
    fn: ([x, a, b]) => betaCdf(num(x ?? null), num(a ?? null), num(b ?? null)),
  },
  {
    name: 'kql_beta_inv',
    params: ['DOUBLE', 'DOUBLE', 'DOUBLE'],
    returns: 'DOUBLE',
    fn: ([p, a, b]) => betaInv(num(p ?? null), num(a ?? null), num(b ?? null)),
  },
];
