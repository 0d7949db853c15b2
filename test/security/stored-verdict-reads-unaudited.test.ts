import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec13 L3: `assess` records a civil servant's assessed outcome and measures as READ_PERSONAL_DATA
 * for every role, but the same content of a stored verdict — a display reading `verdicts`,
 * `verdict` or `latestVerdict` for PROMOTION: outcome, the rules that fired, the reason — left no
 * row: a screen could page through everyone's personnel verdicts unrecorded. Now every signed-in
 * role's read of that content is recorded once per person per request; the mutation that made a
 * verdict records it with its own event; an agency's verdict is nobody's personal data.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'wang.clerk' };
let agencyId: string;
let flagged: string;
let clean: string;
const verdictIds: Record<string, string> = {};

const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!) { evaluate(subject: { type: $type, id: $id }, matter: $matter) { id outcome reason { zh } measures { ruleId } } }`);

beforeAll(async () => {
  agencyId = await createAgency(server);
  flagged = await createCivilServant(server, agencyId, { name: '周勇' });
  clean = await createCivilServant(server, agencyId, { name: '赵文' });
  await createRecord(server, 'CIVIL_SERVANT', flagged, { occurredOn: '2026-10-01', recordedOn: '2026-10-20' });
  for (const id of [flagged, clean]) verdictIds[id] = (await server.ok(EVALUATE, { type: 'CIVIL_SERVANT', id, matter: 'PROMOTION' }, CLERK)).evaluate.id;
  verdictIds[agencyId] = (await server.ok(EVALUATE, { type: 'AGENCY', id: agencyId, matter: 'HONOUR' }, CLERK)).evaluate.id;
});

const personalReads = (actor: string) => server.sql<{ subject_id: string; outcome: string }>(
  `select subject_id, outcome from audit_event where actor = ? and action = 'READ_PERSONAL_DATA' order by subject_id`, [actor],
);
const auditRows = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

const EVERY_ROOT = graphql(`query ($v: ID!, $s: SubjectInput!) {
  verdict(id: $v) { outcome reason { zh } }
  verdicts(subject: $s, matter: "PROMOTION") { edges { node { measures { ruleId } score } } }
  latestVerdict(subject: $s, matter: "PROMOTION") { outcome provisional }
}`);

it('evaluating a civil servant records the evaluation, not a read of its own answer', async () => {
  expect(await personalReads('wang.clerk')).toEqual([]);
});

it.each([['DISPLAY', 'hall.screen'], ['CLERK', 'qian.clerk'], ['OFFICER', 'li.officer'], ['INSPECTOR', 'zhao.inspector'], ['ADMIN', 'sun.admin']] as const)(
  '%s reading a civil servant\'s stored verdict by every root leaves one READ_PERSONAL_DATA naming the fields',
  async (role, sub) => {
    const before = await auditRows();
    const read = await server.ok(EVERY_ROOT, { v: verdictIds[flagged], s: { type: 'CIVIL_SERVANT', id: flagged } }, { role, sub });
    // What was read: the outcome and the rule that fired for this person.
    expect(read.verdict!.outcome).toBe('CAUTION');
    expect(read.latestVerdict!.outcome).toBe('CAUTION');
    expect(read.verdicts.edges[0].node.measures.map((m) => m.ruleId)).toContain('cs-promotion-caution');
    expect(await personalReads(sub)).toEqual([{ subject_id: flagged, outcome: 'read latestVerdict, verdicts; Verdict: measures, outcome, provisional, reason, score' }]);
    expect(await auditRows()).toBe(before + 1);
  },
);

it('a page of verdicts records each civil servant once, and no agency', async () => {
  const page = await server.ok(graphql(`{ verdicts(first: 20) { edges { node { subjectId outcome again: outcome } } } }`), undefined, { role: 'DISPLAY', sub: 'page.screen' });
  expect(page.verdicts.edges.map((e) => e.node.subjectId).sort()).toEqual([agencyId, flagged, clean].sort());
  expect((await personalReads('page.screen')).map((r) => r.subject_id)).toEqual([flagged, clean].sort());
});

it('the public reading an agency\'s verdict leaves no row', async () => {
  const before = await auditRows();
  const read = await server.ok(graphql(`query ($v: ID!) { verdict(id: $v) { outcome reason { zh } } }`), { v: verdictIds[agencyId] }, { role: 'PUBLIC' });
  expect(read.verdict!.outcome).toBeDefined();
  expect(await auditRows()).toBe(before);
});
