/** Where a sweep stands: running until every chunk of its plan is committed. */
export enum SweepStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
}
