import type { Bilingual } from '../domain/bilingual';
import { outcomeLabel, type Decision, type RuleResult } from '../domain/verdict';
import type { ParameterUse } from '../evaluation/parameter-uses';
import { buildSummary } from '../evaluation/summary';
import { chinaDate, chinaTime } from '../domain/day';
import { verdictNotes } from '../evaluation/provisional';
import type { Locale } from '../engine/locale';


const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Codes in Chinese first: UNFULFILLED_COMMITMENT SEVERE → 承诺未兑现 严重. */
function evidenceLine(item: Record<string, unknown>, words: Map<string, string>): string {
  const word = (code: unknown) => (typeof code === 'string' && words.has(code) ? words.get(code)! : code);
  const parts = [word(item.category) ?? item.caseNumber ?? item.content, word(item.severity), item.occurredOn ?? item.filedOn ?? item.settledOn, item.documentNumber]
    .filter((p) => p !== undefined && p !== null)
    .map(String);
  return `      · ${parts.join('  ')}  (${String(item.id)})`;
}

function ruleBlock(rule: RuleResult, words: Map<string, string>): string[] {
  const mark = !rule.inEffect ? '–' : rule.fired ? '●' : '○';
  const state = !rule.inEffect ? '不在有效期 not in effect' : rule.fired ? `适用 fired → ${rule.effect ?? '免于实施 waived'}` : '未适用 did not fire';
  const lines = [`  ${mark} ${rule.ruleId}  [${state}]`, `    ${rule.title.zh}`, `    ${rule.title.en}`];
  lines.push(`    依据 basis: ${rule.basis.map((b) => `${b.document} ${b.clause}`).join('; ')}   (rules/${rule.file})`);
  for (const c of rule.conditions) {
    const parameter = c.expectedParameter ? ` (parameters.${c.expectedParameter})` : '';
    lines.push(`    ${c.passed ? '✓' : '✗'} ${c.place}  ${c.fact}${c.path ? c.path.slice(1) : ''} ${c.operator} ${show(c.expected)}${parameter}   实际 actual: ${show(c.actual)}`);
  }
  if (rule.fired) {
    lines.push(`    措施 measure: ${rule.measure.zh} / ${rule.measure.en}${rule.points !== null ? `   (${rule.points} points)` : ''}`);
    if (rule.mitigatedBy) {
      const { byRule, from, to } = rule.mitigatedBy;
      lines.push(`    从轻 mitigated (三(七)) by ${byRule}: ${from} → ${to ?? '免于实施 waived'}`);
    }
    if (rule.evidence.length) lines.push('    证据 evidence:', ...rule.evidence.map((item) => evidenceLine(item, words)));
  }
  return lines;
}

/** How the terminal names things: enum codes and fact paths in words, from the served schema. */
export interface VerdictWords {
  codes: Map<string, string>;
  facts: Record<Locale, (fact: string, path: string | null) => string | null>;
}

/** What the head of a verdict's text shows: a stored verdict, or a decision (`id` null) that was not stored. */
export type VerdictHead = Pick<Decision, 'outcome' | 'score' | 'day' | 'asOf' | 'ruleSetVersion' | 'parametersFile' | 'subjectType'> & { id: string | null; evaluatedAt?: Date };

/**
 * A verdict as a person reads it in a terminal: outcome, measures, every rule and condition, the
 * parameters used with their sources, summary; times in China Standard Time.
 */
export function verdictText(verdict: VerdictHead, rules: RuleResult[], matterTitle: Bilingual, subjectName: string, words: VerdictWords, parameters: ParameterUse[] = [], provisionalOn: string[] = [], subject?: unknown): string {
  const notes = verdictNotes(verdict.subjectType, verdict.outcome, rules, verdict.day, chinaDate(verdict.evaluatedAt ?? new Date()), provisionalOn);
  const summaryInput = (locale: Locale) => ({ outcome: verdict.outcome, score: verdict.score, day: verdict.day, matterTitle, rules, parameters, label: words.facts[locale], provisionalOn, todaysValues: notes.todaysValues, subject, subjectType: verdict.subjectType });
  return [
    `${subjectName} — ${matterTitle.zh} / ${matterTitle.en}`,
    `结论 Outcome: ${outcomeLabel(verdict.outcome)}${verdict.score != null ? `   得分 score: ${verdict.score}` : ''}${notes.provisional ? `   暂定 PROVISIONAL（拟定参数或本地选择 proposed: ${provisionalOn.join(', ')}）` : ''}`,
    `截至 As of: ${chinaTime(verdict.asOf)}   规则集 rule set: ${verdict.ruleSetVersion}   参数 parameters: rules/${verdict.parametersFile}`,
    verdict.id ? `裁决编号 Verdict id: ${verdict.id}` : '试评估，未保存 / dry run: nothing was stored',
    '',
    '规则 Rules:',
    ...rules.flatMap((rule) => ruleBlock(rule, words.codes)),
    '',
    '说明：',
    buildSummary(summaryInput('zh'), 'zh'),
    '',
    'Summary:',
    buildSummary(summaryInput('en'), 'en'),
  ].join('\n');
}
