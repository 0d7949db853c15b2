/** The three kinds of public promise of 三(五): service quality, deadline and guarantee. */
export enum CommitmentKind {
  SERVICE_QUALITY = 'SERVICE_QUALITY',
  DEADLINE = 'DEADLINE',
  GUARANTEE = 'GUARANTEE',
}

/** Where a commitment (承诺) stands. */
export enum CommitmentStatus {
  PENDING = 'PENDING',
  FULFILLED = 'FULFILLED',
  BREACHED = 'BREACHED',
}
