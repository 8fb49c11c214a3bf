// "Did you mean ...?": a case-insensitive exact match wins (the commonest mistake is
// `devicename` for `DeviceName`), then the closest name by edit distance.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const n = s.length;
  const m = t.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1).fill(0);
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m] ?? 0;
}

/** The best candidate for `name`, or null when nothing is close enough to be a useful hint. */
export function suggest(name: string, candidates: Iterable<string>): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  const pool = [...new Set(candidates)];
  const lowered = pool.map((c) => c.toLowerCase());
  const exact = lowered.indexOf(lower);
  if (exact >= 0 && pool[exact] !== name) return pool[exact] ?? null;
  for (let i = exact + 1; exact >= 0 && i < pool.length; i++)
    if (lowered[i] === lower && pool[i] !== name) return pool[i] ?? null;
  for (const c of pool) {
    if (c === name) continue;
    // Allow about one edit per three characters, so short names don't match everything.
    const limit = Math.max(1, Math.floor(Math.max(name.length, c.length) / 3));
    // The length difference is a lower bound of the distance: skip hopeless candidates cheaply.
    if (Math.abs(name.length - c.length) > Math.min(limit, bestScore)) continue;
    const d = editDistance(name, c);
    if (d <= limit && d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best !== null) return best;
  // A prefix match catches truncated or over-long names (`RemoteU` -> `RemoteUrl`,
  // `tolowercase` -> `tolower`); the longest shared prefix wins.
  let prefixBest: string | null = null;
  for (let i = 0; i < pool.length; i++) {
    const c = pool[i]!;
    const cl = lowered[i]!;
    const shorter = Math.min(cl.length, lower.length);
    if (shorter < 4 || !(cl.startsWith(lower) || lower.startsWith(cl))) continue;
    if (prefixBest === null || shorter > Math.min(prefixBest.length, lower.length)) prefixBest = c;
  }
  return prefixBest;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(name, candidates);
  return s === null ? undefined : `did you mean '${s}'?`;
}
