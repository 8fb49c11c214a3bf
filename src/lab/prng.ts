// The lab's only source of randomness: sfc32 seeded through splitmix32, so a (seed, stream)
// pair always yields the same sequence on every platform; no global randomness, no clock.

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a stream label, so each generator (fleet, device 17, scenario) gets an independent stream. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = '') {
    const mix = splitmix32((seed >>> 0) ^ hashLabel(stream) ^ Math.floor(seed / 0x100000000));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** An independent child stream; derivation depends only on this generator's seed label. */
  static derive(seed: number, ...labels: (string | number)[]): Rng {
    return new Rng(seed, labels.join('/'));
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.float() * items.length)];
    if (v === undefined) throw new Error('pick from empty list');
    return v;
  }

  /** Weighted pick: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted pick from empty list');
    return last[0];
  }

  /** n random bytes as lowercase hex. */
  hex(bytes: number): string {
    let s = '';
    for (let i = 0; i < bytes; i += 4) {
      const v = this.u32();
      s += HEX[v & 255]! + HEX[(v >>> 8) & 255]! + HEX[(v >>> 16) & 255]! + HEX[v >>> 24]!;
    }
    return s.slice(0, bytes * 2);
  }

  guid(): string {
    const h = this.hex(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.u32() & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Exponential wait with the given mean (any unit). */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }
}
