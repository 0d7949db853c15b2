import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const AUDIT = graphql(`query ($s: ID) { auditEvents(first: 50, filter: { subjectId: $s }) { totalCount edges { node { actor role action subjectType subjectId targetId outcome createdAt } } } }`);

describe('the audit trail', () => {
  it('holds who evaluated whom and who read the explanation, for an inspector to read', async () => {
    const servantId = await createCivilServant(server, await createAgency(server));
    await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
    const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { id } }`), { id: servantId }, { role: 'OFFICER', sub: 'li.officer' });
    const verdictId = evaluated.evaluate.id;
    await server.query(graphql(`query ($v: ID!) { verdict(id: $v) { explanation { day } } }`), { v: verdictId }, { role: 'INSPECTOR', sub: 'zhao.inspector' });

    const trail = await server.ok(AUDIT, { s: servantId }, { role: 'INSPECTOR' });
    const events = trail.auditEvents.edges.map((e) => e.node);
    expect(events).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'test-admin', role: 'ADMIN', action: 'REGISTER_SUBJECT', subjectType: 'CIVIL_SERVANT' }),
      expect.objectContaining({ actor: 'test-admin', action: 'CREATE_RECORD', outcome: 'DISHONEST BREACH_OF_CONTRACT' }),
      expect.objectContaining({ actor: 'li.officer', role: 'OFFICER', action: 'EVALUATE', targetId: verdictId, outcome: 'AWARD RESTRICTED' }),
      expect.objectContaining({ actor: 'zhao.inspector', role: 'INSPECTOR', action: 'READ_EXPLANATION', targetId: verdictId, outcome: 'read' }),
    ]));
  });

  it('gets no row for a write that failed', async () => {
    const code = uscc();
    await createAgency(server, { uscc: code });
    const before = await server.sql("select count(*)::int as n from audit_event where action = 'REGISTER_SUBJECT'");
    const duplicate = await server.query(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "重复", level: CITY, kind: DEPARTMENT }) { id } }`), { u: code });
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await server.sql("select count(*)::int as n from audit_event where action = 'REGISTER_SUBJECT'")).toEqual(before);
  });

  it('and a write whose audit row cannot be stored does not happen either', async () => {
    const before = await server.sql('select count(*)::int as n from agency');
    // A trigger that refuses this one actor's audit rows makes the audit insert fail.
    await server.sql(`create function refuse_audit_for_test() returns trigger language plpgsql as $$ begin if new.actor = 'audit.fails' then raise exception 'refused for the test'; end if; return new; end $$`);
    await server.sql('create trigger refuse_audit_for_test before insert on audit_event for each row execute function refuse_audit_for_test()');
    try {
      const result = await server.query(graphql(`mutation ($u: String!) { createAgency(input: { uscc: $u, name: "审计失败", level: CITY, kind: DEPARTMENT }) { id } }`), { u: uscc() }, { role: 'CLERK', sub: 'audit.fails' });
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await server.sql('select count(*)::int as n from agency')).toEqual(before);
    } finally {
      await server.sql('drop trigger refuse_audit_for_test on audit_event');
      await server.sql('drop function refuse_audit_for_test()');
    }
  });

  it('cannot be changed or deleted: the API has no such operation and the table refuses it', async () => {
    const mutations = (await server.rawQuery('{ __schema { mutationType { fields { name } } } }')).data;
    expect(mutations.__schema.mutationType.fields.map((f: any) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
    await expect(server.sql("update audit_event set actor = 'someone else'")).rejects.toThrow(/immutable/);
    await expect(server.sql('delete from audit_event')).rejects.toThrow(/immutable/);
  });
});

describe('the audit trail by date', () => {
  const BY_DAY = graphql(`query ($s: ID, $from: LocalDate, $to: LocalDate) { auditEvents(first: 50, filter: { subjectId: $s, from: $from, to: $to }) { totalCount } }`);
  /** A day in China Standard Time, `offset` days from today. */
  const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

  it('keeps the events of the days asked for, counted in China Standard Time, across every page', async () => {
    const agencyId = await createAgency(server);
    // One event four days ago (written straight into the table: the API cannot backdate), one today.
    await server.sql("insert into audit_event (id, actor, role, action, subject_type, subject_id, outcome, created_at) values (gen_random_uuid(), 'old.clerk', 'CLERK', 'UPDATE_SUBJECT', 'AGENCY', ?, 'updated', now() - interval '4 days')", [agencyId]);
    const count = async (from?: string, to?: string) => (await server.ok(BY_DAY, { s: agencyId, from, to }, { role: 'INSPECTOR' })).auditEvents.totalCount;
    expect(await count()).toBe(2);
    expect(await count(chinaDay(0), chinaDay(0))).toBe(1);
    expect(await count(chinaDay(-4), chinaDay(-4))).toBe(1);
    expect(await count(undefined, chinaDay(-1))).toBe(1);
    expect(await count(chinaDay(1))).toBe(0);
  });
});
