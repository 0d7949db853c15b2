import type { SubjectType } from './subject';

/** What an audit event records: every evaluation, explanation read, change of data, decision, rule reload and sweep. */
export enum AuditAction {
  EVALUATE = 'EVALUATE',
  RECHECK = 'RECHECK',
  READ_EXPLANATION = 'READ_EXPLANATION',
  REGISTER_SUBJECT = 'REGISTER_SUBJECT',
  UPDATE_SUBJECT = 'UPDATE_SUBJECT',
  CREATE_RECORD = 'CREATE_RECORD',
  FILE_OBJECTION = 'FILE_OBJECTION',
  DECIDE_OBJECTION = 'DECIDE_OBJECTION',
  REQUEST_REPAIR = 'REQUEST_REPAIR',
  DECIDE_REPAIR = 'DECIDE_REPAIR',
  RECORD_COMMITMENT = 'RECORD_COMMITMENT',
  SETTLE_COMMITMENT = 'SETTLE_COMMITMENT',
  RECORD_COURT_CASE = 'RECORD_COURT_CASE',
  UPDATE_COURT_CASE = 'UPDATE_COURT_CASE',
  RELOAD_RULES = 'RELOAD_RULES',
  PREVIEW_RULES = 'PREVIEW_RULES',
  SWEEP = 'SWEEP',
  LIST_SUBJECT = 'LIST_SUBJECT',
  REMOVE_FROM_LIST = 'REMOVE_FROM_LIST',
  /** A court's term recorded or extended on an existing judgment-defaulter listing (old → new). */
  SET_LISTING_TERM = 'SET_LISTING_TERM',
  /** A listing withdrawn as entered in error (lawyer22 W2): it counts on no day. */
  WITHDRAW_LISTING = 'WITHDRAW_LISTING',
  /** A standing listing's details (listing day, number, listing body) corrected as its keeper or the court corrected them (law28). */
  CORRECT_LISTING = 'CORRECT_LISTING',
  /** A unit finding's category, day, body or document corrected as the finding body corrected it (law28 N11). */
  CORRECT_FINDING = 'CORRECT_FINDING',
  /** A finding (四(四)) recorded for a breach settled without one. */
  RECORD_BREACH_FINDING = 'RECORD_BREACH_FINDING',
  /** A commitment's field or public disclosure recorded or corrected. */
  UPDATE_COMMITMENT = 'UPDATE_COMMITMENT',
  /** The approving body states the relief of an approval recorded without one (Migration20261203003000RepairReliefStated). */
  STATE_REPAIR_RELIEF = 'STATE_REPAIR_RELIEF',
  /** A civil servant's personal data read whole (FIELD_READERS `audited`): which fields, once per person per request. */
  READ_PERSONAL_DATA = 'READ_PERSONAL_DATA',
  /** The finding on a head's absence from a hearing (三(八)): excused or not. */
  RECORD_ABSENCE_FINDING = 'RECORD_ABSENCE_FINDING',
  /** An officer confirms (or corrects) an agency's kind, estimated when kinds were introduced (三(六)). */
  CONFIRM_AGENCY_KIND = 'CONFIRM_AGENCY_KIND',
  /** A unit objects to a finding against it (四(四) 履职不力, 三(八) absence without valid reason). */
  FILE_FINDING_OBJECTION = 'FILE_FINDING_OBJECTION',
  /** A unit's objection to a finding decided: upheld (the finding revoked) or rejected. */
  DECIDE_FINDING_OBJECTION = 'DECIDE_FINDING_OBJECTION',
  /** An officer admits a renewed objection (one filed after an earlier one was rejected) on new grounds: from then it suspends (lawyer21 R5). */
  ADMIT_OBJECTION = 'ADMIT_OBJECTION',
  /** An officer admits a unit's renewed objection to a finding on new grounds: from then it suspends the finding (lawyer23 R4). */
  ADMIT_FINDING_OBJECTION = 'ADMIT_FINDING_OBJECTION',
}

/** One event of the audit trail as a use case records it; who acted is added when it is written. */
export interface AuditEntry {
  action: AuditAction;
  subjectType?: SubjectType | null;
  subjectId?: string | null;
  targetId?: string | null;
  outcome: string;
}
