import { createAgency, createCivilServant, createRecord, findAbsence } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * law14b (left) and lawyer13 R8: units' objections to findings are listed, read as the finding is
 * (the public, which does not read a 履职不力 finding, gets no objection to one, nor a filer's name
 * or reasons); and a decision on an objection, a finding objection or a repair keeps its deciding
 * body and document number (文号), shown in the history line of the record it revokes, corrects or
 * repairs. Old rows stay null.
 */
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const FILE = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id } }`);
const DECIDE = graphql(`mutation ($input: DecideFindingObjectionInput!) { decideFindingObjection(input: $input) { id status decidedBy documentNumber } }`);
const LIST = graphql(`query ($filter: FindingObjectionFilter) { findingObjections(first: 10, filter: $filter) {
  totalCount edges { node { id finding commitmentId courtCaseId filedBy reason filedOn status resolution resolvedOn decidedBy documentNumber } }
} }`);
const FILE_OBJECTION = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id status decidedBy documentNumber } }`);
const REQUEST = graphql(`mutation ($input: RequestCreditRepairInput!) { requestCreditRepair(input: $input) { id } }`);
const DECIDE_REPAIR = graphql(`mutation ($input: DecideCreditRepairInput!) { decideCreditRepair(input: $input) { id status decidedBy documentNumber } }`);

const server = serverPerFile();
const CLERK = { role: 'CLERK' } as const;
const SECOND_CLERK = { role: 'CLERK', sub: 'second-clerk' } as const;
/** Objections here are dated on past days, which takes a second person to enter (hostile18 F2): ADMIN. */
const FILER = { role: 'ADMIN', sub: 'filing.admin' } as const;
const BODY = '鄂州市社会信用体系建设领导小组办公室';
const NUMBER = '鄂州信用办〔2025〕12号';
const historyOf = (recordId: string) => server.sql<{ action: string; reason: string }>(`select action, reason from credit_record_revision where record_id = ? order by created_at, version`, [recordId]);

/** An agency with a disputed 履职不力 finding (pending) and an absence finding whose objection was rejected. */
async function agencyWithObjections() {
  const agencyId = await createAgency(server, { kind: 'DEPARTMENT' });
  const made = await server.ok(COMMITMENT, {
    input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '老旧小区改造按期完工', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
  });
  const commitmentId = made.createCommitment.id;
  await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: '鄂州督〔2025〕77号' } });
  const filed = await server.ok(CASE, {
    input: { agencyId, caseNumber: '(2025)鄂07行初977号', court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE', filedOn: '2025-01-05', hearingOn: '2025-02-20', headAppeared: false },
  });
  const courtCaseId = filed.createCourtCase.id;
  await findAbsence(server, courtCaseId, '2025-03-01');
  const onCommitment = (await server.ok(FILE, { input: { commitmentId, filedBy: '张局长', reason: '系上级调整项目安排所致', filedOn: '2025-04-01' } }, FILER)).fileFindingObjection.id;
  const onCase = (await server.ok(FILE, { input: { courtCaseId, filedBy: '李副局长', reason: '负责人当日住院手术', filedOn: '2025-03-15' } }, FILER)).fileFindingObjection.id;
  const decided = await server.ok(DECIDE, { input: { objectionId: onCase, decision: 'REJECTED', resolution: '未提交住院证明', resolvedOn: '2025-04-10', decidedBy: BODY, documentNumber: NUMBER } }, CLERK);
  expect(decided.decideFindingObjection).toEqual({ id: onCase, status: 'REJECTED', decidedBy: BODY, documentNumber: NUMBER });
  return { agencyId, commitmentId, courtCaseId, onCommitment, onCase };
}

describe('findingObjections: units\' objections to findings, read as the finding is', () => {
  it('every signed-in role reads both whole; the public gets the absence objection without names or reasons, and nothing of the 履职不力 one', async () => {
    const { agencyId, commitmentId, courtCaseId, onCommitment, onCase } = await agencyWithObjections();
    const caseNode = { id: onCase, finding: 'COURT_ABSENCE', commitmentId: null, courtCaseId, filedOn: '2025-03-15', status: 'REJECTED', resolvedOn: '2025-04-10', decidedBy: BODY, documentNumber: NUMBER };
    for (const role of ['CLERK', 'OFFICER', 'INSPECTOR', 'ADMIN', 'DISPLAY'] as const) {
      const list = (await server.ok(LIST, { filter: { agencyId } }, { role })).findingObjections;
      expect({ role, list }).toEqual({
        role,
        list: {
          totalCount: 2,
          edges: [
            { node: { id: onCommitment, finding: 'COMMITMENT_DERELICTION', commitmentId, courtCaseId: null, filedBy: '张局长', reason: '系上级调整项目安排所致', filedOn: '2025-04-01', status: 'PENDING', resolution: null, resolvedOn: null, decidedBy: null, documentNumber: null } },
            { node: { ...caseNode, filedBy: '李副局长', reason: '负责人当日住院手术', resolution: '未提交住院证明' } },
          ],
        },
      });
    }
    const PUBLIC = { role: 'PUBLIC' } as const;
    expect((await server.ok(LIST, { filter: { agencyId } }, PUBLIC)).findingObjections).toEqual({ totalCount: 1, edges: [{ node: { ...caseNode, filedBy: null, reason: null, resolution: null } }] });
    // Asked for the 履职不力 finding's objections by name, or by kind, the public still gets none.
    expect((await server.ok(LIST, { filter: { commitmentId } }, PUBLIC)).findingObjections).toEqual({ totalCount: 0, edges: [] });
    expect((await server.ok(LIST, { filter: { agencyId, finding: 'COMMITMENT_DERELICTION' } }, PUBLIC)).findingObjections).toEqual({ totalCount: 0, edges: [] });
    // Narrowed by status, for a role that reads both.
    expect((await server.ok(LIST, { filter: { agencyId, status: 'PENDING' } }, CLERK)).findingObjections.edges.map((e) => e.node.id)).toEqual([onCommitment]);
  });
});

