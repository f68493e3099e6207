/** The benchmarks' load driver: `n` tasks, `concurrency` at a time, with throughput and latency percentiles. */

export interface Measured {
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The p-th percentile (nearest rank) of latencies in ms. */
export const pct = (xs: readonly number[], p: number) => {
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

export async function runPool(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { n, perSecond: n / seconds, p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99) };
}
