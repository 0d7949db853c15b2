import { RecordCategory, RecordKind, RecordStatus, Severity } from './credit-record';
import { RepairRelief, RepairStatus } from './credit-repair';
import { ObjectionRemedy, ObjectionStatus } from './objection';

/**
 * What the credit facts are read from (credit-facts.ts): a subject's records, and each record's
 * repairs and objections, as plain data — rows from the database, the rules' own cases, tests.
 */
/** A credit record as the facts read it. */
export interface RecordLike {
  id: string;
  kind: RecordKind;
  category: RecordCategory;
  severity?: Severity | null;
  status: RecordStatus;
  occurredOn: string;
  recordedOn: string;
  /** The day the record was decided (认定/决定之日): periods count from it. */
  decidedOn: string;
  /** decidedOn was not registered but estimated (the recorded day stands in for it). */
  decidedOnEstimated?: boolean | null;
  disclosureEndsOn?: string | null;
  documentNumber: string;
  sourceDepartment: string;
  loss?: number | string | null;
  /** A 四(四) entry carried over from a named responsible person, never confirmed by a finding naming them: counts towards nothing. */
  answerableUnconfirmed?: boolean | null;
  /** Whether the act was done in office (履职行为); null: nobody recorded it. */
  inOffice?: boolean | null;
  /** A second entry of a decision already on file: counts towards nothing (one act counts once). */
  duplicateOnFile?: boolean | null;
}

/** A credit repair (信用修复) of a record as the facts read it. */
export interface RepairLike {
  status: RepairStatus;
  decidedOn?: string | null;
  /** Absent on repairs decided before reliefs were told apart: those waived. */
  relief?: RepairRelief | null;
  /** False on civil servants' approvals stored before the relief was required (R6): the relief is unconfirmed. */
  reliefStated?: boolean;
  /** The day the approving body stated the relief after an approval recorded without one. */
  reliefStatedOn?: string | null;
}

/** An objection (to a record, or to the finding it rests on) as the facts read it. */
export interface ObjectionLike {
  status: ObjectionStatus;
  filedOn: string;
  resolvedOn?: string | null;
  /** What an upheld objection did to the record: corrected or revoked it (read for a listing's record, list-membership.ts). */
  remedy?: ObjectionRemedy | null;
  /** Filed after an earlier objection to the record was rejected: suspends nothing until admitted (lawyer21 R5). */
  renewed?: boolean | null;
  /** The day an officer admitted a renewed objection on new grounds. */
  admittedOn?: string | null;
}
