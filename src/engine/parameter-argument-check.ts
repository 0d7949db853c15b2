import { TypeInfo, visit, visitWithTypeInfo, valueFromAST, type GraphQLSchema, type ValueNode } from 'graphql';
import { ARGUMENT_CHECKS } from '../domain/facts-arguments';
import type { LocatedJson } from './json-file';
import { EVALUATION_VARIABLES, type FactsQuery, type ParameterSet } from './rule-model';
import type { RuleProblem } from './rule-problem';
import type { SubjectType } from '../domain/subject';

/** The variables a value uses, in the order written. */
function variablesIn(node: ValueNode): string[] {
  if (node.kind === 'Variable') return [node.name.value];
  if (node.kind === 'ListValue') return node.values.flatMap(variablesIn);
  if (node.kind === 'ObjectValue') return node.fields.flatMap((field) => variablesIn(field.value));
  return [];
}

/**
 * Every parameters file against the run time's own checks of the facts arguments its values reach
 * (src/domain/facts-arguments.ts): a period of "P200000Y" or "P0D", a review year starting "02-30".
 * Their GraphQL type (String) admits them and the facts resolvers refuse them, so without this the
 * file passed `rules check` and reload and then every evaluation failed (hostile31 F7). Each argument
 * is computed as the facts query would receive it from the file; a problem is located at the value
 * in the file, naming the query and argument that read it. Values of the wrong type are left to
 * parameters-check.ts (valueFromAST gives nothing for them).
 */
export function checkParameterArguments(files: { set: ParameterSet; json: LocatedJson }[], queries: Partial<Record<SubjectType, FactsQuery>>, schema: GraphQLSchema): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const said = new Set<string>();
  for (const query of Object.values(queries)) {
    if (!query) continue;
    const typeInfo = new TypeInfo(schema);
    const uses: { argument: string; field: string; node: ValueNode; type: NonNullable<ReturnType<TypeInfo['getInputType']>> }[] = [];
    visit(query.document, visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const check = ARGUMENT_CHECKS[node.name.value];
        const type = typeInfo.getInputType();
        const field = typeInfo.getFieldDef();
        if (!check || !type || !field) return;
        if (!variablesIn(node.value).some((name) => !EVALUATION_VARIABLES.includes(name))) return;
        uses.push({ argument: node.name.value, field: field.name, node: node.value, type });
      },
    }));
    for (const { set, json } of files) {
      for (const use of uses) {
        const value = valueFromAST(use.node, use.type, set.values);
        if (value === undefined) continue;
        const problem = ARGUMENT_CHECKS[use.argument](value);
        if (!problem) continue;
        // A variable given whole: the problem stands at its value, at the step named; otherwise at the first variable.
        const names = variablesIn(use.node).filter((name) => !EVALUATION_VARIABLES.includes(name));
        const whole = use.node.kind === 'Variable';
        const path = ['values', names[0], 'value', ...(whole ? problem.at : [])];
        const parameter = [names[0], ...(whole ? problem.at : [])].join('.');
        const key = `${set.file}\0${parameter}`;
        if (said.has(key)) continue;
        said.add(key);
        problems.push({
          file: set.file,
          ...json.locate(path),
          zh: `参数 "${parameter}" 的值在运行时会被拒绝，每次评估都将失败：${problem.zh}（读取者：事实查询 ${query.file} 中 ${use.field} 的参数 ${use.argument}）`,
          en: `the parameter "${parameter}" would be refused when the facts are read, failing every evaluation: ${problem.en} (read by the argument ${use.argument} of ${use.field} in the facts query ${query.file})`,
        });
      }
    }
  }
  return problems;
}
