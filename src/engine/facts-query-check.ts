import {
  getNamedType,
  isAbstractType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type StringValueNode,
} from 'graphql';
import { storedFieldExposedTo } from '../auth/stored-facts';
import { SubjectType } from '../domain/subject';
import { dateProblem, YEARS } from '../domain/day';
import { RULE_LIMITS } from './rule-limits';
import type { RuleProblem } from './rule-problem';
import { estimateCost } from './query-cost';

/** Who wrote a draft facts query: a role's name, and whether it reads `Type.field` whole. */
export interface DraftReader {
  role: string;
  reads(typeAndField: string): boolean;
}

/** The root field a facts query reads its subject with, by subject type; the result is aliased `subject`. */
export const SUBJECT_LOOKUP: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civilServant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};

/**
 * Types a facts query may never read, however the schema comes to link them: what the engine
 * itself writes (verdicts, sweeps, the audit trail) and the rules. Without this stop, one field
 * added to a subject type could open them to every draft.
 */
const NEVER_FACTS = /^(Query|Mutation|Subscription|AuditEvent|Verdict|Explanation|SweepRun|SweepError|RuleSet|ImpactReport)/;

/** The type that is a person: read only by the facts of a civil servant's own verdicts, which are not public. */
const PERSON_TYPE = 'CivilServant';

const allowedBySchema = new WeakMap<GraphQLSchema, Set<string>>();

/**
 * The types a facts query may read: those reachable from the three subject types through their
 * fields (credit, commitment and court facts, records and their history, agencies and their
 * people), less NEVER_FACTS. Derived from the served schema, so it follows the API as it grows.
 */
export function factsTypes(schema: GraphQLSchema): Set<string> {
  let allowed = allowedBySchema.get(schema);
  if (allowed) return allowed;
  allowed = new Set<string>();
  const queue: GraphQLNamedType[] = ['Agency', 'CivilServant', 'Enterprise'].map((name) => schema.getType(name)!).filter(Boolean);
  while (queue.length) {
    const type = queue.pop()!;
    if (allowed.has(type.name) || NEVER_FACTS.test(type.name)) continue;
    allowed.add(type.name);
    if (isAbstractType(type)) queue.push(...schema.getPossibleTypes(type));
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
  }
  allowedBySchema.set(schema, allowed);
  return allowed;
}

function at(node: ASTNode | undefined): { line: number; column: number } {
  const token = node?.loc?.startToken;
  return token ? { line: token.line, column: token.column } : { line: 1, column: 1 };
}

/** How deep the selections nest (`subject` is 1) and how many fields they select in all. */
function sizeOf(selectionSet: SelectionSetNode | undefined): { depth: number; fields: number } {
  let depth = 0;
  let fields = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'FragmentSpread') continue;
    const inner = sizeOf(selection.selectionSet);
    fields += inner.fields + (selection.kind === 'Field' ? 1 : 0);
    depth = Math.max(depth, inner.depth + (selection.kind === 'Field' ? 1 : 0));
  }
  return { depth, fields };
}

/**
 * What makes a facts file safe to run as the system: exactly one `query` operation whose single
 * root field is the subject lookup of its type (`subject: agency(id: $id)`), reading only the
 * facts types, within RULE_LIMITS' depth and fields. Anything else — a mutation, a second root
 * field, the audit trail, verdicts — is refused with its line, before it can ever run.
 *
 * `reader`: the role of whoever wrote the query, for a draft (a preview, `rules diff`). The query
 * runs as the system, and which rule of a draft fires tells its author about the facts; so a draft
 * may select only the fields its author's role reads whole (src/auth/role.ts FIELD_READERS): an OFFICER's draft
 * cannot select ID-card numbers, objections, history or repairs. The served queries have no reader.
 */
