import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { isEnumType, type GraphQLSchema } from 'graphql';
import { SubjectType } from '../domain/subject';
import { factFields } from '../engine/facts-catalogue';
import { subjectShape } from '../engine/facts-shape';
import { formatProblem } from '../engine/rule-problem';
import { inspectRules } from '../engine/rule-set';
import { SUBJECT_FOLDERS } from '../engine/rule-loader';
import { describedAs } from '../engine/schema-words';
import { getSchema } from '../graphql/schema';

const TYPE_OF_FOLDER = Object.fromEntries(Object.entries(SUBJECT_FOLDERS).map(([type, folder]) => [folder, type as SubjectType]));

/** The words of each enum value (`SEVERE 严重`), from the schema. */
function enumLine(schema: GraphQLSchema, values: string[] | undefined, typeName: string): string {
  const type = schema.getType(typeName.replace(/[[\]!]/g, ''));
  if (!values?.length) return '';
  const word = (value: string) => (isEnumType(type) ? describedAs(type.getValue(value)?.description, 'zh') : null);
  return values.map((v) => (word(v) ? `${v} ${word(v)}` : v)).join(', ');
}

/** Flattened `a.b` paths of a parameters file's values, with the value. */
function parameterPaths(values: unknown, prefix = ''): [string, unknown][] {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return [[prefix, values]];
  return Object.entries(values).flatMap(([key, value]) => parameterPaths(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * `chengxin rules facts <subject-type>`: every field the rules of a subject type can read, with its
 * type and meaning, generated from the facts query in the rules folder and the served schema (so the
 * list cannot go stale), and the parameters in force.
 */
export function registerRulesFacts(rules: Command): void {
  rules
    .command('facts')
    .description('列出规则可用的全部事实字段及其含义（由事实查询与接口模式生成）/ list every fact a rule can read, with its meaning, generated from the facts query and the schema')
    .argument('<subject-type>', 'agency、civil-servant 或 enterprise', (value: string) => {
      if (!TYPE_OF_FOLDER[value]) throw new InvalidArgumentError(`主体类型为 agency、civil-servant 或 enterprise / use agency, civil-servant or enterprise (got "${value}")`);
      return value;
    })
    .argument('[dir]', '规则目录 / rules folder', 'rules')
    .option('--json', '输出 JSON / print as JSON')
    .action(async (folder: string, dir: string, options: { json?: boolean }) => {
      const schema = await getSchema();
      const { ruleSet, problems } = inspectRules(path.resolve(dir), schema);
      const type = TYPE_OF_FOLDER[folder];
      if (!ruleSet) {
        for (const problem of problems) console.log(`错误 error ${formatProblem(problem)}`);
        console.log('\n规则有错误，请先运行 rules check / the rules have errors: run `rules check` first.');
        process.exitCode = 1;
        return;
      }
      const query = ruleSet.factsQueries[type];
      const shape = subjectShape(schema, query.document)!;
      const fields = factFields(shape);
      const latest = ruleSet.parameterSets[ruleSet.parameterSets.length - 1];
      const parameters = latest ? parameterPaths(latest.values) : [];
      if (options.json) {
        console.log(JSON.stringify({ subjectType: type, factsQuery: query.file, fields, parameters: { file: latest?.file, values: Object.fromEntries(parameters) } }, null, 2));
        return;
      }
      console.log(`事实 "subject"（${type}，来自 rules/${query.file}）/ the fact "subject" (${type}, from rules/${query.file})`);
      console.log('路径 path  ·  类型 type  ·  含义 meaning\n');
      for (const field of fields) {
        const meaning = [describedAs(field.description, 'zh'), describedAs(field.description, 'en')].filter(Boolean).join(' / ') || '—';
        const values = enumLine(schema, field.enumValues, field.type);
        console.log(`  ${field.path.padEnd(44)} ${field.type.padEnd(22)} ${meaning}${values ? `\n  ${''.padEnd(44)} ${''.padEnd(22)} 取值 values: ${values}` : ''}`);
      }
      if (latest) {
        console.log(`\n事实 "parameters"（最新参数文件 rules/${latest.file}，自 ${latest.effectiveFrom} 起）/ the fact "parameters" (the latest file, from ${latest.effectiveFrom})\n`);
        for (const [key, value] of parameters) console.log(`  $.${key.padEnd(42)} ${JSON.stringify(value)}`);
      }
      console.log('\n在规则中写作 / in a rule: { "fact": "subject", "path": "$.credit.unrepaired", "operator": "greaterThanInclusive", "value": 1 }');
    });
}