describe('deciding body and document number (lawyer13 R8)', () => {
  it('kept on a revoking objection decision and shown in the record\'s history line; a malformed number is refused and changes nothing', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const objectionId = (await server.ok(FILE_OBJECTION, { input: { recordId, filedBy: '本人', reason: '非本人经办', filedOn: '2023-04-01' } }, FILER)).fileObjection.id;
    const bad = await server.query(RESOLVE, { input: { objectionId, decision: 'UPHELD', remedy: 'REVOKE', resolution: '经核实非本人经办', resolvedOn: '2023-04-20', decidedBy: BODY, documentNumber: '第12号' } }, SECOND_CLERK);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentNumber' });
    const long = await server.query(RESOLVE, { input: { objectionId, decision: 'UPHELD', remedy: 'REVOKE', resolution: '经核实非本人经办', resolvedOn: '2023-04-20', decidedBy: '机'.repeat(101) } }, SECOND_CLERK);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await server.sql(`select status from objection where id = ?`, [objectionId])).toEqual([{ status: 'PENDING' }]);

    const resolved = await server.ok(RESOLVE, { input: { objectionId, decision: 'UPHELD', remedy: 'REVOKE', resolution: '经核实非本人经办', resolvedOn: '2023-04-20', decidedBy: BODY, documentNumber: NUMBER } }, SECOND_CLERK);
    expect(resolved.resolveObjection).toEqual({ id: objectionId, status: 'UPHELD', decidedBy: BODY, documentNumber: NUMBER });
    expect((await historyOf(recordId)).at(-1)).toEqual({ action: 'REVOKED', reason: `经核实非本人经办（决定机关：${BODY}；文号：${NUMBER} / decided by ${BODY}, document ${NUMBER}）` });
  });

  it('kept on a repair approval and shown in the REPAIRED line; without them the line is as before and the fields are null', async () => {
    const agencyId = await createAgency(server);
    const servantId = await createCivilServant(server, agencyId);
    const [withBody, without] = [await createRecord(server, 'CIVIL_SERVANT', servantId), await createRecord(server, 'CIVIL_SERVANT', servantId)];
    for (const recordId of [withBody, without]) {
      const repairId = (await server.ok(REQUEST, { input: { recordId, actions: ['RECOVERED_LOSS'], description: '已全额退赔', appliedOn: '2023-05-01' } }, CLERK)).requestCreditRepair.id;
      const fields = recordId === withBody ? { decidedBy: BODY, documentNumber: NUMBER } : {};
      const decided = await server.ok(DECIDE_REPAIR, { input: { repairId, decision: 'APPROVED', relief: 'WAIVE', decidedOn: '2023-05-10', note: '准予修复', ...fields } }, SECOND_CLERK);
      expect(decided.decideCreditRepair).toEqual({ id: repairId, status: 'APPROVED', decidedBy: fields.decidedBy ?? null, documentNumber: fields.documentNumber ?? null });
    }
    expect((await historyOf(withBody)).at(-1)).toEqual({ action: 'REPAIRED', reason: `准予修复（决定机关：${BODY}；文号：${NUMBER} / decided by ${BODY}, document ${NUMBER}）` });
    expect((await historyOf(without)).at(-1)).toEqual({ action: 'REPAIRED', reason: '准予修复' });
  });

  it('an upheld finding objection names its body and number in the revoked 四(四) entry\'s line', async () => {
    const agencyId = await createAgency(server, { level: 'TOWNSHIP' });
    const personId = await createCivilServant(server, agencyId);
    const made = await server.ok(COMMITMENT, {
      input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '村道硬化按期完工', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
    });
    const commitmentId = made.createCommitment.id;
    await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: '鄂州督〔2025〕78号', answerablePersonIds: [personId], answerableSeverity: 'GENERAL' } });
    const objectionId = (await server.ok(FILE, { input: { commitmentId, filedBy: '本单位', reason: '系上级调整项目安排所致', filedOn: '2025-04-01' } }, FILER)).fileFindingObjection.id;
    await server.ok(DECIDE, { input: { objectionId, decision: 'UPHELD', resolution: '经核实不属履职不力', resolvedOn: '2025-05-01', decidedBy: BODY, documentNumber: NUMBER } }, SECOND_CLERK);
    const [{ id: entryId }] = await server.sql<{ id: string }>(`select id from credit_record where subject_id = ?`, [personId]);
    const last = (await historyOf(entryId)).at(-1)!;
    expect(last.action).toBe('REVOKED');
    expect(last.reason).toMatch(new RegExp(`经核实不属履职不力（决定机关：${BODY}；文号：${NUMBER.replace(/[〔〕]/g, '.')} / decided by ${BODY}, document .*号）$`));
  });
});
