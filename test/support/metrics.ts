/**
 * Reads one sample from /metrics (Prometheus text format): the value of `name` whose labels are
 * exactly `labels`, or 0 when there is no such sample yet (a counter prom-client has not seen is
 * not printed at all). Samples, not HELP lines: those prom-client prints for every metric it knows,
 * whether our code ever touched it or not.
 */
export async function metricValue(metricsUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  for (const line of text.split('\n')) {
    const sample = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!sample || sample[1] !== name) continue;
    const found = Object.fromEntries([...(sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(sample[3]);
  }
  return 0;
}
