import type { PolicyLibrary } from './policy-library';
import type { RuleProblem } from './rule-problem';

/**
 * A catalogue's local choices name the rules they reach (issue 11, law15b R5): a name no rule file
 * has is a stale list (the rule was renamed or removed), so `rules check` warns of it, located, as it
 * warns of a measure left without a rule. Parameter names are checked against the parameters the
 * files hold, when any parse. Each is located in its local-choices file (catalogue/*.local-choices.json).
 */
export function checkLocalChoices(library: PolicyLibrary, ruleIds: Set<string>, parameterNames: Set<string> | null): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const choices of library.localChoiceFiles) {
    choices.clauses.forEach((clause, i) => {
      clause.localChoices.forEach((choice, j) => {
        choice.rules.forEach((id, k) => {
          if (ruleIds.has(id)) return;
          const at = choices.json.locate(['clauses', i, 'localChoices', j, 'rules', k]);
          problems.push({ file: choices.file, ...at, zh: `${clause.clause} 的本地选择列出的规则 ${id} 不存在：请改为该选择所涉规则的 id，或删去`, en: `a local choice of ${clause.clause} lists rule ${id}, which no rule file has: name the rules the choice reaches by their ids, or take it out` });
        });
        (choice.parameters ?? []).forEach((name, k) => {
          if (!parameterNames || parameterNames.has(name)) return;
          const at = choices.json.locate(['clauses', i, 'localChoices', j, 'parameters', k]);
          problems.push({ file: choices.file, ...at, zh: `${clause.clause} 的本地选择列出的参数 ${name} 不在参数文件中：请改为参数文件中的参数名，或删去`, en: `a local choice of ${clause.clause} lists parameter ${name}, which no parameters file holds: name a parameter of parameters/, or take it out` });
        });
      });
    });
  }
  return problems;
}
