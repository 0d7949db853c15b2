import { readdirSync, readFileSync } from 'node:fs';

/**
 * Peak resident memory (VmHWM) of every process whose command line matches, sampled from /proc
 * while they run: the coordinator and each worker of a sweep, or the server under load.
 */
export function watchPeakMemory(match: RegExp, everyMs = 200): { stop(): Record<string, number> } {
  const peaks = new Map<string, number>();
  const sample = () => {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        if (!match.test(command)) continue;
        const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        const key = `${pid} ${command.replace(/^.*?(bin\/chengxin\.js|dist\/src\/main\.js)/, '$1').slice(0, 60)}`;
        peaks.set(key, Math.max(peaks.get(key) ?? 0, Math.round(hwm / 1024)));
      } catch {
        // the process ended between listing and reading
      }
    }
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return Object.fromEntries(peaks);
    },
  };
}
