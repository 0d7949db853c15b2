import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { PERMISSIONS, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { BreachFinding } from '../domain/commitment';
import { AbsenceFinding } from '../domain/court-absence';
import { appearanceDay } from '../domain/court-facts';
import { chinaDate } from '../domain/day';
import { UnitFindingKind } from '../domain/finding-objection';
import { ObjectionStatus } from '../domain/objection';
import { RecordStatus, RevisionAction } from '../domain/credit-record';
import { SubjectType } from '../domain/subject';
import { AuditEvent, Commitment, CourtCase, CreditRecord, CreditRecordRevision, FindingObjection } from '../db/entities';
import { findOrFail } from '../db/repositories/lookup';
import { runSql } from '../db/repositories/sql';
import { BadUserInputError, ConflictError } from '../errors';
import { assertDateOrder } from './date-order';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

export interface FindingCorrectionFields {
  kind: UnitFindingKind;
  /** The commitment (COMMITMENT_DERELICTION) or the court case (COURT_ABSENCE) the finding is on. */
  targetId: string;
  breachFinding?: BreachFinding | null;
  absenceFinding?: AbsenceFinding | null;
  foundOn?: string | null;
  foundBy?: string | null;
  document?: string | null;
  reason: string;
}

/** Who enters a correction that reaches back over past days: the second persons of those who record findings (ADMIN). */
export const PAST_FINDING_CORRECTORS = secondPersonsFor(PERMISSIONS.writeRegistry);

/** One finding as the correction reads and writes it, whichever row holds it. */
interface FindingSlot {
  row: Commitment | CourtCase;
  what: { zh: string; en: string };
  category: string;
  foundOn: string;
  foundBy: string | null;
  document: string | null;
  /** The first day the finding may be dated (the settlement day, the hearing or filing day), and its field's name. */
  notBefore: { day: string; field: string };
  /** The audit actions that record the finding: when it reached the registry and who entered it. */
  recordedBy: AuditAction[];
  write: (next: { category: string; foundOn: string; foundBy: string | null; document: string | null }) => void;
  fields: readonly string[];
}

/**
 * law28 N11: corrects a unit finding — the 履职不力 finding on a breached commitment (四(四)) or the finding
 * on a head's absence from a hearing (三(八)) — where the finding body corrected it: a wrong category,
 * day, body or document. Until now a finding could only be revoked (an objection upheld) or stand. A
 * revoked finding is not corrected (it counts on no day); a commitment finding that entered answerable
 * persons' integrity files is not corrected here (their entries carry its category, day, body and number:
 * each is corrected through an objection to the entry, the finding through an objection to it). The
 * finding counts from its day (commitment-facts.ts, court-absence.ts), so on a finding on record before
 * today a correction reaching a day before today — a moved day from the earlier of the two days, a
 * category, body or document from the finding day — takes a second person (ADMIN, past-days.ts).
 * Audited CORRECT_FINDING old → new with the reason; verdicts resting on it go stale.
 */
export async function correctFinding(em: EntityManager, actor: Viewer, input: FindingCorrectionFields): Promise<Commitment | CourtCase> {
  const targetField = input.kind === UnitFindingKind.COMMITMENT_DERELICTION ? 'commitmentId' : 'courtCaseId';
  if (input.breachFinding == null && input.absenceFinding == null && input.foundOn == null && input.foundBy == null && input.document == null) {
    throw new BadUserInputError('input', '未给出要更正的内容：请填写更正后的认定类别、认定日期、认定机关或认定文书。 / nothing to correct: give the corrected category, foundOn, foundBy or document.');
  }
  if (input.kind === UnitFindingKind.COMMITMENT_DERELICTION && input.absenceFinding != null) {
    throw new BadUserInputError('absenceFinding', '承诺认定的类别以 breachFinding 更正。 / a commitment finding\'s category is corrected with breachFinding.');
  }
  if (input.kind === UnitFindingKind.COURT_ABSENCE && input.breachFinding != null) {
    throw new BadUserInputError('breachFinding', '出庭认定的类别以 absenceFinding 更正。 / an absence finding\'s category is corrected with absenceFinding.');
  }
  let agencyId = '';
  return withAudit(em, actor, AuditAction.CORRECT_FINDING, async (tx, correction) => {
    const slot = input.kind === UnitFindingKind.COMMITMENT_DERELICTION ? await commitmentSlot(tx, input.targetId, targetField) : await courtCaseSlot(tx, input.targetId, targetField);
    agencyId = (slot.row as { agency: { id: string } }).agency.id;
    const upheld = await tx.findOne(FindingObjection, { [input.kind === UnitFindingKind.COMMITMENT_DERELICTION ? 'commitment' : 'courtCase']: slot.row.id, status: ObjectionStatus.UPHELD } as never);
    if (upheld) {
      throw new ConflictError(targetField, `${slot.what.zh}的认定已因异议成立而撤销（${upheld.resolvedOn}），在任何一天都不计入，不再更正。 / the finding on ${slot.what.en} was revoked when an objection to it was upheld (${upheld.resolvedOn}); it counts on no day and is not corrected.`);
    }
    const next = {
      category: input.breachFinding ?? input.absenceFinding ?? slot.category,
      foundOn: input.foundOn ?? slot.foundOn,
      foundBy: input.foundBy ?? slot.foundBy,
      document: input.document ?? slot.document,
    };
    if (next.category === slot.category && next.foundOn === slot.foundOn && next.foundBy === slot.foundBy && next.document === slot.document) {
      throw new BadUserInputError('input', `更正后的内容与登记的认定相同（${slot.category}，${slot.foundOn}），未作任何更改。 / the corrected finding is the one recorded (${slot.category}, ${slot.foundOn}); nothing was changed.`);
    }
    assertDateOrder(slot.notBefore.field, slot.notBefore.day, 'foundOn', next.foundOn);
    // Who entered it: the first event that recorded it, refusals (also audited) aside.
    const events = await tx.find(AuditEvent, { action: { $in: slot.recordedBy }, targetId: slot.row.id }, { orderBy: { createdAt: 'asc' } });
    const recorded = events.find((e) => !e.outcome.startsWith('refused'));
    const moved = next.foundOn !== slot.foundOn;
    const field = moved ? 'foundOn' : next.category !== slot.category ? (input.kind === UnitFindingKind.COMMITMENT_DERELICTION ? 'breachFinding' : 'absenceFinding') : next.foundBy !== slot.foundBy ? 'foundBy' : 'document';
    const from = moved ? [slot.foundOn, next.foundOn].sort()[0] : slot.foundOn;
    const allowed = PAST_FINDING_CORRECTORS;
    // As for a court case's own days (court-case-past-days.ts): the row's arrival bounds the finding's.
    // A finding entered today on a row of an earlier day is taken as on record before today too —
    // the stricter reading, as the trail's event times are the server's and a test cannot set them.
    const onRecordSince = slot.row.createdAt;
    const enteredBy = recorded && recorded.actor !== 'system' && recorded.actor !== 'public' ? recorded.actor : null;
    assertMayRewritePastDays(actor, { from, onRecordSince, enteredBy }, {
      allowed,
      field,
      row: { zh: `${slot.what.zh}的认定`, en: `The finding on ${slot.what.en}` },
      zh: `${slot.what.zh}的认定（${slot.category}，${slot.foundOn} 作出，${chinaDate(onRecordSince)} 登记）自认定之日起计入以往各期考核；此次更正（${field}）将改写自 ${from} 起以往各日的评估和复核所读的认定，须由第二人（${zhRoles(allowed)}）录入。请将认定机关的更正决定交 ${zhRoles(allowed)} 录入。`,
      en: `the finding on ${slot.what.en} (${slot.category}, found on ${slot.foundOn}, on record since ${chinaDate(onRecordSince)}) has counted from its day in past reviews; this correction (${field}) would rewrite the finding that past as-of evaluations and rechecks read from ${from} on. Entering it takes a second person: one of ${enRoles(allowed)}. Hand the finding body's correction to ${enRoles(allowed)}.`,
    });
    // The absence finding's once-only trigger lets this transaction's audited correction through (Migration20270105000000).
    if (input.kind === UnitFindingKind.COURT_ABSENCE) await runSql(tx, `select set_config('chengxin.correcting_finding', 'on', true)`, []);
    correction.of(slot.row as never, slot.fields as never);
    slot.write(next);
    return slot.row;
  }, (row, corrected) => ({
    subjectType: SubjectType.AGENCY, subjectId: agencyId, targetId: row.id,
    outcome: `corrected ${input.kind} finding: ${corrected?.outcome ?? ''}; reason: ${input.reason}`.slice(0, 1000),
    findingOn: input.kind === UnitFindingKind.COMMITMENT_DERELICTION ? 'Commitment' : 'CourtCase',
  }));
}

async function commitmentSlot(tx: EntityManager, id: string, targetField: string): Promise<FindingSlot> {
  const c = await findOrFail(tx, Commitment, 'commitment', id, targetField, { lock: true });
  if (!c.breachFinding || !c.settledOn) {
    throw new ConflictError(targetField, `承诺 ${c.id} 尚无认定可更正；未认定的违约以 recordBreachFinding 补录认定。 / commitment ${c.id} has no finding to correct; a breach settled without one gets it with recordBreachFinding.`);
  }
  const made = await tx.find(CreditRecordRevision, { action: RevisionAction.CREATED, causeId: c.id }, { fields: ['record'] });
  const standing = made.length ? await tx.count(CreditRecord, { id: { $in: made.map((r) => r.record.id) }, status: { $ne: RecordStatus.REVOKED } }) : 0;
  if (standing) {
    throw new ConflictError(targetField, `该认定已将 ${standing} 名相关责任人计入诚信档案，其记录载有认定的类别、日期、机关和文书，不在此更正：认定有误的，请对认定提出异议（fileFindingObjection），对各人的记录提出异议。 / the finding entered ${standing} answerable person(s) in their integrity files, whose records carry its category, day, body and document; it is not corrected here: if it is wrong, file an objection to the finding (fileFindingObjection) and to each person's record.`);
  }
  return {
    row: c,
    what: { zh: `承诺“${c.content}”`, en: `the commitment "${c.content}"` },
    category: c.breachFinding,
    foundOn: c.breachFoundOn ?? c.settledOn,
    foundBy: c.breachFoundBy ?? null,
    document: c.breachFindingDocument ?? null,
    notBefore: { day: c.settledOn, field: 'settledOn' },
    recordedBy: [AuditAction.SETTLE_COMMITMENT, AuditAction.RECORD_BREACH_FINDING, AuditAction.CORRECT_FINDING],
    fields: ['breachFinding', 'breachFoundOn', 'breachFoundBy', 'breachFindingDocument'],
    write: (n) => Object.assign(c, { breachFinding: n.category as BreachFinding, breachFoundOn: n.foundOn, breachFoundBy: n.foundBy, breachFindingDocument: n.document }),
  };
}

async function courtCaseSlot(tx: EntityManager, id: string, targetField: string): Promise<FindingSlot> {
  const c = await findOrFail(tx, CourtCase, 'court case', id, targetField, { lock: true });
  if (!c.absenceFinding || !c.absenceFoundOn) {
    throw new ConflictError(targetField, `案件 ${c.caseNumber} 尚无出庭认定可更正；以 recordAbsenceFinding 登记认定。 / case ${c.caseNumber} has no absence finding to correct; record one with recordAbsenceFinding.`);
  }
  return {
    row: c,
    what: { zh: `案件 ${c.caseNumber}`, en: `case ${c.caseNumber}` },
    category: c.absenceFinding,
    foundOn: c.absenceFoundOn,
    foundBy: c.absenceFoundBy ?? null,
    document: c.absenceFindingDocument ?? null,
    notBefore: { day: appearanceDay(c), field: c.hearingOn ? 'hearingOn' : 'filedOn' },
    recordedBy: [AuditAction.RECORD_ABSENCE_FINDING, AuditAction.CORRECT_FINDING],
    fields: ['absenceFinding', 'absenceFoundOn', 'absenceFoundBy', 'absenceFindingDocument'],
    write: (n) => Object.assign(c, { absenceFinding: n.category as AbsenceFinding, absenceFoundOn: n.foundOn, absenceFoundBy: n.foundBy, absenceFindingDocument: n.document }),
  };
}
