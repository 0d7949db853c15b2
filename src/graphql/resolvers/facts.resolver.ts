import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FIELD_READERS, type Viewer } from '../../auth/role';
import type { Agency, CivilServant, Enterprise } from '../../db/entities';
import { CommitmentDomain } from '../../domain/commitment';
import { commitmentFacts, type CommitmentSelection } from '../../domain/commitment-facts';
import { creditFacts, type CreditOptions, type SeverityPeriods } from '../../domain/credit-facts';
import { RecordCategory, Severity } from '../../domain/credit-record';
import { chinaDate } from '../../domain/day';
import { courtFacts } from '../../domain/court-facts';
import { listFacts } from '../../domain/list-membership';
import { parsePeriod, type Period } from '../../domain/period';
import { isYearStart, reviewPeriodOn, type ReviewPeriod } from '../../domain/review-period';
import { CreditGrade, SubjectType } from '../../domain/subject';
import { BadUserInputError } from '../../errors';
import type { GraphQLContext } from '../context';
import { subjectKey, type Loaders } from '../loaders';
import { visibleRecords } from '../visibility';
import { AgencyType } from '../types/agency.type';
import { CivilServantType } from '../types/civil-servant.type';
import { EnterpriseType } from '../types/enterprise.type';
import { CommitmentFactsType } from '../types/commitment-facts.type';
import { CourtFactsType } from '../types/court-facts.type';
import { CreditFactsType, SeverityPeriodsInput } from '../types/credit-facts.type';
import { ListFactsType, ListMembershipType } from '../types/list-membership.type';
import { capped, factsRows } from '../list-caps';
import type { FactsField } from '../../engine/query-cost';

/** A period argument, or BAD_USER_INPUT naming the argument. */
function period(value: string | null | undefined, field: string): Period | null {
  if (value == null) return null;
  const parsed = parsePeriod(value);
  if (!parsed) throw new BadUserInputError(field, `"${value}" is not a calendar period of at least one day and at most 100 years (36500 days); write it as ISO 8601 years, months and days, e.g. "P3M", "P1Y", "P3Y".`);
  return parsed;
}

function periods(input: SeverityPeriodsInput | null | undefined): SeverityPeriods | null {
  if (!input) return null;
  return {
    minor: period(input.minor, 'countsFor.minor')!,
    general: period(input.general, 'countsFor.general')!,
    major: period(input.major, 'countsFor.major')!,
    severe: period(input.severe, 'countsFor.severe')!,
  };
}

/** How a credit field reads the records: its policy arguments, as the parameters in force give them. */
export interface CreditReading {
  countsFor: SeverityPeriodsInput | null;
  trustworthyFor: string | null;
  actsFrom: string | null;
  dishonestyCategories: RecordCategory[] | null;
  graveSeverities: Severity[] | null;
}

function creditOptions(reading: CreditReading): CreditOptions {
  const countsFor = periods(reading.countsFor);
  const trustworthy = period(reading.trustworthyFor, 'trustworthyFor');
  return { countsFor: countsFor || trustworthy ? { ...(countsFor ?? {}), trustworthy } as SeverityPeriods : null, actsFrom: reading.actsFrom, dishonestyCategories: reading.dishonestyCategories, graveSeverities: reading.graveSeverities };
}

/** Repairs of many records, each list loaded in one batch. */
async function repairsOf(loaders: Loaders, ids: string[]) {
  const lists = await loaders.repairsOfRecord.loadMany(ids);
  const byId = new Map(ids.map((rid, i) => [rid, lists[i] instanceof Error ? [] : (lists[i] as Exclude<(typeof lists)[number], Error>)]));
  return (rid: string) => byId.get(rid) ?? [];
}

/**
 * Credit facts of any subject: records, their repairs and objections, each loaded in one batch.
 * The public's facts come from the records publicly disclosed today only, whatever asOf it asks
 * (a past asOf must not bring back a record whose disclosure has ended). Evaluations never read
 * as the public: their facts queries run as the system.
 */
