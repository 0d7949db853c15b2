import { uscc } from '../support/factories';
import { evaluator } from '../support/evaluate';
import { serverPerFile } from '../support/server-per-file';
import { graphql } from '../support/graphql';

/**
 * lawyer10 R3: a judgment-defaulter listing runs for the term the court set (法释〔2017〕7号 art. 2).
 * With a recorded term the 四(一) bar holds through its last day and ends the day after (the listing
 * stays in the history); with none, the bar holds and the verdict says the term is unrecorded and the
 * deciding body should verify the listing with the court.
 */
const EVALUATE = graphql(`mutation ($type: SubjectType!, $id: ID!, $matter: String!, $asOf: DateTime) {
  evaluate(subject: { type: $type, id: $id }, matter: $matter, asOf: $asOf) { outcome reason { zh en } }
}`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id termEndsOn } }`);
const SET_TERM = graphql(`mutation ($id: ID!, $termEndsOn: LocalDate!, $documentNumber: String!, $decidedBy: String!) { setListingTerm(id: $id, termEndsOn: $termEndsOn, documentNumber: $documentNumber, decidedBy: $decidedBy) { id termEndsOn termDocumentNumber } }`);
const REMOVE = graphql(`mutation ($input: RemoveFromListInput!) { removeFromList(input: $input) { id } }`);
const LISTINGS = graphql(`query ($id: ID!, $asOf: DateTime!) { enterprise(id: $id) { listings(asOf: $asOf) { judgmentDefaulter memberships { id listed endedBy termEndsOn } } } }`);

const server = serverPerFile();
const evaluate = evaluator(server, EVALUATE);
const COURT = '湖北省鄂州市中级人民法院';
const listing = { list: 'JUDGMENT_DEFAULTER' as const, listedOn: '2023-06-01', listedBy: COURT, documentNumber: '(2023)鄂07执100号' };
const rows = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from list_membership`))[0].n;

async function enterprise(name: string) {
  return (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name } })).createEnterprise.id;
}

