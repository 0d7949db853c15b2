/** Where an objection (异议, 三(七)) stands. */
export enum ObjectionStatus {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
  /**
   * 撤回: the subject withdrew its objection before it was decided (lawyer24 N10). Not a rejection: no
   * review found the record right, so it does not make a later objection renewed (三(七) local choice
   * #6); the stay ends on the withdrawal day, as on a decision. Record objections only.
   */
  WITHDRAWN = 'WITHDRAWN',
}

/** What an upheld objection does to the disputed record. */
export enum ObjectionRemedy {
  /** 更正: the record is corrected; its earlier version stays in its history. */
  CORRECT = 'CORRECT',
  /** 撤销: the record is revoked; it stays, with its history, but counts for nothing. */
  REVOKE = 'REVOKE',
}
