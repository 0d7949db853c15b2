import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CourtCase } from '../db/entities';
import { CaseKind } from '../domain/court-facts';
import { BadUserInputError, ConflictError } from '../errors';
import { assertDateOrder, findOrFail } from './lookup';

export interface CourtCaseFields {
  agencyId: string;
  caseNumber: string;
  court: string;
  filedOn: string;
  kind?: CaseKind | null;
  headAppeared?: boolean | null;
}

export interface CourtCaseChanges {
  headAppeared?: boolean | null;
  entrustedRepresentative?: string | null;
  validAbsenceReason?: string | null;
  judgmentDefaulter?: boolean | null;
  defaulterListedOn?: string | null;
  defaulterRemovedOn?: string | null;
}

export async function createCourtCase(em: EntityManager, input: CourtCaseFields): Promise<CourtCase> {
  return em.transactional(async (tx) => {
    if (await tx.count(CourtCase, { caseNumber: input.caseNumber })) {
      throw new ConflictError('caseNumber', `case ${input.caseNumber} is already registered; update it instead.`);
    }
    const agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    const courtCase = tx.create(CourtCase, {
      agency,
      caseNumber: input.caseNumber,
      court: input.court,
      filedOn: input.filedOn,
      kind: input.kind ?? CaseKind.ADMINISTRATIVE,
      headAppeared: input.headAppeared ?? null,
    });
    await tx.flush();
    return courtCase;
  });
}

/** Records the head's appearance and the judgment-defaulter listing of a case. */
export async function updateCourtCase(em: EntityManager, id: string, input: CourtCaseChanges): Promise<CourtCase> {
  return em.transactional(async (tx) => {
    const courtCase = await findOrFail(tx, CourtCase, 'court case', id);
    if (input.headAppeared !== undefined) courtCase.headAppeared = input.headAppeared;
    if (input.entrustedRepresentative !== undefined) courtCase.entrustedRepresentative = input.entrustedRepresentative;
    if (input.validAbsenceReason !== undefined) courtCase.validAbsenceReason = input.validAbsenceReason;
    if ((courtCase.entrustedRepresentative || courtCase.validAbsenceReason) && courtCase.headAppeared !== false) {
      throw new BadUserInputError('headAppeared', 'must be false when an entrusted representative or an absence reason is given: they excuse an absent head only.');
    }
    if (input.judgmentDefaulter != null) courtCase.judgmentDefaulter = input.judgmentDefaulter;
    if (input.defaulterListedOn !== undefined) courtCase.defaulterListedOn = input.defaulterListedOn;
    if (input.defaulterRemovedOn !== undefined) courtCase.defaulterRemovedOn = input.defaulterRemovedOn;
    if (courtCase.judgmentDefaulter && !courtCase.defaulterListedOn) {
      throw new BadUserInputError('defaulterListedOn', 'is required while judgmentDefaulter is true: give the day the agency was listed.');
    }
    assertDateOrder('filedOn', courtCase.filedOn, 'defaulterListedOn', courtCase.defaulterListedOn);
    assertDateOrder('defaulterListedOn', courtCase.defaulterListedOn, 'defaulterRemovedOn', courtCase.defaulterRemovedOn);
    await tx.flush();
    return courtCase;
  });
}
