import type { RuleSet } from '../engine/rule-set';
import type { RecordCategory } from '../domain/credit-record';
import { BadUserInputError } from '../errors';

/**
 * lawyer23 R3: which of a civil servant's records 三(七)'s lightening (从轻) reaches. 三(七) reads
 * “公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施”:
 * it lightens for 政务失信行为 only. Which records are government dishonesty is the parameters'
 * reading of 三(六), the same the rules apply (governmentDishonestyCategories; for the categories in
 * inOfficeCategories only an act recorded as done in office): one reading, not a second list here. A
 * record outside it (a personal judgment-default or serious-illegal listing, an act not recorded as
 * done in office) is personal credit information, repaired under outside rules as an agency's is: an
 * approval WAIVEs it (ends its effect), and the approving body's decision stays its own.
 */
export interface LightenReach {
  governmentDishonestyCategories: readonly RecordCategory[];
  inOfficeCategories: readonly RecordCategory[];
}

/** No reach: only WAIVE is granted (a caller without a rule set, e.g. the demo seed, which never lightens). */
export const WAIVE_ONLY: LightenReach = { governmentDishonestyCategories: [], inOfficeCategories: [] };

/** The reach as the parameters in force on `day` set it (the earliest file for a day before them all). */
export function lightenReachOn(ruleSet: RuleSet, day: string): LightenReach {
  const values = (ruleSet.parametersOn(day) ?? ruleSet.parameterSets[0])?.values ?? {};
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as RecordCategory[]) : []);
  return { governmentDishonestyCategories: list('governmentDishonestyCategories'), inOfficeCategories: list('inOfficeCategories') };
}

/** Refuses (BAD_USER_INPUT, field relief) a LIGHTEN of a civil servant's record that is not government dishonesty. */
export function assertLightenable(record: { category: RecordCategory; inOffice?: boolean | null }, reach: LightenReach): void {
  if (!reach.governmentDishonestyCategories.includes(record.category)) {
    throw new BadUserInputError('relief', `从轻（LIGHTEN）只适用于政务失信行为：三(七)“公务员在政务失信行为发生后……可从轻或免于实施失信惩戒措施”，而 ${record.category} 类记录不属于参数 governmentDishonestyCategories 所列的政务失信记录（属三(四)所称个人相关信用信息）。此类记录的信用修复依其他规定办理：请以 WAIVE（免于）批准或写明，或驳回。 / LIGHTEN (从轻) is for government dishonesty only: 三(七) lightens “在政务失信行为发生后” (after an act of government dishonesty), and a ${record.category} record is not among the government-dishonesty categories of the parameter governmentDishonestyCategories (it is personal credit information, 三(四)). Its repair follows other rules: approve or state the relief as WAIVE, or reject it.`);
  }
  if (reach.inOfficeCategories.includes(record.category) && record.inOffice !== true) {
    const state = record.inOffice === false ? { zh: '登记为非履职行为', en: 'recorded as not done in office' } : { zh: '未登记是否为履职行为', en: 'not recorded as done in office or not' };
    throw new BadUserInputError('relief', `从轻（LIGHTEN）只适用于政务失信行为：三(七)“公务员在政务失信行为发生后……可从轻或免于实施失信惩戒措施”，而该 ${record.category} 记录${state.zh}，只有登记为履职行为的才是政务失信记录（参数 inOfficeCategories）。如行为确系履职中发生，请先经异议更正登记 inOffice 为 true，再批准从轻；否则请以 WAIVE（免于）批准或写明，或驳回。 / LIGHTEN (从轻) is for government dishonesty only: 三(七) lightens “在政务失信行为发生后”, and this ${record.category} record is ${state.en}; only one recorded as done in office is a government-dishonesty record (parameter inOfficeCategories). If the act was done in office, first record inOffice true by an objection's correction, then approve LIGHTEN; otherwise approve or state the relief as WAIVE, or reject it.`);
  }
}
