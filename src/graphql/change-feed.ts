import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { CHANGE_CHANNEL, type ChangeNotice } from '../audit/change-notice';

type Listener = (notice: ChangeNotice) => void;

/**
 * This process's end of the change notices: one connection of its own that LISTENs on the channel
 * every write NOTIFYs in its transaction (src/audit/change-notice.ts), fanned out to the
 * subscriptions of this process. Every server process listens, so a change written through any
 * of them reaches the subscribers of all.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
  ) {}

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

  /** The notices that pass `accept`, as an async iterator for a subscription; returning it stops listening. */
  subscribe(accept: (notice: ChangeNotice) => boolean): AsyncIterableIterator<ChangeNotice> {
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
    const finish = async (): Promise<IteratorResult<ChangeNotice>> => {
      done = true;
      this.listeners.delete(listener);
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      return { value: undefined, done: true };
    };
    return {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
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
