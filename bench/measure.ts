/** Timing helpers for the benchmarks: warm up, then report the median of several runs. */
export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export function measure(run: () => unknown, { warmup = 5, runs = 25 }: { warmup?: number; runs?: number } = {}): Timing {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0], runs };
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
