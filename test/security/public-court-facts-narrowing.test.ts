import { Role } from '../../src/auth/role';
import { assertPublicCourtArguments, COURT_FACTS_READS } from '../../src/graphql/public-court-arguments';
import { createAgency } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * sec23 (issue 10): commitmentFacts refuses the public its narrowing arguments, which singled out one
 * commitment's hidden finding (hostile19 F4). The same attack on courtFacts: an anonymous caller varies
 * `within`, `actsFrom`, `disputedFindingsCount` and `asOf` to single out one case, hoping to learn what
 * it does not read — the head's entrusted representative and reason for absence, who filed the unit's
 * objection to the finding and why. It learns nothing: two agencies whose cases differ only in those
 * give the same answers to every narrowing, none of the hidden texts appears, and every input of the
 * counts is what the public reads case by case anyway (src/graphql/public-court-arguments.ts). Should
 * one of those inputs come to be withheld, the narrowing is refused as commitmentFacts' is.
 */
const PUBLIC: Caller = { role: 'PUBLIC' };
const HIDDEN = ['李委托人', '负责人住院手术', '王异议人', '当日负责人在省里开会'];
let server: TestServer;
const agencies: string[] = [];
let cases = 0;
const ADMIN: Caller = { role: 'ADMIN', sub: 'sec23.admin' };

/** A write by an ADMIN, which must succeed. */
async function write(query: string, variables: Record<string, unknown>): Promise<any> {
  const answer = await server.rawQuery(query, variables, ADMIN);
  if (answer.errors || !answer.data) throw new Error(JSON.stringify(answer.errors ?? answer));
  return answer.data;
}

