import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import { BadUserInputError } from '../errors';

/** Refuses a matter that rules/matters.json does not declare, or that does not concern the subject type, naming those that do. */
export function assertMatter(ruleSet: RuleSet, subjectType: SubjectType, matter: string): void {
  const known = ruleSet.matter(matter);
  const applicable = ruleSet.matters.filter((m) => m.subjectTypes.includes(subjectType)).map((m) => m.code);
  if (!known) throw new BadUserInputError('matter', `"${matter}" 不是 rules/matters.json 中的事项，可用：${applicable.join('、')} / "${matter}" is not a matter in rules/matters.json; for ${subjectType} use one of ${applicable.join(', ')}.`);
  if (!known.subjectTypes.includes(subjectType)) {
    throw new BadUserInputError('matter', `${matter}（${known.title.zh}）不适用于 ${subjectType}，可用：${applicable.join('、')} / ${matter} (${known.title.en}) does not apply to ${subjectType}; use one of ${applicable.join(', ')}.`);
  }
}