export function factsQueryProblems(file: string, document: DocumentNode, schema: GraphQLSchema, subjectType: SubjectType, reader?: DraftReader): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (node: ASTNode | undefined, zh: string, en: string) => problems.push({ file, ...at(node), zh, en });
  const lookup = SUBJECT_LOOKUP[subjectType];
  const example = `query ($id: ID!, $asOf: DateTime!) { subject: ${lookup}(id: $id) { … } }`;

  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  // Named fragments are refused: a query can spread one fragment into many (2^n fields from n
  // lines), and the fields read are plainer written out. Inline fragments (`... on X`) are fine.
  for (const other of document.definitions.filter((d) => d.kind !== 'OperationDefinition')) {
    problem(other, '事实文件只能包含一个查询；不使用命名片段（fragment），请把字段直接写在查询中', 'a facts file holds one query and nothing else; instead of named fragments, write the fields in the query');
  }
  if (operations.length !== 1) {
    problem(operations[1] ?? document, `事实文件须恰好包含一个查询（现有 ${operations.length} 个），形如 ${example}`, `a facts file must hold exactly one operation (it has ${operations.length}), such as ${example}`);
    return problems;
  }
  const operation = operations[0];
  if (operation.operation !== 'query') {
    problem(operation, `事实文件只能是查询（query），不能是 ${operation.operation}：事实查询只读取数据。请改为 ${example}`, `a facts file must be a query, not a ${operation.operation}: facts are only read. Write ${example}`);
    return problems;
  }
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root.kind !== 'Field' || root.name.value !== lookup || root.alias?.value !== 'subject') {
    problem(roots[1] ?? root ?? operation, `查询的根字段须恰好是一个 "subject: ${lookup}(id: $id)"，请删除其他根字段`, `the query's only root field must be "subject: ${lookup}(id: $id)"; remove any other`);
    return problems;
  }
  const id = root.arguments?.find((a) => a.name.value === 'id');
  if (!id || id.value.kind !== 'Variable' || id.value.name.value !== 'id') {
    problem(id ?? root, `"${lookup}" 的 id 参数须为变量 $id（被评估主体的 id）`, `the id argument of "${lookup}" must be the variable $id (the subject being evaluated)`);
  }

  const allowed = factsTypes(schema);
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node: FieldNode) {
      if (node === root || node.name.value.startsWith('__')) return;
      const parent = typeInfo.getParentType();
      if (parent && !allowed.has(parent.name)) {
        problem(node, `事实查询不能读取 ${parent.name}.${node.name.value}：只能读取主体及其信用、承诺、诉讼事实；请删除该字段`, `a facts query cannot read ${parent.name}.${node.name.value}: only the subject and its credit, commitment and court facts; remove the field`);
        return false;
      }
      const named = typeInfo.getType() && getNamedType(typeInfo.getType()!);
      if (named && (isObjectType(named) || isAbstractType(named)) && !allowed.has(named.name)) {
        problem(node, `事实查询不能读取 ${named.name}（${parent?.name}.${node.name.value}）：只能读取主体及其信用、承诺、诉讼事实；请删除该字段`, `a facts query cannot read ${named.name} (${parent?.name}.${node.name.value}): only the subject and its credit, commitment and court facts; remove the field`);
        return false;
      }
      // The verdicts about agencies and enterprises are public, with their facts: a civil servant
      // read into them (an agency's staff, a commitment's responsible person) would be published
      // whole, unmasked, beside the finding. Only a civil servant's own facts name a person.
      if (subjectType !== SubjectType.CIVIL_SERVANT && (parent?.name === PERSON_TYPE || named?.name === PERSON_TYPE)) {
        problem(node, `机关和企业的结论连同事实向公众公开，其事实查询不能读取公务员（${parent?.name}.${node.name.value}）：个人信息会随结论公开；请删除该字段`, `verdicts about agencies and enterprises are public with their facts, so their facts query cannot read a civil servant (${parent?.name}.${node.name.value}): the person would be published with the verdict; remove the field`);
        return false;
      }
      if (reader && parent && !reader.reads(`${parent.name}.${node.name.value}`)) {
        problem(node, `草案的事实查询不能读取 ${parent.name}.${node.name.value}：角色 ${reader.role} 无权读取该字段的完整值；请删除该字段`, `a draft facts query cannot read ${parent.name}.${node.name.value}: the role ${reader.role} may not read it whole; remove the field`);
        return false;
      }
      // The facts are stored in the verdict and read with it: by everyone for an agency or an
      // enterprise, by the personnel readers for a civil servant. A field one of them may not read
      // whole (FIELD_READERS: a court case's absence reason, a commitment's finding document, the
      // plain record lists that hold undisclosed records) would reach them through the verdict.
      const exposed = parent ? storedFieldExposedTo(subjectType, `${parent.name}.${node.name.value}`, named?.name) : null;
      if (exposed) {
        const hint = /^(Agency|Enterprise)\.creditRecords/.test(`${parent!.name}.${node.name.value}`) ? { zh: '；信用记录请通过 credit { records } 读取', en: '; read records through credit { records }' } : { zh: '', en: '' };
        problem(node, `事实随结论保存，${exposed} 可读取 ${subjectType} 的结论，但无权读取 ${parent!.name}.${node.name.value} 的完整值：事实查询不能读取该字段；请删除该字段${hint.zh}`, `facts are stored with the verdict, and ${exposed} reads ${subjectType} verdicts but may not read ${parent!.name}.${node.name.value} whole: a facts query cannot read it; remove the field${hint.en}`);
        return false;
      }
      return undefined;
    },
    // A date written into the query (asOf: "2300-01-01") is held to the years inputs are held to:
    // a query about 2300 would be evaluated and answered as if it meant something.
    StringValue(node: StringValueNode) {
      const scalar = getNamedType(typeInfo.getInputType() ?? undefined)?.name;
      const outside = scalar ? dateProblem(scalar, node.value) : null;
      if (outside) {
        problem(node, `事实查询中的日期 "${node.value.slice(0, 40)}" 超出 ${YEARS.from}–${YEARS.to} 年的范围；请改用变量 $asOf 或该范围内的日期`, `the date ${outside.replace(' Check the year and send again.', '')} Use the variable $asOf or a date within those years`);
      }
    },
  }));

  const { depth, fields } = sizeOf(operation.selectionSet);
  if (depth > RULE_LIMITS.factsDepth) {
    problem(root, `事实查询嵌套 ${depth} 层，超过上限 ${RULE_LIMITS.factsDepth} 层；请减少嵌套`, `the facts query nests ${depth} levels deep, more than the limit of ${RULE_LIMITS.factsDepth}; read less deep`);
  }
  if (fields > RULE_LIMITS.factsFields) {
    problem(root, `事实查询选取 ${fields} 个字段，超过上限 ${RULE_LIMITS.factsFields} 个；请删减字段`, `the facts query selects ${fields} fields, more than the limit of ${RULE_LIMITS.factsFields}; select fewer`);
  }
  // A draft runs in the server's process on every preview, once per subject: the API's cost model
  // bounds it (300 fields allowed ~95 aliases of an agency's servants' credit facts, 7–12 s of a
  // blocked event loop). The served queries, checked by reviewers, are not held to it.
  if (reader && !problems.length) {
    const cost = factsQueryCost(schema, document);
    if (cost === null || cost > RULE_LIMITS.factsCost) {
      const found = cost === null ? '无法估算 / cannot be estimated' : String(cost);
      problem(root, `草案的事实查询对每个主体的估算成本为 ${found}，上限为 ${RULE_LIMITS.factsCost}；请减少列表（如机关的 civilServants）中的字段和别名`, `the draft facts query's estimated cost per subject is ${found}, the limit is ${RULE_LIMITS.factsCost}; read fewer fields and aliases inside lists (an agency's civilServants) — the API's cost model, README "Limits"`);
    }
  }
  return problems;
}

