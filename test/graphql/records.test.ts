import { agencyWithServant, createAgency, createRecord } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

const server = serverPerFile();
let servantId: string;
beforeAll(async () => {
  ({ servantId } = await agencyWithServant(server));
});

const RECORD = graphql(`query ($id: ID!) { creditRecord(id: $id) {
  status version severity summary
  history { action version reason snapshot }
  objections { status remedy }
  repairs { status actions }
  subject { __typename ... on CivilServant { id } }
} }`);

const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id status } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id status remedy } }`);

async function fileObjection(recordId: string): Promise<string> {
  const filed = await server.query(FILE, { input: { recordId, filedBy: '本人', reason: '金额有误', filedOn: '2023-04-01' } });
  expect(filed.errors).toBeUndefined();
  return filed.data!.fileObjection.id;
}

describe('credit records', () => {
  it('a new record names its subject and starts its history with the original', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const data = await server.ok(RECORD, { id });
    expect(data.creditRecord).toMatchObject({ status: 'ACTIVE', version: 1, subject: { __typename: 'CivilServant', id: servantId } });
    expect(data.creditRecord!.history).toEqual([
      expect.objectContaining({ action: 'CREATED', version: 1, snapshot: expect.objectContaining({ severity: 'MAJOR', loss: 120000 }) }),
    ]);
  });

  it('a record about a subject that does not exist is NOT_FOUND and writes nothing', async () => {
    const before = await server.sql('select count(*)::int as n from credit_record');
    await expect(createRecord(server, 'ENTERPRISE', servantId)).rejects.toThrow(/"code":"NOT_FOUND".*"field":"subjectId"/);
    expect(await server.sql('select count(*)::int as n from credit_record')).toEqual(before);
  });

  it('a dishonesty record without severity, or recorded before it occurred, is refused with the field named', async () => {
    await expect(createRecord(server, 'CIVIL_SERVANT', servantId, { severity: null })).rejects.toThrow(/"field":"severity"/);
    await expect(createRecord(server, 'CIVIL_SERVANT', servantId, { recordedOn: '2023-02-01' })).rejects.toThrow(
      /recordedOn: 2023-02-01 is before occurredOn 2023-03-01/,
    );
  });

  it('a malformed date is refused before anything runs', async () => {
    await expect(createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2023-13-45' })).rejects.toThrow(/BAD_USER_INPUT/);
  });

  it('records are never deleted, not even by SQL behind the API', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    await expect(server.sql('delete from credit_record where id = ?', [id])).rejects.toThrow(/never deleted/);
  });
});

describe('objections (异议)', () => {
  it('a pending objection marks the record DISPUTED; an upheld REVOKE revokes it and keeps every earlier state', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const objectionId = await fileObjection(id);
    expect((await server.ok(RECORD, { id })).creditRecord!.status).toBe('DISPUTED');

    const resolved = await server.ok(RESOLVE, {
      input: { objectionId, decision: 'UPHELD', remedy: 'REVOKE', resolution: '认定有误', resolvedOn: '2023-04-20' },
    });
    expect(resolved.resolveObjection).toMatchObject({ status: 'UPHELD', remedy: 'REVOKE' });
    const record = (await server.ok(RECORD, { id })).creditRecord;
    expect(record!.status).toBe('REVOKED');
    expect(record!.history.map((h) => [h.action, h.snapshot.status])).toEqual([
      ['CREATED', 'ACTIVE'],
      ['DISPUTED', 'DISPUTED'],
      ['REVOKED', 'REVOKED'],
    ]);
  });

  it('an upheld CORRECT makes a new version; the original values stay in the history', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const objectionId = await fileObjection(id);
    await server.query(RESOLVE, {
      input: { objectionId, decision: 'UPHELD', remedy: 'CORRECT', correction: { severity: 'GENERAL', loss: 20000 }, resolution: '金额更正', resolvedOn: '2023-04-20' },
    });
    const record = (await server.ok(RECORD, { id })).creditRecord;
    expect(record).toMatchObject({ status: 'ACTIVE', version: 2, severity: 'GENERAL' });
    expect(record!.history[0].snapshot).toMatchObject({ severity: 'MAJOR', loss: 120000, version: 1 });
    expect(record!.history.at(-1)).toMatchObject({ action: 'CORRECTED', version: 2, reason: '金额更正' });
  });

  it('a rejected objection puts the record back in force', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const objectionId = await fileObjection(id);
    await server.query(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: '事实清楚', resolvedOn: '2023-04-20' } });
    expect((await server.ok(RECORD, { id })).creditRecord!.status).toBe('ACTIVE');
  });

  it('an objection decided once cannot be decided again, and an upheld one needs a remedy', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const objectionId = await fileObjection(id);
    const noRemedy = await server.query(RESOLVE, { input: { objectionId, decision: 'UPHELD', resolution: 'x', resolvedOn: '2023-04-20' } });
    expect(noRemedy.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remedy' });
    await server.query(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: 'x', resolvedOn: '2023-04-20' } });
    const again = await server.query(RESOLVE, { input: { objectionId, decision: 'REJECTED', resolution: 'x', resolvedOn: '2023-04-21' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'objectionId' });
  });

  it('a CORRECT that would date the occurrence after its recording is refused and changes nothing', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const objectionId = await fileObjection(id);
    const result = await server.query(RESOLVE, {
      input: { objectionId, decision: 'UPHELD', remedy: 'CORRECT', correction: { occurredOn: '2024-01-01' }, resolution: 'x', resolvedOn: '2023-04-20' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordedOn' });
    const record = (await server.ok(RECORD, { id })).creditRecord;
    expect(record).toMatchObject({ status: 'DISPUTED', version: 1, objections: [{ status: 'PENDING', remedy: null }] });
  });
});

describe('credit repair (信用修复)', () => {
  const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id status } }`);
  const DECIDE = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { id status decidedOn } }`);

  it('an approved repair is recorded in the history of its record', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const requested = await server.ok(REQUEST, { input: { recordId: id, actions: ['RECOVERED_LOSS'], description: '已全额退赔', appliedOn: '2023-05-01' } });
    expect(requested.requestCreditRepair.status).toBe('PENDING');
    const decided = await server.ok(DECIDE, { input: { repairId: requested.requestCreditRepair.id, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2023-05-10' } });
    expect(decided.decideCreditRepair).toMatchObject({ status: 'APPROVED', decidedOn: '2023-05-10' });
    const record = (await server.ok(RECORD, { id })).creditRecord;
    expect(record!.repairs).toEqual([{ status: 'APPROVED', actions: ['RECOVERED_LOSS'] }]);
    expect(record!.history.at(-1)).toMatchObject({ action: 'REPAIRED', reason: '已全额退赔' });
  });

  it('a trustworthy record cannot be repaired, and a record gets one live repair at a time', async () => {
    const good = await createRecord(server, 'CIVIL_SERVANT', servantId, { kind: 'TRUSTWORTHY', category: 'COMMENDATION', severity: null });
    const refused = await server.query(REQUEST, { input: { recordId: good, actions: ['RECOVERED_LOSS'], description: 'x', appliedOn: '2023-05-01' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordId' });

    const bad = await createRecord(server, 'CIVIL_SERVANT', servantId);
    await server.query(REQUEST, { input: { recordId: bad, actions: ['PREVENTED_HARM'], description: 'x', appliedOn: '2023-05-01' } });
    const second = await server.query(REQUEST, { input: { recordId: bad, actions: ['PREVENTED_HARM'], description: 'y', appliedOn: '2023-05-02' } });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('commitments and court cases', () => {
  it('a commitment is settled once, a breach only with its finding (四(四)), and is listed under its agency', async () => {
    const agencyId = await createAgency(server);
    const created = await server.ok(
      graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id status } }`),
      { input: { agencyId, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '30个工作日内办结', publishedOn: '2024-01-01', dueOn: '2024-03-01' } },
    );
    const commitmentId = created.createCommitment.id;
    const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status settledOn } }`);
    const unfound = await server.query(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2024-03-05' } });
    expect(unfound.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'breachFinding' });
    expect(await server.sql('select status from commitment where id = ?', [commitmentId])).toEqual([{ status: 'PENDING' }]);
    const settled = await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2024-03-05', breachFinding: 'DERELICTION' } });
    expect(settled.settleCommitment).toEqual({ status: 'BREACHED', settledOn: '2024-03-05' });
    const again = await server.query(SETTLE, { input: { commitmentId, status: 'FULFILLED', settledOn: '2024-03-06' } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const listed = await server.ok(graphql(`query ($id: ID!) { agency(id: $id) { commitments { status } } }`), { id: agencyId });
    expect(listed.agency!.commitments).toEqual([{ status: 'BREACHED' }]);
  });

  it('a court case listing the agency as a judgment defaulter needs the listing date', async () => {
    const agencyId = await createAgency(server);
    const created = await server.ok(
      graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`),
      { input: { agencyId, caseNumber: '(2024)鄂07行初1号', court: '鄂州市中级人民法院', filedOn: '2024-02-01', kind: 'ADMINISTRATIVE', headAppeared: false } },
    );
    const id = created.createCourtCase.id;
    const UPDATE = graphql(`mutation ($id: ID!, $input: UpdateCourtCaseInput!) { updateCourtCase(id: $id, input: $input) { judgmentDefaulter defaulterListedOn } }`);
    const missing = await server.query(UPDATE, { id, input: { judgmentDefaulter: true } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'defaulterListedOn' });
    const listed = await server.ok(UPDATE, { id, input: { judgmentDefaulter: true, defaulterListedOn: '2024-08-01' } });
    expect(listed.updateCourtCase).toEqual({ judgmentDefaulter: true, defaulterListedOn: '2024-08-01' });
    const filtered = await server.ok(graphql(`{ courtCases(filter: { judgmentDefaulter: true }) { edges { node { caseNumber headAppeared } } } }`));
    expect(filtered.courtCases.edges).toEqual([{ node: { caseNumber: '(2024)鄂07行初1号', headAppeared: false } }]);
  });
});