async function creditFactsOf(loaders: Loaders, viewer: Viewer, field: FactsField, type: SubjectType, id: string, asOf: Date, reading: CreditReading, occurredFrom?: string) {
  const all = visibleRecords(viewer, await loaders.creditRecordsOfSubject.load(subjectKey(type, id)));
  // The rows computed over: at most the cap the field is priced at, for callers (list-caps.ts).
  const records = factsRows(viewer, field, occurredFrom ? all.filter((r) => r.occurredOn >= occurredFrom) : all);
  const ids = records.map((r) => r.id);
  const [repairs, objections] = await Promise.all([repairsOf(loaders, ids), loaders.objectionsOfRecord.loadMany(ids)]);
  const objectionsById = new Map(ids.map((rid, i) => [rid, objections[i] instanceof Error ? [] : (objections[i] as Exclude<(typeof objections)[number], Error>)]));
  const on = chinaDate(asOf);
  return { on, ...creditFacts(records, repairs, (rid) => objectionsById.get(rid) ?? [], on, creditOptions(reading)) };
}

/** List memberships of any subject on the day, with the repairs of the records behind them. */
async function listFactsOf(loaders: Loaders, viewer: Viewer, field: FactsField, type: SubjectType, id: string, asOf: Date) {
  const memberships = factsRows(viewer, field, await loaders.listMembershipsOfSubject.load(subjectKey(type, id)));
  const ids = memberships.flatMap((m) => (m.record ? [m.record.id] : []));
  const repairs = await repairsOf(loaders, ids);
  return listFacts(
    memberships.map((m) => ({ ...m, recordId: m.record?.id ?? null })),
    repairs,
    chinaDate(asOf),
  );
}

const CREDIT = { description: '信用记录事实 / What the credit records say on the day of asOf (China Standard Time): the facts rules read.' };
const LISTINGS = { description: '名单事实 / Its list memberships on the day of asOf (失信被执行人名单, 严重违法失信名单).' };
const HISTORY = { description: '名单历史 / Every listing of this subject, newest first, removed or not (never deleted).' };
// Facts fields are read for every subject of a sweep: their few scalar arguments skip class-validator.
const AS_OF = { description: 'The moment the facts are about.', validate: false } as const;
const COUNTS_FOR = {
  nullable: true,
  validate: false,
  description: 'The calendar period a record of each severity counts for from its decision day; absent: until its disclosure ends.',
} as const;
const TRUSTWORTHY_FOR = {
  nullable: true,
  validate: false,
  description: '守信记录计入期间 / The calendar period a trustworthy (守信) record counts for from its decision day, e.g. "P3Y"; absent: until its disclosure ends.',
} as const;
const ACTS_FROM = {
  nullable: true,
  validate: false,
  description: '文件施行之日 / The day the document read took effect: records of acts before it count towards nothing and are listed in notCounted (不溯及既往). Absent: every act counts.',
} as const;
const BREACHES_FROM = {
  nullable: true,
  validate: false,
  description: '文件施行之日 / The day the document read took effect: a breach whose act (its due day, or its settling day when earlier) lies before it counts towards nothing and is listed in notCounted (不溯及既往). Absent: every breach counts.',
} as const;
const ABSENCES_FROM = {
  nullable: true,
  validate: false,
  description: '文件施行之日 / The day the document read took effect: an absence whose hearing (or, unrecorded, filing) day lies before it counts towards nothing and is listed in notCounted (不溯及既往). Absent: every absence counts.',
} as const;
const DISHONESTY_CATEGORIES = {
  nullable: true,
  validate: false,
  description: '所引条款所称的失信类别 / Only dishonesty records of these categories count (the conduct the clause read speaks of); the others are listed in notCounted. Absent: all.',
} as const;
const GRAVE_SEVERITIES = {
  nullable: true,
  validate: false,
  description: '视为重大的严重程度 / The severities unrepairedGraveUndisputed counts (a policy parameter). Absent: that count is null.',
} as const;
const WITHIN = { nullable: true, validate: false, description: '回溯期间，如 "P2Y"；不填则不限 / Only what counts in the calendar period ending on the day, e.g. "P2Y": a breach from the day of its finding (foundOn), a fulfilled commitment from the day it was settled, an absence from court (出庭应诉) from its hearing day (the filing day when none is recorded); absent: all.' } as const;
const DOMAINS = { nullable: true, validate: false, description: 'Only commitments of these fields (a commitment whose field is not recorded matches none); absent: all. 四(四) speaks of INFRASTRUCTURE, PUBLIC_SERVICE and LIVELIHOOD.' } as const;
const PUBLICLY_DISCLOSED = { nullable: true, validate: false, description: 'Only commitments disclosed to the public (true) or not (false); one whose disclosure is not recorded matches neither. Absent: all.' } as const;

