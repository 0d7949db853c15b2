import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PERMISSIONS, Role, SEES_CIVIL_SERVANTS } from '../../auth/role';
import { AuditAction } from '../../domain/audit';
import { readLogOf } from '../../audit/read-log';
import { Verdict } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { measuresOf, type ConditionResult } from '../../domain/verdict';
import { evaluate, findVerdict } from '../../evaluation/evaluate.service';
import { compareVerdicts, recheck } from '../../evaluation/recheck.service';
import { parameterUses } from '../../evaluation/parameter-uses';
import { parameterUseView, withParameterUses } from '../parameter-use';
import { findLatestVerdict } from '../../db/repositories/verdict.repository';
import { staleGiven } from '../../evaluation/stale';
import { reasonFor } from '../../evaluation/reason';
import { verdictNotes } from '../../evaluation/provisional';
import { storedProvisionalOn } from '../../evaluation/provisional-uses';
import { chinaDate } from '../../domain/day';
import { explainedRules } from '../../evaluation/rule-texts';
import { buildSummary } from '../../evaluation/summary';
import { factWords } from '../../engine/schema-words';
import { BadUserInputError } from '../../errors';
import { assertId } from '../../db/repositories/lookup';
import { PageArgs, paginate } from '../connection';
import { evaluationDeps, type GraphQLContext } from '../context';
import { loadSubject, subjectKey } from '../loaders';
import { SubjectUnion } from '../types/subject.type';
import { ConditionExplanationType, ExplanationType } from '../types/explanation.type';
import { LocalizedTextType, MeasureType, RecheckType, SubjectInput, VerdictConnection, VerdictType } from '../types/verdict.type';
import { assertMayReadVerdict, assertMaySeeVerdictOf, verdictSubjectTypes, withheldSummary, withholdsStoredFacts, withoutUndisclosed } from '../visibility';
import { definedOnly } from '../where';
import { storedFactsOfVerdict } from '../stored-facts-view';
import { notePersonalRead } from '../personal-reads';

/** Notes a read of a civil servant's personnel file (a root narrowed to them), when there is such a servant. */
async function notePersonnelFile(context: GraphQLContext, servantId: string, field: string): Promise<void> {
  if (await context.loaders.civilServant.load(servantId)) notePersonalRead(context, servantId, field);
}

@Resolver(() => VerdictType)
export class VerdictResolver {
  @Mutation(() => VerdictType, {
    description: 'Evaluates a subject for a matter as of a moment (now by default) and stores the verdict with its facts, rule-set version and explanation.',
  })
  @Authorized(PERMISSIONS.evaluate)
  evaluate(
    @Arg('subject', () => SubjectInput) subject: SubjectInput,
    @Arg('matter', { description: 'A matter code from rules/matters.json, e.g. PROMOTION.' }) matter: string,
    @Arg('asOf', () => Date, { nullable: true, description: 'The moment to judge as of; records and rules in force then count. Default: now.' }) asOf: Date | null,
    @Ctx() context: GraphQLContext,
  ) {
    return evaluate(evaluationDeps(context), context.viewer, subject, matter, asOf ?? new Date());
  }

  @Mutation(() => RecheckType, { description: "Evaluates a stored verdict's subject and matter again with today's records and rules, stores it, and reports what differs." })
  @Authorized(PERMISSIONS.evaluate)
  async recheck(
    @Arg('verdictId', () => ID) verdictId: string,
    @Arg('asOf', () => Date, { nullable: true, description: 'Default: now.' }) asOf: Date | null,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const result = await recheck(evaluationDeps(context), context.viewer, verdictId, asOf ?? new Date());
    // The differences quote stored condition values: compared again as the reader's role reads each
    // verdict (by path, like the explanation), and left out when the original's facts are withheld
    // from the reader (a record corrected since it: the values it holds are the record's history).
    const [original, current] = await Promise.all([result.original, result.current].map(async (verdict) => ({
      ...verdict,
      rules: (await storedFactsOfVerdict(context.em, context.rules.current, info.schema, context.viewer.role, verdict, verdict)).rules,
    })));
    const withheld = await withholdsStoredFacts(context.viewer, context.loaders, result.original);
    const seen = compareVerdicts(original as Verdict, current as Verdict);
    const differences = withheld ? seen.filter((d) => !d.field.endsWith('.actual')) : seen;
    return { ...result, differences };
  }

