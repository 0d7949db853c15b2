import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { LocatedJson } from './json-file';
import type { RuleProblem } from './rule-problem';

export type SchemaName = 'rule' | 'matters' | 'parameters' | 'document' | 'catalogue' | 'local-choices';

/** The JSON Schemas ship in the rules folder, where editors find them through "$schema" (from src/ or dist/src/). */
const SCHEMA_DIR = [path.resolve(__dirname, '../../rules/schemas'), path.resolve(__dirname, '../../../rules/schemas')].find((dir) => existsSync(dir));

const validators = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let found = validators.get(name);
  if (!found) {
    if (!SCHEMA_DIR) throw new Error('The JSON Schemas are missing: rules/schemas must ship with Chengxin.');
    found = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')));
    validators.set(name, found);
  }
  return found;
}

function describe(error: ErrorObject): { zh: string; en: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { zh: `缺少必填字段 "${p.missingProperty}"`, en: `missing required field "${p.missingProperty}"` };
    case 'additionalProperties':
      return { zh: `不认识的字段 "${p.additionalProperty}"（拼写错误？）`, en: `unknown field "${p.additionalProperty}" (a typo?)` };
    case 'enum':
      return { zh: `取值须为：${(p.allowedValues as unknown[]).join(', ')}`, en: `must be one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'type':
      return { zh: `类型应为 ${p.type}`, en: `must be of type ${p.type}` };
    case 'pattern':
      return { zh: `格式不符（应匹配 ${p.pattern}）`, en: `does not have the expected form (${p.pattern})` };
    case 'minItems':
      return { zh: `至少需要 ${p.limit} 项`, en: `needs at least ${p.limit} item(s)` };
    case 'minLength':
      return { zh: '不能为空', en: 'must not be empty' };
    default:
      return { zh: `不符合规则文件格式：${error.message}`, en: `does not fit the file format: ${error.message}` };
  }
}

const pointerToPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * Checks a file against its JSON Schema and reports each violation with its JSON pointer and line.
 * Where a oneOf fails (a condition of no known shape), only the deepest errors are kept: they say
 * what is actually wrong.
 */
export function schemaProblems(file: string, json: LocatedJson, name: SchemaName): RuleProblem[] {
  const validate = validator(name);
  if (validate(json.value)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  // Errors from inside a oneOf (a condition matching none of all/any/not/leaf) are mostly noise from
  // the shapes it is not: keep the deepest, and drop the other shapes' complaints.
  const branch = errors.filter((e) => e.schemaPath.includes('/oneOf/'));
  const deepest = branch.filter((e) => !branch.some((other) => other !== e && other.instancePath.startsWith(`${e.instancePath}/`)));
  const branchKept = deepest
    .filter((e) => !(e.keyword === 'required' && ['all', 'any', 'not'].includes(String((e.params as { missingProperty?: string }).missingProperty))))
    .filter((e) => !(e.keyword === 'additionalProperties' && deepest.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'additionalProperties')));
  const seen = new Set<string>();
  return [...errors.filter((e) => !branch.includes(e)), ...branchKept]
    .flatMap((error) => {
      const where = error.keyword === 'additionalProperties' ? [...pointerToPath(error.instancePath), String((error.params as { additionalProperty: string }).additionalProperty)] : pointerToPath(error.instancePath);
      const text = describe(error);
      const key = `${error.instancePath}|${text.en}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const pointer = error.instancePath || '/';
      return [{ file, ...json.locate(where), zh: `${pointer}：${text.zh}`, en: `${pointer}: ${text.en}` }];
    });
}
