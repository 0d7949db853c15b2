import { ASOF, flaggedAndClean, SCREEN } from '../support/servants';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile7 F2: a DISPLAY token assessed 100 civil servants for PROMOTION reading only `outcome` and
 * `measures { ruleId }`, and the audit trail got nothing — yet the rule ids (whose conditions are
 * public in ruleSet) told who has an unrepaired record, a principal finding, a 四(四) entry: the
 * facts `credit { … }` tells, whose read is recorded. Now a civil servant's outcome, score or
 * measures read by any role is a READ_PERSONAL_DATA of that person, once per person per request.
 */
let server: TestServer;
let flagged: string;
let clean: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ flagged, clean } = await flaggedAndClean(server));
});
afterAll(() => server.stop());

const rows = (actor: string) => server.sql<{ action: string; subject_type: string; subject_id: string; outcome: string; tx: string }>(
  `select action, subject_type, subject_id, outcome, xmin::text as tx from audit_event where actor = '${actor}'`,
);
const MEASURES = graphql(`query ($subjects: [SubjectInput!]!, $asOf: DateTime) {
  a: assess(subjects: $subjects, matter: "PROMOTION", asOf: $asOf) { subjectId assessment { outcome measures { ruleId } } }
  b: assess(subjects: $subjects, matter: "PROMOTION", asOf: $asOf) { subjectId assessment { score } }
}`);

it('a display reading who fired which rule leaves one READ_PERSONAL_DATA per person, however often the request names them', async () => {
  const subjects = [flagged, clean, flagged].map((id) => ({ type: 'CIVIL_SERVANT' as const, id }));
  const before = (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;
  const { a } = await server.ok(MEASURES, { subjects, asOf: ASOF }, SCREEN);
  // The attack's answer: the rule ids single out the person with a record.
  expect(a[0].assessment!.measures.map((m) => m.ruleId)).toContain('cs-promotion-caution');
  expect(a[1].assessment!.measures.map((m) => m.ruleId)).not.toContain('cs-promotion-caution');

  expect((await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n).toBe(before + 2);
  const written = await rows('hall.screen');
  expect(written.map((r) => r.subject_id).sort()).toEqual([flagged, clean].sort());
  for (const row of written) {
    expect(row).toMatchObject({ action: 'READ_PERSONAL_DATA', subject_type: 'CIVIL_SERVANT', outcome: 'read Assessment: measures, outcome, score' });
  }
  expect(new Set(written.map((r) => r.tx)).size).toBe(1);
});

it('any role that assesses is recorded the same way; the subject ids alone record nothing', async () => {
  const clerk = { role: 'CLERK' as const, sub: 'qian.clerk' };
  await server.ok(graphql(`query ($id: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "PROMOTION") { subjectId subjectType } }`), { id: flagged }, clerk);
  expect(await rows('qian.clerk')).toEqual([]);
  await server.ok(graphql(`query ($id: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "PROMOTION") { assessment { outcome } } }`), { id: flagged }, clerk);
  expect(await rows('qian.clerk')).toEqual([expect.objectContaining({ action: 'READ_PERSONAL_DATA', subject_id: flagged, outcome: 'read Assessment: outcome' })]);
});
