import { BadUserInputError } from '../errors';

/** Throws BAD_USER_INPUT when a later date comes before an earlier one. */
export function assertDateOrder(earlierField: string, earlier: string | null | undefined, laterField: string, later: string | null | undefined): void {
  if (earlier && later && later < earlier) {
    throw new BadUserInputError(laterField, `${later} is before ${earlierField} ${earlier}; it must be on or after it.`);
  }
}