  @Query(() => VerdictType, { nullable: true, description: 'A stored verdict, exactly as it was given; NOT_FOUND when there is none, and for the public when it is about a civil servant.' })
  async verdict(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: GraphQLContext) {
    const verdict = await findVerdict(em, id);
    assertMayReadVerdict(viewer, verdict);
    return verdict;
  }

  @Query(() => VerdictConnection, { description: "Stored verdicts, newest first, a page at a time. The public reads no civil servant's verdicts (personnel matters): they are left out, and asking for them by subject or by a civil-servant matter is refused. Narrowed to one civil servant (`subject`), it is their personnel file: recorded as READ_PERSONAL_DATA of that person whatever is selected, even `totalCount` alone; every field of a civil servant's verdict in any list is recorded the same way, once per person per request." })
  async verdicts(
    @Args() page: PageArgs,
    @Arg('subject', () => SubjectInput, { nullable: true }) subject: SubjectInput | null,
    @Arg('matter', () => String, { nullable: true }) matter: string | null,
    @Arg('sweepRunId', () => ID, { nullable: true, description: 'Only the verdicts this sweep gave.' }) sweepRunId: string | null,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { em, viewer, rules } = context;
    if (sweepRunId) assertId(sweepRunId, 'sweepRunId');
    const subjectType = verdictSubjectTypes(viewer, rules.current, { subjectType: subject?.type, matter });
    // Narrowed to one civil servant, the list is their personnel file even when only `totalCount`
    // or ids are read: how many decisions, in which matters, when (hostile21 F3). Recorded as
    // theirs whatever is selected, as `creditRecords(filter: { subjectId })` is.
    if (subject?.type === SubjectType.CIVIL_SERVANT) await notePersonnelFile(context, subject.id, 'verdicts');
    const where = definedOnly({ subjectType, subjectId: subject?.id, matter, sweepRunId });
    return paginate(em, Verdict, where, { evaluatedAt: 'desc', id: 'asc' }, page, info);
  }

  @Query(() => VerdictType, {
    nullable: true,
    description: "The newest decision about now: of the subject's stored verdicts for the matter, the most recently evaluated one that was evaluated as of the day it was made (China Standard Time). A verdict as of another day (2019, or a future date) is never the current one. Null when there is none. Check `stale` before relying on it. Same visibility as verdict: the public reads no civil servant's. A non-null answer about a civil servant says a personnel decision was made about them today: recorded as READ_PERSONAL_DATA of that person whatever is selected.",
  })
  async latestVerdict(
    @Arg('subject', () => SubjectInput) subject: SubjectInput,
    @Arg('matter', { description: 'A matter code from rules/matters.json, e.g. PROMOTION.' }) matter: string,
    @Ctx() context: GraphQLContext,
  ) {
    const { em, viewer, rules } = context;
    assertMaySeeVerdictOf(viewer, subject.type);
    if (!rules.current.matter(matter)) {
      throw new BadUserInputError('matter', `"${matter}" is not a matter in rules/matters.json; use one of ${rules.current.matters.map((m) => m.code).join(', ')}.`);
    }
    const latest = await findLatestVerdict(em, subject, matter);
    // "The verdict evaluated today as of today": that it exists says a personnel matter was decided
    // about this person today, whichever of its fields are read, even `__typename` (hostile21 F3).
    if (latest && latest.subjectType === SubjectType.CIVIL_SERVANT) notePersonalRead(context, latest.subjectId, 'latestVerdict');
    return latest;
  }

