import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { CHANGE_CHANNEL, type ChangeNotice } from '../audit/change-notice';

type Listener = (notice: ChangeNotice) => void;

interface PgClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  removeAllListeners(event: string): void;
}

/**
 * This process's end of the change notices: one pooled connection that LISTENs on the channel
 * every write NOTIFYs in its transaction (src/audit/change-notice.ts), fanned out to the
 * subscriptions of this process. Every server process listens, so a change written through any
 * of them reaches the subscribers of all.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private client: PgClient | undefined;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const knex = this.orm.em.getConnection().getKnex();
    const client = (await knex.client.acquireConnection()) as PgClient;
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
      if (this.stopped) return;
      this.log.error({ err: error.message }, 'the change feed lost its database connection; listening again in 1 s');
      this.client = undefined;
      setTimeout(() => void this.start().catch((e: Error) => this.log.error({ err: e.message }, 'the change feed could not listen again')), 1000);
    });
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners('notification');
    await client.query(`UNLISTEN ${CHANGE_CHANNEL}`).catch(() => undefined);
    await this.orm.em.getConnection().getKnex().client.releaseConnection(client);
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
