import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDate } from '../domain/day';
import { SubjectType } from '../domain/subject';
import type { Decision, Outcome } from '../domain/verdict';
import type { RuleSet } from '../engine/rule-set';
import { subjectsAfter } from '../db/repositories/subjects';
import { decide } from './decide';
import { gatherFacts, type FactsRunner } from './facts';
import { assertMatter } from './matter';

/** How one subject's verdict for one matter would read. */
export interface ImpactSide {
  outcome: Outcome;
  score: number | null;
  /** Ids of the rules that fire. */
  measures: string[];
}

export interface OutcomeChange {
  subjectType: SubjectType;
  subjectId: string;
  subjectName: string;
  matter: string;
  before: ImpactSide;
  after: ImpactSide;
  /** The rules that fire under one set and not the other, or whose measure the draft rewords. */
  rules: string[];
}

/** How often one rule fires over the subjects evaluated, under the rules in force and under the draft. */
export interface RuleImpact {
  ruleId: string;
  firedBefore: number;
  firedAfter: number;
}

export interface MatterImpact {
  matter: string;
  /** The matter is not in the rules in force: every verdict of it is new, not a change. */
  newMatter: boolean;
  evaluated: number;
  changed: number;
  /** e.g. { "RESTRICTED→ELIGIBLE": 3 } */
  transitions: Record<string, number>;
}

export interface ImpactReport {
  currentVersion: string;
  draftVersion: string;
  day: string;
  matters: MatterImpact[];
  changes: OutcomeChange[];
  /** Every rule of the matters previewed, with its firings before and after: coverage per rule. */
  rules: RuleImpact[];
  /**
   * The ids of the civil servants whose facts the preview read, changed or not (hostile7 F1): the
   * ones it leaves out of `changes` are told by complement. Not part of the GraphQL answer.
   */
  civilServantsRead: string[];
}

/** Subjects whose facts are read together: their facts queries share batched loads. */
const CHUNK = 200;

/**
 * A preview runs in the server's process (previewRules), and json-rules-engine settles a whole run
 * in promise callbacks: without a pause, a page of subjects is decided in one stretch in which no
 * other request — /healthz included — is answered. Measured on the 2-core development machine with
 * the largest draft RULE_LIMITS allow (50 rule files of 100 leaf conditions): one decision takes
 * 150–330 ms, so 40 subjects held the event loop 9.5 s and a page of 200 would hold it about a
 * minute. Giving the event loop a turn before each decision bounds the stall by one decision
 * (a few microseconds per turn; a preview with the shipped rules decides ~80 µs per subject).
 * Moving the decisions to worker threads was the other way, and the heavier: the rule sets
 * (rules, engines, templates) would be rebuilt in each worker from the files and the schema —
 * checking a largest draft alone takes about a second — facts and decisions copied across,
 * and a worker pool started, sized and stopped with the server, for CPU the two cores share anyway.
 * test/security/preview-stalls-event-loop.test.ts answers /healthz while such a preview decides.
 */
const pause = (): Promise<void> => nextTurn();

const side = (decision: Decision): ImpactSide => ({ outcome: decision.outcome, score: decision.score, measures: decision.rules.filter((r) => r.fired).map((r) => r.ruleId).sort() });
const sameSide = (a: ImpactSide, b: ImpactSide, reworded: Set<string>) =>
  a.outcome === b.outcome && a.score === b.score && a.measures.join() === b.measures.join() && !a.measures.some((id) => reworded.has(id));

/** Rules in both sets whose measure the draft words differently: a subject they fire for changes too. */
function rewordedMeasures(current: RuleSet, draft: RuleSet): Set<string> {
  const before = new Map(current.rules.map((r) => [r.id, JSON.stringify(r.event.params.measure)]));
  return new Set(draft.rules.filter((r) => before.has(r.id) && before.get(r.id) !== JSON.stringify(r.event.params.measure)).map((r) => r.id));
}

/** Both sets read the same facts when their query and parameters for the day are the same. */
function sameFacts(current: RuleSet, draft: RuleSet, type: SubjectType, day: string): boolean {
  const query = (set: RuleSet) => set.files[set.factsQueries[type].file];
  return query(current) === query(draft) && JSON.stringify(current.parametersOn(day)?.values) === JSON.stringify(draft.parametersOn(day)?.values);
}

