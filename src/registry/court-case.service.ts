import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { SubjectType } from '../domain/subject';
import { Agency, CourtCase } from '../db/entities';
import type { AbsenceFinding } from '../domain/court-absence';
import { kindContradictsNumber } from '../domain/case-number-kind';
import { appearanceDay, type CaseKind } from '../domain/court-facts';
import { BadUserInputError, ConflictError } from '../errors';
import { assertMayRewriteCaseDays } from './court-case-past-days';
import { normalisedNumber } from './document-numbers';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';
import { enteredByFromAudit } from './entered-by';

export interface CourtCaseFields {
  agencyId: string;
  caseNumber: string;
  court: string;
  filedOn: string;
  hearingOn?: string | null;
  kind?: CaseKind | null;
  headAppeared?: boolean | null;
}

export interface CourtCaseChanges {
  kind?: CaseKind | null;
  hearingOn?: string | null;
  headAppeared?: boolean | null;
  entrustedRepresentative?: string | null;
  validAbsenceReason?: string | null;
  judgmentDefaulter?: boolean | null;
  defaulterListedOn?: string | null;
  defaulterRemovedOn?: string | null;
}

const KINDS = '行政诉讼 ADMINISTRATIVE（唯一计入三(八)的类型）、民事诉讼 CIVIL、执行刑事及其他 OTHER / ADMINISTRATIVE (行政诉讼, the only kind that counts under 三(八)), CIVIL (民事诉讼) or OTHER (执行, 刑事 and other cases)';

/**
 * Registers a case. Its kind is required: a case recorded without one used to become ADMINISTRATIVE
 * silently, so the head's absence counted under 三(八) though nobody had said the case was one.
 */
export async function createCourtCase(em: EntityManager, actor: Viewer, input: CourtCaseFields): Promise<CourtCase> {
  if (!input.kind) throw new BadUserInputError('kind', `案件类型必填，请填写 ${KINDS}。`);
  const contradiction = kindContradictsNumber(input.caseNumber, input.kind);
  if (contradiction) throw new BadUserInputError('kind', contradiction);
  // hostile8 F4: one case, however its number is written (full-width digits or brackets, spaces),
  // is registered once; it is stored and compared in its normalised form, as the unique index is.
  const caseNumber = normalisedNumber(input.caseNumber);
  return withAudit(em, actor, AuditAction.RECORD_COURT_CASE, async (tx) => {
    const existing = await tx.findOne(CourtCase, { caseNumberKey: caseNumber });
    if (existing) {
      throw new ConflictError('caseNumber', `案号 ${caseNumber} 已登记（登记为 ${existing.caseNumber}），请更新该案件，不要重复登记。 / case ${caseNumber} is already registered (as ${existing.caseNumber}); update it instead.`);
    }
    const agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    assertDateOrder('filedOn', input.filedOn, 'hearingOn', input.hearingOn);
    const courtCase = tx.create(CourtCase, {
      agency,
      caseNumber,
      caseNumberKey: caseNumber,
      court: input.court,
      filedOn: input.filedOn,
      hearingOn: input.hearingOn ?? null,
      kind: input.kind,
      headAppeared: input.headAppeared ?? null,
    });
    return courtCase;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: 'recorded' }));
}

/** Records a case's kind, the head's appearance and the judgment-defaulter listing. */
/**
 * What an update may change of a case, as its audit event records it (hostile8 F8): cases keep no
 * history, and a changed kind, appearance or absence reason changes what 三(八) counts.
 */
const CASE_FIELDS = ['kind', 'hearingOn', 'headAppeared', 'entrustedRepresentative', 'validAbsenceReason', 'judgmentDefaulter', 'defaulterListedOn', 'defaulterRemovedOn'] as const;

