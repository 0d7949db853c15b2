import { GraphQLError, type GraphQLSchema, type GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { readLogOf } from '../../audit/read-log';
import { PERMISSIONS, type Role } from '../../auth/role';
import { AuditAction } from '../../domain/audit';
import { measuresOf, type Decision } from '../../domain/verdict';
import { reasonFor } from '../../evaluation/reason';
import { verdictNotes } from '../../evaluation/provisional';
import { chinaDate } from '../../domain/day';
import { parameterUsesNow } from '../../evaluation/parameter-uses';
import type { RuleSet } from '../../engine/rule-set';
import { parameterUseView, withParameterUses } from '../parameter-use';
import { BadUserInputError, NotFoundError } from '../../errors';
import { assertId } from '../../db/repositories/lookup';
import { assessManyNow, MAX_ASSESSMENTS_PER_REQUEST, reserveAssessments } from '../assessing';
import type { GraphQLContext } from '../context';
import { loadSubject } from '../loaders';
import { AssessmentResultType, AssessmentType } from '../types/assessment.type';
import { SubjectUnion } from '../types/subject.type';
import { ExplanationType } from '../types/explanation.type';
import { LocalizedTextType, SubjectInput } from '../types/verdict.type';
import { storedFactsFor, viewSourceOf } from '../stored-facts-view';

function toAssessment(decision: Decision, ruleSet: RuleSet, role: Role, schema: GraphQLSchema): AssessmentType {
  const uses = parameterUsesNow(ruleSet, decision.subjectType, decision.parametersFile, decision.facts.parameters, decision.rules).map(parameterUseView);
  // Facts are gathered as the system: the caller's role reads them as a stored verdict's, by path.
  const seen = storedFactsFor(role, schema, decision.subjectType, viewSourceOf(ruleSet, decision.subjectType), decision.facts, decision.rules);
  const notes = verdictNotes(decision.subjectType, decision.outcome, decision.rules, decision.day, chinaDate(new Date()), decision.provisionalOn);
  return {
    subjectType: decision.subjectType,
    subjectId: decision.subjectId,
    matter: decision.matter,
    asOf: decision.asOf,
    outcome: decision.outcome,
    score: decision.score,
    provisional: notes.provisional,
    provisionalOn: notes.provisionalOn,
    ruleSetVersion: decision.ruleSetVersion,
    measures: measuresOf(decision.rules),
    // Filled from the reader's view of the same facts, or the reason would quote what the explanation withholds.
    reason: reasonFor(decision.outcome, seen.rules, ruleSet.matter(decision.matter), seen.facts?.subject),
    // The same explanation, and the same summary (written `about` the decision), as evaluate gives.
    explanation: {
      rules: withParameterUses(seen.rules, uses),
      parameters: uses,
      day: decision.day,
      parametersFile: decision.parametersFile,
      facts: seen.facts,
      ...notes,
      factsWithheld: false,
      about: { ...decision, todaysValues: notes.todaysValues },
    },
  };
}

/** One read of an assessment's facts (its explanation or reason), for the request's audit entries. */
function noteRead(context: GraphQLContext, assessment: AssessmentType): void {
  readLogOf(context).note({
    action: AuditAction.READ_EXPLANATION,
    subjectType: assessment.subjectType,
    subjectId: assessment.subjectId,
    targetId: null,
    outcome: `read, assessment of ${assessment.matter} on ${assessment.explanation.day}`,
  });
}

/** A per-subject failure a caller can act on; anything else (the database gone) fails the request. */
function asResultError(error: unknown) {
  if (!(error instanceof GraphQLError)) throw error;
  const { code, field } = error.extensions as { code?: string; field?: string };
  return { code: code ?? 'INTERNAL_SERVER_ERROR', message: error.message, field: field ?? null };
}

@Resolver(() => AssessmentType)
export class AssessResolver {
  @Query(() => [AssessmentResultType], {
    description: `Assesses subjects for a matter as of a moment (now by default) and stores no verdict. One result per subject, in the order asked, each with its assessment or its error (one bad id does not stop the others). At most ${MAX_ASSESSMENTS_PER_REQUEST} subjects. Reading an assessment's explanation or reason (both show the facts it read) is recorded in the audit trail: READ_EXPLANATION about the subject, once per subject, matter and day per request. Reading a civil servant's outcome, score or measures (the rules that fired name the facts they test) is recorded as READ_PERSONAL_DATA, once per person per request. For a screen that shows status; use evaluate (stored, audited) for a decision on record.`,
  })
  @Authorized(PERMISSIONS.assess)
  async assess(
    @Arg('subjects', () => [SubjectInput], { validate: false, description: 'The subjects, of any kinds the matter concerns.' }) subjects: SubjectInput[],
    @Arg('matter', { description: 'A matter code from rules/matters.json, e.g. PROMOTION.' }) matter: string,
    @Arg('asOf', () => Date, { nullable: true, description: 'Default: now.' }) asOf: Date | null,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AssessmentResultType[]> {
    if (!subjects.length) throw new BadUserInputError('subjects', 'is empty; give at least one subject.');
    if (!context.rules.current.matter(matter)) {
      throw new BadUserInputError('matter', `"${matter}" is not a matter in rules/matters.json; use one of ${context.rules.current.matters.map((m) => m.code).join(', ')}.`);
    }
    reserveAssessments(context, subjects.length);
    // Ids first (one batched lookup); the subjects that exist are then assessed in one facts read.
    const checked = await Promise.all(subjects.map(async ({ type, id }, i): Promise<GraphQLError | null> => {
      try {
        assertId(id, `subjects[${i}].id`);
      } catch (error) {
        return error as GraphQLError;
      }
      return (await loadSubject(context.loaders, type, id)) ? null : new NotFoundError(type.toLowerCase().replace('_', ' '), id, `subjects[${i}].id`);
    }));
    const runnable = subjects.filter((_, i) => !checked[i]);
    const assessed = await assessManyNow(context, runnable.map(({ type, id }) => ({ type, id })), matter, asOf ?? new Date());
    let next = 0;
    return subjects.map(({ type, id }, i) => {
      const outcome = checked[i] ?? assessed[next++];
      const failed = outcome instanceof Error;
      return { subjectType: type, subjectId: id, assessment: failed ? null : toAssessment(outcome, context.rules.current, context.viewer.role, info.schema), error: failed ? asResultError(outcome) : null };
    });
  }

  /**
   * The explanation shows the facts the assessment read (values, evidence, the summary), and the
   * reason is filled with them (a name, a count of records): reads of personal data, recorded as a
   * verdict's explanation read is (src/audit/read-log.ts: one row per subject, matter and day per
   * request, written before the response leaves; PUBLIC, which cannot assess, would be logged
   * instead). Unlike a verdict's reason, an assessment's is recorded: no EVALUATE row records that
   * it was ever made. The assessment has no id: the row names its subject, its outcome the matter
   * and day.
   */
  @FieldResolver(() => ExplanationType)
  explanation(@Root() assessment: AssessmentType, @Ctx() context: GraphQLContext): ExplanationType {
    noteRead(context, assessment);
    return assessment.explanation;
  }

  @FieldResolver(() => LocalizedTextType)
  reason(@Root() assessment: AssessmentType, @Ctx() context: GraphQLContext): LocalizedTextType {
    noteRead(context, assessment);
    return assessment.reason;
  }

  @FieldResolver(() => SubjectUnion, { nullable: true, description: 'The subject as it is now.' })
  subject(@Root() assessment: AssessmentType, @Ctx() { loaders }: GraphQLContext) {
    return loadSubject(loaders, assessment.subjectType, assessment.subjectId);
  }
}
