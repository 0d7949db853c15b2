import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SEES_CIVIL_SERVANTS, type Viewer } from '../../auth/role';
import type { Agency, CivilServant, Enterprise } from '../../db/entities';
import { commitmentFacts } from '../../domain/commitment-facts';
import { chinaDate, creditFacts } from '../../domain/credit-facts';
import { courtFacts } from '../../domain/court-facts';
import { CreditGrade, SubjectType } from '../../domain/subject';
import type { GraphQLContext } from '../context';
import { subjectKey, type Loaders } from '../loaders';
import { visibleRecords } from '../visibility';
import { AgencyType } from '../types/agency.type';
import { CivilServantType } from '../types/civil-servant.type';
import { EnterpriseType } from '../types/enterprise.type';
import { CommitmentFactsType, CourtFactsType, CreditFactsType, SeverityDaysInput } from '../types/facts.type';

/**
 * Credit facts of any subject: records, their repairs and objections, each loaded in one batch.
 * The public's facts come from the records publicly disclosed today only, whatever asOf it asks
 * (a past asOf must not bring back a record whose disclosure has ended). Evaluations never read
 * as the public: their facts queries run as the system.
 */
async function creditFactsOf(loaders: Loaders, viewer: Viewer, type: SubjectType, id: string, asOf: Date, countsForDays?: SeverityDaysInput | null) {
  const records = visibleRecords(viewer, await loaders.creditRecordsOfSubject.load(subjectKey(type, id)));
  const ids = records.map((r) => r.id);
  const [repairs, objections] = await Promise.all([loaders.repairsOfRecord.loadMany(ids), loaders.objectionsOfRecord.loadMany(ids)]);
  const byId = <T>(lists: (T[] | Error)[]) => new Map(ids.map((rid, i) => [rid, lists[i] instanceof Error ? [] : (lists[i] as T[])]));
  const repairsById = byId(repairs);
  const objectionsById = byId(objections);
  const on = chinaDate(asOf);
  return { on, ...creditFacts(records, (rid) => repairsById.get(rid) ?? [], (rid) => objectionsById.get(rid) ?? [], on, countsForDays) };
}

const CREDIT = { description: 'What the credit records say on the day of asOf (China Standard Time): the facts rules read.' };
// Facts fields are read for every subject of a sweep: their few scalar arguments skip class-validator.
const AS_OF = { description: 'The moment the facts are about.', validate: false } as const;
const COUNTS_FOR = { nullable: true, validate: false, description: 'Days a record counts after it occurred, by severity; absent: until its disclosure ends.' } as const;
const WITHIN = { nullable: true, validate: false, description: 'Only what happened in the last N days; absent: all.' } as const;

@Resolver(() => AgencyType)
export class AgencyFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  credit(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsForDays', () => SeverityDaysInput, COUNTS_FOR) countsForDays: SeverityDaysInput | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, SubjectType.AGENCY, agency.id, asOf, countsForDays);
  }

  @FieldResolver(() => CommitmentFactsType, { description: 'Its public commitments on the day of asOf (三(五), 四(四), 四(五)).' })
  async commitmentFacts(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('withinDays', () => Int, WITHIN) withinDays: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ) {
    return commitmentFacts(await loaders.commitmentsOfAgency.load(agency.id), chinaDate(asOf), withinDays);
  }

  @FieldResolver(() => CourtFactsType, { description: 'Its lawsuits on the day of asOf (三(八)).' })
  async courtFacts(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('withinDays', () => Int, WITHIN) withinDays: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ) {
    return courtFacts(await loaders.courtCasesOfAgency.load(agency.id), chinaDate(asOf), withinDays);
  }
}

@Resolver(() => CivilServantType)
export class CivilServantFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  @Authorized(SEES_CIVIL_SERVANTS)
  credit(
    @Root() servant: CivilServant,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsForDays', () => SeverityDaysInput, COUNTS_FOR) countsForDays: SeverityDaysInput | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, SubjectType.CIVIL_SERVANT, servant.id, asOf, countsForDays);
  }

  @FieldResolver(() => CommitmentFactsType, { description: 'Commitments this person is answerable for, on the day of asOf (三(四), 四(四)).' })
  @Authorized(SEES_CIVIL_SERVANTS)
  async commitmentFacts(
    @Root() servant: CivilServant,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('withinDays', () => Int, WITHIN) withinDays: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ) {
    return commitmentFacts(await loaders.commitmentsOfResponsible.load(servant.id), chinaDate(asOf), withinDays);
  }
}

@Resolver(() => EnterpriseType)
export class EnterpriseFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  credit(
    @Root() enterprise: Enterprise,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsForDays', () => SeverityDaysInput, COUNTS_FOR) countsForDays: SeverityDaysInput | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, SubjectType.ENTERPRISE, enterprise.id, asOf, countsForDays);
  }

  @FieldResolver(() => CreditGrade, { nullable: true, description: 'The credit grade in force on the day of asOf; null when it was given later or never.' })
  creditGradeOn(@Root() enterprise: Enterprise, @Arg('asOf', AS_OF) asOf: Date): CreditGrade | null {
    return enterprise.creditGrade && enterprise.gradedOn && enterprise.gradedOn <= chinaDate(asOf) ? enterprise.creditGrade : null;
  }
}
