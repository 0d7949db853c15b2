import { isDeepStrictEqual } from 'node:util';
import { getNamedType, isInterfaceType, isObjectType, type DocumentNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FIELD_READERS, readsWhole, type Role } from '../auth/role';
import { storedFieldReadable } from '../auth/stored-facts';
import type { Verdict } from '../db/entities';
import type { Bilingual } from '../domain/bilingual';
import type { ConditionResult, RuleResult, VerdictFacts } from '../domain/verdict';
import { pathExists, resolvePath } from '../engine/path';
import type { RuleSource } from '../engine/rule-loader';
import type { RuleSet } from '../engine/rule-set';
import type { SubjectType } from '../domain/subject';
import { PLACEHOLDER, renderTemplate } from '../engine/template';
import { storedRuleSet } from '../evaluation/snapshot';

const SUBJECT_TYPE_NAME: Record<string, string> = { AGENCY: 'Agency', CIVIL_SERVANT: 'CivilServant', ENTERPRISE: 'Enterprise' };

/** What a reader is shown in place of a value it may not read: the same mark wherever the value stood. */
export const WITHHELD_VALUE = '***';

const isPlain = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * A fired rule's text when it cannot be filled again for the reader (its template is not known, or
 * the facts query is not): never left empty, or a verdict's reason would fall through to "no measure
 * applies" for a subject a rule restricted.
 */
export const WITHHELD_TEXT: Bilingual = {
  zh: '（该说明依据的事实不能向您的角色显示）',
  en: '(this explanation rests on facts your role may not be shown)',
};

/** What a view of stored facts is made with: the facts query that gathered them, and each rule's template and evidence paths. */
export interface FactsViewSource {
  document: DocumentNode | undefined;
  rules: ReadonlyMap<string, RuleSource>;
}

type Viewed = Pick<RuleResult, 'ruleId' | 'evidence' | 'conditions' | 'text'>;

/**
 * The reader's copy of the facts: walked with the facts query that gathered them, keeping each
 * field the role reads whole, masking each it reads masked (FIELD_READERS: an ID-card number for
 * OFFICER), and leaving out every other field and anything the query does not account for.
 * `changed` says whether anything was left out or masked.
 */
function project(role: Role, schema: GraphQLSchema, subjectType: string, document: DocumentNode | undefined, subject: unknown): { subject: unknown; changed: boolean } {
  const root = document?.definitions.find((d) => d.kind === 'OperationDefinition');
  const subjectField = root?.kind === 'OperationDefinition' ? root.selectionSet.selections.find((s) => s.kind === 'Field') : undefined;
  const type = schema.getType(SUBJECT_TYPE_NAME[subjectType] ?? '');
  if (subjectField?.kind !== 'Field' || !type) return { subject: undefined, changed: subject !== undefined };
  let changed = false;
  const walk = (value: unknown, selectionSet: SelectionSetNode | undefined, on: GraphQLNamedType): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, selectionSet, on));
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
        const typeAndField = `${parent.name}.${field?.name}`;
        if (!field || !named || !storedFieldReadable(role, typeAndField, named.name)) continue;
        const guard = (FIELD_READERS as Record<string, { mask?: (v: string) => string }>)[typeAndField];
        if (guard?.mask && !readsWhole(role, typeAndField)) {
          // Readable masked: the value itself is masked, so every text and condition filled from it is too.
          changed = true;
          out[key] = typeof value[key] === 'string' ? guard.mask(value[key] as string) : value[key];
          continue;
        }
        out[key] = walk(value[key], selection.selectionSet, named);
      }
    };
    visitSet(selectionSet, on);
    if (Object.keys(value).some((key) => !(key in out))) changed = true;
    return out;
  };
  return { subject: walk(subject, subjectField.selectionSet, type), changed };
}

/** Whether the path reaches a value in the facts but not in the reader's copy: a value the role may not read. */
const withheldAt = (whole: unknown, seen: unknown, path: string) => pathExists(whole, path) && !pathExists(seen, path);

/** A template filled from the reader's copy of the facts: a placeholder whose value the role may not read shows WITHHELD_VALUE. */
function fillFor(template: string, whole: VerdictFacts, seen: VerdictFacts): string {
  const marked = template.replace(PLACEHOLDER, (placeholder, path: string) => (withheldAt(whole, seen, path) ? WITHHELD_VALUE : placeholder));
  return renderTemplate(marked, seen);
}

/** The identity of an evidence item inside its list: its id, else the item itself as JSON. */
const sameItem = (a: unknown, b: unknown) =>
  isPlain(a) && isPlain(b) && a.id !== undefined ? a.id === b.id : JSON.stringify(a) === JSON.stringify(b);

