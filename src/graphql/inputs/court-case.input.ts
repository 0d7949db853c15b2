import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AbsenceFinding } from '../../domain/court-absence';
import { CaseKind } from '../../domain/court-facts';
import { HappenedOn } from '../validators';
import { NonEmptyText } from './non-empty-text';
import { TextField } from './text-field';

const HEARING_ON =
  '开庭之日 / The day of the hearing at which the head appeared or not (三(八) 出庭应诉): an absence counts by this day. ' +
  'Not before filedOn. Absent: the filing day stands in (never later than the hearing, so it does not lengthen counting against the agency).';

/** hostile30 F1: what a clerk may change of the defaulter listing alone (src/registry/court-case-past-days.ts). */
const PAST_DEFAULTER_DAYS = 'A change to the defaulter listing that rewrites a day before today, on a case on record before today, takes a second person (ADMIN; FORBIDDEN, SECOND_PERSON_REQUIRED); a removal dated today is the clerk\'s.';

@InputType({ description: 'A lawsuit with an agency as defendant.' })
export class CreateCourtCaseInput {
  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @TextField(100)
  caseNumber!: string;

  @TextField(200)
  court!: string;

  @HappenedOn()
  filedOn!: string;

  @HappenedOn({ nullable: true, description: HEARING_ON })
  hearingOn?: string | null;

  @Field(() => CaseKind, { nullable: true, description: '案件类型（必填） / Required: ADMINISTRATIVE (行政诉讼, the only kind that counts under 三(八)), CIVIL (民事诉讼) or OTHER (执行、刑事及其他). There is no default: a missing kind is refused (BAD_USER_INPUT on kind).' })
  kind?: CaseKind | null;

  @Field(() => Boolean, { nullable: true, description: '负责人是否出庭 / Did the head appear? True also when a deputy head or a head in charge of the matter appeared (法释〔2020〕3号 art. 2; rules/catalogue/ 三(八)).' })
  headAppeared?: boolean | null;
}

@InputType({ description: "Changes to a court case: its kind, the head's appearance, the defaulter listing." })
export class UpdateCourtCaseInput {
  @Field(() => CaseKind, { nullable: true, description: '案件类型 / Record the kind of a case registered without one (it counts for nothing under 三(八) until recorded), or correct it.' })
  kind?: CaseKind;

  @HappenedOn({ nullable: true, description: `${HEARING_ON} Fixed once a finding on the head's absence is on record (CONFLICT): the finding counts by it. A first hearing day after a finding, on a case on record before today, takes a second person (ADMIN; FORBIDDEN, SECOND_PERSON_REQUIRED).` })
  hearingOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: '负责人是否出庭 / Did the head appear? True also when a deputy head or a head in charge of the matter appeared (法释〔2020〕3号 art. 2; rules/catalogue/ 三(八)).' })
  headAppeared?: boolean | null;

  @TextField(200, { nullable: true, mayBeEmpty: true, description: 'Who the absent head entrusted to appear (委托出庭人).' })
  entrustedRepresentative?: string | null;

  @TextField(2000, { multiLine: true, nullable: true, mayBeEmpty: true, description: 'The valid reason (正当理由) found for the head\'s absence.' })
  validAbsenceReason?: string | null;

  @Field({ nullable: true, description: PAST_DEFAULTER_DAYS })
  judgmentDefaulter?: boolean;

  @HappenedOn({ nullable: true, description: `Required when judgmentDefaulter becomes true. ${PAST_DEFAULTER_DAYS}` })
  defaulterListedOn?: string | null;

  @HappenedOn({ nullable: true, description: PAST_DEFAULTER_DAYS })
  defaulterRemovedOn?: string | null;
}

@InputType({ description: '负责人未出庭的认定 / The finding on a head\'s absence from a hearing (三(八)): until it is recorded the absence counts for nothing.' })
export class RecordAbsenceFindingInput {
  @Field(() => ID)
  @IsUUID()
  courtCaseId!: string;

  @Field(() => AbsenceFinding, { description: 'UNEXCUSED (无正当理由未出庭，或未依规委托出庭): counts under 三(八) from foundOn. EXCUSED (有正当理由并依规委托): counts for nothing.' })
  finding!: AbsenceFinding;

  @HappenedOn({ description: '认定之日 / The day the finding was made; on or after the hearing day (or filing day). It holds from this day, not before.' })
  foundOn!: string;

  @TextField(200, { description: '认定机关 / The body that made the finding.' })
  foundBy!: string;

  @TextField(100, { description: '认定文号 / The document of the finding.' })
  document!: string;
}

@InputType({ description: '更正出庭认定 / The finding body\'s correction of a head\'s-absence finding (三(八)): give at least one of finding, foundOn, foundBy, document.' })
export class CorrectAbsenceFindingInput {
  @Field(() => ID)
  @IsUUID()
  courtCaseId!: string;

  @Field(() => AbsenceFinding, { nullable: true, description: '更正后的认定类别 / The corrected category: UNEXCUSED counts under 三(八), EXCUSED counts for nothing.' })
  @IsOptional()
  finding?: AbsenceFinding | null;

  @HappenedOn({ nullable: true, description: '更正后的认定日期 / The corrected finding day, on or after the hearing day (the filing day when none is recorded); it counts from this day.' })
  @IsOptional()
  foundOn?: string | null;

  @TextField(200, { nullable: true, mayBeEmpty: true, description: '更正后的认定机关 / The corrected finding body.' })
  foundBy?: string | null;

  @TextField(100, { nullable: true, mayBeEmpty: true, description: '更正后的认定文号 / The corrected document of the finding.' })
  document?: string | null;

  @Field({ description: '更正理由 / Why: the finding body\'s correction decision (kept in the CORRECT_FINDING audit event).' })
  @NonEmptyText(2000)
  reason!: string;
}
