import { Client } from 'pg';
import { uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile4 H1: six anonymous requests for a page of 100 enterprises' publicStatus stalled every
 * caller: each enterprise was assessed in its own facts read (a read-only transaction holding a
 * pooled connection), so 600 reads queued for the pool's 10 connections and a trivial count waited
 * behind them. Now a page's statuses are assessed in one facts read, and a request runs at most
 * FACTS_READS_AT_ONCE at a time.
 *
 * Ordering, not timing: the test holds a lock on credit_record, which every enterprise facts read
 * reads, so the heavy requests' facts reads start and stay open on their connections; a trivial
 * query must then be answered while none of the six has finished. With a read per enterprise the
 * pool would be full of blocked reads and the count could not be answered at all.
 */
let server: TestServer;
let lock: Client;
let watch: Client;

// 31: the largest anonymous page of statuses the row limit lets through (hostile19 F2).
const HEAVY = graphql(`{ enterprises(first: 31) { edges { node { id publicStatus(matter: "PROCUREMENT") { outcome } } } } }`);
const TRIVIAL = graphql(`{ agencies(first: 1) { totalCount } }`);

beforeAll(async () => {
  server = await startTestServer();
  const values = Array.from({ length: 100 }, (_, i) => `(gen_random_uuid(), '${uscc('91')}', '鄂州市第${i + 1}测试有限公司')`).join(', ');
  await server.sql(`insert into enterprise (id, uscc, name) values ${values}`);
  lock = new Client({ connectionString: server.databaseUrl });
  watch = new Client({ connectionString: server.databaseUrl });
  await Promise.all([lock.connect(), watch.connect()]);
});
afterAll(async () => {
  await Promise.all([lock?.end(), watch?.end()]);
  await server.stop();
});

/** The server's connections waiting for the test's lock: facts reads under way, each holding its connection. */
async function blockedReads(): Promise<number> {
  const { rows } = await watch.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
  return rows[0].n;
}

it('a trivial query is answered while six anonymous pages of 31 publicStatus are under way, each holding one connection', async () => {
  const [before] = await server.sql('select (select count(*) from verdict)::int as verdicts, (select count(*) from audit_event)::int as audit');
  await lock.query('begin');
  await lock.query('lock table credit_record in access exclusive mode');
  const finished: number[] = [];
  let heavy: ReturnType<typeof sendHeavy>[] = [];
  const sendHeavy = () => server.query(HEAVY, {}, { role: 'PUBLIC' });
  try {
    heavy = Array.from({ length: 6 }, (_, i) => sendHeavy().then((answer) => {
      finished.push(i);
      return answer;
    }));
    // Poll until every heavy request has its facts read open (an interval, not a bound on anything).
    while ((await blockedReads()) < 6) await new Promise((resolve) => setTimeout(resolve, 50));
    // One facts read per request, not one per enterprise: six connections held, four free.
    expect(await blockedReads()).toBe(6);
    const trivial = await server.query(TRIVIAL, {}, { role: 'PUBLIC' });
    expect(trivial.errors).toBeUndefined();
    expect(trivial.data!.agencies.totalCount).toBe(0);
    expect(finished).toEqual([]);
  } finally {
    await lock.query('rollback');
  }
  for (const answer of await Promise.all(heavy)) {
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data!.enterprises.edges.map((e) => e.node.publicStatus.outcome);
    expect(nodes).toHaveLength(31);
    expect(new Set(nodes)).toEqual(new Set(['ELIGIBLE']));
  }
  // Assessing stores nothing.
  expect((await server.sql('select (select count(*) from verdict)::int as verdicts, (select count(*) from audit_event)::int as audit'))[0]).toEqual(before);
});
