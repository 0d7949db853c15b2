import { createAgency, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** The statements of the last request, without the logger's colours and timings. */
const sent = () => server.statements.map((s) => s.replace(/\u001b\[\d+m/g, '').replace(/^\[query\] /, '').replace(/ \[took .*$/, ''));

/**
 * Runs one write through the API and checks how it reached the database: one writing transaction
 * (a facts read is a read-only transaction of its own), no savepoint (no transaction opened inside
 * another), and its audit event inserted by the same transaction as the row it changed (xmin names
 * the transaction that last wrote a row). Evaluate and recheck write their verdict and audit event
 * in one statement (src/db/repositories/verdict.repository.ts), its own transaction: no BEGIN.
 */
async function oneTransaction(action: string, write: () => Promise<{ table: string; id: string }>, { oneStatement = false } = {}) {
  server.resetStatements();
  const { table, id } = await write();
  const statements = sent();
  expect(statements.filter((s) => /savepoint/i.test(s))).toEqual([]);
  expect(statements.filter((s) => s === 'begin')).toHaveLength(oneStatement ? 0 : 1);
  const [changed] = await server.sql(`select xmin::text as tx from ${table} where id = ?`, [id]);
  const [audited] = await server.sql('select xmin::text as tx, count(*) over ()::int as n from audit_event where action = ? and xmin = ?::xid', [action, changed.tx]);
  expect(audited).toEqual({ tx: changed.tx, n: 1 });
}

describe('each use case owns its transaction and writes its audit event once, in it', () => {
  it('registering, recording, objecting, deciding, evaluating and re-checking: one transaction each, no savepoint, one audit event beside the change', async () => {
    let agency = '';
    await oneTransaction('REGISTER_SUBJECT', async () => ({ table: 'agency', id: (agency = await createAgency(server)) }));
    let record = '';
    await oneTransaction('CREATE_RECORD', async () => ({ table: 'credit_record', id: (record = await createRecord(server, 'AGENCY', agency)) }));
    let objection = '';
    await oneTransaction('FILE_OBJECTION', async () => {
      const filed = await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2024-05-01" }) { id } }`), { r: record });
      return { table: 'objection', id: (objection = filed.fileObjection.id) };
    });
    await oneTransaction('DECIDE_OBJECTION', async () => {
      const decided = await server.query(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "维持原认定", resolvedOn: "2024-05-20" }) { id } }`), { o: objection });
      expect(decided.errors).toBeUndefined();
      return { table: 'objection', id: objection };
    });
    let verdict = '';
    await oneTransaction('EVALUATE', async () => {
      const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`), { id: agency });
      return { table: 'verdict', id: (verdict = evaluated.evaluate.id) };
    }, { oneStatement: true });
    // The one statement writes every column the entity maps: what it rests on is stored, not left NULL.
    const [stored] = await server.sql('select provisional_on, facts is not null as facts, rules is not null as rules from verdict where id = ?', [verdict]);
    expect(stored).toEqual({ provisional_on: expect.any(Array), facts: true, rules: true });
    await oneTransaction('RECHECK', async () => {
      const rechecked = await server.ok(graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { current { id } } }`), { v: verdict });
      return { table: 'verdict', id: rechecked.recheck.current.id };
    }, { oneStatement: true });
  });
});
