import { Client } from 'pg';
import type { TestServer } from './test-server';

/** A transaction on a connection of its own that holds row locks until it is committed. */
export interface HeldLock {
  /** Runs one more statement in the held transaction (a stand-in for a concurrent writer's change). */
  sql(text: string, params?: unknown[]): Promise<unknown>;
  /** Waits until `count` statements of the server are waiting on a lock (the races are then set up). */
  waitForWaiters(count: number): Promise<void>;
  /** Commits the held transaction: the waiting requests go on, one after the other. */
  release(): Promise<void>;
}

/**
 * Makes a race deterministic, as the attacker of hostile9 did with psql: a second connection opens a
 * transaction and runs `lockSql` (a `select … for update`), so the requests sent next all reach the
 * same rows while they are locked, and run when `release()` commits.
 */
export async function holdLock(server: TestServer, lockSql: string, params: unknown[] = []): Promise<HeldLock> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query(lockSql, params);
  const ownPid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
  async function release(): Promise<void> {
    try {
      await client.query('commit');
    } finally {
      await client.end();
    }
  }
  return {
    sql: (text, params) => client.query(text, params as unknown[]),
    async waitForWaiters(count) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        // pg_stat_activity is read once per transaction unless the snapshot is cleared.
        await client.query('select pg_stat_clear_snapshot()');
        const { rows } = await client.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
          [ownPid],
        );
        if (rows[0].n >= count) return;
        if (Date.now() > deadline) {
          await release();
          throw new Error(`only ${rows[0].n} of ${count} statements came to wait on the held lock`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    release,
  };
}

/**
 * Races requests as concurrent clients would: sends them (`send`) while `lockSql` holds the rows they
 * reach, lets go once every one of them waits on the lock, and returns their answers in order.
 */
export async function raceBehindLock<P extends readonly Promise<unknown>[] | []>(server: TestServer, lockSql: string, params: unknown[], send: () => P): Promise<{ -readonly [K in keyof P]: Awaited<P[K]> }> {
  const held = await holdLock(server, lockSql, params);
  const sent = send();
  const answers = Promise.all(sent);
  await held.waitForWaiters(sent.length);
  await held.release();
  return answers;
}
