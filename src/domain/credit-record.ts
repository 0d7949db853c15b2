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
  /**
   * 主要负责人责任认定: a finding that this civil servant, as principal (主要负责人), caused an agency's
   * government dishonesty (三(六) “对造成政务失信行为的主要负责人”). Entered on the person, so it follows
   * them when they leave office or the agency; tenure alone is never such a finding.
   */
  PRINCIPAL_RESPONSIBILITY = 'PRINCIPAL_RESPONSIBILITY',
  /**
   * 履职不力致承诺未能实现、计入相关责任人诚信档案 (四(四)): the entry a 履职不力 finding on a public
   * commitment makes in the file of each person it names as answerable (相关责任人). Only that finding
   * creates it (settleCommitment / recordBreachFinding, answerablePersonIds). 四(四) says what it is for —
   * 作为领导干部提拔考核重要内容 — so it is its own category, which the parameters place per reading: it
   * IS a 政务失信记录 (governmentDishonestyCategories: 履职不力 on a public commitment is dishonesty done in
   * office), so cs-award-restrict restricts awards on it under 三(六) and 三(七)'s relief applies; it is
   * not counted again by the general rules citing 三(四) (personalCreditCategories leaves it out: in
   * promotion it is weighed once, by cs-cadre-breached-commitment or cs-promotion-commitment-finding).
   * lawyer23 N1: this comment used to say the opposite of the parameters.
   */
  COMMITMENT_DERELICTION = 'COMMITMENT_DERELICTION',
  /** 表彰奖励 (trustworthy) */
  COMMENDATION = 'COMMENDATION',
  /** 践诺履约 (trustworthy) */
  COMMITMENT_HONOURED = 'COMMITMENT_HONOURED',
}

/**
 * How grave a dishonesty record is: 轻微 / 一般 / 较重 / 严重. MINOR follows a minor tier taken from
 * national disclosure practice (disclosed at most 3 months) — unverified, no national text is held
 * (lawyer23 N2, parameters note); without it a minor act could only be entered as GENERAL and count a year.
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
  /** The subject withdrew its objection (撤回); the record is in force again, as after a rejection. */
  DISPUTE_WITHDRAWN = 'DISPUTE_WITHDRAWN',
  CORRECTED = 'CORRECTED',
  REVOKED = 'REVOKED',
  REPAIRED = 'REPAIRED',
}

/**
 * The largest loss a record takes, in yuan. The column is numeric(16,2) (14 digits before the point),
 * but `loss` arrives as a GraphQL Float, a double: a decimal of at most 15 significant digits comes
 * back from a double as written (DBL_DIG), one of 16 need not — 99999999999999.99 arrived as
 * …99.98 and was stored so, silently (hostile29 F6). With two decimals that leaves 13 digits before
 * the point. A larger figure is refused as input rather than stored as another amount.
 */
export const MAX_LOSS = 9_999_999_999_999.99;

/**
 * The categories each kind of record may carry — the one place this is decided. A DISHONEST record
 * tagged COMMENDATION, or a TRUSTWORTHY one tagged JUDGMENT_DEFAULTER, would count on the wrong side.
 */
export const CATEGORIES_OF_KIND: Readonly<Record<RecordKind, readonly RecordCategory[]>> = {
  [RecordKind.DISHONEST]: [
    RecordCategory.BREACH_OF_CONTRACT,
    RecordCategory.JUDGMENT_DEFAULTER,
    RecordCategory.UNFULFILLED_COMMITMENT,
    RecordCategory.FAILURE_TO_APPEAR,
    RecordCategory.SERIOUS_ILLEGAL_DISHONEST,
    RecordCategory.ADMINISTRATIVE_VIOLATION,
    RecordCategory.PRINCIPAL_RESPONSIBILITY,
    RecordCategory.COMMITMENT_DERELICTION,
  ],
  [RecordKind.TRUSTWORTHY]: [RecordCategory.COMMENDATION, RecordCategory.COMMITMENT_HONOURED],
};

/** Why `category` cannot go with `kind`, in Chinese and English, or null when it can. */
export function categoryProblem(kind: RecordKind, category: RecordCategory): string | null {
  const allowed = CATEGORIES_OF_KIND[kind];
  if (!allowed || allowed.includes(category)) return null;
  const label = kind === RecordKind.DISHONEST ? '失信' : '守信';
  return `${category} 不是${label}（${kind}）记录的类别，可选：${allowed.join('、')}。 `
    + `${category} is not a category of a ${kind} record; use one of ${allowed.join(', ')}.`;
}

/**
 * Why a loss cannot be stored as sent, or null. The column keeps two decimals (fen): 0.001 would be
 * stored as 0.00 while the answer and the history said 0.001, and 999999.995 would round up across
 * a threshold. The shortest decimal form of the number is what the client wrote.
 */
export function lossDecimalsProblem(loss: number): string | null {
  const written = String(loss);
  const decimals = /e/i.test(written) ? Infinity : (written.split('.')[1] ?? '').length;
  if (decimals <= 2) return null;
  return `损失金额最多两位小数（精确到分），收到 ${written}；请按分填写。 `
    + `loss has at most two decimals (fen); got ${written}. Send the amount rounded to the fen.`;
}