/**
 * What a draft rule set would change: every subject concerned is evaluated under the rules in force
 * and under the draft, on the same day, and the subjects whose outcome, score or fired rules differ
 * are listed with the rules responsible. Nothing is stored. Facts are read a chunk of subjects at a
 * time, each chunk in its own read-only read, so memory stays flat however many subjects there are.
 */
export async function previewImpact(
  em: EntityManager,
  facts: FactsRunner,
  current: RuleSet,
  draft: RuleSet,
  options: { matter?: string; asOf: Date },
): Promise<ImpactReport> {
  const day = chinaDate(options.asOf);
  const codes = options.matter ? [options.matter] : [...new Set([...current.matters, ...draft.matters].map((m) => m.code))];
  const matters = codes.map((code) => draft.matter(code) ?? current.matter(code)!).filter(Boolean);
  const impacts = new Map(matters.map((m) => [m.code, { matter: m.code, newMatter: !current.matter(m.code), evaluated: 0, changed: 0, transitions: {} } as MatterImpact]));
  const changes: OutcomeChange[] = [];
  const civilServantsRead: string[] = [];
  const reworded = rewordedMeasures(current, draft);
  const ruleImpacts = new Map<string, RuleImpact>();
  const ruleImpact = (ruleId: string) => ruleImpacts.get(ruleId) ?? ruleImpacts.set(ruleId, { ruleId, firedBefore: 0, firedAfter: 0 }).get(ruleId)!;

  for (const type of Object.values(SubjectType)) {
    const concerned = matters.filter((m) => m.subjectTypes.includes(type));
    if (!concerned.length) continue;
    for (const m of concerned) {
      if (current.matter(m.code)) assertMatter(current, type, m.code);
      for (const rule of [...current.rulesFor(type, m.code), ...draft.rulesFor(type, m.code)]) ruleImpact(rule.id);
    }
    const shared = sameFacts(current, draft, type, day);
    let after: string | undefined;
    for (;;) {
      const page = await subjectsAfter(em, type, after ?? null, CHUNK);
      if (!page.length) break;
      after = page[page.length - 1].id;
      // One read-only read per page, as the system, for both rule sets: a draft's facts query
      // runs exactly as a shipped one would, and can write nothing.
      const read = await facts.read((run) => Promise.all(page.map(async (s) => {
        const gather = (set: RuleSet) => gatherFacts(run, set, { type, id: s.id }, options.asOf, day);
        const currentFacts = await gather(current);
        return { subject: s, currentFacts, draftFacts: shared ? currentFacts : await gather(draft) };
      })));
      for (const { subject, currentFacts, draftFacts } of read) {
        if (type === SubjectType.CIVIL_SERVANT) civilServantsRead.push(subject.id);
        for (const matter of concerned) {
          // A matter only one set has is NO_RULE_IN_FORCE under the other: it has no rules there.
          const ref = { type, id: subject.id };
          await pause();
          const before = side(await decide(current, ref, matter.code, options.asOf, currentFacts));
          await pause();
          const afterSide = side(await decide(draft, ref, matter.code, options.asOf, draftFacts));
          const impact = impacts.get(matter.code)!;
          impact.evaluated++;
          before.measures.forEach((id) => ruleImpact(id).firedBefore++);
          afterSide.measures.forEach((id) => ruleImpact(id).firedAfter++);
          if (sameSide(before, afterSide, reworded)) continue;
          impact.changed++;
          const key = `${impact.newMatter ? 'NEW' : before.outcome}→${afterSide.outcome}`;
          impact.transitions[key] = (impact.transitions[key] ?? 0) + 1;
          const rules = [...new Set([...before.measures, ...afterSide.measures])].filter((id) => before.measures.includes(id) !== afterSide.measures.includes(id) || reworded.has(id));
          changes.push({ subjectType: type, subjectId: subject.id, subjectName: subject.name, matter: matter.code, before, after: afterSide, rules });
        }
      }
    }
  }
  const rules = [...ruleImpacts.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  return { currentVersion: current.version, draftVersion: draft.version, day, matters: [...impacts.values()], changes, rules, civilServantsRead };
}
