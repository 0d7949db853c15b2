import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CreditRecord, Enterprise } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import type { VerdictOutcome } from '../../domain/verdict';
import { assessSubject, firedStrongestFirst, type Assessment } from '../../evaluation/assess.service';
import type { FactsRunner, SubjectRef } from '../../evaluation/evaluate.service';
import { createContext, type GraphQLContext } from '../context';
import { getSchema } from '../schema';
import { EnterpriseType } from '../types/enterprise.type';
import { PublicStatusType } from '../types/public-status.type';
import { visibleRecords } from '../visibility';

/** Statuses are assessed on reading: one request may ask for this many (a page of 100 enterprises × one matter). */
export const MAX_STATUSES_PER_REQUEST = 100;

const NOTHING_APPLIES = { zh: '未发现影响该事项的信用记录，无限制措施。', en: 'No credit record affects this matter; no measure applies.' };

interface RequestState {
  runFacts: FactsRunner;
  assessed: number;
}
const perRequest = new WeakMap<GraphQLContext, RequestState>();

/**
 * The one place a status is assessed. Facts are read as the system (what the rules see does not
 * depend on who asks), through one runner per request so a page of subjects shares its batch loads.
 */
async function assessNow(context: GraphQLContext, subject: SubjectRef, matter: string): Promise<Assessment> {
  let state = perRequest.get(context);
  if (!state) {
    state = { runFacts: createContext(context.em, context.rules, await getSchema()).runFacts, assessed: 0 };
    perRequest.set(context, state);
  }
  if (++state.assessed > MAX_STATUSES_PER_REQUEST) {
    throw new GraphQLError(`A request may assess at most ${MAX_STATUSES_PER_REQUEST} statuses; ask for fewer subjects (first) or one matter (publicStatus(matter:)).`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: MAX_STATUSES_PER_REQUEST },
    });
  }
  return assessSubject({ em: context.em, ruleSet: context.rules.current, runFacts: state.runFacts }, subject, matter, new Date());
}

/** An assessment as the portal shows it: the measures, one reason, and the records behind it the viewer may see. */
async function toPublicStatus(context: GraphQLContext, assessment: Assessment): Promise<PublicStatusType> {
  const fired = firedStrongestFirst(assessment.run);
  const ids = [...new Set(fired.flatMap((r) => r.evidence.map((e) => e.id)).filter((id): id is string => typeof id === 'string'))];
  const loaded = await context.loaders.creditRecord.loadMany(ids);
  const records = loaded.filter((r): r is CreditRecord => r != null && !(r instanceof Error));
  const title = context.rules.current.matter(assessment.matter)?.title ?? { zh: assessment.matter, en: assessment.matter };
  return {
    matter: assessment.matter,
    matterTitle: title,
    outcome: assessment.run.outcome as VerdictOutcome,
    measures: fired.map((r) => ({ ruleId: r.ruleId, effect: r.effect, measure: r.measure, basis: r.basis, mitigation: r.mitigation, points: r.points })),
    reason: fired[0]?.text ?? NOTHING_APPLIES,
    records: visibleRecords(context.viewer, records) as never,
    asOf: assessment.asOf,
    day: assessment.day,
    ruleSetVersion: assessment.ruleSetVersion,
  };
}

@Resolver(() => EnterpriseType)
export class EnterprisePublicStatusResolver {
  @FieldResolver(() => PublicStatusType, {
    description: `Whether the enterprise may take part in a matter now (e.g. PROCUREMENT): outcome, measures, a one-line reason and the public records behind it. Assessed on reading, stored nowhere; readable by everyone, the public included. At most ${MAX_STATUSES_PER_REQUEST} per request.`,
  })
  async publicStatus(@Root() enterprise: Enterprise, @Arg('matter', { description: 'A matter for enterprises from rules/matters.json.' }) matter: string, @Ctx() context: GraphQLContext) {
    return toPublicStatus(context, await assessNow(context, { type: SubjectType.ENTERPRISE, id: enterprise.id }, matter));
  }

  @FieldResolver(() => [PublicStatusType], { description: 'publicStatus for every matter that concerns enterprises, in the order of rules/matters.json.' })
  async publicStatuses(@Root() enterprise: Enterprise, @Ctx() context: GraphQLContext) {
    const matters = context.rules.current.matters.filter((m) => m.subjectTypes.includes(SubjectType.ENTERPRISE));
    return Promise.all(matters.map(async (m) => toPublicStatus(context, await assessNow(context, { type: SubjectType.ENTERPRISE, id: enterprise.id }, m.code))));
  }
}
