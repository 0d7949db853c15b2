import { PERMISSIONS, type Viewer } from '../auth/role';
import { addDays, chinaDate, chinaToday } from '../domain/day';
import type { PrincipalTerm } from '../db/entities';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

/**
 * sec26 (issue 10): a principal's term decides on which days they were the agency's principal, and so
 * on which acts a PRINCIPAL_RESPONSIBILITY finding may be entered on them (principal-terms.ts) and
 * which of the agency's records `agencyCreditAsPrincipal` attributes to them; verdict facts keep
 * `principalSince`. One clerk re-dating an open term on record before today (or ending it on a past
 * day) rewrote those days alone. Like a back-dated removal or grade (past-days.ts) that takes a second
 * person; of those who write the registry (CLERK, ADMIN) that is ADMIN. A new term is the clerk's: it
 * records an appointment that names its own day, as a new listing does; so is a term entered today.
 */
export const PAST_TENURE_REWRITERS = secondPersonsFor(PERMISSIONS.writeRegistry);

function termWords(term: PrincipalTerm): { zh: string; en: string } {
  return {
    zh: `该主要负责人任期（${term.startedOn} 起，${chinaDate(term.createdAt)} 登记）在登记簿上一直如此计入至今`,
    en: `the principal's term (from ${term.startedOn}, on record since ${chinaDate(term.createdAt)}) has stood so on the registry's word every day to today`,
  };
}

/** Re-dating the open term's first day from `term.startedOn` to `since` rewrites the days between the two. */
export function assertMayRedateTerm(actor: Viewer, term: PrincipalTerm, since: string): void {
  const from = since < term.startedOn ? since : term.startedOn;
  const today = chinaToday();
  const allowed = PAST_TENURE_REWRITERS;
  const words = termWords(term);
  assertMayRewritePastDays(actor, { from, onRecordSince: term.createdAt }, {
    allowed,
    field: 'principalSince',
    zh: `${words.zh}；将任职之日由 ${term.startedOn} 改为 ${since}，将改写 ${from} 以来以往各日此人是否为主要负责人（据此登记主要负责人责任认定、归属机关的信用记录），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可更正今日登记的任期，或登记不早于今日（${today}）的任职之日；任免文件载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
    en: `${words.en}; moving the day they took office from ${term.startedOn} to ${since} would rewrite whether they were principal on the days from ${from} on, which decide the principal-responsibility findings entered on them and the agency records attributed to them. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may correct a term entered today, or give a day on or after today (${today}); an appointment that states an earlier day is entered by ${enRoles(allowed)}.`,
  });
}

/** Ending the open term on `last` takes it off the days after `last`: on past days, a second person's. */
export function assertMayEndTermOn(actor: Viewer, term: PrincipalTerm, last: string): void {
  const from = addDays(last, 1);
  const today = chinaToday();
  const allowed = PAST_TENURE_REWRITERS;
  const words = termWords(term);
  assertMayRewritePastDays(actor, { from, onRecordSince: term.createdAt }, {
    allowed,
    field: 'principalUntil',
    zh: `${words.zh}；以 ${last} 为最后任职之日，将把自 ${from} 起的以往各日改为此人不是主要负责人（据此登记主要负责人责任认定），须由第二人（${zhRoles(allowed)}）录入。${actor.role} 可以昨日（${addDays(today, -1)}）或今日为最后任职之日；免职文件载明更早日期的，请交 ${zhRoles(allowed)} 录入。`,
    en: `${words.en}; a last day in office of ${last} would make them not the principal on the days from ${from} on, which decide the principal-responsibility findings entered on them. Entering it takes a second person: one of ${enRoles(allowed)}. The ${actor.role} role may end the term yesterday (${addDays(today, -1)}) or today; a decision that states an earlier day is entered by ${enRoles(allowed)}.`,
  });
}
