import { agencyWithServant, createCivilServant, createRecord, recordInput, uscc } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * The registry's state changes under attack, as a CLERK over HTTP: a revoked record brought back,
 * parallel requests racing "check, then insert", and input that overflowed into INTERNAL_SERVER_ERROR.
 */
const server = serverPerFile();
let agencyId: string;
let servantId: string;
beforeAll(async () => {
  ({ agencyId, servantId } = await agencyWithServant(server));
});

const CLERK: Caller = { role: 'CLERK', sub: 'clerk-1' };
/** Upholding an objection or approving a repair takes someone other than the clerk who entered it (hostile13 F5). */
const SECOND_CLERK: Caller = { role: 'CLERK', sub: 'clerk-2' };
/** The objections here are dated on past days, which takes a second person to enter (hostile18 F2): ADMIN. */
const FILER: Caller = { role: 'ADMIN', sub: 'admin-1' };
const PUBLIC: Caller = { role: 'PUBLIC' };
const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id status } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id status remedy } }`);
const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id status } }`);
const DECIDE = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { id status } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id removedOn removalDocumentNumber } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);

async function enterprise(): Promise<string> {
  const result = await server.query(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市测试建设有限公司' } }, CLERK);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createEnterprise.id;
}

const fileInput = (recordId: string, reason = '金额有误') => ({ input: { recordId, filedBy: '本企业', reason, filedOn: '2023-04-01' } });

async function count(table: string, recordId: string, where = 'true'): Promise<number> {
  const [row] = await server.sql(`select count(*)::int as n from ${table} where record_id = ? and ${where}`, [recordId]);
  return row.n;
}

/** What the record looks like to the registry, to the public, and in the public's facts. */
async function state(enterpriseId: string, recordId: string) {
  const [row] = await server.sql('select status from credit_record where id = ?', [recordId]);
  const seen = await server.ok(
    graphql(`query ($id: ID!) { enterprise(id: $id) { creditRecords { id } credit(asOf: "2026-01-01T00:00:00Z") { dishonest } } }`),
    { id: enterpriseId },
    PUBLIC,
  );
  return {
    status: row.status,
    objections: await count('objection', recordId),
    pendingObjections: await count('objection', recordId, "status = 'PENDING'"),
    history: await count('credit_record_revision', recordId),
    publicSees: seen.enterprise!.creditRecords.some((r: { id: string }) => r.id === recordId),
    publicFactsCount: seen.enterprise!.credit.dishonest,
  };
}

describe('a revoked record stays revoked', () => {
  it('a second objection while the first is pending is CONFLICT, and the record written once as disputed', async () => {
    const ent = await enterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', ent);
    const first = await server.query(FILE, fileInput(recordId), FILER);
    expect(first.errors).toBeUndefined();
    const before = await state(ent, recordId);

    const second = await server.query(FILE, fileInput(recordId, '另有理由'), FILER);
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'recordId' });
    expect(second.errors?.[0].message).toMatch(/already has a pending objection.*one objection is decided at a time/);
    expect(await state(ent, recordId)).toEqual(before);
    expect(before).toMatchObject({ status: 'DISPUTED', objections: 1, pendingObjections: 1, history: 2 });
  });

  it('deciding an objection on a revoked record is CONFLICT: the status, history and what the public sees do not change', async () => {
    const ent = await enterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', ent);
    const objectionId = (await server.ok(FILE, fileInput(recordId), FILER)).fileObjection.id;
    // The attack's second objection can no longer be filed; one left pending by the old code is
    // planted behind the API (the index now refuses a second PENDING one, so it is planted as
    // the first is decided, which is what the old code allowed).
    const revoked = await server.query(RESOLVE, { input: { objectionId, decision: 'UPHELD', remedy: 'REVOKE', resolution: '认定有误', resolvedOn: '2023-04-20' } }, SECOND_CLERK);
    expect(revoked.data!.resolveObjection).toMatchObject({ status: 'UPHELD', remedy: 'REVOKE' });
    const [{ id: staleId }] = await server.sql(
      "insert into objection (id, record_id, filed_by, reason, filed_on, status, created_at, updated_at) values (gen_random_uuid(), ?, '本企业', '旧的第二份异议', '2023-04-02', 'PENDING', now(), now()) returning id",
      [recordId],
    );
    const before = await state(ent, recordId);
    expect(before).toMatchObject({ status: 'REVOKED', publicSees: false, publicFactsCount: 0 });

    const inputs: VariablesOf<typeof RESOLVE>['input'][] = [
      { objectionId: staleId, decision: 'REJECTED', resolution: '事实清楚', resolvedOn: '2023-04-21' },
      { objectionId: staleId, decision: 'UPHELD', remedy: 'CORRECT', correction: { loss: 1 }, resolution: '更正', resolvedOn: '2023-04-21' },
    ];
    for (const input of inputs) {
      const result = await server.query(RESOLVE, { input }, CLERK);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'objectionId' });
      expect(result.errors?.[0].message).toMatch(/revoked; a revoked record stays revoked/);
    }
    expect(await state(ent, recordId)).toEqual(before);
    const record = await server.ok(graphql(`query ($id: ID!) { creditRecord(id: $id) { status publiclyDisclosed } }`), { id: recordId }, CLERK);
    expect(record.creditRecord).toEqual({ status: 'REVOKED', publiclyDisclosed: false });
  });

  it('a new objection or repair on a revoked record is CONFLICT, and a pending repair can only be rejected', async () => {
    const ent = await enterprise();
    const recordId = await createRecord(server, 'ENTERPRISE', ent);
    const repairId = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已退赔', appliedOn: '2023-05-01' } }, CLERK)).requestCreditRepair.id;
    const objectionId = (await server.ok(FILE, fileInput(recordId), FILER)).fileObjection.id;
    await server.query(RESOLVE, { input: { objectionId, decision: 'UPHELD', remedy: 'REVOKE', resolution: '认定有误', resolvedOn: '2023-04-20' } }, SECOND_CLERK);
    const before = await state(ent, recordId);

    expect((await server.query(FILE, fileInput(recordId), FILER)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'recordId' });
    const approve = await server.query(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2023-05-10' } }, SECOND_CLERK);
    expect(approve.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'repairId' });
    expect(await state(ent, recordId)).toEqual(before);
    expect(await server.sql('select status from credit_repair where id = ?', [repairId])).toEqual([{ status: 'PENDING' }]);

    const reject = await server.ok(DECIDE, { input: { repairId, decision: 'REJECTED', decidedOn: '2023-05-10' } }, CLERK);
    expect(reject.decideCreditRepair).toMatchObject({ status: 'REJECTED' });
    expect(await state(ent, recordId)).toEqual(before);
  });
});

