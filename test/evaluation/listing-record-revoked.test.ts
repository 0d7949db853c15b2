import { createRecord, uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';
import type { Caller } from '../support/test-server';

/**
 * lawyer20 R1, as behaviour: the record behind a listing revoked here on an upheld objection (三(七)
 * “经核实有误的信息应及时更正或撤销”) is a fact of the listing (recordRevokedOn, listings.…RecordRevoked). The
 * listing is the listing body's, so the 四(一) restriction still holds, and a caution names the revocation and
 * tells the deciding body to verify the listing (catalogue 四(一) local choice). A day before the revocation
 * sees none of it; the court's removal ends both.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) {
    outcome measures { ruleId effect } reason { zh en }
    explanation { provisional rules { ruleId fired evidence text { zh en } } }
  }
}`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本公司", reason: "执行案件已于立案前履行完毕", filedOn: "2024-02-01" }) { id } }`);
const REVOKE = graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: REVOKE, resolution: "经核实有误，撤销", resolvedOn: "2024-03-01" }) { status } }`);
const LISTINGS = graphql(`query ($id: ID!, $asOf: DateTime!) { enterprise(id: $id) { listings(asOf: $asOf) { listedByCourt judgmentDefaulterRecordRevoked seriousIllegalDishonestRecordRevoked judgmentDefaulterListing { recordRevokedOn recordRevoked } } } }`);

const ADMIN: Caller = { role: 'ADMIN', sub: 'zhou.admin' };
const SECOND: Caller = { role: 'CLERK', sub: 'li.clerk' };
const COURT = '湖北省鄂州市中级人民法院';
const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
// The bar rules that fired (an ungraded enterprise's bid score is beside the point here).
const fired = (v: Awaited<ReturnType<typeof evaluate>>) => v.explanation.rules.filter((r) => r.fired && r.ruleId.startsWith('en-bar-')).map((r) => r.ruleId).sort();

async function listedOnRevokedRecord(list: 'JUDGMENT_DEFAULTER' | 'SERIOUS_ILLEGAL_DISHONEST', name: string) {
  const id = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name } })).createEnterprise.id;
  const court = list === 'JUDGMENT_DEFAULTER';
  const listedBy = court ? COURT : '鄂州市市场监督管理局';
  const documentNumber = court ? '(2023)鄂07执200号' : '鄂州市监严〔2023〕7号';
  const recordId = await createRecord(server, 'ENTERPRISE', id, { category: list, severity: 'SEVERE', occurredOn: '2023-05-01', decidedOn: '2023-06-01', recordedOn: '2023-06-02', documentNumber, sourceDepartment: listedBy });
  const listed = await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, list, listedOn: '2023-06-01', listedBy, documentNumber, recordId } });
  const { fileObjection } = await server.ok(FILE_OBJECTION, { r: recordId }, ADMIN);
  await server.ok(REVOKE, { o: fileObjection.id }, SECOND);
  return { id, membershipId: listed.listSubject.id, listedBy };
}

describe('四(一) and 三(七): a listing whose record was revoked here', () => {
  it('a judgment defaulter stays restricted, and from the revocation day a caution names it and asks the deciding body to verify with the court; the court\'s removal ends both', async () => {
    const { id, membershipId } = await listedOnRevokedRecord('JUDGMENT_DEFAULTER', '鄂州市撤销记录建设有限公司');

    // The day before the revocation: the restriction alone, nothing said of a revocation not yet made.
    const before = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2024-02-29');
    expect(before.outcome).toBe('RESTRICTED');
    expect(fired(before)).toEqual(['en-bar-defaulters']);
    const factsBefore = await server.ok(LISTINGS, { id, asOf: '2024-02-29T12:00:00+08:00' });
    expect(factsBefore.enterprise!.listings).toMatchObject({ listedByCourt: true, judgmentDefaulterRecordRevoked: false, judgmentDefaulterListing: { recordRevokedOn: null, recordRevoked: false } });

    // From the revocation day: still restricted (the list is the court's), and cautioned.
    const after = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2024-03-01');
    expect(after.outcome).toBe('RESTRICTED');
    expect(fired(after)).toEqual(['en-bar-defaulters', 'en-bar-defaulters-record-revoked']);
    expect(after.measures).toEqual(expect.arrayContaining([{ ruleId: 'en-bar-defaulters-record-revoked', effect: 'CAUTION' }]));
    const caution = after.explanation.rules.find((r) => r.ruleId === 'en-bar-defaulters-record-revoked')!;
    expect(caution.evidence).toEqual([expect.objectContaining({ id: membershipId, list: 'JUDGMENT_DEFAULTER', recordRevokedOn: '2024-03-01', recordRevoked: true })]);
    expect(caution.text!.zh).toContain('所依的信用记录已于2024-03-01因异议经核实有误而在本系统撤销');
    expect(caution.text!.zh).toContain('作决定的机关应在据此限制前向列入名单的法院核实名单是否仍然有效');
    expect(caution.text!.en).toContain('was revoked here on 2024-03-01 after an objection found it wrong');
    expect(caution.text!.en).toContain('the deciding body should verify with the listing court that the listing still stands');
    // lawyer22 W2: an attribution error is told apart: a listing registered against the wrong subject is withdrawn, and then restricts nothing.
    expect(caution.text!.zh).toContain('请工作人员以 withdrawListing 作为误登记撤回该列入');
    expect(caution.text!.en).toContain('withdraws it as entered in error with withdrawListing');
    // The outcome rests on the restriction, which reads the list and no proposed choice: not provisional (the caution's choice is 四(一)'s local choice).
    expect(after.explanation.provisional).toBe(false);
    const factsAfter = await server.ok(LISTINGS, { id, asOf: '2024-03-01T12:00:00+08:00' });
    expect(factsAfter.enterprise!.listings).toMatchObject({ listedByCourt: true, judgmentDefaulterRecordRevoked: true, judgmentDefaulterListing: { recordRevokedOn: '2024-03-01', recordRevoked: true } });

    await server.ok(REMOVE, { input: { membershipId, removedOn: '2024-04-01', removedBy: COURT, documentNumber: '(2023)鄂07执200号之一' } });
    const removed = await evaluate('ENTERPRISE', id, 'BIDDING', '2024-04-01');
    expect(removed.outcome).toBe('ELIGIBLE');
    expect(fired(removed)).not.toContain('en-bar-defaulters-record-revoked');
  });

  it('a seriously-illegal-and-dishonest listing likewise: restricted, and cautioned to verify with the listing authority', async () => {
    const { id } = await listedOnRevokedRecord('SERIOUS_ILLEGAL_DISHONEST', '鄂州市撤销记录工程有限公司');
    const verdict = await evaluate('ENTERPRISE', id, 'BIDDING', '2024-03-01');
    expect(verdict.outcome).toBe('RESTRICTED');
    expect(fired(verdict)).toEqual(['en-bar-serious-illegal', 'en-bar-serious-illegal-record-revoked']);
    const caution = verdict.explanation.rules.find((r) => r.ruleId === 'en-bar-serious-illegal-record-revoked')!;
    expect(caution.text!.zh).toContain('作决定的机关应在据此限制前向列入机关核实名单是否仍然有效');
    expect(caution.text!.en).toContain('verify with the listing authority that the listing still stands');
  });
});