  @FieldResolver(() => LocalizedTextType, {
    description: "One plain sentence saying why: the strongest fired rule's explanation filled with the facts, or for ELIGIBLE with no rule fired the matter's eligibleReason (rules/matters.json), or that no rule was in force. Values from the facts are masked for the reader's role as in the explanation (ID-card numbers). Readable by whoever may read the verdict; not recorded as an explanation read, but for a civil servant recorded with the outcome and measures as a READ_PERSONAL_DATA of that person, once per person per request.",
  })
  async reason(@Root() verdict: Verdict, @Ctx() { em, loaders, viewer, rules }: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<LocalizedTextType> {
    // The reason is filled from the stored facts: withheld from the public exactly when the explanation is.
    if (await withholdsStoredFacts(viewer, loaders, verdict)) return withheldSummary(verdict.subjectType, viewer);
    // Filled from the stored facts, which are the system's, unmasked: read as the reader's role reads them, by path, as the explanation's texts are.
    const seen = await storedFactsOfVerdict(em, rules.current, info.schema, viewer.role, verdict, verdict);
    return reasonFor(verdict.outcome, seen.rules, rules.current.matter(verdict.matter), seen.facts?.subject);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "True when this verdict may no longer be what an evaluation would say now: the rule set in force is another version, or the subject, its credit grades (an enterprise), its credit records, their objections or repairs, its list memberships, commitments or court cases (for a civil servant, also their agency's) changed after it was evaluated. The passing of days alone (a record's counting or disclosure period ending) does not make it stale: compare `asOf` with today. Without a token: true when the rule set in force is another version, otherwise null (not told): the rows compared include some the public may not see (an undisclosed record, an objection), so their changes are not told to it.",
  })
  async stale(@Root() verdict: Verdict, @Ctx() { loaders, rules, viewer }: GraphQLContext): Promise<boolean | null> {
    const version = rules.current.version;
    if (verdict.ruleSetVersion !== version) return true;
    // hostile17 F4: an objection filed on an undisclosed record turned the public's `stale` true,
    // telling it that a record it may not see had just been written (the change feed hides such
    // writes from the public for that reason). Its digest covers every row, visible or not.
    if (viewer.role === Role.PUBLIC) return null;
    return staleGiven(verdict, version, await loaders.rowStateOfSubject.load(subjectKey(verdict.subjectType, verdict.subjectId)));
  }

  @FieldResolver(() => Boolean, { description: '暂定结论 / True when a rule the outcome rests on reads a proposed parameter (拟定，待有权机关确认), or a proposed local choice of the catalogue lists it: provisional until the deciding body decides the value or the reading. Not provisional when it rests on clause-sourced or decided values and decided readings only. See provisionalOn and explanation.provisionalNote.' })
  async provisional(@Root() verdict: Verdict, @Ctx() { em, rules }: GraphQLContext): Promise<boolean> {
    return (await storedProvisionalOn(em, rules.current, verdict, await explainedRules(em, rules.current, verdict))).length > 0;
  }

  @FieldResolver(() => [String], { description: 'The proposed parameters the outcome rests on, e.g. countsFor or gradePoints.B, then the proposed local choices listing a rule it rests on, e.g. localChoice:三(七)#1 (the catalogue clause and the choice\'s place in its localChoices); empty when not provisional.' })
  async provisionalOn(@Root() verdict: Verdict, @Ctx() { em, rules }: GraphQLContext): Promise<string[]> {
    return storedProvisionalOn(em, rules.current, verdict, await explainedRules(em, rules.current, verdict));
  }

  @FieldResolver(() => SubjectUnion, { nullable: true, description: 'The subject as it is now.' })
  subject(@Root() verdict: Verdict, @Ctx() { loaders }: GraphQLContext) {
    return loadSubject(loaders, verdict.subjectType, verdict.subjectId);
  }

  @FieldResolver(() => [MeasureType], { description: 'The measures that apply: one per fired rule, strongest first.' })
  async measures(@Root() verdict: Verdict, @Ctx() { em, rules }: GraphQLContext): Promise<MeasureType[]> {
    return measuresOf(await explainedRules(em, rules.current, verdict));
  }

