import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { CreditRecord, Enterprise } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { firedStrongestFirst, measuresOf, type Decision } from '../../domain/verdict';
import { reasonFor } from '../../evaluation/reason';
import { assessEnterpriseNow, MAX_ASSESSMENTS_PER_REQUEST, reserveAssessments } from '../assessing';
import type { GraphQLContext } from '../context';
import { EnterpriseType } from '../types/enterprise.type';
import { PublicStatusType } from '../types/public-status.type';
import { visibleRecords } from '../visibility';
import { storedFactsFor, viewSourceOf } from '../stored-facts-view';
import type { EnterpriseSubject } from '../loaders';

/** An assessment as the portal shows it: the measures, one reason, and the records behind it the viewer may see. */
/** The reason, from the facts as the viewer's role sees them (the ELIGIBLE case names the limb that held). */
function reasonOf(context: GraphQLContext, info: GraphQLResolveInfo, assessment: Decision, matter: ReturnType<GraphQLContext['rules']['current']['matter']>) {
  const seen = storedFactsFor(context.viewer.role, info.schema, assessment.subjectType, viewSourceOf(context.rules.current, assessment.subjectType), assessment.facts, assessment.rules);
  return reasonFor(assessment.outcome, seen.rules, matter, seen.facts?.subject);
}

async function toPublicStatus(context: GraphQLContext, info: GraphQLResolveInfo, assessment: Decision): Promise<PublicStatusType> {
  const fired = firedStrongestFirst(assessment.rules);
  const ids = [...new Set(fired.flatMap((r) => r.evidence.map((e) => e.id)).filter((id): id is string => typeof id === 'string'))];
  const loaded = await context.loaders.creditRecord.loadMany(ids);
  const records = loaded.filter((r): r is CreditRecord => r != null && !(r instanceof Error));
  const matter = context.rules.current.matter(assessment.matter);
  const title = matter?.title ?? { zh: assessment.matter, en: assessment.matter };
  return {
    matter: assessment.matter,
    matterTitle: title,
    outcome: assessment.outcome,
    measures: measuresOf(assessment.rules),
    // Filled from facts gathered as the system: masked for the viewer's role like any text from facts.
    reason: reasonOf(context, info, assessment, matter),
    records: visibleRecords(context.viewer, records),
    asOf: assessment.asOf,
    day: assessment.day,
    ruleSetVersion: assessment.ruleSetVersion,
  };
}

@Resolver(() => EnterpriseType)
export class EnterprisePublicStatusResolver {
  @FieldResolver(() => PublicStatusType, {
    description: `Whether the enterprise may take part in a matter now (e.g. PROCUREMENT): outcome, measures, a one-line reason and the public records behind it. Assessed on reading, stored nowhere; readable by everyone, the public included. A page's statuses are assessed together in one facts read. At most ${MAX_ASSESSMENTS_PER_REQUEST} per request.`,
  })
  async publicStatus(@Root() enterprise: EnterpriseSubject, @Arg('matter', { description: 'A matter for enterprises from rules/matters.json.' }) matter: string, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    reserveAssessments(context, 1);
    return toPublicStatus(context, info, await assessEnterpriseNow(context, enterprise.id, matter));
  }

  @FieldResolver(() => [PublicStatusType], { description: 'publicStatus for every matter that concerns enterprises, in the order of rules/matters.json.' })
  async publicStatuses(@Root() enterprise: EnterpriseSubject, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const matters = context.rules.current.matters.filter((m) => m.subjectTypes.includes(SubjectType.ENTERPRISE));
    reserveAssessments(context, matters.length);
    return Promise.all(matters.map(async (m) => toPublicStatus(context, info, await assessEnterpriseNow(context, enterprise.id, m.code))));
  }
}
