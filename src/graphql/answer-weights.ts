import type { RuleSet } from '../engine/rule-set';

/**
 * What one field of an answer stands for in the anonymous field budget (LIMITS.publicFields): up to
 * this many bytes of JSON, a short field's name and value.
 */
export const FIELD_BYTES = 32;

/**
 * The leaves of the rule set's answers that are long, weighed by their size in FIELD_BYTES (the
 * mean over the rule set in force, rounded up: `ruleSet { rules { conditions } }` holds each rule's
 * once), and a rule's title and measure. Counted as one field each, a rule's conditions (a JSONObject of 200 to 500 bytes) and a
 * basis's quote (a Chinese sentence, 100 to 250 bytes) let 60 anonymous aliases of
 * `ruleSet { rules { conditions basis { quote } title { zh en } measure { zh en } } }` pass the field
 * budget and come back as 1.2 MB for a 1.1 KB request (hostile17 F3); priced by size, the answer an
 * anonymous request may ask for stays near LIMITS.publicFields × FIELD_BYTES.
 */
/**
 * Free texts an anonymous caller reads, weighed at half the longest their input allows (characters ×
 * 3 bytes, a Chinese character in UTF-8, in FIELD_BYTES): clerks write them, and an attacker picks the
 * subject whose texts are longest. A record's summary (2,000 characters) counted one field
 * (hostile18 F1). At half, a budget's worth of the longest texts is the byte backstop itself
 * (PUBLIC_ANSWER_BYTES, twice the budget's bytes), and the public portal's enterprise page — a
 * subject's records (a plain list of up to 100) with their summaries, examples/hr-client — fits.
 */
const half = (characters: number) => Math.ceil((characters * 3) / 2 / FIELD_BYTES);
export const TEXT_WEIGHTS: Readonly<Record<string, number>> = {
  'CreditRecord.summary': half(2_000),
  'Commitment.content': half(4_000),
};

export function answerWeights(ruleSet: RuleSet): Record<string, number> {
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));
  const weight = (sizes: number[]) => Math.max(1, Math.ceil(sizes.reduce((sum, size) => sum + size, 0) / Math.max(1, sizes.length) / FIELD_BYTES));
  return {
    ...TEXT_WEIGHTS,
    'RuleInfo.conditions': weight(ruleSet.rules.map((rule) => bytes(rule.conditions))),
    'LegalBasis.quote': weight(ruleSet.rules.flatMap((rule) => rule.basis.map((basis) => bytes(basis.quote)))),
    // Their texts (a sentence in Chinese and English each): weighed on the field holding both, so
    // that LocalizedText, which also holds short texts elsewhere, keeps counting one a language.
    'RuleInfo.title': weight(ruleSet.rules.map((rule) => bytes(rule.title))),
    'RuleInfo.measure': weight(ruleSet.rules.map((rule) => bytes(rule.event.params.measure))),
  };
}