describe('四(一): a judgment-defaulter listing past its recorded term bars no more', () => {
  it('bars through the last day of the term, not from the day after; the listing stays in the history as TERM_ENDED', async () => {
    const id = await enterprise('鄂州市期满建设有限公司');
    const listed = await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...listing, termEndsOn: '2025-05-31' } });
    expect(listed.listSubject.termEndsOn).toBe('2025-05-31');

    const last = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-05-31');
    expect(last.outcome).toBe('RESTRICTED');
    expect(last.reason.zh).toContain('名单登记的列入期限至2025-05-31届满，届满次日起不再计入');
    expect(last.reason.en).toContain("The listing's recorded term ends on 2025-05-31");

    expect((await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01')).outcome).toBe('ELIGIBLE');
    expect((await evaluate('ENTERPRISE', id, 'BIDDING', '2025-06-01')).outcome).toBe('ELIGIBLE');
    const after = await server.ok(LISTINGS, { id, asOf: '2025-06-01T12:00:00+08:00' });
    expect(after.enterprise!.listings).toEqual({ judgmentDefaulter: false, memberships: [{ id: listed.listSubject.id, listed: false, endedBy: 'TERM_ENDED', termEndsOn: '2025-05-31' }] });
  });

  it('with no term recorded the bar holds and the verdict asks the deciding body to verify with the court (zh + en)', async () => {
    const id = await enterprise('鄂州市无期限建设有限公司');
    await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...listing } });
    const verdict = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2026-06-01');
    expect(verdict.outcome).toBe('RESTRICTED');
    expect(verdict.reason.zh).toContain('名单未登记列入期限');
    expect(verdict.reason.zh).toContain('决定机关应向作出列入决定的人民法院核实名单是否仍然有效');
    expect(verdict.reason.en).toContain('the deciding body should verify with the court that listed the subject that the listing still holds. Under 四(一)');
  });

  it('a seriously-illegal-and-dishonest listing bars until removal, and the verdict asks the deciding body to verify it with the listing authority (lawyer11 R3)', async () => {
    const id = await enterprise('鄂州市核实名单建设有限公司');
    await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...listing, list: 'SERIOUS_ILLEGAL_DISHONEST', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监严〔2023〕5号' } });
    const verdict = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2026-06-01');
    expect(verdict.outcome).toBe('RESTRICTED');
    expect(verdict.reason.zh).toContain('本系统未登记列入机关移出；严重违法失信名单以列入机关移出为准，本系统不登记列入期限，未登记移出的仍予计入；该名单是否有法定的列入期限或期满移出，本系统未收入《市场监督管理严重违法失信名单管理办法》原文（rules/documents/ 只登记名称），未经核对；决定机关应向作出列入决定的机关核实名单是否仍然有效（是否已移出）。依据四(一)');
    expect(verdict.reason.en).toContain('whether that list has a statutory listing term, or a removal when one runs out, is not verified here (the text of 市场监督管理严重违法失信名单管理办法 is not held; rules/documents/ names it only): the deciding body should verify with the authority that listed the subject that the listing still holds (has not been removed). Under 四(一)');
  });

  it.each([
    ['a term ending before the listing day', { ...listing, termEndsOn: '2023-05-31' }, '不晚于列入日期'],
    ['a term on a seriously-illegal-and-dishonest listing', { ...listing, list: 'SERIOUS_ILLEGAL_DISHONEST' as const, listedBy: '鄂州市市场监督管理局', termEndsOn: '2026-06-01' }, '只有失信被执行人名单登记列入期限'],
  ])('%s is refused on termEndsOn (zh + en) and nothing is written', async (_name, input, words) => {
    const id = await enterprise('鄂州市拒绝建设有限公司');
    const before = await rows();
    const refused = await server.query(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...input } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'termEndsOn' });
    expect(refused.errors?.[0].message).toContain(words);
    expect(refused.errors?.[0].message).toContain('termEndsOn');
    expect(await rows()).toBe(before);
  });

  it('setListingTerm records, then extends, the court\'s term on an existing listing, audited old → new; the bar follows it (lawyer11 item 10)', async () => {
    const id = await enterprise('鄂州市补登期限建设有限公司');
    const listed = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...listing } })).listSubject.id;
    const set = await server.ok(SET_TERM, { id: listed, termEndsOn: '2025-05-31', documentNumber: '(2023)鄂07执100号之一', decidedBy: COURT });
    expect(set.setListingTerm).toEqual({ id: listed, termEndsOn: '2025-05-31', termDocumentNumber: '(2023)鄂07执100号之一' });
    expect((await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-05-31')).outcome).toBe('RESTRICTED');
    expect((await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01')).outcome).toBe('ELIGIBLE');

    await server.ok(SET_TERM, { id: listed, termEndsOn: '2027-05-31', documentNumber: '(2025)鄂07执恢9号', decidedBy: COURT });
    const extended = await evaluate('ENTERPRISE', id, 'PROCUREMENT', '2025-06-01');
    expect(extended.outcome).toBe('RESTRICTED');
    expect(extended.reason.zh).toContain('名单登记的列入期限至2027-05-31届满');
    const audit = await server.sql(`select outcome from audit_event where action = 'SET_LISTING_TERM' and target_id = ? order by created_at`, [listed]);
    expect(audit).toEqual([
      { outcome: 'term none → 2025-05-31 ((2023)鄂07执100号之一, 湖北省鄂州市中级人民法院)' },
      { outcome: 'term 2025-05-31 → 2027-05-31 ((2025)鄂07执恢9号, 湖北省鄂州市中级人民法院)' },
    ]);
  });

  it('setListingTerm refuses a list without terms, a term before the listing day, a removed listing and a role that does not decide; nothing changes', async () => {
    const id = await enterprise('鄂州市拒绝补登建设有限公司');
    const serious = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...listing, list: 'SERIOUS_ILLEGAL_DISHONEST', listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监严〔2023〕6号' } })).listSubject.id;
    const court = (await server.ok(LIST, { input: { subjectType: 'ENTERPRISE', subjectId: id, ...listing } })).listSubject.id;
    const snapshot = () => server.sql('select id, term_ends_on, term_document_number from list_membership where subject_id = ? order by id', [id]);
    const before = await snapshot();
    const refused = async (variables: { id: string; termEndsOn: string; documentNumber: string; decidedBy?: string }, field: string, code: string, as?: { role: 'OFFICER' }) => {
      const result = await server.query(SET_TERM, { decidedBy: COURT, ...variables }, as);
      expect(result.errors?.[0].extensions).toMatchObject(as ? { code } : { code, field });
      return result.errors?.[0].message ?? '';
    };
    expect(await refused({ id: serious, termEndsOn: '2026-06-01', documentNumber: '鄂州市监严〔2024〕1号' }, 'termEndsOn', 'BAD_USER_INPUT')).toContain('只有失信被执行人名单登记列入期限');
    expect(await refused({ id: court, termEndsOn: '2023-05-31', documentNumber: '(2023)鄂07执100号之一' }, 'termEndsOn', 'BAD_USER_INPUT')).toContain('不晚于列入日期');
    await refused({ id: court, termEndsOn: '2025-05-31', documentNumber: '(2023)鄂07执100号之一' }, 'id', 'FORBIDDEN', { role: 'OFFICER' });
    await server.ok(REMOVE, { input: { membershipId: court, removedOn: '2024-01-10', removedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2023)鄂07执100号之二' } });
    const removed = await snapshot();
    expect(await refused({ id: court, termEndsOn: '2025-05-31', documentNumber: '(2023)鄂07执100号之一' }, 'id', 'CONFLICT')).toContain('移出');
    expect(await snapshot()).toEqual(removed);
    expect(removed).toEqual(before);
    expect(await server.sql(`select count(*)::int as n from audit_event where action = 'SET_LISTING_TERM' and target_id in (?, ?)`, [serious, court])).toEqual([{ n: 0 }]);
  });
});
