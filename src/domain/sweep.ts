/**
 * Where a sweep stands: running until every chunk of its plan is committed, or until it is
 * cancelled (a run that cannot finish, e.g. its rules changed). One run per matter is RUNNING at a time.
 */
export enum SweepStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  /** A chunk failed after its retries: `failure` says what and how to resume (--resume). */
  FAILED = 'FAILED',
}
