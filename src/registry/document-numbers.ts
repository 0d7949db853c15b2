import { normalisedNumber } from '../domain/document-number';
import { CreditList } from '../domain/list-membership';

export { normalisedNumber };

/**
 * A plausible 案号 or 文号: a four-digit year in brackets and a number ending in 号, e.g.
 * (2024)鄂07执88号, 鄂州市监〔2024〕7号, (2024)鄂07执88号之一. "无" or "x" is not a decision's number.
 */
const DOCUMENT_NUMBER = /[(\[〔【]((19|20)\d{2})[)\]〕】].*\d+号(之[一二三四五六七八九十]+)?$/u;

export function documentNumberProblem(value: string): string | null {
  if (DOCUMENT_NUMBER.test(normalisedNumber(value))) return null;
  return `"${value}" 不是案号或文号的格式：应含括号中的四位年份并以“号”结尾，如 (2024)鄂07执88号、鄂州市监〔2024〕7号。 / "${value}" does not have the form of a case or document number: a four-digit year in brackets and a number ending in 号, e.g. (2024)鄂07执88号 or 鄂州市监〔2024〕7号.`;
}

/**
 * Which bodies keep each list, so which may list a subject in it and take it off (hostile8 F6):
 * the judgment-defaulter list (失信被执行人名单) is kept by the people's courts (最高人民法院《关于公布失信
 * 被执行人名单信息的若干规定》), the seriously-illegal-and-dishonest list (严重违法失信名单) by the market
 * regulation departments (《市场监督管理严重违法失信名单管理办法》). A removal names the listing body or
 * another body of the same kind (a higher court or department that ordered it); any other body is refused.
 */
export const LIST_KEEPERS: Record<CreditList, { pattern: RegExp; zh: string; en: string; since: string; subjectTypes: string[] }> = {
  [CreditList.JUDGMENT_DEFAULTER]: {
    pattern: /人民法院$/u,
    zh: '人民法院（如 湖北省鄂州市中级人民法院）',
    en: "a people's court (e.g. 湖北省鄂州市中级人民法院)",
    // 最高人民法院《关于公布失信被执行人名单信息的若干规定》(法释〔2013〕17号) took effect on 2013-10-01.
    since: '2013-10-01',
    subjectTypes: ['AGENCY', 'ENTERPRISE', 'CIVIL_SERVANT'],
  },
  [CreditList.SERIOUS_ILLEGAL_DISHONEST]: {
    pattern: /市场(监督管理|监管)(总局|局|委员会)$/u,
    zh: '市场监督管理部门（如 鄂州市市场监督管理局）',
    en: 'a market regulation department (e.g. 鄂州市市场监督管理局)',
    // Its predecessor, 严重违法失信企业名单 (工商总局令第83号), took effect on 2016-04-01.
    since: '2016-04-01',
    // Kept of market entities: an agency or a civil servant is never in it.
    subjectTypes: ['ENTERPRISE'],
  },
};

/** Why `body` may not list (or remove from) `list`, or null when it may. */
export function keeperProblem(list: CreditList, body: string, field: 'listedBy' | 'removedBy'): string | null {
  const keeper = LIST_KEEPERS[list];
  if (keeper.pattern.test(normalisedNumber(body))) return null;
  const act = field === 'listedBy' ? ['列入', 'list a subject in'] : ['移出', 'take a subject off'];
  return `“${body}”不能${act[0]}${list}：该名单由${keeper.zh}${act[0]}，请填写其全称。 / "${body}" may not ${act[1]} ${list}: only ${keeper.en} does; give its full name.`;
}
