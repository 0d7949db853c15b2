import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AbsenceFinding } from '../../domain/court-absence';
import { CaseKind } from '../../domain/court-facts';
import { FindingStanding } from '../../domain/finding-objection';
import { NotCountedReason } from '../../domain/not-counted';

// The facts types of lawsuits (CourtFacts and what it lists); values from src/domain/court-facts.ts.

@ObjectType('CourtCaseFact', { simpleResolvers: true })
export class CourtCaseFactType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '案号 / The case number.' })
  caseNumber!: string;

  @Field(() => CaseKind, { nullable: true, description: '案件类型 / Administrative, civil or other; null when not recorded (then it counts for nothing).' })
  kind!: CaseKind | null;

  @Field(() => LocalDateResolver, { description: '立案日期 / The day it was filed.' })
  filedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '开庭之日 / The day of the hearing; null when not recorded.' })
  hearingOn!: string | null;

  @Field(() => LocalDateResolver, { description: '出庭应诉的计算日 / The day the appearance is counted by: hearingOn, or filedOn when no hearing day was recorded (never later than the hearing, so it does not lengthen counting against the agency).' })
  appearanceCountedOn!: string;

  @Field(() => Boolean, { nullable: true, description: '负责人是否出庭 / Whether the head appeared (the principal, a deputy head or a head in charge of the matter: 法释〔2020〕3号 art. 2); null before the hearing.' })
  headAppeared!: boolean | null;

  @Field(() => AbsenceFinding, { nullable: true, description: '未出庭的认定 / The finding on the absence made by the day; null: none yet (未认定, it counts for nothing) or the head appeared.' })
  absenceFinding!: AbsenceFinding | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '认定之日 / The day of that finding.' })
  absenceFoundOn!: string | null;

  @Field({ description: '认定有正当理由 / The absence was found excused (EXCUSED) by the day: no failure.' })
  absenceExcused!: boolean;

  @Field({ description: '计入负责人未出庭 / Counted in headAbsences: administrative, within the period, the absence found without valid reason (UNEXCUSED) by the day.' })
  headFailure!: boolean;

  @Field(() => FindingStanding, { description: '认定的异议状态 / Where the absence finding stands on the day: DISPUTED while the agency\'s objection to it is pending, REVOKED once it was upheld (then it counts for nothing); IN_FORCE otherwise, or when there is no finding.' })
  findingStanding!: FindingStanding;

  @Field({ description: '当日是否为失信被执行人 / The agency was a listed judgment defaulter in this case on the day.' })
  defaulterOnDay!: boolean;

  @Field(() => Int, { description: '已驳回的异议数 / How many objections to the finding had been rejected by the day: a serial pattern shows here.' })
  objectionsRejected!: number;

  @Field({ description: '再次异议待处理、未受理中止 / An objection to the finding filed after an earlier one was rejected is undecided on the day and was not admitted on new grounds (admitFindingObjection): registered, it disputes nothing, and the finding counts (a local choice, catalogue 三(七)).' })
  renewedObjectionPending!: boolean;
}

@ObjectType('NotCountedCourtAbsence', { simpleResolvers: true, description: 'An absence without excuse from a hearing, in the period, left out of every count on the day, with why. The case stays on file.' })
export class NotCountedCourtAbsenceType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '案号 / The case number.' })
  caseNumber!: string;

  @Field(() => LocalDateResolver, { description: '未出庭之日 / The day the absence is counted by: the hearing day, or the filing day when none was recorded.' })
  occurredOn!: string;

  @Field(() => AbsenceFinding, { nullable: true, description: '未出庭的认定 / The finding on the absence made by the day (UNEXCUSED; an excused absence is never listed); null: nobody has yet found whether there was a valid reason (未认定).' })
  absenceFinding!: AbsenceFinding | null;

  @Field(() => NotCountedReason, { description: '不计入的理由 / ACT_BEFORE_IN_FORCE: an administrative case, but the absence occurred before actsFrom (不溯及既往); ABSENCE_UNREVIEWED: nobody has found whether it was without valid reason (未认定); CASE_KIND_UNKNOWN: the case kind was never recorded, and 三(八) counts administrative cases only (record it with updateCourtCase); FINDING_DISPUTED: the agency\'s objection to the finding is pending (findingsCountWhileDisputed false); FINDING_REVOKED: the objection was upheld and the finding revoked.' })
  reason!: NotCountedReason;
}

@ObjectType('CourtFacts', { simpleResolvers: true, description: "An agency's lawsuits as they stood on one day (三(八))." })
export class CourtFactsType {
  @Field({
    description: '失信被执行人名单且所依记录未在本系统修复（本系统读法，不是名单本身） / Not the listing itself: listings.judgmentDefaulter, true while a judgment-defaulter listing holds on the day AND the record behind it has no credit repair approved here; what 三(八) reads is listedByCourt. No shipped rule reads it; `rules check` warns of a rule that does.',
    deprecationReason: "Ends on a credit repair approved here, which does not end the court's listing: for the listing read listedByCourt, for an unrepaired record credit.judgmentDefaulter (law23 R1).",
  })
  judgmentDefaulter!: boolean;

  @Field({ description: '当日在失信被执行人名单（仅以法院移出为终止） / On the judgment-defaulter list on the day until the court removes it, whatever a repair of the record behind it: what 三(八) special governance reads.' })
  listedByCourt!: boolean;

  @Field(() => Int, { description: '经认定负责人无正当理由未出庭应诉的行政案件数 / Administrative cases whose hearing the head missed and whose absence was found without valid reason (UNEXCUSED) by the day, the hearing on or before the day and (when a period is given) within it, counted by appearanceCountedOn.' })
  headAbsences!: number;

  @Field(() => Int, { description: '未认定的负责人未出庭行政案件数 / Absences from administrative hearings in the period that nobody has found with or without valid reason by the day (未认定): they count for nothing and are listed in notCounted (ABSENCE_UNREVIEWED).' })
  absencesUnreviewed!: number;

  @Field(() => Int, { description: '案件类型未登记的负责人未出庭案件数 / Cases of no recorded kind (within the period when given) whose head was absent and not found excused: not counted in headAbsences until the kind is recorded.' })
  absencesOfUnknownKind!: number;

  @Field(() => Int, { description: '异议处理中的无正当理由未出庭认定数 / Absences found without valid reason (administrative, in the period) under the agency\'s objection pending on the day: in headAbsences only where disputed findings count (disputedFindingsCount).' })
  absencesDisputed!: number;

  @Field(() => Int, { description: '异议成立已撤销的未出庭认定数 / Absences whose finding was revoked on the agency\'s upheld objection by the day: in no count.' })
  absencesRevoked!: number;

  @Field(() => [CourtCaseFactType], { description: '诉讼案件 / The cases.' })
  cases!: CourtCaseFactType[];

  @Field(() => [NotCountedCourtAbsenceType], { description: '不计入的未出庭 / Absences in the period left out of headAbsences: administrative and not found excused but before actsFrom (不溯及既往), not yet examined (未认定), or of a case of no recorded kind (CASE_KIND_UNKNOWN).' })
  notCounted!: NotCountedCourtAbsenceType[];
}
