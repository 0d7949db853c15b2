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
 * A breach with no finding (null: breaches settled before findings were recorded) is unreviewed
 * (未认定): it counts for nothing until a finding is recorded (recordBreachFinding).
 */
export enum BreachFinding {
  /** 履职不力导致承诺未能实现 */
  DERELICTION = 'DERELICTION',
  /** 因国家利益、公共利益或其他法定事由依法改变承诺 (四(三)) */
  LAWFUL_CHANGE = 'LAWFUL_CHANGE',
  /** 不可抗力 */
  FORCE_MAJEURE = 'FORCE_MAJEURE',
}

/**
 * What field a commitment's project or work belongs to. 四(四) speaks of "向社会公开的基础设施类、
 * 公共服务类、民生保障类项目和工作" only: the first three values are its words; OTHER is any other
 * field (e.g. a commitment of investment promotion, 四(三)).
 */
export enum CommitmentDomain {
  /** 基础设施类 */
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  /** 公共服务类 */
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  /** 民生保障类 */
  LIVELIHOOD = 'LIVELIHOOD',
  /** 其他 */
  OTHER = 'OTHER',
}

export interface ClassifiedCommitment {
  domain?: CommitmentDomain | null;
  publiclyDisclosed?: boolean | null;
}

/**
 * Is the commitment one 四(四) speaks of — a project or work in its three fields, disclosed to the
 * public (向社会公开)? Only then does a 履职不力 finding enter the responsible person's integrity
 * file (并计入相关责任人诚信档案). Unknown (not yet recorded) is not: nobody has found it one.
 * The rules select the same commitments in their facts queries (rules/facts/civil-servant.graphql).
 */
export function coveredBy44(c: ClassifiedCommitment): boolean {
  return c.publiclyDisclosed === true && !!c.domain && c.domain !== CommitmentDomain.OTHER;
}
