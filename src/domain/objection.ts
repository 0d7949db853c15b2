/** Where an objection (异议, 三(七)) stands. */
export enum ObjectionStatus {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
}

/** What an upheld objection does to the disputed record. */
export enum ObjectionRemedy {
  /** 更正: the record is corrected; its earlier version stays in its history. */
  CORRECT = 'CORRECT',
  /** 撤销: the record is revoked; it stays, with its history, but counts for nothing. */
  REVOKE = 'REVOKE',
}
