import { readdirSync, readFileSync } from 'node:fs';

/** The process `root` and its descendants (a server and its cluster workers), by pid. */
export function processTree(root: number): Set<string> {
  const parents = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      // the process ended between listing and reading
    }
  }
  const tree = new Set([String(root)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  return tree;
}

/**
 * Peak resident memory (VmHWM) of every process whose command line matches, sampled from /proc
 * while they run: the coordinator and each worker of a sweep, or the server under load. With
 * `root`, only that process and its descendants (other helpers' servers on the machine match too).
 */
export function watchPeakMemory(match: RegExp, everyMs = 200, root?: number): { stop(): Record<string, number> } {
  const peaks = new Map<string, number>();
  const sample = () => {
    const tree = root === undefined ? null : processTree(root);
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      if (tree && !tree.has(pid)) continue;
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
