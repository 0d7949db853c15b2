import { anniversaryOf } from './period';

/**
 * The term of a judgment-defaulter listing (lawyer10 R3). 法释〔2017〕7号 art. 2 sets listing periods
 * (generally two years, extendable by one to three years; some listings carry no term), and the court
 * deletes the listing when its term has run (art. 10). A listing whose recorded term has ended stops
 * counting from the day after `termEndsOn` (it stays in the history). Where no term is recorded the
 * listing keeps counting, and the note tells the deciding body to verify it with the court. A
 * seriously-illegal-and-dishonest listing has no term here (whether it has a statutory one is unverified,
 * SERIOUS_TERM_UNVERIFIED): its note tells the deciding body to verify the listing with the authority
 * that listed the subject.
 */

/**
 * What is not held about the seriously-illegal-and-dishonest list's term (lawyer23 N4): the measures
 * governing it are named in rules/documents/ but their text is not held, so whether they set a listing
 * term, or a removal when one runs out, is unverified. Chengxin records no term for that list and says so.
 */
export const SERIOUS_TERM_UNVERIFIED = {
  zh: '该名单是否有法定的列入期限或期满移出，本系统未收入《市场监督管理严重违法失信名单管理办法》原文（rules/documents/ 只登记名称），未经核对',
  en: 'whether that list has a statutory listing term, or a removal when one runs out, is not verified here (the text of 市场监督管理严重违法失信名单管理办法 is not held; rules/documents/ names it only)',
} as const;

/** The only list whose term Chengxin records: the seriously-illegal-and-dishonest list ends by the authority's removal alone. */
export const TERM_LISTS: readonly string[] = ['JUDGMENT_DEFAULTER'];

/**
 * PROPOSED local check (hostile11 F3): the longest term accepted, in years after the listing day. Art. 2
 * of 法释〔2017〕7号 (two years, extendable by one to three) as summarised in this file; the policy texts in
 * /work/shared state no bound, so this awaits confirmation (README, "Listing terms").
 */
export const MAX_TERM_YEARS = 5;

/** True when the listing has a recorded term that ended before `on` (it counts up to and including termEndsOn). */
export function termEnded(termEndsOn: string | null | undefined, on: string): boolean {
  return !!termEndsOn && termEndsOn < on;
}

/** Why a term given on a listing is refused, or null. */
export function listingTermProblem(list: string, listedOn: string, termEndsOn: string | null | undefined): { zh: string; en: string } | null {
  if (!termEndsOn) return null;
  if (!TERM_LISTS.includes(list)) {
    return {
      zh: `只有失信被执行人名单登记列入期限（法释〔2017〕7号第二条）；严重违法失信名单以列入机关移出为准（${SERIOUS_TERM_UNVERIFIED.zh}），请不填 termEndsOn，以移出登记其结束。`,
      en: `only a judgment-defaulter listing has a term recorded (法释〔2017〕7号 art. 2); a seriously-illegal-and-dishonest listing ends by the authority's removal (${SERIOUS_TERM_UNVERIFIED.en}): leave termEndsOn out and enter its end as a removal.`,
    };
  }
  if (termEndsOn <= listedOn) {
    return { zh: `期限届满日（${termEndsOn}）不晚于列入日期（${listedOn}），期限须在列入日之后届满；请按法院决定书填写。`, en: `the term ends (${termEndsOn}) on or before the listing day (${listedOn}); a term ends after the listing day: give the day the court's decision states.` };
  }
  // lawyer24 R1: a term is a date the court fixed, counted as the court counts it (民事诉讼法 art. 85,
  // 民法典 art. 201: the listing day not counted, the term ending on the corresponding day), so the
  // longest lawful term ends on the fifth anniversary itself. This system's own convention (period.ts:
  // the decision day counts, the period ends the day before the anniversary) shortens a record's
  // counting in the subject's favour; applied here it told a clerk that a court's lawful date was wrong.
  const latest = anniversaryOf(listedOn, { years: MAX_TERM_YEARS, months: 0, days: 0 });
  if (termEndsOn > latest) {
    return {
      zh: `期限届满日（${termEndsOn}）晚于自列入之日起${MAX_TERM_YEARS}年的届满日（${latest}，按法院计算期间的方法：列入之日不计入，至对应日届满）：列入期限一般为二年，延长一至三年（法释〔2017〕7号第二条），最长${MAX_TERM_YEARS}年（本系统拟定的核对，待有权机关确认）；请核对法院决定书所载日期。`,
      en: `the term ends (${termEndsOn}) after ${MAX_TERM_YEARS} years from the listing day run out (${latest}, counted as a court counts a term: the listing day not counted, ending on the corresponding day): a term is generally two years, extended by one to three (法释〔2017〕7号 art. 2), so at most ${MAX_TERM_YEARS} (a check proposed by Chengxin, pending confirmation by the competent authority); check the day the court's decision states.`,
    };
  }
  return null;
}

/** What a verdict says about the term of a listing that counts on the day (zh + en). */
export function listingTermNote(list: string, termEndsOn: string | null | undefined): { zh: string; en: string } {
  // A list without a recorded term ends by the listing authority's removal alone: a removal never
  // entered here would bar for ever, so the verdict says to verify the listing (lawyer11 R3).
  if (!TERM_LISTS.includes(list)) {
    return {
      zh: `严重违法失信名单以列入机关移出为准，本系统不登记列入期限，未登记移出的仍予计入；${SERIOUS_TERM_UNVERIFIED.zh}；决定机关应向作出列入决定的机关核实名单是否仍然有效（是否已移出）。`,
      en: `A seriously-illegal-and-dishonest listing ends by the listing authority's removal; Chengxin records no term for it, and a listing with no removal entered still counts; ${SERIOUS_TERM_UNVERIFIED.en}: the deciding body should verify with the authority that listed the subject that the listing still holds (has not been removed).`,
    };
  }
  if (termEndsOn) {
    return {
      // A court may extend a term (art. 2) without the extension being entered here (lawyer12 N10).
      zh: `名单登记的列入期限至${termEndsOn}届满，届满次日起不再计入（法释〔2017〕7号第二条）；法院可延长列入期限，延长未在本系统登记的，决定机关应向作出列入决定的人民法院核实。`,
      en: `The listing's recorded term ends on ${termEndsOn}; from the day after it no longer counts (法释〔2017〕7号 art. 2). A court may extend the term, and an extension not entered here would not show: the deciding body should verify with the court that listed the subject.`,
    };
  }
  return {
    zh: '名单未登记列入期限（法释〔2017〕7号第二条：一般为二年，可延长一至三年，部分列入不设期限），仍予计入；决定机关应向作出列入决定的人民法院核实名单是否仍然有效。',
    en: 'No term is recorded for the listing (法释〔2017〕7号 art. 2: generally two years, extendable by one to three years; some listings have none), so it still counts; the deciding body should verify with the court that listed the subject that the listing still holds.',
  };
}
