import { listingTermProblem } from '../domain/list-term';
import type { CreditList } from '../domain/list-membership';
import { BadUserInputError } from '../errors';

/** Refuses a listing term that is given for a list without terms or ends before the listing day (field termEndsOn). */
export function assertListingTerm(input: { list: CreditList; listedOn: string; termEndsOn?: string | null }): void {
  const problem = listingTermProblem(input.list, input.listedOn, input.termEndsOn);
  if (problem) throw new BadUserInputError('termEndsOn', `${problem.zh} / ${problem.en}`);
}