const REVIEW_YEAR_STARTS_ON = {
  nullable: true,
  validate: false,
  description: '考核年度起始月日，如 "01-01"（自然年度）；不填则不按考核年度 / The day of the year ("MM-DD") annual reviews start on, e.g. "01-01" for calendar years: only findings (and fulfilments) made in the review period containing the day count, and reviewPeriod names it. Absent: no review period.',
} as const;

/** The review period containing the day, from the first day of the review year, checked. */
function reviewOn(on: string, startsOn: string | null): ReviewPeriod | null {
  if (startsOn == null) return null;
  if (!isYearStart(startsOn)) throw new BadUserInputError('reviewYearStartsOn', `"${startsOn}" is not a day every year has: write the month and day the review year starts on as "MM-DD", e.g. "01-01" (not "02-29").`);
  return reviewPeriodOn(on, startsOn);
}

function selection(domains: CommitmentDomain[] | null, publiclyDisclosed: boolean | null, actsFrom: string | null, review: ReviewPeriod | null = null): CommitmentSelection {
  return { domains, publiclyDisclosed, actsFrom, review };
}

@Resolver(() => AgencyType)
export class AgencyFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  credit(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsFor', () => SeverityPeriodsInput, COUNTS_FOR) countsFor: SeverityPeriodsInput | null,
    @Arg('trustworthyFor', () => String, TRUSTWORTHY_FOR) trustworthyFor: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ACTS_FROM) actsFrom: string | null,
    @Arg('dishonestyCategories', () => [RecordCategory], DISHONESTY_CATEGORIES) dishonestyCategories: RecordCategory[] | null,
    @Arg('graveSeverities', () => [Severity], GRAVE_SEVERITIES) graveSeverities: Severity[] | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, 'Agency.credit', SubjectType.AGENCY, agency.id, asOf, { countsFor, trustworthyFor, actsFrom, dishonestyCategories, graveSeverities });
  }

  @FieldResolver(() => ListFactsType, LISTINGS)
  listings(@Root() agency: Agency, @Arg('asOf', AS_OF) asOf: Date, @Ctx() { loaders, viewer }: GraphQLContext) {
    return listFactsOf(loaders, viewer, 'Agency.listings', SubjectType.AGENCY, agency.id, asOf);
  }

  @FieldResolver(() => [ListMembershipType], HISTORY)
  async listMemberships(@Root() agency: Agency, @Ctx() { loaders }: GraphQLContext) {
    return capped('Agency.listMemberships', await loaders.listMembershipsOfSubject.load(subjectKey(SubjectType.AGENCY, agency.id)));
  }

  @FieldResolver(() => CommitmentFactsType, { description: '公开承诺事实 / Its public commitments on the day of asOf (三(五), 四(四), 四(五)), or those of some fields and disclosure only.' })
  async commitmentFacts(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('domains', () => [CommitmentDomain], DOMAINS) domains: CommitmentDomain[] | null,
    @Arg('publiclyDisclosed', () => Boolean, PUBLICLY_DISCLOSED) publiclyDisclosed: boolean | null,
    @Arg('actsFrom', () => LocalDateResolver, BREACHES_FROM) actsFrom: string | null,
    @Arg('reviewYearStartsOn', () => String, REVIEW_YEAR_STARTS_ON) reviewYearStartsOn: string | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    const on = chinaDate(asOf);
    const review = reviewOn(on, reviewYearStartsOn);
    return commitmentFacts(factsRows(viewer, 'Agency.commitmentFacts', await loaders.commitmentsOfAgency.load(agency.id)), on, period(within, 'within'), selection(domains, publiclyDisclosed, actsFrom, review));
  }

  @FieldResolver(() => CourtFactsType, { description: '诉讼事实 / Its lawsuits on the day of asOf (三(八)); judgmentDefaulter comes from its list memberships.' })
  async courtFacts(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ABSENCES_FROM) actsFrom: string | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    const [cases, listings] = await Promise.all([loaders.courtCasesOfAgency.load(agency.id), listFactsOf(loaders, viewer, 'Agency.listings', SubjectType.AGENCY, agency.id, asOf)]);
    return courtFacts(factsRows(viewer, 'Agency.courtFacts', cases), chinaDate(asOf), listings.judgmentDefaulter, period(within, 'within'), listings.listedByCourt, actsFrom);
  }
}

