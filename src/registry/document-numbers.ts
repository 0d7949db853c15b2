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
 * The courts that may list a judgment defaulter (law14a W4): the people's courts (…人民法院: 最高, 高级,
 * 中级, 基层) and the specialised people's courts (专门人民法院, 《人民法院组织法》第十五条), whose names do not
 * end in 人民法院: 军事法院 (中国人民解放军…军事法院), 海事法院 (武汉海事法院), 知识产权法院, 金融法院,
 * 互联网法院, and the railway transport courts (武汉铁路运输法院, 武汉铁路运输中级法院).
 */
const COURT = /(人民法院|军事法院|海事法院|知识产权法院|金融法院|互联网法院|铁路运输(中级)?法院)$/u;

/**
 * The market regulation departments, and their predecessors, the 工商行政管理 authorities (国家工商行政管理
 * 总局, …工商行政管理局), which decided the listings of the list's predecessor, 严重违法失信企业名单 (工商总局令
 * 第83号), before the 2018 institutional reform merged them into 市场监督管理 departments (law14a W4).
 */
const MARKET_REGULATOR = /(市场(监督管理|监管)(总局|局|委员会)|工商行政管理(总局|局))$/u;

/**
 * Which bodies keep each list, so which may list a subject in it and take it off (hostile8 F6):
 * the judgment-defaulter list (失信被执行人名单) is kept by the people's courts (最高人民法院《关于公布失信
 * 被执行人名单信息的若干规定》), the seriously-illegal-and-dishonest list (严重违法失信名单) by the market
 * regulation departments (《市场监督管理严重违法失信名单管理办法》). A removal names the listing body or
 * another body of the same kind (a higher court or department that ordered it); any other body is refused.
 * Neither provision is held (rules/documents/, textHeld false): the keepers are named as this system reads
 * them, unverified against the texts (lawyer23 N5), and 四(一) itself does not say who lists.
 */
export const LIST_KEEPERS: Record<CreditList, { pattern: RegExp; zh: string; en: string; since: string; subjectTypes: string[] }> = {
  [CreditList.JUDGMENT_DEFAULTER]: {
    pattern: COURT,
    zh: '人民法院，名称以“人民法院”结尾（如 湖北省鄂州市中级人民法院），或专门人民法院，名称以“军事法院”“海事法院”“知识产权法院”“金融法院”“互联网法院”“铁路运输法院”“铁路运输中级法院”结尾（如 武汉海事法院、武汉铁路运输中级法院）',
    en: "a people's court, its name ending in 人民法院 (e.g. 湖北省鄂州市中级人民法院), or a specialised people's court, its name ending in 军事法院, 海事法院, 知识产权法院, 金融法院, 互联网法院, 铁路运输法院 or 铁路运输中级法院 (e.g. 武汉海事法院, 武汉铁路运输中级法院)",
    // 最高人民法院《关于公布失信被执行人名单信息的若干规定》(法释〔2013〕17号) took effect on 2013-10-01.
    since: '2013-10-01',
    subjectTypes: ['AGENCY', 'ENTERPRISE', 'CIVIL_SERVANT'],
  },
  [CreditList.SERIOUS_ILLEGAL_DISHONEST]: {
    pattern: MARKET_REGULATOR,
    zh: '市场监督管理部门，名称以“市场监督管理局”“市场监督管理总局”“市场监管局”“市场监督管理委员会”等结尾（如 鄂州市市场监督管理局），或2018年机构改革前作出决定的工商行政管理部门，名称以“工商行政管理局”“工商行政管理总局”结尾（如 鄂州市工商行政管理局）',
    en: 'a market regulation department, its name ending in 市场监督管理局, 市场监督管理总局, 市场监管局 or 市场监督管理委员会 (e.g. 鄂州市市场监督管理局), or, for a decision before the 2018 institutional reform, an administration for industry and commerce, its name ending in 工商行政管理局 or 工商行政管理总局 (e.g. 鄂州市工商行政管理局)',
    // Its predecessor, 严重违法失信企业名单 (工商总局令第83号), took effect on 2016-04-01.
    since: '2016-04-01',
    // Kept of market entities: an agency or a civil servant is never in it.
    subjectTypes: ['ENTERPRISE'],
  },
};

/**
 * The market regulation department that took over a 工商行政管理 authority's listings in the 2018 reform,
 * named as the reform named them (鄂州市工商行政管理局 → 鄂州市市场监督管理局); null for any other body.
 */
export function successorOfRegulator(body: string): string | null {
  const name = normalisedNumber(body);
  if (name.endsWith('工商行政管理总局')) return `${name.slice(0, -'工商行政管理总局'.length)}市场监督管理总局`;
  if (name.endsWith('工商行政管理局')) return `${name.slice(0, -'工商行政管理局'.length)}市场监督管理局`;
  return null;
}

/** Why `body` may not list (or remove from) `list`, or null when it may. */
export function keeperProblem(list: CreditList, body: string, field: 'listedBy' | 'removedBy'): string | null {
  const keeper = LIST_KEEPERS[list];
  if (keeper.pattern.test(normalisedNumber(body))) return null;
  const act = field === 'listedBy' ? ['列入', 'list a subject in'] : ['移出', 'take a subject off'];
  return `“${body}”不能${act[0]}${list}：该名单由${keeper.zh}${act[0]}，请填写其全称。 / "${body}" may not ${act[1]} ${list}: only ${keeper.en} does; give its full name.`;
}
