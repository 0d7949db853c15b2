import type { Bilingual } from './bilingual';
import { Outcome } from './verdict';

/**
 * What every verdict says of itself: a recommendation to the competent body, not the measure. The
 * document's measures are taken 依法、依规、按照相关规定 by the bodies those provisions name (三(六),
 * 四(一)); a verdict finds which of them the rule set recommends. The summary says it in a line of its
 * own, the reason (one sentence for a screen) in a parenthesis before its full stop, so no text reads
 * as the decision itself (lawyer5 R1). NO_RULE_IN_FORCE recommends nothing and says so in its own
 * words (NOTHING_DECIDED).
 */
const MEASURE_RECOMMENDED: Bilingual = {
  zh: '本结论是向有权机关提出的建议：是否采取及如何采取措施，由有权机关依照相关规定决定。',
  en: 'This verdict is a recommendation to the competent body, which decides under the relevant provisions whether and how to take the measure.',
};

const NONE_RECOMMENDED: Bilingual = {
  zh: '依本规则集不建议采取限制措施；本结论是向有权机关提出的建议，由有权机关依照相关规定决定，其他规定另行适用。',
  en: 'No restrictive measure is recommended under this rule set; this verdict is a recommendation to the competent body, which decides under the relevant provisions, and other provisions apply separately.',
};

const IN_A_REASON: Bilingual = {
  zh: '（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）',
  en: ' (a recommendation to the competent body, which decides under the relevant provisions)',
};

/** The summary's line saying what the verdict is; null for NO_RULE_IN_FORCE. */
export function recommendationNote(outcome: Outcome): Bilingual | null {
  if (outcome === Outcome.NO_RULE_IN_FORCE) return null;
  return outcome === Outcome.ELIGIBLE ? NONE_RECOMMENDED : MEASURE_RECOMMENDED;
}

/** `text` with the parenthesis before its closing full stop (after it when it has none). */
function beforeFullStop(text: string, note: string): string {
  const stop = /[。.]$/.exec(text);
  return stop ? `${text.slice(0, -1)}${note}${stop[0]}` : `${text}${note}`;
}

/** A reason that says it is a recommendation, still one sentence (unchanged for NO_RULE_IN_FORCE). */
export function asRecommendation(outcome: Outcome, text: Bilingual): Bilingual {
  if (outcome === Outcome.NO_RULE_IN_FORCE) return text;
  return { zh: beforeFullStop(text.zh, IN_A_REASON.zh), en: beforeFullStop(text.en, IN_A_REASON.en) };
}