/**
 * The estimated cost of reading one subject with a facts query (the API's cost model), or null when
 * it cannot be estimated. Variables are given placeholder values: only `first` changes the estimate.
 */
export function factsQueryCost(schema: GraphQLSchema, document: DocumentNode): number | null {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const placeholders: Record<string, string> = { ID: '0', DateTime: '2000-01-01T00:00:00Z', String: '', LocalDate: '2000-01-01' };
  const variables: Record<string, unknown> = {};
  for (const definition of operation?.variableDefinitions ?? []) {
    if (definition.type.kind !== 'NonNullType' || definition.type.type.kind !== 'NamedType') continue;
    const value = placeholders[definition.type.type.name.value];
    if (value !== undefined) variables[definition.variable.name.value] = value;
  }
  try {
    return estimateCost(schema, document, undefined, variables, 5_000); // fields visited, as the API counts them
  } catch {
    return null;
  }
}

/**
 * The facts query as `reader` may read it: every field it may not read whole left out. A draft's
 * rules are checked against this, so that a draft rule cannot reach a masked fact (an ID-card
 * number tried against a list of guesses) through a served query that selects it for the policy.
 */
export function readableBy(schema: GraphQLSchema, document: DocumentNode, reader: DraftReader): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(typeInfo, {
    Field(node: FieldNode) {
      const parent = typeInfo.getParentType();
      return parent && !reader.reads(`${parent.name}.${node.name.value}`) ? null : undefined;
    },
  }));
}
