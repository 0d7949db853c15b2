import cluster from 'node:cluster';
import { ClusterMemoryStorePrimary, ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import { MemoryStore, type Store } from 'express-rate-limit';

/**
 * Counts that a limit keeps for the whole server, however many processes serve (WEB_CONCURRENCY,
 * src/cluster.ts). In one process they are held in its memory; as one of several cluster workers
 * they are held by the cluster's primary and asked for over node:cluster's IPC channel, so that a
 * token allowed 60 personal reads a minute gets 60 from the server, not 60 from each process (sec23).
 *
 * - Hit counts (express-rate-limit's Store: the anonymous rate) use express-rate-limit's own
 *   @express-rate-limit/cluster-memory-store: its primary keeps one MemoryStore per prefix, each
 *   worker's store forwards increment/decrement to it.
 * - Row windows (the per-minute limits of a token holder, per-minute-window-limit.ts) add a number of
 *   units only when they fit, which no Store method does: the primary keeps them in a RowWindows
 *   (below), asked with one message a take or give-back.
 * - Places (PUBLIC_SOCKETS_PER_ADDRESS: a client address's WebSockets, open or not yet acknowledged)
 *   are held while a socket lives, per process, and dropped with a process that stops.
 *
 * The primary calls serveSharedCounts() before it forks (cluster.ts). A worker whose question the
 * primary does not answer within a second gets SharedCountUnanswered, which is answered as a refusal
 * (HTTP 503 SERVICE_UNAVAILABLE before GraphQL; nothing shown, nothing recorded after it), never as a pass.
 */

/** A count the cluster's primary did not answer: HTTP 503, SERVICE_UNAVAILABLE (http-limits/http-errors.ts), never a pass. */
export class SharedCountUnanswered extends Error {
  readonly status = 503;
  readonly type = 'shared-count.unanswered';
  constructor(limit: string, cause: unknown) {
    super(`The ${limit} count could not be taken (${cause instanceof Error ? cause.message : String(cause)}).`);
  }
}

/** express-rate-limit's store for a limit named `prefix`: the cluster's, or this process's alone. */
export function sharedStore(prefix: string): Store {
  if (!cluster.isWorker) return new MemoryStore();
  const store = new ClusterMemoryStoreWorker({ prefix });
  const unanswered = (error: unknown): never => {
    throw new SharedCountUnanswered(prefix, error);
  };
  // The library's own errors (no answer within a second, a closed channel) as SharedCountUnanswered.
  return {
    prefix,
    init: (options) => store.init(options),
    increment: (key) => store.increment(key).catch(unanswered),
    decrement: (key) => store.decrement(key).catch(unanswered),
    resetKey: (key) => store.resetKey(key).catch(unanswered),
  };
}

/** What a row window answers: whether the rows fitted (and were counted), and when the window ends. */
export interface RowTake {
  allowed: boolean;
  endsAt: number;
}

/** Holders counted at once before those whose window has ended are dropped. */
const PRUNE_AT = 10_000;

/** Fixed windows of rows per key from its first rows; rows that would pass the limit are not counted. */
export class RowWindows {
  private readonly windows = new Map<string, { rows: number; endsAt: number }>();

  take(key: string, rows: number, limit: number, windowMs: number, now = Date.now()): RowTake {
    if (this.windows.size >= PRUNE_AT) for (const [k, window] of this.windows) if (window.endsAt <= now) this.windows.delete(k);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) this.windows.set(key, (window = { rows: 0, endsAt: now + windowMs }));
    const allowed = window.rows + rows <= limit;
    if (allowed) window.rows += rows;
    return { allowed, endsAt: window.endsAt };
  }

  /** Uncounts `rows` that `take` counted in the window still running (one that ended has nothing to give back). */
  giveBack(key: string, rows: number, now = Date.now()): void {
    const window = this.windows.get(key);
    if (window && window.endsAt > now) window.rows = Math.max(0, window.rows - rows);
  }
}

/** A row counter: this process's RowWindows, or the primary's. */
export interface RowCounter {
  take(key: string, rows: number, limit: number, windowMs: number): Promise<RowTake>;
  giveBack(key: string, rows: number): Promise<void>;
}

/** Tells the primary's answers from other IPC messages (cluster-memory-store's among them). */
const FROM = 'chengxin-row-windows';
const ANSWER_WITHIN_MS = 1_000;
type Question = { from: typeof FROM; id: number; op: 'take' | 'giveBack'; key: string; rows: number; limit: number; windowMs: number };
type Answer = { from: typeof FROM; id: number; take: RowTake };

/**
 * A worker's questions of one kind (`from`) to the cluster's primary: each is sent with an id and
 * waits for the answer with that id, at most ANSWER_WITHIN_MS; no answer, or a channel that will
 * not take the question, is SharedCountUnanswered (a refusal, never a pass).
 */
/**
 * Ids of questions, one sequence for every asker of this process: two limits asking the same kind
 * (AUDITED_READS_PER_MINUTE and STORED_WRITES_PER_MINUTE both ask for row windows) each listen to
 * every answer of that kind, and must not take each other's.
 */
let nextQuestionId = 0;

