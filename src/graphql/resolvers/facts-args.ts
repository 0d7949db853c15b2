/** The arguments of the facts fields (src/graphql/resolvers/*-facts.resolver.ts), described once. */

export const CREDIT = { description: '信用记录事实 / What the credit records say on the day of asOf (China Standard Time): the facts rules read.' };
export const LISTINGS = { description: '名单事实 / Its list memberships on the day of asOf (失信被执行人名单, 严重违法失信名单).' };
export const HISTORY = { description: '名单历史 / Every listing of this subject, newest first, removed or not (never deleted).' };
// Facts fields are read for every subject of a sweep: their few scalar arguments skip class-validator.
export const AS_OF = { description: 'The moment the facts are about.', validate: false } as const;
export const COUNTS_FOR = {
  nullable: true,
  validate: false,
  description: 'The calendar period a record of each severity counts for from its decision day; absent: with no end. The end of public disclosure (disclosureEndsOn) does not end its effect.',
} as const;
export const TRUSTWORTHY_FOR = {
  nullable: true,
  validate: false,
  description: '守信记录计入期间 / The calendar period a trustworthy (守信) record counts for from its decision day, e.g. "P3Y"; absent: with no end (its disclosure ending does not end it).',
} as const;
export const ACTS_FROM = {
  nullable: true,
  validate: false,
  description: '文件施行之日 / The day the document read took effect: records of acts before it count towards nothing and are listed in notCounted (不溯及既往). Absent: every act counts.',
} as const;
export const BREACHES_FROM = {
  nullable: true,
  validate: false,
  description: '文件施行之日 / The day the document read took effect: a breach whose act (its due day, or its settling day when earlier) lies before it counts towards nothing and is listed in notCounted (不溯及既往). Absent: every breach counts.',
} as const;
export const ABSENCES_FROM = {
  nullable: true,
  validate: false,
  description: '文件施行之日 / The day the document read took effect: an absence whose hearing (or, unrecorded, filing) day lies before it counts towards nothing and is listed in notCounted (不溯及既往). Absent: every absence counts.',
} as const;
export const DISHONESTY_CATEGORIES = {
  nullable: true,
  validate: false,
  description: '所引条款所称的失信类别 / Only dishonesty records of these categories count (the conduct the clause read speaks of); the others are listed in notCounted. Absent: all.',
} as const;
export const IN_OFFICE_CATEGORIES = {
  nullable: true,
  validate: false,
  description: '须为履职行为方计入的类别 / Records of these categories count only when the act is recorded as done in office (inOffice true); the others are listed in notCounted (IN_OFFICE_UNRECORDED, NOT_IN_OFFICE). Absent: no such test.',
} as const;
export const GRAVE_SEVERITIES = {
  nullable: true,
  validate: false,
  description: '视为重大的严重程度 / The severities unrepairedGraveUndisputed counts (a policy parameter). Absent: that count is null.',
} as const;
export const WITHIN = { nullable: true, validate: false, description: '回溯期间，如 "P2Y"；不填则不限 / Only what counts in the calendar period ending on the day, e.g. "P2Y": a breach from the day of its finding (foundOn), a fulfilled commitment from the day it was settled, an absence from court (出庭应诉) from its hearing day (the filing day when none is recorded); absent: all.' } as const;
export const DOMAINS = { nullable: true, validate: false, description: 'Only commitments of these fields (a commitment whose field is not recorded matches none); absent: all. 四(四) speaks of INFRASTRUCTURE, PUBLIC_SERVICE and LIVELIHOOD.' } as const;
export const PUBLICLY_DISCLOSED = { nullable: true, validate: false, description: 'Only commitments disclosed to the public (true) or not (false); one whose disclosure is not recorded matches neither. Absent: all.' } as const;

export const REVIEW_YEAR_STARTS_ON = {
  nullable: true,
  validate: false,
  description: '考核年度起始月日，如 "01-01"（自然年度）；不填则不按考核年度 / The day of the year ("MM-DD") annual reviews start on, e.g. "01-01" for calendar years: only findings (and fulfilments) made in the review period containing the day count, and reviewPeriod names it. Absent: no review period.',
} as const;
export const DISPUTED_FINDINGS_COUNT = {
  nullable: true,
  validate: false,
  description: '异议期间认定是否计入 / Whether a finding against the unit under its pending objection still counts (the parameter findingsCountWhileDisputed, a local choice); absent or false: it does not, and is listed in notCounted (FINDING_DISPUTED). A revoked finding never counts.',
} as const;
