import type { EntityManager } from '@mikro-orm/postgresql';
import { auditIn, withAudit } from '../audit/audit.service';
import { notifyIn } from '../audit/change-notice';
import type { Viewer } from '../auth/role';
import { AuditAction, type AuditEntry } from '../domain/audit';
import { CivilServant, CreditRecord, CreditRecordRevision } from '../db/entities';
import { categoryProblem, RecordCategory, RecordKind, RecordStatus, RevisionAction, type Severity } from '../domain/credit-record';
import { SubjectType } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { normalisedNumber } from '../domain/document-number';
import { assertDateOrder } from './date-order';
import { assertPrincipalOn } from './principal-terms';
import { findSubject } from '../db/repositories/subjects';

export interface CreditRecordFields {
  subjectType: SubjectType;
  subjectId: string;
  kind: RecordKind;
  category: RecordCategory;
  severity?: Severity | null;
  summary: string;
  occurredOn: string;
  recordedOn: string;
  /** The day it was decided (认定/决定之日); absent: the day it was recorded. */
  decidedOn?: string | null;
  disclosureEndsOn?: string | null;
  sourceDepartment: string;
  documentNumber: string;
  loss?: number | null;
  /** Whether the act was done in office (履职行为); civil servants only; absent: not recorded. */
  inOffice?: boolean | null;
}

/**
 * 履职行为 (inOffice) tells a civil servant's own conduct in office from private conduct (lawyer10 W3);
 * an agency or an enterprise has no private conduct to tell apart, so it is refused there.
 */
export function assertInOfficeApplies(record: { subjectType: SubjectType; inOffice?: boolean | null }): void {
  if (record.inOffice != null && record.subjectType !== SubjectType.CIVIL_SERVANT) {
    throw new BadUserInputError('inOffice', `是否为履职行为（inOffice）只登记在公务员名下的记录上，用以区分政务失信与个人信用信息；${record.subjectType}名下的记录请不填此项。 / inOffice (whether the act was done in office) is recorded on civil servants' records only, to tell government dishonesty from personal credit information; leave it out for a ${record.subjectType} record.`);
  }
}

/** Checks the rules a record must satisfy whatever its history: a category of its kind, severity only on dishonesty, dates in order. */
export function assertRecordConsistent(record: Pick<CreditRecordFields, 'subjectType' | 'kind' | 'category' | 'severity' | 'occurredOn' | 'recordedOn' | 'decidedOn' | 'disclosureEndsOn'>): void {
  const mismatch = categoryProblem(record.kind, record.category);
  if (mismatch) throw new BadUserInputError('category', mismatch);
  if (record.category === RecordCategory.PRINCIPAL_RESPONSIBILITY && record.subjectType !== SubjectType.CIVIL_SERVANT) {
    throw new BadUserInputError('category', `PRINCIPAL_RESPONSIBILITY（主要负责人责任认定）只能登记在被认定负有责任的公务员名下，不能登记在${record.subjectType}名下；机关本身的失信行为请用其他类别登记。 / PRINCIPAL_RESPONSIBILITY (a finding that a principal caused an agency's government dishonesty, 三(六)) is entered on the civil servant found responsible, not on a ${record.subjectType}: register it with subjectType CIVIL_SERVANT, and the agency's own act under another category.`);
  }
  if (record.kind === RecordKind.DISHONEST && !record.severity) {
    throw new BadUserInputError('severity', 'is required for a DISHONEST record: MINOR (轻微), GENERAL (一般), MAJOR (较重) or SEVERE (严重).');
  }
  if (record.kind === RecordKind.TRUSTWORTHY && record.severity) {
    throw new BadUserInputError('severity', 'applies only to DISHONEST records; leave it out for a TRUSTWORTHY record.');
  }
  assertDateOrder('occurredOn', record.occurredOn, 'recordedOn', record.recordedOn);
  assertDateOrder('occurredOn', record.occurredOn, 'decidedOn', record.decidedOn);
  assertDateOrder('occurredOn', record.occurredOn, 'disclosureEndsOn', record.disclosureEndsOn);
}

/** The fields of a record as they stand, for its history. */
export function snapshotOf(record: CreditRecord): Record<string, unknown> {
  return {
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    kind: record.kind,
    category: record.category,
    severity: record.severity ?? null,
    summary: record.summary,
    occurredOn: record.occurredOn,
    recordedOn: record.recordedOn,
    decidedOn: record.decidedOn,
    decidedOnEstimated: record.decidedOnEstimated,
    disclosureEndsOn: record.disclosureEndsOn ?? null,
    sourceDepartment: record.sourceDepartment,
    documentNumber: record.documentNumber,
    loss: record.loss ?? null,
    answerableUnconfirmed: record.answerableUnconfirmed,
    inOffice: record.inOffice ?? null,
    status: record.status,
    version: record.version,
  };
}

