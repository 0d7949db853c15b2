import os from 'node:os';
import { ConfigError, loadConfig } from '../../src/config';
import { buildServer, startClusteredServer, type ClusteredServer } from '../support/clustered-server';
import { idCardNumber, uscc } from '../support/factories';
import { createTestDatabase } from '../support/test-database';
import { token } from '../support/test-server';

/**
 * WEB_CONCURRENCY: the compiled server (as `npm start` runs it) as several processes on one port
 * (src/cluster.ts). Each answers, writes verdicts with their audit events, records explanation
 * reads, and SIGTERM stops them all.
 */
let database: { url: string; drop(): Promise<void> };
let server: ClusteredServer | undefined;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the WEB_CONCURRENCY setting', () => {
  it('defaults to one process per core in production and one elsewhere, and refuses what is not a count', () => {
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ NODE_ENV: 'production' }).webConcurrency).toBe(os.availableParallelism());
    expect(loadConfig({ WEB_CONCURRENCY: '3' }).webConcurrency).toBe(3);
    expect(() => loadConfig({ WEB_CONCURRENCY: 'many' })).toThrow(new ConfigError('WEB_CONCURRENCY', 'is "many", but must be a whole number of server processes from 1 to 64'));
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow(ConfigError);
  });
});

describe('several server processes', () => {
  beforeAll(async () => {
    buildServer();
    database = await createTestDatabase({ empty: true }); // migrated by the compiled start-up, as `npm start` migrates a new database
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('serve from one port (WEB_CONCURRENCY=2): evaluations stored with their audit events, explanation reads recorded, all stopped by SIGTERM', async () => {
    server = await startClusteredServer({ webConcurrency: 2, databaseUrl: database.url });
    const { pids, url } = server;
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(server.pid);
    const gql = async (query: string, variables: Record<string, unknown>, role = 'OFFICER') =>
      (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(role, 'cluster-test')}` }, body: JSON.stringify({ query, variables }) })).json()) as any;

    const agency = await gql('mutation ($uscc: String!) { createAgency(input: { uscc: $uscc, name: "鄂州市测试局", level: CITY, kind: DEPARTMENT }) { id } }', { uscc: uscc() }, 'ADMIN');
    const servant = await gql('mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }', {
      input: { idCardNumber: idCardNumber(), name: '张测试', agencyId: agency.data.createAgency.id, post: '科员', rank: '一级科员' },
    }, 'ADMIN');
    const id = servant.data.createCivilServant.id;
    // Enough calls at once that both processes take some (connections are handed out in turn).
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => gql('mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id outcome } }', { id })));
    for (const v of verdicts) expect(v).toEqual({ data: { evaluate: { id: expect.any(String), outcome: 'ELIGIBLE' } } });
    const read = await gql('query ($id: ID!) { verdict(id: $id) { explanation { summary(locale: "en") } } }', { id: verdicts[0].data.evaluate.id }, 'INSPECTOR');
    expect(read.data.verdict.explanation.summary).toEqual(expect.any(String));

    const audit = await gql('query ($s: ID!) { auditEvents(first: 50, filter: { subjectId: $s }) { edges { node { action actor targetId } } } }', { s: id }, 'ADMIN');
    const actions = audit.data.auditEvents.edges.map((e: any) => e.node);
    expect(actions.filter((e: any) => e.action === 'EVALUATE').map((e: any) => e.targetId).sort()).toEqual(verdicts.map((v) => v.data.evaluate.id).sort());
    expect(actions.filter((e: any) => e.action === 'READ_EXPLANATION')).toEqual([{ action: 'READ_EXPLANATION', actor: 'cluster-test', targetId: verdicts[0].data.evaluate.id }]);

    expect(await server.terminate()).toBe(0);
    server = undefined;
    expect(pids.filter(alive)).toEqual([]);
  }, 240_000);
});