  @FieldResolver(() => ExplanationType, { description: 'Why. A signed-in caller\'s read is recorded in the audit trail, once per verdict per request. The public gets no facts or evidence about a civil servant.' })
  async explanation(@Root() verdict: Verdict, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ExplanationType> {
    const personal = verdict.subjectType === SubjectType.CIVIL_SERVANT && !SEES_CIVIL_SERVANTS.includes(context.viewer.role);
    const explained = await explainedRules(context.em, context.rules.current, verdict);
    const disclosed = await withoutUndisclosed(context.viewer, context.loaders, explained, verdict.facts, verdict.evaluatedAt);
    // Whatever the facts file selected, every role gets only the fields it reads (masked where it reads them masked), by path (hostile8 F1).
    const visible = await storedFactsOfVerdict(context.em, context.rules.current, info.schema, context.viewer.role, verdict, disclosed);
    const uses = (await parameterUses(context.em, context.rules.current, verdict, explained)).map(parameterUseView);
    // Conditions go too, not just their actual values: `passed` of a rule that did not fire would
    // still tell what a record said (seriousIllegalDishonest == true, passed).
    const withheld = !personal && (await withholdsStoredFacts(context.viewer, context.loaders, verdict));
    const rules = personal
      ? withParameterUses(visible.rules, uses).map((r) => ({ ...r, evidence: [], text: null }))
      : withheld
        ? withParameterUses(visible.rules, uses).map((r) => ({ ...r, text: null, conditions: [] }))
        : withParameterUses(visible.rules, uses);
    // Recorded once per verdict per request, with the request's other reads (src/audit/read-log.ts).
    readLogOf(context).note({
      action: AuditAction.READ_EXPLANATION,
      subjectType: verdict.subjectType,
      subjectId: verdict.subjectId,
      targetId: verdict.id,
      outcome: personal ? 'read, personal data withheld' : 'read',
    });
    const notes = verdictNotes(verdict.subjectType, verdict.outcome, explained, verdict.day, chinaDate(verdict.evaluatedAt), await storedProvisionalOn(context.em, context.rules.current, verdict, explained));
    return {
      rules,
      parameters: uses,
      facts: personal || withheld ? {} : visible.facts,
      ...notes,
      factsWithheld: withheld,
      day: verdict.day,
      parametersFile: verdict.parametersFile,
      about: { ...verdict, provisionalOn: notes.provisionalOn, todaysValues: notes.todaysValues },
    };
  }
}

@Resolver(() => ExplanationType)
export class ExplanationResolver {
  @FieldResolver(() => String, { description: 'A short narrative from the rule templates and the facts: records, clauses, measures, mitigation, and why other rules did not apply.' })
  summary(
    @Root() explanation: ExplanationType,
    @Arg('locale', () => String, { defaultValue: 'zh', description: '"zh" or "en".' }) locale: string,
    @Ctx() { rules, viewer }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): string {
    if (locale !== 'zh' && locale !== 'en') throw new BadUserInputError('locale', `"${locale}" is not offered; use "zh" or "en".`);
    if (explanation.factsWithheld) return withheldSummary(explanation.about.subjectType, viewer)[locale];
    // Built once per explanation and language: aliases of `summary` share it (hostile14 F1: 45 aliases
    // built 45 summaries of each verdict), and an alias asks nothing else. The explanation object lives
    // for this request only.
    const built = summaries.get(explanation) ?? new Map<string, string>();
    summaries.set(explanation, built);
    const known = built.get(locale);
    if (known !== undefined) return known;
    const { about } = explanation;
    const matter = rules.current.matter(about.matter);
    const matterTitle = matter?.title ?? { zh: about.matter, en: about.matter };
    // Facts named in words from the facts types' descriptions (the facts query in force).
    const label = factWords(info.schema, rules.current, about.subjectType, locale);
    const summary = buildSummary({ outcome: about.outcome, score: about.score, day: about.day, matterTitle, eligibleTitle: matter?.eligibleTitle, rules: explanation.rules, parameters: explanation.parameters, label, provisionalOn: about.provisionalOn, todaysValues: about.todaysValues, subject: explanation.facts?.subject, subjectType: about.subjectType }, locale);
    built.set(locale, summary);
    return summary;
  }
}

/** Each explanation's summaries by language, built once (ExplanationResolver.summary). */
const summaries = new WeakMap<ExplanationType, Map<string, string>>();

@Resolver(() => ConditionExplanationType)
export class ConditionExplanationResolver {
  /** Set only where a reader's view withheld the condition (src/graphql/stored-facts-view.ts); false everywhere else. */
  @FieldResolver(() => Boolean)
  withheld(@Root() condition: ConditionResult): boolean {
    return condition.withheld === true;
  }
}
