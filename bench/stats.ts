import { cpus, loadavg, totalmem } from 'node:os';

export const median = (values: number[]) => quantile(values, 0.5);

/** The nearest-rank quantile: a value that was measured, never one interpolated between two. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const p95 = (values: number[]) => quantile(values, 0.95);

/** What the figures were measured on: they only compare within one run on one machine. */
export function machine() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine moves every figure: the 1-minute load average as the report is written.
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    date: new Date().toISOString(),
  };
}