@Resolver(() => CivilServantType)
export class CivilServantFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  @Authorized(FIELD_READERS['CivilServant.credit'].roles)
  credit(
    @Root() servant: CivilServant,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsFor', () => SeverityPeriodsInput, COUNTS_FOR) countsFor: SeverityPeriodsInput | null,
    @Arg('trustworthyFor', () => String, TRUSTWORTHY_FOR) trustworthyFor: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ACTS_FROM) actsFrom: string | null,
    @Arg('dishonestyCategories', () => [RecordCategory], DISHONESTY_CATEGORIES) dishonestyCategories: RecordCategory[] | null,
    @Arg('graveSeverities', () => [Severity], GRAVE_SEVERITIES) graveSeverities: Severity[] | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, 'CivilServant.credit', SubjectType.CIVIL_SERVANT, servant.id, asOf, { countsFor, trustworthyFor, actsFrom, dishonestyCategories, graveSeverities });
  }

  @FieldResolver(() => ListFactsType, LISTINGS)
  @Authorized(FIELD_READERS['CivilServant.listings'].roles)
  listings(@Root() servant: CivilServant, @Arg('asOf', AS_OF) asOf: Date, @Ctx() { loaders, viewer }: GraphQLContext) {
    return listFactsOf(loaders, viewer, 'CivilServant.listings', SubjectType.CIVIL_SERVANT, servant.id, asOf);
  }

  @FieldResolver(() => [ListMembershipType], HISTORY)
  @Authorized(FIELD_READERS['CivilServant.listMemberships'].roles)
  async listMemberships(@Root() servant: CivilServant, @Ctx() { loaders }: GraphQLContext) {
    return capped('CivilServant.listMemberships', await loaders.listMembershipsOfSubject.load(subjectKey(SubjectType.CIVIL_SERVANT, servant.id)));
  }

  @FieldResolver(() => CommitmentFactsType, { description: '本人负责的承诺事实 / Commitments this person is answerable for, on the day of asOf (三(四), 四(四)), or those of some fields and disclosure only.' })
  @Authorized(FIELD_READERS['CivilServant.commitmentFacts'].roles)
  async commitmentFacts(
    @Root() servant: CivilServant,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('domains', () => [CommitmentDomain], DOMAINS) domains: CommitmentDomain[] | null,
    @Arg('publiclyDisclosed', () => Boolean, PUBLICLY_DISCLOSED) publiclyDisclosed: boolean | null,
    @Arg('actsFrom', () => LocalDateResolver, BREACHES_FROM) actsFrom: string | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return commitmentFacts(factsRows(viewer, 'CivilServant.commitmentFacts', await loaders.commitmentsOfResponsible.load(servant.id)), chinaDate(asOf), period(within, 'within'), selection(domains, publiclyDisclosed, actsFrom));
  }

  @FieldResolver(() => CreditFactsType, {
    description:
      '任主要负责人期间所在机关的信用事实 / Their agency\'s credit facts over the records of acts that occurred while they were its principal (on or after principalSince): ' +
      'what 三(六) holds "the principal who caused it" answerable for. No records when they are not principal, or when the day they took office was never recorded.',
  })
  @Authorized(FIELD_READERS['CivilServant.agencyCreditAsPrincipal'].roles)
  agencyCreditAsPrincipal(
    @Root() servant: CivilServant,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsFor', () => SeverityPeriodsInput, COUNTS_FOR) countsFor: SeverityPeriodsInput | null,
    @Arg('trustworthyFor', () => String, TRUSTWORTHY_FOR) trustworthyFor: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ACTS_FROM) actsFrom: string | null,
    @Arg('dishonestyCategories', () => [RecordCategory], DISHONESTY_CATEGORIES) dishonestyCategories: RecordCategory[] | null,
    @Arg('graveSeverities', () => [Severity], GRAVE_SEVERITIES) graveSeverities: Severity[] | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    // Not principal, or tenure unknown: nothing of the agency's is attributed to them (an empty list of records).
    const since = servant.principal && servant.principalSince ? servant.principalSince : '9999-12-31';
    return creditFactsOf(loaders, viewer, 'CivilServant.agencyCreditAsPrincipal', SubjectType.AGENCY, servant.agency.id, asOf, { countsFor, trustworthyFor, actsFrom, dishonestyCategories, graveSeverities }, since);
  }
}