/** Appends a history entry holding the record's state after `action`. */
export function appendRevision(
  em: EntityManager,
  record: CreditRecord,
  action: RevisionAction,
  reason: string | null,
  causeId: string | null,
): CreditRecordRevision {
  return em.create(CreditRecordRevision, { record, action, version: record.version, reason, causeId, snapshot: snapshotOf(record) });
}

export async function createCreditRecord(em: EntityManager, actor: Viewer, input: CreditRecordFields): Promise<CreditRecord> {
  // A 四(四) file entry rests on a 履职不力 finding that names the person (相关责任人); entered by hand it
  // would rest on none, and nothing would tie it to the commitment.
  if (input.category === RecordCategory.COMMITMENT_DERELICTION) {
    throw new BadUserInputError('category', 'COMMITMENT_DERELICTION（四(四)计入相关责任人诚信档案）只能由认定履职不力的结论产生：请在 settleCommitment 或 recordBreachFinding 中以 answerablePersonIds 列明被认定负有责任的人员。 / COMMITMENT_DERELICTION (四(四), an entry in an answerable person\'s integrity file) is made only by the 履职不力 finding itself: name the persons found answerable in answerablePersonIds of settleCommitment or recordBreachFinding.');
  }
  assertRecordConsistent(input);
  assertInOfficeApplies(input);
  return withAudit(em, actor, AuditAction.CREATE_RECORD, async (tx) => {
    const subject = await findSubject(tx, input.subjectType, input.subjectId, { lock: true });
    if (input.category === RecordCategory.PRINCIPAL_RESPONSIBILITY) await assertPrincipalOn(tx, subject as CivilServant, input.occurredOn);
    await assertNotOnFile(tx, input);
    const record = tx.create(CreditRecord, {
      ...input,
      severity: input.severity ?? null,
      decidedOn: input.decidedOn ?? input.recordedOn,
      // No decision day given: the recorded day stands in, and explanations say it is an estimate.
      decidedOnEstimated: !input.decidedOn,
      disclosureEndsOn: input.disclosureEndsOn ?? null,
      loss: input.loss ?? null,
      inOffice: input.inOffice ?? null,
    });
    appendRevision(tx, record, RevisionAction.CREATED, null, null);
    return record;
  }, (r) => recordCreation(r));
}

/**
 * hostile8 F5: one decision is one record. A record of the same subject, category, decision day and
 * document number (as compared: src/domain/document-number.ts) that is not revoked is the same act
 * entered again, and would count twice; it is refused. The subject's row is locked first, so parallel
 * entries run one after the other; the unique index credit_record_one_per_decision backs the rule.
 */
async function assertNotOnFile(tx: EntityManager, input: CreditRecordFields): Promise<void> {
  const decidedOn = input.decidedOn ?? input.recordedOn;
  const candidates = await tx.find(CreditRecord, {
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    category: input.category,
    decidedOn,
    status: { $ne: RecordStatus.REVOKED },
    duplicateOnFile: false,
  });
  const number = normalisedNumber(input.documentNumber);
  const same = candidates.find((r) => normalisedNumber(r.documentNumber) === number);
  if (same) {
    throw new ConflictError('documentNumber', `该主体已有同一决定的记录（${same.id}：${input.category}，${same.documentNumber}，认定于 ${decidedOn}），同一行为不重复登记；如需更改该记录，请走更正或异议程序。 / this subject already has a record of this decision (${same.id}: ${input.category}, ${same.documentNumber}, decided on ${decidedOn}); one act is entered once. To change that record, correct it or file an objection.`);
  }
}

/** What the audit trail and the change notice say of a new record: about its subject, the record acted on, its kind and category. */
function recordCreation(record: CreditRecord): Omit<AuditEntry, 'action'> {
  return { subjectType: record.subjectType, subjectId: record.subjectId, targetId: record.id, outcome: `${record.kind} ${record.category}` };
}

/**
 * Records, inside another use case's transaction, that it created a record about someone (a 履职不力
 * finding entering the responsible person's file): a CREATE_RECORD event of the same shape as
 * createCreditRecord's, and its change notice to the subject's subscribers, delivered when the
 * transaction commits. An auditor looking up the person then finds the record's creation; the use
 * case's own event stays about what it acted on (the agency's commitment).
 */
export async function auditRecordCreatedIn(tx: EntityManager, actor: Viewer, record: CreditRecord): Promise<void> {
  const entry = { action: AuditAction.CREATE_RECORD, ...recordCreation(record) };
  auditIn(tx, actor, entry);
  await notifyIn(tx, entry);
}
