import type { Bilingual } from '../engine/rule-file';
import type { ConditionResult, Outcome, RuleResult } from '../engine/rule-runner';

export type Locale = 'zh' | 'en';

const OUTCOME_TEXT: Record<Outcome, Bilingual> = {
  ELIGIBLE: { zh: '符合条件', en: 'eligible' },
  CAUTION: { zh: '提示关注', en: 'cautioned' },
  RESTRICTED: { zh: '予以限制', en: 'restricted' },
  DISQUALIFIED: { zh: '取消资格', en: 'disqualified' },
};

const OPERATOR_TEXT: Record<string, Bilingual> = {
  equal: { zh: '等于', en: 'equal to' },
  notEqual: { zh: '不等于', en: 'not equal to' },
  in: { zh: '属于', en: 'one of' },
  notIn: { zh: '不属于', en: 'none of' },
  contains: { zh: '包含', en: 'containing' },
  doesNotContain: { zh: '不包含', en: 'not containing' },
  lessThan: { zh: '小于', en: 'less than' },
  lessThanInclusive: { zh: '不大于', en: 'at most' },
  greaterThan: { zh: '大于', en: 'greater than' },
  greaterThanInclusive: { zh: '不小于', en: 'at least' },
};

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** "$.credit.unrepaired 实际为 0，要求不小于 1" — why one condition did not hold. */
export function describeFailure(condition: ConditionResult, locale: Locale): string {
  const where = `${condition.fact}${condition.path ? condition.path.slice(1) : ''}`;
  const op = OPERATOR_TEXT[condition.operator]?.[locale] ?? condition.operator;
  return locale === 'zh'
    ? `${where} 实际为 ${show(condition.actual)}，要求${op} ${show(condition.expected)}`
    : `${where} was ${show(condition.actual)}, needed ${op} ${show(condition.expected)}`;
}

export interface SummaryInput {
  outcome: Outcome;
  score: number | null;
  day: string;
  matterTitle: Bilingual;
  rules: RuleResult[];
  /** The parameters read, each with the value used and its source in one line. */
  parameters?: { name: string; value: unknown; source: { text: string } | null }[];
}

/**
 * A short narrative of a verdict from the rules' own templates and the facts: the outcome, each
 * fired rule with its clause and measure, any lightening after repair, and why the others did not
 * apply.
 */
export function buildSummary(input: SummaryInput, locale: Locale): string {
  const zh = locale === 'zh';
  const lines: string[] = [];
  const outcome = OUTCOME_TEXT[input.outcome][locale];
  lines.push(zh ? `截至${input.day}，${input.matterTitle.zh}事项的结论：${outcome}。` : `As of ${input.day}, for ${input.matterTitle.en}: ${outcome}.`);
  if (input.score !== null) lines.push(zh ? `信用得分：${input.score}。` : `Credit score: ${input.score}.`);
  const fired = input.rules.filter((r) => r.fired);
  for (const rule of fired) {
    const clauses = rule.basis.map((b) => `${b.document}${b.clause}`).join(zh ? '、' : ', ');
    const text = rule.text?.[locale] ?? rule.title[locale];
    lines.push(zh ? `${text}（依据${clauses}；措施：${rule.measure.zh}）` : `${text} (basis: ${clauses}; measure: ${rule.measure.en})`);
  }
  for (const rule of fired.filter((r) => r.mitigatedBy)) {
    const m = rule.mitigatedBy!;
    lines.push(
      zh
        ? `依据规则 ${m.byRule}（三(七) 从轻或免于），“${rule.measure.zh}”${m.to ? `由 ${m.from} 降为 ${m.to}` : '免于实施'}。`
        : `Under rule ${m.byRule} (三(七), lighten or waive), "${rule.measure.en}" was ${m.to ? `lowered from ${m.from} to ${m.to}` : 'waived'}.`,
    );
  }
  for (const p of input.parameters ?? []) {
    // Keys sorted: a stored verdict's JSON comes back from PostgreSQL in its own key order.
    const value = p.value && typeof p.value === 'object' ? JSON.stringify(p.value, Object.keys(p.value).sort()) : String(p.value);
    const source = p.source?.text ?? (zh ? '未载明' : 'not recorded');
    lines.push(zh ? `参数 ${p.name} = ${value}（来源：${source}）` : `Parameter ${p.name} = ${value} (source: ${source})`);
  }
  const notFired = input.rules.filter((r) => r.inEffect && !r.fired);
  if (notFired.length) {
    lines.push(zh ? `未适用的规则（${notFired.length}条）：` : `Rules that did not apply (${notFired.length}):`);
    for (const rule of notFired) {
      const failed = rule.conditions.find((c) => !c.passed);
      lines.push(`- ${rule.title[locale]}${failed ? (zh ? '：' : ': ') + describeFailure(failed, locale) : ''}`);
    }
  }
  return lines.join('\n');
}