export async function updateCourtCase(em: EntityManager, actor: Viewer, id: string, input: CourtCaseChanges): Promise<CourtCase> {
  return withAudit(em, actor, AuditAction.UPDATE_COURT_CASE, async (tx, correction) => {
    const courtCase = await findOrFail(tx, CourtCase, 'court case', id, 'id', { lock: true });
    correction.of(courtCase, CASE_FIELDS);
    if (input.kind === null) throw new BadUserInputError('kind', `案件类型不能清空，请填写 ${KINDS}。`);
    if (input.kind !== undefined && input.kind !== courtCase.kind) {
      // hostile17 F6: the kind decides whether an absence counts under 三(八); once a finding is on
      // record, a changed kind would take it out of every count, past days included, on one clerk's
      // word. A finding is undone by an objection decided by a second person (fileFindingObjection).
      if (courtCase.absenceFinding) {
        throw new ConflictError('kind', `${courtCase.absenceFoundBy} 已于 ${courtCase.absenceFoundOn} 就本案作出负责人出庭认定（${courtCase.absenceFindingDocument}），案件类型不能再改；认定有误的，请提出认定异议（fileFindingObjection），由他人决定。 / a finding on the head's absence was recorded on ${courtCase.absenceFoundOn} by ${courtCase.absenceFoundBy} (${courtCase.absenceFindingDocument}); the case's kind can no longer change. If the finding is wrong, file a finding objection (fileFindingObjection) for another person to decide.`);
      }
      const contradiction = kindContradictsNumber(courtCase.caseNumber, input.kind);
      if (contradiction) throw new BadUserInputError('kind', contradiction);
      courtCase.kind = input.kind;
    }
    // Recording a hearing day nobody had recorded is no change of one: it lies between the filing day
    // that stood in for it and the finding (checked below), so the absence counts as long or longer.
    const recordsMissingDay = courtCase.hearingOn == null && input.hearingOn != null;
    if (input.hearingOn !== undefined && input.hearingOn !== courtCase.hearingOn && courtCase.absenceFinding && !recordsMissingDay) {
      // hostile18 F4: the absence counts in the windows that hold its hearing day (or the filing day
      // standing in); a hearing moved earlier after the finding shortens how long it counts, on one
      // clerk's word. As with kind and headAppeared, the finding fixes it.
      throw new ConflictError('hearingOn', `${courtCase.absenceFoundBy} 已于 ${courtCase.absenceFoundOn} 就本案作出负责人出庭认定（${courtCase.absenceFindingDocument}），开庭日（${courtCase.hearingOn ?? '未登记'}）不能再改：认定按开庭日计入各期考核。认定有误的，请提出认定异议（fileFindingObjection），由他人决定。 / a finding on the head's absence was recorded on ${courtCase.absenceFoundOn} by ${courtCase.absenceFoundBy} (${courtCase.absenceFindingDocument}); the hearing day (${courtCase.hearingOn ?? 'none recorded'}) can no longer change, as the finding counts by it. If the finding is wrong, file a finding objection (fileFindingObjection) for another person to decide.`);
    }
    // hostile30 F1: before anything changes, as the case will stand after the change.
    assertMayRewriteCaseDays(actor, courtCase, {
      judgmentDefaulter: input.judgmentDefaulter ?? courtCase.judgmentDefaulter,
      defaulterListedOn: input.defaulterListedOn !== undefined ? input.defaulterListedOn : (courtCase.defaulterListedOn ?? null),
      defaulterRemovedOn: input.defaulterRemovedOn !== undefined ? input.defaulterRemovedOn : (courtCase.defaulterRemovedOn ?? null),
      hearingOn: input.hearingOn !== undefined ? input.hearingOn : (courtCase.hearingOn ?? null),
    }, await enteredByFromAudit(tx, AuditAction.RECORD_COURT_CASE, courtCase.id));
    if (input.hearingOn !== undefined) courtCase.hearingOn = input.hearingOn;
    if (input.headAppeared !== undefined && input.headAppeared !== courtCase.headAppeared && courtCase.absenceFinding) {
      throw new ConflictError('headAppeared', `${courtCase.absenceFoundBy} 已于 ${courtCase.absenceFoundOn} 认定负责人未出庭（${courtCase.absenceFindingDocument}），出庭情况不能再改。 / the head's absence was found on ${courtCase.absenceFoundOn} by ${courtCase.absenceFoundBy} (${courtCase.absenceFindingDocument}); whether the head appeared can no longer change.`);
    }
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
    assertDateOrder('filedOn', courtCase.filedOn, 'hearingOn', courtCase.hearingOn);
    if (courtCase.absenceFoundOn) assertDateOrder(courtCase.hearingOn ? 'hearingOn' : 'filedOn', appearanceDay(courtCase), 'absenceFoundOn', courtCase.absenceFoundOn);
    assertDateOrder('filedOn', courtCase.filedOn, 'defaulterListedOn', courtCase.defaulterListedOn);
    assertDateOrder('defaulterListedOn', courtCase.defaulterListedOn, 'defaulterRemovedOn', courtCase.defaulterRemovedOn);
    return courtCase;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id }));
}

export interface AbsenceFindingFields {
  courtCaseId: string;
  finding: AbsenceFinding;
  foundOn: string;
  foundBy: string;
  document: string;
}

/**
 * Records the finding on a head's absence from a hearing (三(八)): whether it was without valid reason.
 * Only an UNEXCUSED finding makes the absence count, from foundOn. A finding is recorded once.
 */
export async function recordAbsenceFinding(em: EntityManager, actor: Viewer, input: AbsenceFindingFields): Promise<CourtCase> {
  return withAudit(em, actor, AuditAction.RECORD_ABSENCE_FINDING, async (tx) => {
    // Locked like every once-only write (hostile9 F1): of two findings at once, the second waits,
    // sees the first and is refused, instead of overwriting it.
    const courtCase = await findOrFail(tx, CourtCase, 'court case', input.courtCaseId, 'courtCaseId', { lock: true });
    if (courtCase.headAppeared !== false) {
      throw new BadUserInputError('courtCaseId', `案件 ${courtCase.caseNumber} 未登记负责人未出庭（headAppeared 须为 false），无可认定。请先以 updateCourtCase 登记出庭情况。 / case ${courtCase.caseNumber} records no absence of the head (headAppeared must be false): there is nothing to find. Record the appearance with updateCourtCase first.`);
    }
    if (courtCase.absenceFinding) {
      throw new ConflictError('courtCaseId', `案件 ${courtCase.caseNumber} 已于 ${courtCase.absenceFoundOn} 由 ${courtCase.absenceFoundBy} 认定（${courtCase.absenceFindingDocument}），认定只登记一次。 / case ${courtCase.caseNumber}: a finding was recorded on ${courtCase.absenceFoundOn} by ${courtCase.absenceFoundBy} (${courtCase.absenceFindingDocument}); a finding is recorded once.`);
    }
    assertDateOrder(courtCase.hearingOn ? 'hearingOn' : 'filedOn', appearanceDay(courtCase), 'foundOn', input.foundOn);
    Object.assign(courtCase, { absenceFinding: input.finding, absenceFoundOn: input.foundOn, absenceFoundBy: input.foundBy, absenceFindingDocument: input.document });
    return courtCase;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: `absence ${c.absenceFinding}` }));
}
