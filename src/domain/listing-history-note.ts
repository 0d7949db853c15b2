import { CreditList, ListingEnd } from './credit-list';

/** What the note reads of a listing (list-membership.ts's MembershipOnDay has these fields). */
interface ListingSeen {
  listedBy: string;
  listedOn: string;
  documentNumber: string;
  removedOn: string | null;
  endedBy: ListingEnd | null;
  termEndsOn: string | null;
}

const LIST_NAME: Record<CreditList, { zh: string; en: string; keeper: { zh: string; en: string } }> = {
  [CreditList.JUDGMENT_DEFAULTER]: { zh: '失信被执行人名单', en: 'judgment-defaulter list (失信被执行人名单)', keeper: { zh: '法院', en: 'the court' } },
  [CreditList.SERIOUS_ILLEGAL_DISHONEST]: { zh: '严重违法失信名单', en: 'seriously-illegal-and-dishonest list (严重违法失信名单)', keeper: { zh: '列入机关', en: 'the listing authority' } },
};

/**
 * What the register shows of a subject's listings on one list when none holds on the day (law23 R4),
 * for the record-without-listing cautions: either no listing is registered at all, or the newest
 * registered one ended — removed on a day, or its recorded term ran out — which the caution must say
 * rather than "may still be listed". A listing withdrawn as entered in error never held and is not
 * shown (listFacts leaves it out), but where one was registered the note does not say none ever was: it
 * says none holds, the withdrawn one aside (lawyer24 R2). `ended` is the listing of the list that ended
 * last (by its end day) by the keeper's act by the day; `holding`, the listing in force, if any (then the
 * note says so and nothing else); `withdrawn`, whether a registration of the list was withdrawn as entered in error.
 */
export function listingHistoryNote(list: CreditList, ended: ListingSeen | null, holding: ListingSeen | null, withdrawn = false): { zh: string; en: string } {
  const name = LIST_NAME[list];
  if (holding) {
    return {
      zh: `本系统登记的其${name.zh}（${holding.listedBy}于${holding.listedOn}列入）当日仍然有效，未登记${name.keeper.zh}移出。`,
      en: `The listing of it on the ${name.en} registered here (by ${holding.listedBy} on ${holding.listedOn}) holds on the day: no removal by ${name.keeper.en} is registered.`,
    };
  }
  if (!ended && withdrawn) {
    return {
      zh: `本系统无其列入${name.zh}的有效登记（误登记已撤回的除外）。`,
      en: `No listing of it on the ${name.en} registered here holds or ever held (a registration withdrawn as entered in error aside).`,
    };
  }
  if (!ended) {
    return {
      zh: `本系统未登记其列入${name.zh}的任何记录。`,
      en: `No listing of it on the ${name.en} is registered here at all.`,
    };
  }
  const number = ended.documentNumber ? `，文号${ended.documentNumber}` : '';
  const numberEn = ended.documentNumber ? `, No. ${ended.documentNumber}` : '';
  const listed = { zh: `本系统登记的其${name.zh}（${ended.listedBy}于${ended.listedOn}列入${number}）`, en: `The listing of it on the ${name.en} registered here (by ${ended.listedBy} on ${ended.listedOn}${numberEn})` };
  if (ended.endedBy === ListingEnd.TERM_ENDED && ended.termEndsOn) {
    return {
      zh: `${listed.zh}登记的列入期限已于${ended.termEndsOn}届满，此后本系统未登记新的列入。`,
      en: `${listed.en} ran to the end of its recorded term on ${ended.termEndsOn}, and no later listing is registered.`,
    };
  }
  return {
    zh: `${listed.zh}已由${name.keeper.zh}于${ended.removedOn}移出，此后本系统未登记新的列入。`,
    en: `${listed.en} was removed by ${name.keeper.en} on ${ended.removedOn}, and no later listing is registered.`,
  };
}