describe('parallel requests about one record run one after the other', () => {
  it('3 parallel requestCreditRepair: one succeeds, two are CONFLICT; one approval, one REPAIRED history row', async () => {
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const historyBefore = await count('credit_record_revision', recordId);
    const results = await Promise.all(
      [1, 2, 3].map((n) => server.query(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: `退赔 ${n}`, appliedOn: '2023-05-01' } }, CLERK)),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: 'recordId' }),
      expect.objectContaining({ code: 'CONFLICT', field: 'recordId' }),
    ]);
    expect(await count('credit_repair', recordId)).toBe(1);

    const repairId = ok[0].data!.requestCreditRepair.id;
    const decisions = await Promise.all(
      [1, 2, 3].map(() => server.query(DECIDE, { input: { repairId, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2023-05-10' } }, SECOND_CLERK)),
    );
    expect(decisions.filter((r) => !r.errors)).toHaveLength(1);
    expect(decisions.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await count('credit_repair', recordId, "status = 'APPROVED'")).toBe(1);
    expect(await count('credit_record_revision', recordId)).toBe(historyBefore + 1);
    expect(await count('credit_record_revision', recordId, "action = 'REPAIRED'")).toBe(1);
  });

  it('3 parallel fileObjection: one PENDING objection, one DISPUTED history row, two CONFLICT', async () => {
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const results = await Promise.all([1, 2, 3].map((n) => server.query(FILE, fileInput(recordId, `理由 ${n}`), FILER)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await count('objection', recordId)).toBe(1);
    expect(await count('credit_record_revision', recordId, "action = 'DISPUTED'")).toBe(1);
    expect(await server.sql('select status from credit_record where id = ?', [recordId])).toEqual([{ status: 'DISPUTED' }]);
  });

  it('the database refuses a second PENDING objection or live repair even behind the API', async () => {
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId);
    await server.query(FILE, fileInput(recordId), FILER);
    await server.query(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已退赔', appliedOn: '2023-05-01' } }, CLERK);
    await expect(
      server.sql("insert into objection (id, record_id, filed_by, reason, filed_on, status, created_at, updated_at) values (gen_random_uuid(), ?, 'x', 'x', '2023-04-02', 'PENDING', now(), now())", [recordId]),
    ).rejects.toThrow(/objection_one_pending_per_record/);
    await expect(
      server.sql("insert into credit_repair (id, record_id, actions, description, applied_on, status, created_at, updated_at) values (gen_random_uuid(), ?, '{RECOVERED_LOSS}', 'x', '2023-05-02', 'APPROVED', now(), now())", [recordId]),
    ).rejects.toThrow(/credit_repair_one_live_per_record/);
    expect(await count('objection', recordId)).toBe(1);
    expect(await count('credit_repair', recordId)).toBe(1);
  });

  it('3 parallel listings of one subject on one list: one listing; 3 parallel removals: one removal, not overwritten', async () => {
    const ent = await enterprise();
    const listing = (n: number): VariablesOf<typeof LIST> => ({ input: { subjectType: 'ENTERPRISE', subjectId: ent, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-01-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: `(2025)鄂07执${n}号` } });
    const listed = await Promise.all([1, 2, 3].map((n) => server.query(LIST, listing(n), CLERK)));
    expect(listed.filter((r) => !r.errors)).toHaveLength(1);
    expect(listed.filter((r) => r.errors).map((r) => r.errors![0].extensions)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: 'list' }),
      expect.objectContaining({ code: 'CONFLICT', field: 'list' }),
    ]);
    const rows = () => server.sql('select removed_on::text, removal_document_number from list_membership where subject_id = ?', [ent]);
    expect(await rows()).toHaveLength(1);

    const membershipId = listed.find((r) => !r.errors)!.data!.listSubject.id;
    const removed = await Promise.all(
      [1, 2, 3].map((n) => server.query(REMOVE, { input: { membershipId, removedOn: `2025-0${n + 1}-01`, removedBy: '湖北省鄂州市中级人民法院', documentNumber: `(2025)鄂07执${n}号之一` } }, CLERK)),
    );
    const winner = removed.find((r) => !r.errors)!.data!.removeFromList;
    expect(removed.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await rows()).toEqual([{ removed_on: winner.removedOn, removal_document_number: winner.removalDocumentNumber }]);
  });

  it('3 parallel settlements of one commitment as a dereliction: settled once, one record in the answerable person\'s file', async () => {
    const person = await createCivilServant(server, agencyId);
    const created = await server.ok(
      graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`),
      { input: { agencyId, responsiblePersonId: person, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed: true, content: '30个工作日内办结', publishedOn: '2024-01-01', dueOn: '2024-03-01' } },
      CLERK,
    );
    const commitmentId = created.createCommitment.id;
    const recordsOf = async () => (await server.sql('select count(*)::int as n from credit_record where subject_id = ?', [person]))[0].n;
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        server.query(SETTLE, { input: { commitmentId, status: 'BREACHED', settledOn: '2024-03-05', breachFinding: 'DERELICTION', settlementDocument: `鄂州督〔2024〕${n}号`, foundBy: '鄂州市督查室', answerablePersonIds: [person], answerableSeverity: 'GENERAL' } }, CLERK),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await recordsOf()).toBe(1);
  });
});

describe('out-of-range input is BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', () => {
  const facts = (field: 'courtFacts' | 'commitmentFacts', within: string) =>
    `{ agencies(first: 1) { edges { node { ${field}(asOf: "2026-01-01T00:00:00Z", within: ${JSON.stringify(within)}) { ${field === 'courtFacts' ? 'headAbsences' : 'breached'} } } } } }`;

  it.each([
    ['courtFacts', 'P100000000D'],
    ['courtFacts', 'P2147483647Y'],
    ['commitmentFacts', 'P99999999Y'],
    ['commitmentFacts', 'P1201M'],
    ['courtFacts', 'P0D'],
    ['courtFacts', '-P3Y'],
  ] as const)('%s(within: "%s") names the argument and the allowed range (commitmentFacts signed in: the public may not narrow it, hostile19 F4)', async (field, within) => {
    const result = await server.rawQuery(facts(field, within), {}, field === 'commitmentFacts' ? { role: 'DISPLAY', sub: 'h19.display' } : PUBLIC);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'within' });
    expect(result.errors?.[0].message).toMatch(/at most 100 years/);
  });

  it('the longest period allowed (P100Y) still answers', async () => {
    const result = await server.rawQuery(facts('courtFacts', 'P100Y'), {}, PUBLIC);
    expect(result.errors).toBeUndefined();
  });

  it('countsFor periods are bounded the same way', async () => {
    const ent = await enterprise();
    const result = await server.query(
      graphql(`query ($id: ID!) { enterprise(id: $id) { credit(asOf: "2026-01-01T00:00:00Z", countsFor: { minor: "P3M", general: "P1Y", major: "P99999999Y", severe: "P3Y" }) { dishonest } } }`),
      { id: ent },
      PUBLIC,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countsFor.major' });
  });

  it.each([1e308, 100_000_000_000_000, 10_000_000_000_000, -0.01])('createCreditRecord with loss %d is BAD_USER_INPUT on loss and writes nothing', async (loss) => {
    const before = await server.sql('select count(*)::int as n from credit_record');
    const result = await server.query(
      graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`),
      { input: recordInput('CIVIL_SERVANT', servantId, { loss }) },
      CLERK,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'loss' });
    expect(result.errors?.[0].message).toMatch(/loss must be from 0 to 9999999999999\.99 yuan/);
    expect(await server.sql('select count(*)::int as n from credit_record')).toEqual(before);
  });

  it('the largest loss a Float carries exactly to the fen is accepted and stored as sent (hostile29 F6)', async () => {
    const id = await createRecord(server, 'CIVIL_SERVANT', servantId, { loss: 9_999_999_999_999.99 });
    expect(await server.sql('select loss::text from credit_record where id = ?', [id])).toEqual([{ loss: '9999999999999.99' }]);
  });
});