@Resolver(() => EnterpriseType)
export class EnterpriseFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  credit(
    @Root() enterprise: Enterprise,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsFor', () => SeverityPeriodsInput, COUNTS_FOR) countsFor: SeverityPeriodsInput | null,
    @Arg('trustworthyFor', () => String, TRUSTWORTHY_FOR) trustworthyFor: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ACTS_FROM) actsFrom: string | null,
    @Arg('dishonestyCategories', () => [RecordCategory], DISHONESTY_CATEGORIES) dishonestyCategories: RecordCategory[] | null,
    @Arg('graveSeverities', () => [Severity], GRAVE_SEVERITIES) graveSeverities: Severity[] | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, 'Enterprise.credit', SubjectType.ENTERPRISE, enterprise.id, asOf, { countsFor, trustworthyFor, actsFrom, dishonestyCategories, graveSeverities });
  }

  @FieldResolver(() => ListFactsType, LISTINGS)
  listings(@Root() enterprise: Enterprise, @Arg('asOf', AS_OF) asOf: Date, @Ctx() { loaders, viewer }: GraphQLContext) {
    return listFactsOf(loaders, viewer, 'Enterprise.listings', SubjectType.ENTERPRISE, enterprise.id, asOf);
  }

  @FieldResolver(() => [ListMembershipType], HISTORY)
  async listMemberships(@Root() enterprise: Enterprise, @Ctx() { loaders }: GraphQLContext) {
    return capped('Enterprise.listMemberships', await loaders.listMembershipsOfSubject.load(subjectKey(SubjectType.ENTERPRISE, enterprise.id)));
  }

  @FieldResolver(() => CreditGrade, { nullable: true, description: '当日信用评价等级 / The credit grade in force on the day of asOf; null when it was given later or never.' })
  creditGradeOn(@Root() enterprise: Enterprise, @Arg('asOf', AS_OF) asOf: Date): CreditGrade | null {
    return enterprise.creditGrade && enterprise.gradedOn && enterprise.gradedOn <= chinaDate(asOf) ? enterprise.creditGrade : null;
  }
}
