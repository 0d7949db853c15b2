import { SubjectType } from '../domain/subject';
import type { LocatedJson } from './json-file';
import { MITIGABLE } from '../domain/verdict';
import { decoratorCount, engineOperator, OPERATORS } from './operators';
import { RULE_LIMITS } from './rule-limits';
import { leaves, type LoadedRule, type Matter, type RuleFile } from './rule-model';
import type { RuleProblem } from './rule-problem';

/**
 * What the JSON Schema cannot see: the folder and subject type agree, matters are declared and
 * apply to the subject type (unless `matters` is null: matters.json has errors), dates are in order, operators exist. Run on schema-valid files.
 */
export function validateRule(file: string, json: LocatedJson, folderType: SubjectType, matters: Map<string, Matter> | null): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (at: (string | number)[], zh: string, en: string) => problems.push({ file, ...json.locate(at), zh, en });
  const rule = json.value as RuleFile;
  if (rule.subjectType !== folderType) problem(['subjectType'], `"subjectType" 应为 "${folderType}"（与所在文件夹一致）`, `"subjectType" must be "${folderType}", matching the folder`);
  // null: matters.json has errors, reported once by the caller rather than once per matter named here.
  rule.matters.forEach((code, i) => {
    if (!matters) return;
    const matter = matters.get(code);
    if (!matter) problem(['matters', i], `未知的事项 "${code}"，请先在 matters.json 中声明`, `unknown matter "${code}"; declare it in matters.json first`);
    else if (!matter.subjectTypes.includes(folderType)) problem(['matters', i], `事项 "${code}" 不适用于 ${folderType}`, `matter "${code}" does not apply to ${folderType}`);
  });
  if (rule.effective.to && rule.effective.to < rule.effective.from) {
    problem(['effective', 'to'], `失效日期 ${rule.effective.to} 早于生效日期 ${rule.effective.from}`, `"to" ${rule.effective.to} is before "from" ${rule.effective.from}`);
  }
  for (const { leaf, at } of leaves(rule.conditions)) {
    const decorators = decoratorCount(leaf.operator);
    if (decorators > RULE_LIMITS.operatorDecorators) {
      const shown = leaf.operator.length > 60 ? `${leaf.operator.slice(0, 40)}…${leaf.operator.slice(-16)}` : leaf.operator;
      problem(
        [...at, 'operator'],
        `运算符 "${shown}" 前有 ${decorators} 个修饰前缀（如 not:），每个条件至多 ${RULE_LIMITS.operatorDecorators} 个；请删去多余的前缀（两个 not: 相互抵消），或改用 all / any / not 组合条件`,
        `the operator "${shown}" has ${decorators} decorators (such as not:) before it; a condition has at most ${RULE_LIMITS.operatorDecorators}. Remove the extra ones (two not: cancel out), or combine conditions with all / any / not`,
      );
    } else if (!engineOperator(leaf.operator)) {
      problem([...at, 'operator'], `未知的运算符 "${leaf.operator}"，可用：${OPERATORS.join(', ')}`, `unknown operator "${leaf.operator}"; use one of ${OPERATORS.join(', ')}`);
    }
  }
  return problems;
}

/**
 * A mitigating rule names a rule of the same subject type, sharing a matter, whose effect a
 * mitigation can lower (CAUTION, RESTRICT, DISQUALIFY); it cannot name itself or another mitigation.
 */
export function validateMitigations(loaded: { rule: LoadedRule; json: LocatedJson }[]): RuleProblem[] {
  const byId = new Map(loaded.map(({ rule }) => [rule.id, rule]));
  const problems: RuleProblem[] = [];
  for (const { rule, json } of loaded) {
    const mitigates = rule.event.params.mitigates;
    if (!mitigates) continue;
    const problem = (zh: string, en: string) => problems.push({ file: rule.file, ...json.locate(['event', 'params', 'mitigates', 'rule']), zh, en });
    const target = byId.get(mitigates.rule);
    if (!target) problem(`从轻的对象规则 "${mitigates.rule}" 不存在`, `the rule to mitigate, "${mitigates.rule}", does not exist`);
    else if (target.subjectType !== rule.subjectType || !target.matters.some((m) => rule.matters.includes(m))) {
      problem(`从轻的对象规则 "${mitigates.rule}" 须为同一主体类型并有共同事项`, `the rule to mitigate, "${mitigates.rule}", must be of the same subject type and share a matter`);
    } else if (!MITIGABLE.includes(target.event.type)) {
      problem(`规则 "${mitigates.rule}" 的效果 ${target.event.type} 不是可从轻的措施（${MITIGABLE.join('、')}）`, `rule "${mitigates.rule}" has effect ${target.event.type}, which no mitigation can lower (only ${MITIGABLE.join(', ')})`);
    }
  }
  return problems;
}
