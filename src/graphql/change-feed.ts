import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { Client, type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { CHANGE_CHANNEL, type ChangeNotice } from '../audit/change-notice';
import { SUBSCRIPTION_DEFAULTS, publicShareOf } from '../config-defaults';
import { CreditRecord, CreditRepair } from '../db/entities';
import { RepairStatus } from '../domain/credit-repair';
import { publiclyDisclosed } from './visibility';

type Listener = (notice: ChangeNotice) => void;

/**
 * This process's end of the change notices: one connection of its own that LISTENs on the channel
 * every write NOTIFYs in its transaction (src/audit/change-notice.ts), fanned out to the
 * subscriptions of this process. Every server process listens, so a change written through any
 * of them reaches the subscribers of all.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  /** Those of `listeners` held by callers without a token (bounded by maxPublicListeners). */
  private publicListeners = 0;
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  /**
   * Per notice: whether the record it names is publicly disclosed, looked up once for every
   * subscriber (the same notice object reaches them all) and forgotten with the notice.
   */
  private readonly disclosed = new WeakMap<ChangeNotice, Promise<boolean>>();
  /** Per DECIDE_REPAIR notice: whether the record's latest decided repair was approved (looked up once, as above). */
  private readonly approved = new WeakMap<ChangeNotice, Promise<boolean>>();

  /**
   * @param maxListeners subscriptions this process runs at once, every socket together
   *   (SUBSCRIPTIONS_PER_PROCESS): each is offered every committed change.
   * @param maxPublicListeners of those, how many callers without a token may hold together
   *   (SUBSCRIPTIONS_PUBLIC_PER_PROCESS, fewer than maxListeners): a hundred public sockets could
   *   otherwise take the whole budget and shut every signed-in display out.
   */
  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    readonly maxListeners: number = SUBSCRIPTION_DEFAULTS.perProcess,
    readonly maxPublicListeners: number = publicShareOf(maxListeners),
  ) {}

  /** Subscriptions listening now. */
  get listening(): number {
    return this.listeners.size;
  }

  /** Subscriptions of callers without a token listening now. */
  get publicListening(): number {
    return this.publicListeners;
  }

  /** The refusal a new subscription would get now, or null when there is room for it. */
  refusal(publicCaller: boolean): GraphQLError | null {
    if (publicCaller && this.publicListeners >= this.maxPublicListeners) return tooManySubscriptions(this.maxPublicListeners, 'public');
    if (this.listeners.size >= this.maxListeners) return tooManySubscriptions(this.maxListeners, 'process');
    return null;
  }

  /**
   * Whether the record a notice names is publicly disclosed now: one lookup per notice, shared by
   * every subscriber it reaches (it was one per subscriber, each through its own loader, so 20,000
   * public subscribers made 20,000 lookups of one record per change). Read fresh, not from a cache
   * older than the notice: a record revoked since must not show.
   */
  targetDisclosed(notice: ChangeNotice): Promise<boolean> {
    return oncePerNotice(this.disclosed, notice, (id) =>
      this.orm.em
        .fork()
        .findOne(CreditRecord, { id })
        .then((record) => record !== null && publiclyDisclosed(record)),
    );
  }

  /**
   * Whether the repair decision a DECIDE_REPAIR notice reports approved the repair: the latest decided
   * repair of the record it names, read once per notice for every subscriber. A rejection changes
   * nothing a caller who may not read repairs can see, so such a caller is not told of it.
   */
  repairApproved(notice: ChangeNotice): Promise<boolean> {
    return oncePerNotice(this.approved, notice, (id) =>
      this.orm.em
        .fork()
        .findOne(CreditRepair, { record: id, decidedOn: { $ne: null } }, { orderBy: { decidedOn: 'desc', updatedAt: 'desc' } })
        .then((repair) => repair?.status === RepairStatus.APPROVED),
    );
  }

  async start(): Promise<void> {
    // A connection of its own, not one of the pool's: the pool is closed at shutdown waiting for
    // every connection it lent, and a lost LISTEN connection must not hold one.
    const settings = (this.orm.em.getConnection().getKnex().client as { connectionSettings: ClientConfig | string }).connectionSettings;
    const client = new Client(settings);
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
      let notice: ChangeNotice;
      try {
        notice = JSON.parse(message.payload) as ChangeNotice;
      } catch {
        return;
      }
      for (const listener of this.listeners) listener(notice);
    });
    client.on('error', (error) => {
      const wasListening = this.client === client;
      if (wasListening) this.client = undefined;
      void client.end().catch(() => undefined);
      // A connection that never listened failed in start(), whose caller retries.
      if (this.stopped || !wasListening) return;
      this.log.error({ err: error.message }, 'the change feed lost its database connection; listening again in 1 s');
      this.listenAgain();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  /** Every second until the database answers again (or the server stops). */
  private listenAgain(): void {
    this.retry = setTimeout(() => {
      if (this.stopped) return;
      this.start().catch((error: Error) => {
        this.log.warn({ err: error.message }, 'the change feed cannot listen yet; trying again in 1 s');
        this.listenAgain();
      });
    }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /**
   * The notices that pass `accept`, as an async iterator for a subscription; returning it stops
   * listening. Refused with TOO_MANY_SUBSCRIPTIONS when the process already runs maxListeners, or,
   * for a caller without a token, when the public already holds maxPublicListeners (the counts are
   * exact: a listener is added here and removed when its iterator is returned).
   *
   * `admit`, when given, is asked of each accepted notice as it is handed out (in commit order,
   * one at a time): a notice it refuses is skipped. It is for checks that read the database, which
   * `accept` (called for every listener as the notice arrives) must not.
   */
  subscribe(
    accept: (notice: ChangeNotice) => boolean,
    publicCaller = false,
    admit?: (notice: ChangeNotice) => Promise<boolean>,
  ): AsyncIterableIterator<ChangeNotice> {
    const refused = this.refusal(publicCaller);
    if (refused) throw refused;
    const queue: ChangeNotice[] = [];
    let waiting: ((result: IteratorResult<ChangeNotice>) => void) | undefined;
    let done = false;
    const listener: Listener = (notice) => {
      if (done || !accept(notice)) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: notice, done: false });
      } else if (queue.length < 1000) {
        queue.push(notice);
      }
    };
    this.listeners.add(listener);
    if (publicCaller) this.publicListeners++;
    const finish = async (): Promise<IteratorResult<ChangeNotice>> => {
      if (!done && publicCaller) this.publicListeners--;
      done = true;
      this.listeners.delete(listener);
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      return { value: undefined, done: true };
    };
    const pull = (): Promise<IteratorResult<ChangeNotice>> => {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    };
    return {
      next: async () => {
        for (;;) {
          const result = await pull();
          if (result.done || !admit || (await admit(result.value))) return result;
        }
      },
      return: finish,
      throw: async (error) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

/**
 * A lookup about the record a notice names, made once for every subscriber the notice reaches (the
 * same notice object reaches them all) and forgotten with the notice; false for a notice naming none.
 */
function oncePerNotice(answers: WeakMap<ChangeNotice, Promise<boolean>>, notice: ChangeNotice, lookup: (targetId: string) => Promise<boolean>): Promise<boolean> {
  if (!notice.targetId) return Promise.resolve(false);
  let answer = answers.get(notice);
  if (!answer) {
    answer = lookup(notice.targetId);
    answers.set(notice, answer);
  }
  return answer;
}

/**
 * The refusal of a subscription past the per-process limit, or past the public's share of it (the
 * per-socket one is in websocket.ts).
 */
export function tooManySubscriptions(limit: number, scope: 'process' | 'public' = 'process'): GraphQLError {
  const message =
    scope === 'public'
      ? `此服务进程中无令牌的订阅已有 ${limit} 个，已达公众份额上限（SUBSCRIPTIONS_PUBLIC_PER_PROCESS）；请稍后再试，或用一个订阅（subjectType、subjectId）满足多个需要。 Callers without a token already hold ${limit} subscriptions in this server process, the public's share (SUBSCRIPTIONS_PUBLIC_PER_PROCESS; the rest is kept for signed-in roles); try again later, or narrow one subscription (subjectType, subjectId) to cover several needs. Nothing was started.`
      : `此服务进程已有 ${limit} 个订阅在运行，已达上限；请稍后再试，或用一个订阅（subjectType、subjectId）满足多个需要。 This server process already runs ${limit} subscriptions, the most it holds; try again later, or narrow one subscription (subjectType, subjectId) to cover several needs. Nothing was started.`;
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit, scope } });
}
