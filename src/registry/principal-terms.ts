import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, chinaToday } from '../domain/day';
import { PrincipalTerm, type CivilServant } from '../db/entities';
import { BadUserInputError, ConflictError } from '../errors';
import type { Viewer } from '../auth/role';
import { assertMayEndTermOn, assertMayRedateTerm } from './tenure-past-days';

/**
 * A principal's terms (主要负责人任职, 三(六)), kept as history: the servant row says who is principal
 * now and since when; each change to that is written here too, by the same use case, so that who was
 * principal of which agency on a past day can still be answered (lawyer13 W2).
 */

const OPEN_END = '9999-12-31';

/** A term as the messages name it, in Chinese or English. */
const describe = (term: PrincipalTerm, lang: 'zh' | 'en' = 'en'): string => `${term.startedOn} – ${term.endedOn ?? (lang === 'zh' ? '至今' : 'now')}`;

/**
 * Follows a civil servant's tenure as it now stands (`servant`, already changed and checked by the
 * use case) into the terms: ends the open term when the tenure ended, moved agency or started anew,
 * re-dates it when only the day of taking office was corrected, and opens a term for a tenure with
 * a known first day. `principalUntil`: the last day in office of a tenure being ended (when not
 * given, yesterday, or the day before the new term when a principal moves on to a new one). Re-dating
 * or ending a term on record before today over past days takes a second person (tenure-past-days.ts).
 */
export async function followTenure(tx: EntityManager, actor: Viewer, servant: CivilServant, principalUntil?: string | null): Promise<void> {
  const open = await tx.findOne(PrincipalTerm, { servant, endedOn: null });
  const since = servant.principal ? servant.principalSince ?? null : null;
  // The same term goes on (perhaps re-dated) unless it is ended, moved or ended with a last day given.
  const sameTerm = open !== null && since !== null && open.agency.id === servant.agency.id && !principalUntil;
  if (principalUntil && !open) {
    throw new BadUserInputError(
      'principalUntil',
      '此人没有登记在案的主要负责人任期可以结束（从未登记任职之日）；请删去本项。 / this person has no recorded term as principal to end (the day they took office was never recorded); leave it out.',
    );
  }
  if (open && sameTerm) {
    if (open.startedOn !== since) {
      assertMayRedateTerm(actor, open, since);
      open.startedOn = since;
      await assertNoOverlap(tx, open, 'principalSince');
    }
    return;
  }
  if (open) {
    // Not given: they are no longer principal from the day the register learns it (today), or from
    // the first day of their new term; a term that began that very day ends on it.
    const last = principalUntil ?? maxDay(open.startedOn, addDays(since ?? chinaToday(), -1));
    if (last < open.startedOn || last > chinaToday()) {
      throw new BadUserInputError(
        'principalUntil',
        `${last} 不在其本届任期内（${open.startedOn} 起）或晚于今天：最后任职之日须不早于任职之日、不晚于今天。 / ${last} is before the term began (${open.startedOn}) or after today: the last day in office falls between the day they took office and today.`,
      );
    }
    assertMayEndTermOn(actor, open, last);
    open.endedOn = last;
    // Written before the new term is inserted: the flush would insert first, and one term is open at a time.
    await tx.flush();
  }
  if (since) await assertNoOverlap(tx, tx.create(PrincipalTerm, { servant, agency: servant.agency, startedOn: since }), 'principalSince');
}

/** An agency has one principal at a time, over the past too: a term overlapping another term of the same agency is refused. */
async function assertNoOverlap(tx: EntityManager, term: PrincipalTerm, field: string): Promise<void> {
  const other = await tx.findOne(
    PrincipalTerm,
    { agency: term.agency, id: { $ne: term.id }, startedOn: { $lte: term.endedOn ?? OPEN_END }, $or: [{ endedOn: null }, { endedOn: { $gte: term.startedOn } }] },
    { orderBy: { startedOn: 'asc' } },
  );
  if (!other) return;
  const own = other.servant.id === term.servant.id;
  const [zh, en] = own ? ['本人的另一届任期', 'their own other term'] : [`${other.servant.id} 的任期`, `the term of ${other.servant.id}`];
  throw new ConflictError(
    field,
    `与该机关已登记的主要负责人任期重叠（${zh}，${describe(other, 'zh')}）：一个机关同一时间只有一名主要负责人。请核对任职之日，或先更正那一届任期。 / overlaps a term already on file for this agency (${en}, ${describe(other)}): an agency has one principal at a time. Check the day they took office, or correct that term first.`,
  );
}

/**
 * The term in which the servant was an agency's principal on `day`, or a refusal naming their terms:
 * a finding that a principal caused an agency's dishonesty (PRINCIPAL_RESPONSIBILITY, 三(六)) is
 * entered only on someone who was principal when the act occurred — sitting or former.
 */
export async function assertPrincipalOn(tx: EntityManager, servant: CivilServant, day: string, field = 'subjectId'): Promise<PrincipalTerm> {
  const terms = await tx.find(PrincipalTerm, { servant }, { orderBy: { startedOn: 'asc' } });
  const term = terms.find((t) => t.startedOn <= day && (t.endedOn ?? OPEN_END) >= day);
  if (term) return term;
  const onFile = (lang: 'zh' | 'en') => (terms.length ? terms.map((t) => describe(t, lang)).join(lang === 'zh' ? '；' : '; ') : lang === 'zh' ? '无' : 'none');
  throw new BadUserInputError(
    field,
    `PRINCIPAL_RESPONSIBILITY（三(六)主要负责人责任认定）只能登记在行为发生之日（occurredOn ${day}）任机关主要负责人的公务员名下（现任或已卸任）；此人登记的任期：${onFile('zh')}。请核对 occurredOn，或先以 updateCivilServant 登记其任职（principal、principalSince）。 / PRINCIPAL_RESPONSIBILITY (三(六), a principal's responsibility) is entered only on a civil servant who was an agency's principal on the day of the act (occurredOn ${day}), sitting or former; this person's recorded terms: ${onFile('en')}. Check occurredOn, or record their tenure (principal, principalSince) first.`,
  );
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);
