/** Whether a credit record (信用记录) tells of dishonesty or of trustworthiness. */
export enum RecordKind {
  /** 失信 */
  DISHONEST = 'DISHONEST',
  /** 守信 */
  TRUSTWORTHY = 'TRUSTWORTHY',
}

/** What a credit record is about. */
export enum RecordCategory {
  /** 违约毁约 */
  BREACH_OF_CONTRACT = 'BREACH_OF_CONTRACT',
  /** 失信被执行人 */
  JUDGMENT_DEFAULTER = 'JUDGMENT_DEFAULTER',
  /** 承诺未兑现 */
  UNFULFILLED_COMMITMENT = 'UNFULFILLED_COMMITMENT',
  /** 未出庭应诉 */
  FAILURE_TO_APPEAR = 'FAILURE_TO_APPEAR',
  /** 严重违法失信 */
  SERIOUS_ILLEGAL_DISHONEST = 'SERIOUS_ILLEGAL_DISHONEST',
  /** 行政违法违规 */
  ADMINISTRATIVE_VIOLATION = 'ADMINISTRATIVE_VIOLATION',
  /** 表彰奖励 (trustworthy) */
  COMMENDATION = 'COMMENDATION',
  /** 践诺履约 (trustworthy) */
  COMMITMENT_HONOURED = 'COMMITMENT_HONOURED',
}

/**
 * How grave a dishonesty record is: 轻微 / 一般 / 较重 / 严重. MINOR is the national tier of minor
 * dishonesty (disclosed at most 3 months); without it a minor act could only be entered as GENERAL
 * and count a year.
 */
export enum Severity {
  MINOR = 'MINOR',
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
  SEVERE = 'SEVERE',
}

/** Where a record stands. A record is never deleted: revocation is a status with history. */
export enum RecordStatus {
  /** In force. */
  ACTIVE = 'ACTIVE',
  /** An objection (异议) is pending; the record is marked disputed until it is decided. */
  DISPUTED = 'DISPUTED',
  /** Withdrawn after an upheld objection; kept with its history, counts for nothing. */
  REVOKED = 'REVOKED',
}

/** What happened to a record in one entry of its history. */
export enum RevisionAction {
  CREATED = 'CREATED',
  DISPUTED = 'DISPUTED',
  DISPUTE_REJECTED = 'DISPUTE_REJECTED',
  CORRECTED = 'CORRECTED',
  REVOKED = 'REVOKED',
  REPAIRED = 'REPAIRED',
}

/**
 * The largest loss a record holds, in yuan: the column is numeric(16,2), so 14 digits before the
 * point. A larger figure is refused as input rather than failing in the database.
 */
export const MAX_LOSS = 99_999_999_999_999.99;
