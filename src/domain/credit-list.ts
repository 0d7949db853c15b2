/** The lists a subject can be entered in, and how a listing ends: shared by the listing facts and the notes they build. */
/** The national dishonesty lists a subject can be entered in. */
export enum CreditList {
  /** 失信被执行人名单 (courts) */
  JUDGMENT_DEFAULTER = 'JUDGMENT_DEFAULTER',
  /** 严重违法失信名单 (market regulators) */
  SERIOUS_ILLEGAL_DISHONEST = 'SERIOUS_ILLEGAL_DISHONEST',
}

/** Why a listing stopped holding on a day, if it did. */
export enum ListingEnd {
  /** Taken off the list (移出名单) on or before the day. */
  REMOVED = 'REMOVED',
  /**
   * The credit record behind a judgment-defaulter listing had an approved repair by the day. Never
   * ends a seriously-illegal-and-dishonest listing: only the listing authority takes an enterprise off
   * that list (see listFacts).
   */
  REPAIRED = 'REPAIRED',
  /** A judgment-defaulter listing whose recorded term (termEndsOn) ended before the day (法释〔2017〕7号 art. 2). */
  TERM_ENDED = 'TERM_ENDED',
}