/**
 * What a role may read of stored facts — a verdict's or an assessment's — decided when they are
 * read, by path: facts are gathered as the system, unmasked, so the one view every reader gets
 * (facts, conditions, evidence, texts, reason, summary, a recheck's differences) is made here.
 * The facts are walked with the facts query that gathered them (project). Every value resting on
 * them is then taken again from that copy by the path it came from: a condition's `actual` by its
 * path (WITHHELD_VALUE where the role may not read it; where the copy's value differs from the
 * stored one — withheld, masked, or with parts left out — its `passed` is null and `withheld`
 * true, since whether it held would tell the hidden value), the evidence by its rule's evidence paths
 * (each item as the copy holds it, or left out), a fired rule's text filled again from its
 * template. Nothing is matched by string: an unrelated value equal to a withheld one stays, and a
 * withheld value in another form (a number, a list) goes. Without the query nothing of the facts
 * is given; without a rule's template or evidence paths its text (WITHHELD_TEXT instead) and
 * evidence are given only when the copy lacks nothing.
 */
export function storedFactsFor<R extends Viewed>(role: Role, schema: GraphQLSchema, subjectType: string, source: FactsViewSource, facts: VerdictFacts, rules: R[]): { facts: VerdictFacts; rules: R[] } {
  const { subject, changed } = project(role, schema, subjectType, source.document, facts.subject);
  const seen: VerdictFacts = { subject: subject === undefined ? null : subject, parameters: facts.parameters } as VerdictFacts;
  if (!changed) return { facts: seen, rules };
  const whole: VerdictFacts = facts;
  return {
    facts: seen,
    rules: rules.map((rule) => {
      const from = source.rules.get(rule.ruleId);
      const conditions = rule.conditions.map((c): ConditionResult => {
        if (c.fact !== 'subject') return c;
        const path = c.path ?? '$';
        if (pathExists(seen.subject, path)) {
          const shown = resolvePath(seen.subject, path);
          // Shown as it was: whether it held says nothing more. Masked, or with parts left out
          // (a record list without its repairs), whether it held would tell what is hidden.
          return isDeepStrictEqual(shown, resolvePath(whole.subject, path)) ? { ...c, actual: shown } : { ...c, actual: shown, passed: null, withheld: true };
        }
        // `$.credit.unrepaired equal 0` passed would say "no unrepaired record" as plainly as the value.
        if (withheldAt(whole.subject, seen.subject, path)) return { ...c, actual: WITHHELD_VALUE, passed: null, withheld: true };
        return c;
      });
      const evidence = from?.evidence
        ? rule.evidence.flatMap((item) => {
            for (const spec of from.evidence!) {
              const list = resolvePath(whole.subject, spec.path);
              const index = Array.isArray(list) ? list.findIndex((candidate) => sameItem(candidate, item)) : -1;
              if (index < 0) continue;
              const kept = resolvePath(seen.subject, spec.path);
              return Array.isArray(kept) && isPlain(kept[index]) ? [kept[index] as Record<string, unknown>] : [];
            }
            return [];
          })
        : [];
      const template: Bilingual | undefined = from?.explanation;
      const text = rule.text && template ? { zh: fillFor(template.zh, whole, seen), en: fillFor(template.en, whole, seen) } : WITHHELD_TEXT;
      return { ...rule, conditions, evidence, text: rule.text ? text : rule.text };
    }),
  };
}

/** The view source of a rule set in force: its facts query for the subject type, its rules' templates and evidence paths. */
export function viewSourceOf(ruleSet: RuleSet, subjectType: SubjectType): FactsViewSource {
  return {
    document: ruleSet.factsQueries[subjectType]?.document,
    rules: new Map(ruleSet.rules.filter((rule) => rule.subjectType === subjectType).map((rule) => [rule.id, { explanation: rule.explanation, evidence: rule.evidence ?? [] }])),
  };
}

/** The view source of a verdict's own rule-set version (none when its snapshot cannot be read: then no facts). */
export async function storedViewSource(em: EntityManager, current: RuleSet, verdict: Pick<Verdict, 'ruleSetVersion' | 'subjectType'>): Promise<FactsViewSource> {
  return storedRuleSet(em, current, verdict.ruleSetVersion).then(
    (stored) => ({ document: stored.queryDocuments.get(verdict.subjectType), rules: stored.ruleSources }),
    () => ({ document: undefined, rules: new Map() }),
  );
}

/** storedFactsFor with the facts query and rules of the verdict's own rule-set version. */
export async function storedFactsOfVerdict<R extends Viewed>(
  em: EntityManager,
  current: RuleSet,
  schema: GraphQLSchema,
  role: Role,
  verdict: Pick<Verdict, 'ruleSetVersion' | 'subjectType'>,
  view: { facts: VerdictFacts; rules: R[] },
): Promise<{ facts: VerdictFacts; rules: R[] }> {
  return storedFactsFor(role, schema, verdict.subjectType, await storedViewSource(em, current, verdict), view.facts, view.rules);
}
