import type { DecisionRecord } from '../domain/decision-record';
import { BadUserInputError } from '../errors';
import { documentNumberProblem } from './document-numbers';

/**
 * The deciding body and document number a decision input gives, checked: the document number in the
 * form every other document number is given in (documentNumberProblem); absent values stay null.
 * The body's length and plain text are the input's to check (≤ 100 characters, one line).
 */
export function checkedDecision(input: DecisionRecord): { decidedBy: string | null; documentNumber: string | null } {
  const documentNumber = input.documentNumber ?? null;
  if (documentNumber != null) {
    const problem = documentNumberProblem(documentNumber);
    if (problem) throw new BadUserInputError('documentNumber', problem);
  }
  return { decidedBy: input.decidedBy ?? null, documentNumber };
}
