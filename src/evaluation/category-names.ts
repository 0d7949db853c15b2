import { RecordCategory } from '../domain/credit-record';

/**
 * What a verdict's text calls each record category, zh and en. A Record over the enum: a new category
 * does not compile until it has its words, so a text built from a parameter's list (lawyer23 N6) never
 * shows a bare code.
 */
export const CATEGORY_NAMES: Record<RecordCategory, { zh: string; en: string }> = {
  [RecordCategory.BREACH_OF_CONTRACT]: { zh: '违约毁约', en: 'breach of contract' },
  [RecordCategory.JUDGMENT_DEFAULTER]: { zh: '失信被执行人', en: 'judgment defaulter' },
  [RecordCategory.UNFULFILLED_COMMITMENT]: { zh: '承诺未兑现', en: 'unfulfilled commitment' },
  [RecordCategory.FAILURE_TO_APPEAR]: { zh: '未出庭应诉', en: 'failure to appear in court' },
  [RecordCategory.SERIOUS_ILLEGAL_DISHONEST]: { zh: '严重违法失信', en: 'seriously illegal and dishonest' },
  [RecordCategory.ADMINISTRATIVE_VIOLATION]: { zh: '行政违法违规', en: 'administrative violation' },
  [RecordCategory.PRINCIPAL_RESPONSIBILITY]: { zh: '主要负责人责任认定', en: 'principal-responsibility finding' },
  [RecordCategory.COMMITMENT_DERELICTION]: { zh: '四(四)履职不力诚信档案记录', en: '四(四) integrity-file entry' },
  [RecordCategory.COMMENDATION]: { zh: '表彰奖励', en: 'commendation' },
  [RecordCategory.COMMITMENT_HONOURED]: { zh: '践诺履约', en: 'commitment honoured' },
};

/** The names of the categories in `value` (a parameter's list), joined for a sentence; null when it is no list. */
export function categoryList(value: unknown, zh: boolean): string | null {
  if (!Array.isArray(value) || !value.length) return null;
  const names = value.map((c) => CATEGORY_NAMES[c as RecordCategory]?.[zh ? 'zh' : 'en'] ?? String(c));
  return names.join(zh ? '、' : ', ');
}
