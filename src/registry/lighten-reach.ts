import type { RuleSet } from '../engine/rule-set';
import type { RecordCategory } from '../domain/credit-record';
import { BadUserInputError } from '../errors';

/**
 * Which of a civil servant's records 三(七)'s lightening (从轻) reaches (lawyer23 R3, lawyer24 W1). 三(七)
 * reads “公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施”:
 * it reaches records of a 政务失信行为. That is the parameter lightenableCategories (for the categories in
 * inOfficeCategories only an act recorded as done in office), kept apart from governmentDishonestyCategories,
 * which answers a different question — which records restrict awards under 三(六) — and leaves out a
 * principal-responsibility finding, a finding on “造成政务失信行为的主要负责人” that 三(七) reaches all the
 * same. A record outside the reach (a personal judgment-default or serious-illegal listing, an act not
 * recorded as done in office) is repaired under outside rules.
 *
 * A refusal never suggests recording another relief (lawyer24 W2): the relief field records the approving
 * body's decision as made; a LIGHTEN that cannot be recorded goes back to the body that decided it.
 */
export interface LightenReach {
  lightenableCategories: readonly RecordCategory[];
  inOfficeCategories: readonly RecordCategory[];
}

/** No reach: only WAIVE is granted (a caller without a rule set, e.g. the demo seed, which never lightens). */
export const WAIVE_ONLY: LightenReach = { lightenableCategories: [], inOfficeCategories: [] };

/** The reach as the parameters in force on `day` set it (the earliest file for a day before them all). */
export function lightenReachOn(ruleSet: RuleSet, day: string): LightenReach {
  const values = (ruleSet.parametersOn(day) ?? ruleSet.parameterSets[0])?.values ?? {};
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as RecordCategory[]) : []);
  return { lightenableCategories: list('lightenableCategories'), inOfficeCategories: list('inOfficeCategories') };
}

/** What every refusal says of where the decision goes: back to its body, never recorded as another relief. */
const RETURN = {
  zh: '本系统只登记三(七)所及范围内的从轻决定，并按批准机关的决定如实登记救济方式，不以其他救济方式代为登记：请将该从轻决定退回作出决定的机关。',
  en: 'Chengxin records a lightening only within 三(七)\'s reach, and records the relief as the approving body decided it, never as another relief: return this lightening to the body that decided it.',
};

/** Refuses (BAD_USER_INPUT, field relief) a LIGHTEN of a civil servant's record 三(七) does not reach. */
export function assertLightenable(record: { category: RecordCategory; inOffice?: boolean | null }, reach: LightenReach): void {
  if (!reach.lightenableCategories.includes(record.category)) {
    throw new BadUserInputError('relief', `从轻（LIGHTEN）不能登记：三(七)“公务员在政务失信行为发生后……可从轻或免于实施失信惩戒措施”只及政务失信行为，而 ${record.category} 类记录不属于参数 lightenableCategories 所列三(七)所及的记录类别。${RETURN.zh} / LIGHTEN (从轻) cannot be recorded: 三(七) lightens “在政务失信行为发生后” (after an act of government dishonesty) only, and a ${record.category} record is not among the categories it reaches (parameter lightenableCategories). ${RETURN.en}`);
  }
  if (reach.inOfficeCategories.includes(record.category) && record.inOffice !== true) {
    const state = record.inOffice === false ? { zh: '登记为非履职行为', en: 'recorded as not done in office' } : { zh: '未登记是否为履职行为', en: 'not recorded as done in office or not' };
    throw new BadUserInputError('relief', `从轻（LIGHTEN）不能登记：三(七)“公务员在政务失信行为发生后……可从轻或免于实施失信惩戒措施”只及政务失信行为，而该 ${record.category} 记录${state.zh}，只有登记为履职行为的才是政务失信行为的记录（参数 inOfficeCategories）。如行为确系履职中发生，请先经异议更正登记 inOffice 为 true，再登记从轻；否则，${RETURN.zh} / LIGHTEN (从轻) cannot be recorded: 三(七) lightens “在政务失信行为发生后” only, and this ${record.category} record is ${state.en}; only one recorded as done in office is a record of government dishonesty (parameter inOfficeCategories). If the act was done in office, first record inOffice true by an objection's correction, then record the LIGHTEN; otherwise: ${RETURN.en}`);
  }
}
