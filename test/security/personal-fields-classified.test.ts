import { chinaToday } from '../../src/domain/day';
import { FIELD_READERS, NOT_PERSONAL } from '../../src/auth/role';
import { agencyWithServant, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile29 F1: fields added to personal types by later features — an objection's admission (renewed,
 * admittedOn, admissionGrounds), a repair's relief statement, a record's inOffice — were read with no
 * READ_PERSONAL_DATA event while `reason` on the same objection left one: nothing failed when a
 * personal type grew a field. Now every field of a type holding personal data is classified, in
 * FIELD_READERS or in NOT_PERSONAL with why, and the schema the server serves is checked against it.
 * hostile29 F9: the same 履职不力 finding read through an agency's commitmentFacts left no event where
 * Commitment.breachFinding left one. N2: OFFICER's refused admission told the objection's status and day.
 */
let server: TestServer;
let servantId: string;
let agencyId: string;
let recordId: string;
let renewedId: string;
let repairId: string;
const CLERK: Caller = { role: 'CLERK', sub: 'h29.reader' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'h29.disp3' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'h29.officer' };

const FILE = graphql(`mutation ($id: ID!, $on: LocalDate!) { fileObjection(input: { recordId: $id, reason: "认定事实有误", filedOn: $on, filedBy: "本人" }) { id } }`);
const REJECT = graphql(`mutation ($o: ID!, $on: LocalDate!) { resolveObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，记录无误", resolvedOn: $on }) { id } }`);
const ADMIT = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id } }`);

beforeAll(async () => {
  server = await startTestServer();
  ({ agencyId, servantId } = await agencyWithServant(server));
  recordId = await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-01-05', decidedOn: '2025-01-10', recordedOn: '2025-01-12', inOffice: true });
  const first = (await server.ok(FILE, { id: recordId, on: '2025-02-01' })).fileObjection.id;
  await server.ok(REJECT, { o: first, on: '2025-03-01' });
  renewedId = (await server.ok(FILE, { id: recordId, on: '2025-03-02' })).fileObjection.id;
  await server.ok(ADMIT, { input: { objectionId: renewedId, grounds: '新的证据：再审判决', admittedOn: chinaToday() } }, OFFICER);
  repairId = (await server.ok(graphql(`mutation ($r: ID!) { requestCreditRepair(input: { recordId: $r, actions: [ELIMINATED_EFFECT], description: "已消除影响", appliedOn: "2025-04-01" }) { id } }`), { r: recordId })).requestCreditRepair.id;
  const cadre = await createCivilServant(server, agencyId, { name: '欧阳明', post: '局长', rank: '正处级', leadingCadre: true });
  const commitment = (await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
    { input: { agencyId, responsiblePersonId: cadre, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '30个工作日内办结企业投诉', publishedOn: '2025-01-01', dueOn: '2025-03-01' } })).createCommitment.id;
  await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`),
    { input: { commitmentId: commitment, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION', settlementDocument: '鄂州督〔2025〕7号', foundBy: '鄂州市人民政府督查室' } });
  cadreId = cadre;
});
afterAll(() => server.stop());
let cadreId: string;

const auditCount = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;
const readsSince = async (after: number, actor: string | undefined) => server.sql<{ subject_id: string; outcome: string }>(
  `select subject_id, outcome from (select *, row_number() over (order by created_at, id) as n from audit_event) e
    where n > ? and action = 'READ_PERSONAL_DATA' and actor = ? order by subject_id`, [after, actor],
);

it('every field of a type holding personal data, as the server serves it, is audited, guarded or stated not personal', async () => {
  const personalTypes = new Set(Object.entries(FIELD_READERS).filter(([, guard]) => 'audited' in guard).map(([key]) => key.split('.')[0]));
  type Served = { __schema: { types: { name: string; fields: { name: string }[] | null }[] } };
  const { __schema } = (await server.ok(graphql(`{ __schema { types { name fields { name } } } }`), {}, { role: 'ADMIN' })) as unknown as Served;
  const unclassified = __schema.types
    .filter((type) => personalTypes.has(type.name))
    .flatMap((type) => (type.fields ?? []).map((field) => `${type.name}.${field.name}`))
    .filter((key) => !(key in FIELD_READERS) && !(key in NOT_PERSONAL));
  expect(unclassified).toEqual([]);
  // Every personal type is served (a renamed one would silently escape the check).
  expect([...personalTypes].filter((name) => !__schema.types.some((type) => type.name === name))).toEqual([]);
});

it('F1: a renewed objection\'s admission, a repair\'s relief statement and a record\'s inOffice are read as the person\'s data', async () => {
  const before = await auditCount();
  const read = await server.ok(graphql(`query ($o: ID!, $r: ID!) {
    objection(id: $o) { renewed admittedOn admissionGrounds }
    creditRepair(id: $r) { reliefStated reliefStatedOn reliefStatementDocument record { inOffice } } }`), { o: renewedId, r: repairId }, CLERK);
  expect(read.objection).toEqual({ renewed: true, admittedOn: chinaToday(), admissionGrounds: '新的证据：再审判决' });
  expect(read.creditRepair?.record.inOffice).toBe(true);
  expect(await readsSince(before, CLERK.sub)).toEqual([{
    subject_id: servantId,
    outcome: 'read CreditRecord: inOffice; CreditRepair: reliefStated, reliefStatedOn, reliefStatementDocument; Objection: admissionGrounds, admittedOn, renewed',
  }]);
});

it('F9: a commitment\'s 履职不力 finding read through the agency\'s commitmentFacts is the responsible person\'s data, as on the commitment', async () => {
  const before = await auditCount();
  const { agency } = await server.ok(graphql(`query ($a: ID!, $asOf: DateTime!) { agency(id: $a) { commitmentFacts(asOf: $asOf) { breachedCommitments { id breachFinding foundOn findingStanding } } } }`), { a: agencyId, asOf: new Date().toISOString() }, DISPLAY);
  expect(agency!.commitmentFacts.breachedCommitments).toEqual([expect.objectContaining({ breachFinding: 'DERELICTION', findingStanding: 'IN_FORCE' })]);
  expect(await readsSince(before, DISPLAY.sub)).toEqual([{ subject_id: cadreId, outcome: 'read BreachedCommitment: breachFinding, findingStanding, foundOn' }]);
});

it('N2: OFFICER refused an admission is told the objection does not await it, not its status or day', async () => {
  const refused = await server.query(ADMIT, { input: { objectionId: renewedId, grounds: '再一次', admittedOn: chinaToday() } }, OFFICER);
  expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(refused.errors?.[0].message).toContain('does not await admission');
  expect(refused.errors?.[0].message).not.toContain(chinaToday());
  // A role that reads objections is still told the day.
  const told = await server.query(ADMIT, { input: { objectionId: renewedId, grounds: '再一次', admittedOn: chinaToday() } }, { role: 'ADMIN' });
  expect(told.errors?.[0].message).toContain(`already admitted on ${chinaToday()}`);
});
