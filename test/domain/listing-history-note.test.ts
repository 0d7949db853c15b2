import { CreditList, listFacts, type MembershipLike } from '../../src/domain/list-membership';

/**
 * lawyer24 R2: the listing history note named the newest *listed* ended listing, not the one that ended
 * last. The register refuses overlapping listings of one subject on one list (listSubject, and a
 * database constraint), so two such listings cannot be registered over HTTP today; the note is built by
 * listFacts, which must not rest on that guard (rows from before it, an import), so it is tested here.
 */
const COURT = '湖北省鄂州市中级人民法院';
const listing = (id: string, listedOn: string, removedOn: string, documentNumber: string): MembershipLike =>
  ({ id, list: CreditList.JUDGMENT_DEFAULTER, listedOn, listedBy: COURT, documentNumber, removedOn, removedBy: COURT });

it('of two ended listings the note names the one that ended last (A removed 2024-06), not the one listed last (B removed 2022-03)', () => {
  const a = listing('a', '2020-05-01', '2024-06-01', '(2020)鄂07执1号');
  const b = listing('b', '2021-05-01', '2022-03-01', '(2021)鄂07执2号');
  for (const order of [[a, b], [b, a]]) {
    const note = listFacts(order, () => [], '2024-12-01').judgmentDefaulterHistory;
    expect(note.zh).toBe(`本系统登记的其失信被执行人名单（${COURT}于2020-05-01列入，文号(2020)鄂07执1号）已由法院于2024-06-01移出，此后本系统未登记新的列入。`);
    expect(note.en).toContain('was removed by the court on 2024-06-01');
  }
});

it('a term that ran out later than another listing\'s removal is the one named', () => {
  const removed = listing('r', '2021-05-01', '2022-03-01', '(2021)鄂07执2号');
  const termed: MembershipLike = { id: 't', list: CreditList.JUDGMENT_DEFAULTER, listedOn: '2020-05-01', listedBy: COURT, documentNumber: '(2020)鄂07执1号', termEndsOn: '2023-04-30' };
  expect(listFacts([removed, termed], () => [], '2024-12-01').judgmentDefaulterHistory.zh).toContain('登记的列入期限已于2023-04-30届满');
});
