import { getNamedType, isInterfaceType, isObjectType, type DocumentNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../auth/role';
import type { Verdict } from '../db/entities';
import type { RuleSet } from '../engine/rule-set';
import { storedRuleSet } from '../evaluation/snapshot';
import { storedFieldReadable } from '../auth/stored-facts';
import type { RuleResult, VerdictFacts } from '../domain/verdict';

const SUBJECT_TYPE_NAME: Record<string, string> = { AGENCY: 'Agency', CIVIL_SERVANT: 'CivilServant', ENTERPRISE: 'Enterprise' };

const isPlain = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * A verdict's stored facts as `role` may read them, whatever the facts file selected (defence in
 * depth behind the rules check, hostile8 F1): the facts are walked with the facts query that
 * gathered them (the verdict's rule-set version) and every field the role may not read whole
 * (FIELD_READERS, storedFieldReadable) is left out, as is anything the query does not account for.
 * The rules' evidence (objects of the facts) is given as the kept objects, by id; every string value
 * left out is blanked wherever else it appears (rule texts, conditions' values). Without the query,
 * nothing of the facts is given.
 */
export function storedFactsFor<R extends Pick<RuleResult, 'evidence' | 'conditions' | 'text'>>(
  role: Role,
  schema: GraphQLSchema,
  subjectType: string,
  document: DocumentNode | undefined,
  facts: VerdictFacts,
  rules: R[],
): { facts: VerdictFacts; rules: R[] } {
  const kept = new Map<string, Record<string, unknown>>(); // by id: every kept field of the objects with that id
  const dropped = new Set<string>();
  const root = document?.definitions.find((d) => d.kind === 'OperationDefinition');
  const subjectField = root?.kind === 'OperationDefinition' ? root.selectionSet.selections.find((s) => s.kind === 'Field') : undefined;
  const type = schema.getType(SUBJECT_TYPE_NAME[subjectType] ?? '');
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.length > 1) dropped.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (isPlain(value)) Object.values(value).forEach(collect);
  };

  const project = (value: unknown, selectionSet: SelectionSetNode | undefined, on: GraphQLNamedType): unknown => {
    if (Array.isArray(value)) return value.map((item) => project(item, selectionSet, on));
    if (!isPlain(value) || !selectionSet) return value;
    const out: Record<string, unknown> = {};
    const visitSet = (set: SelectionSetNode, parent: GraphQLNamedType) => {
      for (const selection of set.selections) {
        if (selection.kind === 'InlineFragment') {
          const cond = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (cond) visitSet(selection.selectionSet, cond);
          continue;
        }
        if (selection.kind !== 'Field') continue;
        const key = selection.alias?.value ?? selection.name.value;
        if (!(key in value) || key in out) continue;
        if (selection.name.value === '__typename') { out[key] = value[key]; continue; }
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const named = field && getNamedType(field.type);
        if (!field || !named || !storedFieldReadable(role, `${parent.name}.${field.name}`, named.name)) continue;
        out[key] = project(value[key], selection.selectionSet, named);
      }
    };
    visitSet(selectionSet, on);
    for (const [key, child] of Object.entries(value)) if (!(key in out)) collect(child);
    if (typeof out.id === 'string') kept.set(out.id, { ...kept.get(out.id), ...out });
    return out;
  };

  const subject = subjectField?.kind === 'Field' && type ? project(facts.subject, subjectField.selectionSet, type) : undefined;
  if (subject === undefined) collect(facts.subject);
  const values = [...dropped].sort((a, b) => b.length - a.length);
  const blank = (v: unknown): unknown => {
    if (typeof v === 'string') return values.reduce((text, whole) => (text.includes(whole) ? text.split(whole).join('***') : text), v);
    if (Array.isArray(v)) return v.map(blank);
    if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)]));
    return v;
  };
  return {
    facts: subject === undefined ? { subject: null, parameters: facts.parameters } : { subject, parameters: facts.parameters },
    rules: rules.map((rule) => ({
      ...rule,
      evidence: rule.evidence.flatMap((item) => {
        const known = typeof item.id === 'string' ? kept.get(item.id) : undefined;
        return known ? [Object.fromEntries(Object.keys(item).filter((k) => k in known).map((k) => [k, known[k]]))] : [];
      }),
      conditions: values.length ? (blank(rule.conditions) as R['conditions']) : rule.conditions,
      text: values.length ? (blank(rule.text) as R['text']) : rule.text,
    })),
  };
}

/** storedFactsFor with the facts query of the verdict's own rule-set version (none when its snapshot cannot be read: then no facts). */
export async function storedFactsOfVerdict<R extends Pick<RuleResult, 'evidence' | 'conditions' | 'text'>>(
  em: EntityManager,
  current: RuleSet,
  schema: GraphQLSchema,
  role: Role,
  verdict: Pick<Verdict, 'ruleSetVersion' | 'subjectType'>,
  view: { facts: VerdictFacts; rules: R[] },
): Promise<{ facts: VerdictFacts; rules: R[] }> {
  const document = await storedRuleSet(em, current, verdict.ruleSetVersion).then((stored) => stored.queryDocuments.get(verdict.subjectType), () => undefined);
  return storedFactsFor(role, schema, verdict.subjectType, document, view.facts, view.rules);
}
