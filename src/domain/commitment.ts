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

/**
 * What the settling body found about a breach (四(四)): only a breach found to come from 履职不力
 * (failure to perform duties) counts against the unit and its responsible person. A lawful change
 * of the promise (依法改变, 四(三): 国家利益、公共利益或其他法定事由) or force majeure does not.
 */
export enum BreachFinding {
  /** 履职不力导致承诺未能实现 */
  DERELICTION = 'DERELICTION',
  /** 因国家利益、公共利益或其他法定事由依法改变承诺 (四(三)) */
  LAWFUL_CHANGE = 'LAWFUL_CHANGE',
  /** 不可抗力 */
  FORCE_MAJEURE = 'FORCE_MAJEURE',
}
