import { CreditList, type MembershipLike } from '../../src/domain/list-membership';
import { listingEndedRecords } from '../../src/domain/listing-ended-record';

/** lawyer21 R1: which records a listing's keeper has ended, on which day. */
const listing = (fields: Partial<MembershipLike>): MembershipLike => ({
  id: 'm1', list: CreditList.JUDGMENT_DEFAULTER, listedOn: '2024-02-01', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2024)鄂07执1号', recordId: 'r1', ...fields,
});

describe('listingEndedRecords', () => {
  it('a removal ends the record from the removal day, not the day before', () => {
    const removed = [listing({ removedOn: '2024-03-01', removedBy: '湖北省鄂州市中级人民法院', removalDocumentNumber: '(2024)鄂07执1号之一' })];
    expect(listingEndedRecords(removed, '2024-02-29')('r1')).toBeNull();
    expect(listingEndedRecords(removed, '2024-03-01')('r1')).toMatchObject({ endedBy: 'REMOVED', endedOn: '2024-03-01', removalDocumentNumber: '(2024)鄂07执1号之一' });
  });

  it('a recorded term ends it from the day after its last day', () => {
    const term = [listing({ termEndsOn: '2026-01-31' })];
    expect(listingEndedRecords(term, '2026-01-31')('r1')).toBeNull();
    expect(listingEndedRecords(term, '2026-02-01')('r1')).toMatchObject({ endedBy: 'TERM_ENDED', endedOn: '2026-02-01', removedBy: null });
  });

  it('a record listed again under a holding listing counts again; an unlinked listing ends nothing', () => {
    const again = [listing({ removedOn: '2024-03-01' }), listing({ id: 'm2', listedOn: '2024-06-01' })];
    expect(listingEndedRecords(again, '2024-04-01')('r1')).toMatchObject({ endedOn: '2024-03-01' });
    expect(listingEndedRecords(again, '2024-06-01')('r1')).toBeNull();
    expect(listingEndedRecords([listing({ recordId: null, removedOn: '2024-03-01' })], '2025-01-01')('r1')).toBeNull();
  });

  it('a seriously-illegal-and-dishonest listing removed by its authority ends its record too; it has no term', () => {
    const serious = [listing({ list: CreditList.SERIOUS_ILLEGAL_DISHONEST, listedBy: '鄂州市市场监督管理局', termEndsOn: '2024-12-31' })];
    expect(listingEndedRecords(serious, '2025-06-01')('r1')).toBeNull();
    expect(listingEndedRecords([{ ...serious[0], removedOn: '2025-01-01' }], '2025-06-01')('r1')).toMatchObject({ list: 'SERIOUS_ILLEGAL_DISHONEST', endedBy: 'REMOVED' });
  });
});
