import { CaseKind } from './court-facts';
import { normalisedNumber } from './document-number';

/**
 * What a case number (案号) says of its case's kind. Under 最高人民法院《关于人民法院案件案号的若干规定》
 * a number is （收案年度）法院代字 + 类型代字 + 案件编号 + 号, e.g. (2025)鄂07行初917号, and every 类型代字 of
 * an administrative case starts with 行 (行初, 行终, 行再, 行申, 行赔初 …); no other kind's does (民初,
 * 刑初, 执, 执异 …). The court's own code (鄂07, 鄂0702) is letters and digits, so the first character
 * after it is the type's. Null when the number does not have that form (older or foreign numbers):
 * then the registered kind stands alone.
 */
export function kindNamedByNumber(caseNumber: string): 'ADMINISTRATIVE' | 'NOT_ADMINISTRATIVE' | null {
  const match = /^[(]\d{4}[)][^\d行民刑执赔]*\d*([^\d\s])/u.exec(normalisedNumber(caseNumber));
  if (!match) return null;
  return match[1] === '行' ? 'ADMINISTRATIVE' : 'NOT_ADMINISTRATIVE';
}

/** A problem when the registered kind contradicts the number's 类型代字 (hostile17 F6), or null. */
export function kindContradictsNumber(caseNumber: string, kind: CaseKind): string | null {
  if (kindNamedByNumber(caseNumber) !== 'ADMINISTRATIVE' || kind === CaseKind.ADMINISTRATIVE) return null;
  return `案号 ${caseNumber} 的类型代字以“行”开头，是行政案件，案件类型只能是 ADMINISTRATIVE（行政诉讼）；若案号登记有误，请先更正案号。 / case number ${caseNumber} carries an administrative type code (行…): its kind can only be ADMINISTRATIVE; if the number was entered wrongly, correct it first.`;
}
