import cluster, { type Worker } from 'node:cluster';
import type { OtherProcesses, ProcessVersion, ProcessVersions } from './engine/other-processes';
import type { RuleReloader } from './engine/rule-reloader';

/**
 * One rule set in force across the server's processes (WEB_CONCURRENCY > 1, hostile21 F1). Before,
 * `reloadRules` reloaded only the process that answered it: the others kept the old version, so
 * verdicts of one matter were decided under two rule sets depending on which process took the
 * connection, `stale` flipped per request, and a sweep could be planned under the old version.
 *
 * Carried over node:cluster's IPC channel through the primary, like the shared counts
 * (src/graphql/shared-counts.ts): the primary knows exactly which processes serve, so the asker
 * learns how many took the new version and which did not answer, within a bounded wait. (The
 * PostgreSQL change notice every process LISTENs for was the other way offered: it reaches servers
 * on other machines too, but says nothing back, so nobody could tell the caller that every process
 * took the version. Servers on several machines share no primary: each takes the change by its own
 * watcher or `reloadRules`; README "Several server processes".)
 *
 * - A worker, once it can answer, says `ready`; the primary asks only ready workers (one still
 *   starting reads the folder itself as it starts).
 * - `reload`/`versions` from a worker: the primary asks every other ready worker, gathers their
 *   answers until all have answered, stopped, or `waitMs` passed, and answers the asker.
 */
const FROM = 'chengxin-rules';

/** A reload reads and checks the whole folder (0.15–0.3 CPU-s) behind any reload under way (shared-reload.ts). */
export const RELOAD_WAIT_MS = 10_000;
/** A version is only read from memory. */
export const VERSIONS_WAIT_MS = 2_000;

type Ask = 'reload' | 'versions';
type FromWorker =
  | { from: typeof FROM; op: 'ready' }
  | { from: typeof FROM; op: Ask; id: number; waitMs: number }
  | { from: typeof FROM; op: 'answer'; ask: number; version: ProcessVersion };
type ToWorker = { from: typeof FROM; op: Ask; ask: number } | { from: typeof FROM; op: 'answered'; id: number; versions: ProcessVersions };

/** In the cluster's primary, before it forks: carries reloads and version questions between the workers. */
export function serveRuleReloads(): void {
  const ready = new Set<Worker>();
  let nextAsk = 0;
  const asks = new Map<number, { waiting: Set<Worker>; answered: ProcessVersion[]; gone: number[]; finish: () => void }>();
  const send = (worker: Worker, message: ToWorker) => {
    if (worker.isConnected()) worker.send(message);
  };

  cluster.on('message', (worker, message: FromWorker) => {
    if (message?.from !== FROM) return;
    if (message.op === 'ready') {
      ready.add(worker);
    } else if (message.op === 'answer') {
      const ask = asks.get(message.ask);
      if (!ask || !ask.waiting.delete(worker)) return;
      ask.answered.push(message.version);
      if (!ask.waiting.size) ask.finish();
    } else if (message.op === 'reload' || message.op === 'versions') {
      const id = nextAsk++;
      const waiting = new Set([...ready].filter((w) => w !== worker && w.isConnected()));
      const entry = {
        waiting,
        answered: [] as ProcessVersion[],
        gone: [] as number[],
        finish: () => {
          clearTimeout(timer);
          asks.delete(id);
          // Named by pid, so that the operator knows which process to look at (or restart).
          const unansweredPids = [...[...waiting].map((w) => w.process.pid), ...entry.gone].filter((pid): pid is number => pid !== undefined);
          send(worker, { from: FROM, op: 'answered', id: message.id, versions: { answered: entry.answered, unanswered: waiting.size + entry.gone.length, unansweredPids } });
        },
      };
      const finish = entry.finish;
      const timer = setTimeout(finish, message.waitMs);
      asks.set(id, entry);
      if (!waiting.size) return finish();
      for (const other of waiting) send(other, { from: FROM, op: message.op, ask: id });
    }
  });
  // A process that stops is no longer waited for (it is counted as unanswered) nor asked.
  cluster.on('exit', (worker) => {
    ready.delete(worker);
    for (const ask of [...asks.values()]) {
      if (!ask.waiting.has(worker)) continue;
      ask.waiting.delete(worker);
      if (worker.process.pid !== undefined) ask.gone.push(worker.process.pid);
      if (!ask.waiting.size) ask.finish();
    }
  });
}

/**
 * In a worker: answers the primary's questions for this process's reloader, and asks the other
 * processes through the primary. Outside a cluster there are no others (the reloader keeps
 * NO_OTHER_PROCESSES).
 */
export function joinRuleReloads(reloader: RuleReloader): void {
  if (!cluster.isWorker) return;
  const mine = (errors = reloader.errors.length): ProcessVersion => ({ pid: process.pid, version: reloader.holder.current.version, errors });
  const waiting = new Map<number, { resolve: (versions: ProcessVersions) => void; timer: NodeJS.Timeout }>();
  let next = 0;
  const send = (message: FromWorker) => process.send!(message, undefined, undefined, () => undefined);

  cluster.worker!.on('message', (message: ToWorker) => {
    if (message?.from !== FROM) return;
    if (message.op === 'answered') {
      const entry = waiting.get(message.id);
      if (!entry) return;
      waiting.delete(message.id);
      clearTimeout(entry.timer);
      entry.resolve(message.versions);
    } else if (message.op === 'versions') {
      send({ from: FROM, op: 'answer', ask: message.ask, version: mine() });
    } else if (message.op === 'reload') {
      reloader.reload('peer').then(
        ({ result }) => send({ from: FROM, op: 'answer', ask: message.ask, version: mine(result.errors.length) }),
        // Not answering counts as unanswered: the asker reports this process as not on the version.
        () => undefined,
      );
    }
  });

  const ask = (op: Ask, waitMs: number): Promise<ProcessVersions> =>
    new Promise((resolve) => {
      const id = next++;
      // The primary answers within waitMs; past that (a primary that cannot answer) nobody counts as answered.
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve({ answered: [], unanswered: 0, primarySilent: true });
      }, waitMs + 1_000);
      waiting.set(id, { resolve, timer });
      send({ from: FROM, op, id, waitMs });
    });
  const others: OtherProcesses = { reload: () => ask('reload', RELOAD_WAIT_MS), versions: () => ask('versions', VERSIONS_WAIT_MS) };
  reloader.others = others;
  send({ from: FROM, op: 'ready' });
}
