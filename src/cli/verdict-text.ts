import type { Verdict } from '../db/entities';
import type { RuleResult } from '../engine/rule-runner';
import type { ParameterUse } from '../evaluation/parameter-uses';
import { buildSummary } from '../evaluation/summary';
import type { Bilingual } from '../engine/rule-file';

const OUTCOME: Record<string, string> = {
  ELIGIBLE: '符合条件 ELIGIBLE',
  CAUTION: '提示关注 CAUTION',
  RESTRICTED: '予以限制 RESTRICTED',
  DISQUALIFIED: '取消资格 DISQUALIFIED',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function evidenceLine(item: Record<string, unknown>): string {
  const parts = [item.category ?? item.caseNumber ?? item.content, item.severity, item.occurredOn ?? item.filedOn ?? item.settledOn, item.documentNumber]
    .filter((p) => p !== undefined && p !== null)
    .map(String);
  return `      · ${parts.join('  ')}  (${String(item.id)})`;
}

function ruleBlock(rule: RuleResult): string[] {
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
    if (rule.evidence.length) lines.push('    证据 evidence:', ...rule.evidence.map(evidenceLine));
  }
  return lines;
}

/** A verdict as a person reads it in a terminal: outcome, measures, every rule and condition, summary. */
export function verdictText(verdict: Verdict, rules: RuleResult[], matterTitle: Bilingual, subjectName: string, parameters: ParameterUse[] = []): string {
  const summaryInput = { outcome: verdict.outcome, score: verdict.score ?? null, day: verdict.day, matterTitle, rules, parameters };
  return [
    `${subjectName} — ${matterTitle.zh} / ${matterTitle.en}`,
    `结论 Outcome: ${OUTCOME[verdict.outcome]}${verdict.score != null ? `   得分 score: ${verdict.score}` : ''}`,
    `截至 As of: ${verdict.asOf.toISOString()} (day ${verdict.day})   规则集 rule set: ${verdict.ruleSetVersion}   参数 parameters: rules/${verdict.parametersFile}`,
    `裁决编号 Verdict id: ${verdict.id}`,
    '',
    '规则 Rules:',
    ...rules.flatMap(ruleBlock),
    '',
    '说明：',
    buildSummary(summaryInput, 'zh'),
    '',
    'Summary:',
    buildSummary(summaryInput, 'en'),
  ].join('\n');
}
