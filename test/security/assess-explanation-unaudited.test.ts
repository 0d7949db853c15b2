import { ASOF, flaggedAndClean, SCREEN } from '../support/servants';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Attack: reading civil servants' credit facts through `assess` without a trace. A verdict's
 * explanation read is audited (READ_EXPLANATION), but `assess { assessment { explanation { facts
 * rules { conditions { actual } } } reason } }` showed the same facts — the records, counts, flags,
 * the name — of up to 100 people per request and wrote nothing. Now reading an assessment's
 * explanation or reason writes one READ_EXPLANATION row per assessed subject, matter and day, in
 * one transaction before the response leaves (as verdict explanation reads are written); the
 * outcome and measures alone write none; if the rows cannot be written, no facts are shown.
 */
let server: TestServer;
let flagged: string;
let clean: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ flagged, clean } = await flaggedAndClean(server));
});
afterAll(() => server.stop());

const AUDIT = graphql(`query ($actor: String) { auditEvents(first: 100, filter: { actor: $actor }) { edges { node { actor role action subjectType subjectId targetId outcome } } } }`);
const rowsOf = async (actor: string) => (await server.ok(AUDIT, { actor }, { role: 'INSPECTOR' })).auditEvents.edges.map((e) => e.node);
const readRow = (subjectId: string, matter = 'PROMOTION', actor = 'hall.screen', role = 'DISPLAY') => ({
  actor,
  role,
  action: 'READ_EXPLANATION',
  subjectType: 'CIVIL_SERVANT',
  subjectId,
  targetId: null,
  outcome: `read, assessment of ${matter} on 2025-06-01`,
});

const FACTS = graphql(`query ($subjects: [SubjectInput!]!, $asOf: DateTime) {
  a: assess(subjects: $subjects, matter: "PROMOTION", asOf: $asOf) { subjectId assessment { outcome explanation { facts rules { conditions { actual } } } } }
  b: assess(subjects: $subjects, matter: "PROMOTION", asOf: $asOf) { subjectId assessment { explanation { summary(locale: "zh") } reason { zh } } }
} `);

it('an explanation read through assess is recorded: one row per assessed subject, however often the request reads it, in one transaction', async () => {
  const subjects = [
    { type: 'CIVIL_SERVANT' as const, id: flagged },
    { type: 'CIVIL_SERVANT' as const, id: clean },
    { type: 'CIVIL_SERVANT' as const, id: flagged },
    { type: 'CIVIL_SERVANT' as const, id: '00000000-0000-4000-8000-000000000000' },
  ];
  const result = await server.query(FACTS, { subjects, asOf: ASOF }, SCREEN);
  expect(result.errors).toBeUndefined();
  // The facts were shown: the flagged servant's unrepaired record is in them.
  expect(result.data!.a[0].assessment!.explanation.facts.subject.credit.unrepaired).toBe(1);
  expect(result.data!.a[3].assessment).toBeNull();

  const all = await rowsOf('hall.screen');
  const rows = all.filter((r) => r.action === 'READ_EXPLANATION');
  expect(rows).toHaveLength(2);
  expect(rows).toEqual(expect.arrayContaining([readRow(flagged), readRow(clean)]));
  // `outcome` is read too: one READ_PERSONAL_DATA per person (assess-measures-unaudited.test.ts).
  expect(all.filter((r) => r.action === 'READ_PERSONAL_DATA').map((r) => r.subjectId).sort()).toEqual([flagged, clean].sort());
  const [written] = await server.sql<{ n: number }>("select count(distinct xmin::text)::int as n from audit_event where actor = 'hall.screen'");
  expect(written.n).toBe(1);
});

it('the reason alone (filled with the facts) is recorded too; the outcome and measures alone are a personal-data read, not an explanation read (assess-measures-unaudited)', async () => {
  const as = { role: 'CLERK' as const, sub: 'qian.clerk' };
  await server.ok(graphql(`query ($id: ID!, $asOf: DateTime) { assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "PROMOTION", asOf: $asOf) { assessment { outcome score measures { ruleId } } } }`), { id: flagged, asOf: ASOF }, as);
  expect((await rowsOf(as.sub)).map((r) => r.action)).toEqual(['READ_PERSONAL_DATA']);
  const reason = await server.ok(graphql(`query ($id: ID!, $asOf: DateTime) { assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "PROMOTION", asOf: $asOf) { assessment { reason { zh } } } }`), { id: flagged, asOf: ASOF }, as);
  expect(reason.assess[0].assessment!.reason.zh).toContain('周勇');
  expect((await rowsOf(as.sub)).filter((r) => r.action === 'READ_EXPLANATION')).toEqual([readRow(flagged, 'PROMOTION', as.sub, 'CLERK')]);
});

it('two matters of one subject in one request are two reads', async () => {
  const as = { role: 'OFFICER' as const, sub: 'li.officer' };
  await server.ok(
    graphql(`query ($id: ID!, $asOf: DateTime) {
      p: assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "PROMOTION", asOf: $asOf) { assessment { explanation { day } } }
      w: assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "AWARD", asOf: $asOf) { assessment { explanation { day } } }
    }`),
    { id: clean, asOf: ASOF },
    as,
  );
  expect(await rowsOf(as.sub)).toEqual(expect.arrayContaining([readRow(clean, 'PROMOTION', as.sub, 'OFFICER'), readRow(clean, 'AWARD', as.sub, 'OFFICER')]));
  expect(await rowsOf(as.sub)).toHaveLength(2);
});

it('when the reads cannot be recorded, the facts are not shown (SERVICE_UNAVAILABLE), and a refused request records nothing', async () => {
  const as = { role: 'DISPLAY' as const, sub: 'audit.fails' };
  await server.sql(`create function refuse_audit_for_test() returns trigger language plpgsql as $$ begin if new.actor = 'audit.fails' then raise exception 'refused for the test'; end if; return new; end $$`);
  await server.sql('create trigger refuse_audit_for_test before insert on audit_event for each row execute function refuse_audit_for_test()');
  try {
    const result = await server.query(FACTS, { subjects: [{ type: 'CIVIL_SERVANT', id: flagged }], asOf: ASOF }, as);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toContain('周勇');
  } finally {
    await server.sql('drop trigger refuse_audit_for_test on audit_event');
    await server.sql('drop function refuse_audit_for_test()');
  }
  const before = await server.sql('select count(*)::int as n from audit_event');
  const many = Array.from({ length: 101 }, () => ({ type: 'CIVIL_SERVANT' as const, id: flagged }));
  const refused = await server.query(FACTS, { subjects: many, asOf: ASOF }, SCREEN);
  expect(refused.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(await server.sql('select count(*)::int as n from audit_event')).toEqual(before);
});
