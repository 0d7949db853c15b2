import type { SubjectType } from '../domain/subject';
import { factsReach, under } from './facts-reach';
import type { ParsedJson, ParsedQuery } from './rule-loader';
import type { PolicyLibrary } from './policy-library';
import type { RuleProblem } from './rule-problem';

/**
 * Every rule resting on a local choice is named by it (issue 11, law23 N6): a choice that names only
 * some of its rules tells the lead unit confirming it that the others do not depend on the answer,
 * so withholding confirmation would leave them standing. A rule rests on a choice when
 *  - it reads a parameter the choice lists (a condition, a points parameter or an explanation
 *    placeholder), or
 *  - a condition of it reads a fact the facts query counted with that parameter (`findingsCountWhileDisputed`
 *    passed to `review:` reaches `$.review.breached`), found by `factsReach` as provisional.ts finds what a
 *    verdict is provisional on (lawyer24 R8): a rule that never names the parameter still rests on it, or
 *  - its texts send the reader to the clause's local choice (“见授权清单三(六)本地选择”, “see 三(六)'s
 *    local choice”): then some choice of that clause must name it.
 * A warning, located at the rule (law-check.ts says why): the list is what a lead unit is asked to confirm.
 */
export function checkLocalChoiceReach(library: PolicyLibrary, rules: (ParsedJson & { subjectType: SubjectType })[], queries: Partial<Record<SubjectType, ParsedQuery>> = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const reaches = new Map<SubjectType, Record<string, string[]>>();
  const reachOf = (type: SubjectType): Record<string, string[]> => {
    let reach = reaches.get(type);
    const document = queries[type]?.document;
    if (!reach) reaches.set(type, (reach = document ? factsReach(document) : {}));
    return reach;
  };
  for (const { file, json, subjectType } of rules) {
    const rule = json?.value as Record<string, unknown> | null;
    if (!json || !rule || typeof rule !== 'object' || Array.isArray(rule) || typeof rule.id !== 'string') continue;
    const id = rule.id;
    const read = parametersRead(rule);
    for (const name of queryParametersReached(rule, reachOf(subjectType))) read.add(name);
    const referred = clausesReferred(rule);
    for (const choices of library.localChoiceFiles) {
      for (const clause of choices.clauses) {
        clause.localChoices.forEach((choice) => {
          if (choice.rules.includes(id)) return;
          const parameter = (choice.parameters ?? []).find((name) => read.has(name));
          if (!parameter) return;
          problems.push({
            file,
            ...json.locate(['id']),
            zh: `规则 ${id} 读取参数 ${parameter}，而列出该参数的 ${clause.clause} 本地选择（${choices.file}）没有列出本规则：请把 ${id} 加入该选择的 rules，或不再读取该参数`,
            en: `rule ${id} reads the parameter ${parameter}, but the local choice of ${clause.clause} that lists it (${choices.file}) does not name this rule: add ${id} to that choice's rules, or stop reading the parameter`,
          });
        });
      }
      for (const clauseName of referred) {
        const clause = choices.clauses.find((c) => c.clause === clauseName);
        if (!clause || clause.localChoices.some((choice) => choice.rules.includes(id))) continue;
        problems.push({
          file,
          ...json.locate(['explanation']),
          zh: `规则 ${id} 的说明指向 ${clauseName} 的本地选择，而该条款的本地选择（${choices.file}）都没有列出本规则：请把 ${id} 加入其所依的本地选择的 rules，或删去说明中的指引`,
          en: `the explanation of rule ${id} points to ${clauseName}'s local choice, but no local choice of that clause (${choices.file}) names this rule: add ${id} to the rules of the choice it rests on, or take the pointer out of the explanation`,
        });
      }
    }
  }
  return problems;
}

/** The parameter names a rule file reads (first segment of each path). */
function parametersRead(rule: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const first = (path: string) => path.replace(/^\$\.?/, '').split(/[.[]/)[0];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.fact === 'parameters' && typeof o.path === 'string') names.add(first(o.path));
    Object.values(o).forEach(walk);
  };
  walk(rule.conditions);
  const points = ((rule.event as { params?: { points?: { parameter?: unknown } } } | undefined)?.params?.points)?.parameter;
  if (typeof points === 'string') names.add(first(points));
  for (const text of Object.values((rule.explanation as Record<string, unknown> | undefined) ?? {})) {
    if (typeof text === 'string') for (const m of text.matchAll(/\{\{\s*parameters\.([A-Za-z0-9_]+)/g)) names.add(m[1]);
  }
  return names;
}

/** The facts query's variables (named as the parameters that fill them) that counted a fact a condition reads. */
function queryParametersReached(rule: Record<string, unknown>, reach: Record<string, string[]>): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.fact === 'subject' && typeof o.path === 'string') {
      for (const [variable, paths] of Object.entries(reach)) if (paths.some((p) => under(o.path as string, p))) names.add(variable);
    }
    Object.values(o).forEach(walk);
  };
  walk(rule.conditions);
  return names;
}

/** Clauses whose local choice a rule's texts point to: “见（授权清单）三(六)本地选择”, “see 三(六)'s local choice”. */
function clausesReferred(rule: Record<string, unknown>): Set<string> {
  const clauses = new Set<string>();
  for (const text of Object.values((rule.explanation as Record<string, unknown> | undefined) ?? {})) {
    if (typeof text !== 'string') continue;
    for (const m of text.matchAll(/见(?:授权清单)?([一二三四五六七八九十]+\([一二三四五六七八九十]+\))(?:的)?本地选择/g)) clauses.add(m[1]);
    for (const m of text.matchAll(/see (?:the catalogue's )?([一二三四五六七八九十]+\([一二三四五六七八九十]+\))'s local choice/g)) clauses.add(m[1]);
  }
  return clauses;
}
