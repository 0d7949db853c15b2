import { FIELD_READERS } from '../../src/auth/role';
import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile21 F3: a civil servant's verdict's `asOf` and `evaluatedAt` were personal data (hostile17
 * N3) — when a personnel matter was decided about them — but the same fact came out unrecorded
 * through what was not: `latestVerdict { id }` is by definition "decided today, as of today", and
 * null for the next person; `verdicts(subject:) { totalCount edges { node { matter recheckOf
 * sweepRunId } } }` told how many decisions, in which matters, which were rechecks; and
 * `verdicts(matter: "AWARD") { … subject { ... on CivilServant { name } } }` listed by name whom an
 * AWARD decision was made about. Every one of them is now a READ_PERSONAL_DATA of the person,
 * whatever fields are selected; the public's view is unchanged (it reads no civil servant's verdict).
 */
const server = serverPerFile();
let agencyId: string;
let decided: string;
let undecided: string;
let agencyVerdict: string;

const EVALUATE = graphql(`mutation ($s: SubjectInput!, $m: String!) { evaluate(subject: $s, matter: $m) { id } }`);
const RECHECK = graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { current { id } } }`);
const servant = (id: string) => ({ type: 'CIVIL_SERVANT' as const, id });

beforeAll(async () => {
  agencyId = await createAgency(server);
  decided = await createCivilServant(server, agencyId, { name: '赵琳芳' });
  undecided = await createCivilServant(server, agencyId, { name: '孙未决' });
  const first = (await server.ok(EVALUATE, { s: servant(decided), m: 'PROMOTION' }, { role: 'CLERK', sub: 'f3.clerk' })).evaluate.id;
  await server.ok(RECHECK, { v: first }, { role: 'CLERK', sub: 'f3.clerk' });
  await server.ok(EVALUATE, { s: servant(decided), m: 'AWARD' }, { role: 'CLERK', sub: 'f3.clerk' });
  agencyVerdict = (await server.ok(EVALUATE, { s: { type: 'AGENCY', id: agencyId }, m: 'HONOUR' }, { role: 'CLERK', sub: 'f3.clerk' })).evaluate.id;
});

const personalReads = (actor: string) => server.sql<{ subject_id: string; outcome: string }>(
  `select subject_id, outcome from audit_event where actor = ? and action = 'READ_PERSONAL_DATA' order by subject_id, outcome`, [actor],
);
const auditRows = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

it("latestVerdict { id } and verdicts(subject:) { totalCount, matter, recheckOf, sweepRunId } record the person decided about, not the one who was not", async () => {
  const read = await server.ok(graphql(`query ($a: SubjectInput!, $b: SubjectInput!) {
    a: latestVerdict(subject: $a, matter: "PROMOTION") { id recheckOf }
    b: latestVerdict(subject: $b, matter: "PROMOTION") { id }
    c: verdicts(subject: $a, first: 10) { totalCount edges { node { matter recheckOf sweepRunId } } }
  }`), { a: servant(decided), b: servant(undecided) }, { role: 'DISPLAY', sub: 'f3.screen' });
  // What the attack learnt: decided today about the first, a recheck among them, nothing about the second.
  expect(read.a!.recheckOf).not.toBeNull();
  expect(read.b).toBeNull();
  expect(read.c.totalCount).toBe(3);
  expect(await personalReads('f3.screen')).toEqual([
    { subject_id: decided, outcome: 'read latestVerdict, verdicts; Verdict: id, matter, recheckOf, sweepRunId' },
  ]);
});

it('a latestVerdict read for its __typename alone is recorded: that it exists is the fact', async () => {
  const read = await server.ok(graphql(`query ($a: SubjectInput!) { latestVerdict(subject: $a, matter: "PROMOTION") { __typename } }`), { a: servant(decided) }, { role: 'OFFICER', sub: 'f3.typename' });
  expect(read.latestVerdict).toEqual({ __typename: 'Verdict' });
  expect(await personalReads('f3.typename')).toEqual([{ subject_id: decided, outcome: 'read latestVerdict' }]);
});

it('verdicts narrowed to one civil servant are their file even when only totalCount is read, and when it is 0', async () => {
  const read = await server.ok(graphql(`query ($a: SubjectInput!, $b: SubjectInput!) { a: verdicts(subject: $a) { totalCount } b: verdicts(subject: $b) { totalCount } }`),
    { a: servant(decided), b: servant(undecided) }, { role: 'INSPECTOR', sub: 'f3.count' });
  expect([read.a.totalCount, read.b.totalCount]).toEqual([3, 0]);
  expect(await personalReads('f3.count')).toEqual([
    { subject_id: decided, outcome: 'read verdicts' },
    { subject_id: undecided, outcome: 'read verdicts' },
  ].sort((x, y) => (x.subject_id < y.subject_id ? -1 : 1)));
});

it('an unknown civil servant id names nobody and records nothing', async () => {
  const before = await auditRows();
  const unknown = servant('00000000-0000-4000-8000-000000000000');
  const read = await server.ok(graphql(`query ($a: SubjectInput!) { verdicts(subject: $a) { totalCount } latestVerdict(subject: $a, matter: "AWARD") { id } }`), { a: unknown }, { role: 'DISPLAY', sub: 'f3.unknown' });
  expect(read).toEqual({ verdicts: { totalCount: 0 }, latestVerdict: null });
  expect(await auditRows()).toBe(before);
});

it('a verdict list by matter that names whom an AWARD decision was about records each person named', async () => {
  const read = await server.ok(graphql(`{ verdicts(matter: "AWARD", first: 100) { totalCount edges { node { subject { ... on CivilServant { name post agency { name } } } } } } }`), undefined, { role: 'DISPLAY', sub: 'f3.bulk' });
  expect(read.verdicts.edges.map((e) => (e.node.subject as { name: string }).name)).toEqual(['赵琳芳']);
  expect(await personalReads('f3.bulk')).toEqual([{ subject_id: decided, outcome: 'read Verdict: subject' }]);
  // Ids alone name the person as well.
  await server.ok(graphql(`{ verdicts(matter: "AWARD") { edges { node { subjectId } } } }`), undefined, { role: 'DISPLAY', sub: 'f3.ids' });
  expect(await personalReads('f3.ids')).toEqual([{ subject_id: decided, outcome: 'read Verdict: subjectId' }]);
});

it("every field of a civil servant's verdict but its explanation (READ_EXPLANATION) is personal data", async () => {
  const schema = await server.rawQuery('{ __type(name: "Verdict") { fields { name } } }');
  const fields: string[] = schema.data.__type.fields.map((f: { name: string }) => f.name);
  const unaudited = fields.filter((field) => field !== 'explanation' && !(FIELD_READERS as Record<string, { audited?: true }>)[`Verdict.${field}`]?.audited);
  expect(unaudited).toEqual([]);
});

it("an agency's verdict read by id names nobody and records nothing", async () => {
  const before = await auditRows();
  await server.ok(graphql(`query ($v: ID!) { verdict(id: $v) { id subjectId matter recheckOf } }`), { v: agencyVerdict }, { role: 'DISPLAY', sub: 'f3.agency' });
  expect(await auditRows()).toBe(before);
});

it("the public's view is unchanged: no civil servant's verdict in a list, by subject, by a personnel matter or as the latest", async () => {
  const before = await auditRows();
  const list = await server.ok(graphql(`{ verdicts(first: 100) { totalCount edges { node { subjectType } } } }`), undefined, { role: 'PUBLIC' });
  expect(list.verdicts.edges.map((e) => e.node.subjectType)).toEqual(['AGENCY']);
  expect(list.verdicts.totalCount).toBe(1);
  const bySubject = await server.query(graphql(`query ($a: SubjectInput!) { verdicts(subject: $a) { totalCount } }`), { a: servant(decided) }, { role: 'PUBLIC' });
  const byMatter = await server.query(graphql(`{ verdicts(matter: "AWARD") { totalCount } }`), undefined, { role: 'PUBLIC' });
  const latest = await server.query(graphql(`query ($a: SubjectInput!) { latestVerdict(subject: $a, matter: "PROMOTION") { id } }`), { a: servant(decided) }, { role: 'PUBLIC' });
  for (const refused of [bySubject, byMatter, latest]) expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await auditRows()).toBe(before);
});