async function agencyWithCases(hidden: boolean): Promise<string> {
  const agencyId = await createAgency(server);
  // Filed on different days: the cases are listed by filing day, the same order for both agencies.
  const create = async (filedOn: string, hearingOn: string) =>
    (await write(`mutation ($a: ID!, $n: String!, $f: LocalDate!, $h: LocalDate) { createCourtCase(input: { agencyId: $a, caseNumber: $n, court: "鄂州市中级人民法院", filedOn: $f, hearingOn: $h, kind: ADMINISTRATIVE, headAppeared: false }) { id } }`, { a: agencyId, n: `(2025)鄂07行初${++cases}号`, f: filedOn, h: hearingOn })).createCourtCase.id;
  // One absence found without valid reason and objected to; one nobody has examined.
  const found = await create('2025-01-10', '2025-02-01');
  await create('2025-01-20', '2025-04-01');
  if (hidden) await write(`mutation ($id: ID!) { updateCourtCase(id: $id, input: { entrustedRepresentative: "${HIDDEN[0]}", validAbsenceReason: "${HIDDEN[1]}" }) { id } }`, { id: found });
  await write(`mutation ($id: ID!) { recordAbsenceFinding(input: { courtCaseId: $id, finding: UNEXCUSED, foundOn: "2025-03-01", foundBy: "鄂州市人民政府办公室", document: "鄂州政办函〔2025〕7号" }) { id } }`, { id: found });
  await write(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id } }`, {
    input: { courtCaseId: found, filedBy: hidden ? HIDDEN[2] : '办公室', reason: hidden ? HIDDEN[3] : '另有安排', filedOn: '2025-03-10' },
  });
  return agencyId;
}

beforeAll(async () => {
  server = await startTestServer();
  agencies.push(await agencyWithCases(true), await agencyWithCases(false));
});
afterAll(() => server?.stop());

const COURT_FACTS = `query ($id: ID!, $asOf: DateTime!, $within: String, $actsFrom: LocalDate, $disputed: Boolean) {
  agency(id: $id) { courtFacts(asOf: $asOf, within: $within, actsFrom: $actsFrom, disputedFindingsCount: $disputed) {
    judgmentDefaulter listedByCourt headAbsences absencesUnreviewed absencesOfUnknownKind absencesDisputed absencesRevoked
    cases { kind filedOn hearingOn appearanceCountedOn headAppeared absenceFinding absenceFoundOn absenceExcused headFailure findingStanding defaulterOnDay }
    notCounted { occurredOn absenceFinding reason }
  } } }`;

const NARROWINGS = [
  {},
  { within: 'P1Y' },
  { within: 'P2M' },
  { actsFrom: '2025-02-15' },
  { actsFrom: '2025-01-01' },
  { disputed: true },
  { disputed: false },
  { within: 'P3M', actsFrom: '2025-01-15', disputed: true },
];
const DAYS = ['2025-02-15T12:00:00+08:00', '2025-03-05T12:00:00+08:00', '2025-03-15T12:00:00+08:00', '2025-05-01T12:00:00+08:00', new Date().toISOString()];

it('an anonymous caller varying within, actsFrom, disputedFindingsCount and asOf learns nothing of a case\'s representative, absence reason or objection texts', async () => {
  let answers = 0;
  for (const asOf of DAYS) {
    for (const narrowing of NARROWINGS) {
      const [withHidden, without] = await Promise.all(agencies.map((id) => server.rawQuery(COURT_FACTS, { id, asOf, ...narrowing }, PUBLIC)));
      expect(withHidden.errors).toBeUndefined();
      expect(without.errors).toBeUndefined();
      // The same answer for both agencies: nothing in it depends on what the public does not read.
      expect(withHidden.data).toEqual(without.data);
      const text = JSON.stringify(withHidden);
      for (const hidden of HIDDEN) expect(text).not.toContain(hidden);
      answers += 1;
    }
  }
  expect(answers).toBe(DAYS.length * NARROWINGS.length);
  // And narrowing does change the answer (the attack is real, not refused): the unit's objection pending, the finding counts only when disputed findings count.
  const on = (disputed: boolean) => server.rawQuery(COURT_FACTS, { id: agencies[0], asOf: DAYS[2], disputed }, PUBLIC);
  expect((await on(true)).data.agency.courtFacts).toMatchObject({ headAbsences: 1, absencesDisputed: 1 });
  expect((await on(false)).data.agency.courtFacts).toMatchObject({ headAbsences: 0, absencesDisputed: 1 });
});

it('every field the court counts are computed over is one the public reads whole, case by case', async () => {
  const read = await server.rawQuery(`query ($id: ID!) {
    courtCases(first: 10, filter: { agencyId: $id }) { edges { node { kind filedOn hearingOn headAppeared absenceFinding absenceFoundOn judgmentDefaulter defaulterListedOn defaulterRemovedOn entrustedRepresentative validAbsenceReason } } }
    findingObjections(first: 10, filter: { agencyId: $id }) { edges { node { status filedOn resolvedOn filedBy reason } } }
    agency(id: $id) { listings(asOf: "2025-03-15T12:00:00+08:00") { judgmentDefaulter } }
  }`, { id: agencies[0] }, PUBLIC);
  expect(read.errors).toBeUndefined();
  const found = read.data.courtCases.edges.map((e: any) => e.node).find((c: any) => c.absenceFinding);
  expect(found).toMatchObject({ kind: 'ADMINISTRATIVE', hearingOn: '2025-02-01', headAppeared: false, absenceFinding: 'UNEXCUSED', absenceFoundOn: '2025-03-01', entrustedRepresentative: null, validAbsenceReason: null });
  expect(read.data.findingObjections.edges.map((e: any) => e.node)).toEqual([{ status: 'PENDING', filedOn: '2025-03-10', resolvedOn: null, filedBy: null, reason: null }]);
  expect(read.data.agency.listings).toEqual({ judgmentDefaulter: false });

  // Each name the guard checks is a field of the schema (readsWhole says true of any unknown name).
  for (const typeAndField of COURT_FACTS_READS) {
    const [type, field] = typeAndField.split('.');
    const schema = await server.rawQuery('query ($t: String!) { __type(name: $t) { fields { name } } }', { t: type }, ADMIN);
    expect(schema.data.__type.fields.map((f: any) => f.name)).toContain(field);
  }
});

it('were one of them withheld from the public, its narrowing arguments and a day other than today would be refused, FORBIDDEN naming the argument', () => {
  const viewer = { role: Role.PUBLIC, subject: null } as never;
  const withHidden = [...COURT_FACTS_READS, 'CourtCase.validAbsenceReason'];
  expect(() => assertPublicCourtArguments(viewer, new Date(), { within: 'P1Y', actsFrom: null }, withHidden)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field: 'courtFacts', argument: 'within' }) }));
  expect(() => assertPublicCourtArguments(viewer, new Date('2025-03-15T12:00:00+08:00'), {}, withHidden)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', argument: 'asOf' }) }));
  expect(() => assertPublicCourtArguments(viewer, new Date(), {}, withHidden)).not.toThrow();
  // As things are, nothing is refused.
  expect(() => assertPublicCourtArguments(viewer, new Date('2025-03-15T12:00:00+08:00'), { within: 'P1Y' })).not.toThrow();
});