function primaryAsker<Q extends object, A extends { from: string; id: number }, R>(from: A['from'], prefix: string, answerOf: (answer: A) => R) {
  const waiting = new Map<number, { resolve: (answer: R) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  cluster.worker!.on('message', (message: A) => {
    if (message?.from !== from) return;
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    clearTimeout(entry.timer);
    entry.resolve(answerOf(message));
  });
  return (question: Q): Promise<R> =>
    new Promise((resolve, reject) => {
      const id = nextQuestionId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new SharedCountUnanswered(prefix, `no answer from the cluster's primary within ${ANSWER_WITHIN_MS} ms`));
      }, ANSWER_WITHIN_MS);
      waiting.set(id, { resolve, reject, timer });
      process.send!({ ...question, from, id }, undefined, undefined, (error) => {
        if (!error) return;
        waiting.delete(id);
        clearTimeout(timer);
        reject(new SharedCountUnanswered(prefix, error));
      });
    });
}

/** The row counter of a limit named `prefix`: the cluster's, or this process's alone. */
export function sharedRowCounter(prefix: string): RowCounter {
  if (!cluster.isWorker) {
    const windows = new RowWindows();
    return { take: async (key, rows, limit, windowMs) => windows.take(key, rows, limit, windowMs), giveBack: async (key, rows) => windows.giveBack(key, rows) };
  }
  const ask = primaryAsker<Omit<Question, 'from' | 'id'>, Answer, RowTake>(FROM, prefix, (answer) => answer.take);
  return {
    take: (key, rows, limit, windowMs) => ask({ op: 'take', key: `${prefix}:${key}`, rows, limit, windowMs }),
    // Answered too, so that the next take of the holder finds it given back.
    giveBack: async (key, rows) => void (await ask({ op: 'giveBack', key: `${prefix}:${key}`, rows, limit: 0, windowMs: 0 })),
  };
}

/**
 * Places held at once per key (a client address's WebSockets): taken while a socket lives and given
 * back when it closes. Unlike a window, a place belongs to the process holding its socket: the
 * primary keeps each process's places apart and drops them when the process stops, so a process
 * that died leaves no address locked out.
 */
export interface PlaceCounter {
  /** Takes a place of `key` if fewer than `limit` are held; whether it did. */
  take(key: string, limit: number): Promise<boolean>;
  /** Gives back a place `take` took. */
  giveBack(key: string): void;
}

/** Counts of places per key, and per holder (a process) within them. */
class Places {
  private readonly held = new Map<string, number>();
  private readonly byHolder = new Map<string | number, Map<string, number>>();

  take(holder: string | number, key: string, limit: number): boolean {
    const count = this.held.get(key) ?? 0;
    if (count >= limit) return false;
    this.held.set(key, count + 1);
    const mine = this.byHolder.get(holder) ?? new Map<string, number>();
    this.byHolder.set(holder, mine.set(key, (mine.get(key) ?? 0) + 1));
    return true;
  }

  giveBack(holder: string | number, key: string, places = 1): void {
    const mine = this.byHolder.get(holder);
    const own = mine?.get(key) ?? 0;
    const given = Math.min(places, own);
    if (!mine || given <= 0) return;
    if (own - given > 0) mine.set(key, own - given);
    else mine.delete(key);
    if (!mine.size) this.byHolder.delete(holder);
    const left = (this.held.get(key) ?? 0) - given;
    if (left > 0) this.held.set(key, left);
    else this.held.delete(key);
  }

  /** Everything `holder` held (a process that stopped). */
  drop(holder: string | number): void {
    for (const [key, places] of [...(this.byHolder.get(holder) ?? [])]) this.giveBack(holder, key, places);
  }
}

const PLACES = 'chengxin-places';
type PlaceQuestion = { from: typeof PLACES; id: number; op: 'take' | 'giveBack'; key: string; limit: number };
type PlaceAnswer = { from: typeof PLACES; id: number; taken: boolean };

/** The place counter of a limit named `prefix`: the cluster's, or this process's alone. */
export function sharedPlaceCounter(prefix: string): PlaceCounter {
  if (!cluster.isWorker) {
    const places = new Places();
    return { take: async (key, limit) => places.take('self', key, limit), giveBack: (key) => places.giveBack('self', key) };
  }
  const ask = primaryAsker<Omit<PlaceQuestion, 'from' | 'id'>, PlaceAnswer, boolean>(PLACES, prefix, (answer) => answer.taken);
  return {
    take: (key, limit) => ask({ op: 'take', key: `${prefix}:${key}`, limit }),
    // Nobody waits for it; a channel already closed means the process is stopping, and the primary drops its places.
    giveBack: (key) => process.send!({ from: PLACES, id: -1, op: 'giveBack', key: `${prefix}:${key}`, limit: 0 } satisfies PlaceQuestion, undefined, undefined, () => undefined),
  };
}

/** In the cluster's primary, before it forks: answers the workers' counts (every kind above). */
export function serveSharedCounts(): void {
  new ClusterMemoryStorePrimary().init();
  const windows = new RowWindows();
  const places = new Places();
  cluster.on('message', (worker, message: Question | PlaceQuestion) => {
    // A worker that stopped meanwhile has nobody waiting for the answer.
    if (message?.from === FROM) {
      if (message.op === 'giveBack') windows.giveBack(message.key, message.rows);
      const take = message.op === 'giveBack' ? { allowed: true, endsAt: 0 } : windows.take(message.key, message.rows, message.limit, message.windowMs);
      const answer: Answer = { from: FROM, id: message.id, take };
      if (worker.isConnected()) worker.send(answer);
    } else if (message?.from === PLACES) {
      if (message.op === 'giveBack') return places.giveBack(worker.id, message.key);
      const answer: PlaceAnswer = { from: PLACES, id: message.id, taken: places.take(worker.id, message.key, message.limit) };
      if (worker.isConnected()) worker.send(answer);
      else places.giveBack(worker.id, message.key);
    }
  });
  cluster.on('exit', (worker) => places.drop(worker.id));
}
