import { listingTermProblem } from '../domain/list-term';
import type { CreditList } from '../domain/list-membership';
import { BadUserInputError } from '../errors';

/** Refuses a listing term that is given for a list without terms, ends on or before the listing day or too long after it (field termEndsOn). */
export function assertListingTerm(input: { list: CreditList; listedOn: string; termEndsOn?: string | null }): void {
  const problem = listingTermProblem(input.list, input.listedOn, input.termEndsOn);
  if (problem) throw new BadUserInputError('termEndsOn', `${problem.zh} / ${problem.en}`);
}

/**
 * hostile11 F3: a recorded term is extended, never shortened nor re-entered. Ending a listing before
 * its recorded term is a removal (removeFromList, with the removal's own checks); a shorter term set here
 * would take the listing off every past day after it, with no removal on file.
 */
export function assertTermExtended(recorded: string | null | undefined, next: string): void {
  if (!recorded || next > recorded) return;
  throw new BadUserInputError(
    'termEndsOn',
    `新的期限届满日（${next}）不晚于已登记的（${recorded}）：列入期限只能登记或延长，不能缩短；法院提前结束列入的，请以其移出决定办理移出名单（removeFromList）。 / the new term end (${next}) is not after the recorded one (${recorded}): a term is recorded or extended, never shortened; when the court ends the listing early, enter its removal decision with removeFromList.`,
  );
}
