import { IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { MAX_LOSS, RecordCategory, RecordKind, Severity } from '../../domain/credit-record';
import { RepairAction, RepairRelief, RepairStatus } from '../../domain/credit-repair';
import { ObjectionRemedy, ObjectionStatus } from '../../domain/objection';
import { SubjectType } from '../../domain/subject';
import { HappenedOn, InFen } from '../validators';
import { DecisionFields } from './decision-fields';
import { TextField } from './text-field';

const LOSS_RANGE = '损失金额须在 0 至 9999999999999.99 元之间（数值更大时无法按分精确传送）/ loss must be from 0 to 9999999999999.99 yuan (a larger number does not arrive exact to the fen as a Float); got $value.';

@InputType({ description: 'A new credit record about a subject.' })
export class CreateCreditRecordInput {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID()
  subjectId!: string;

  @Field(() => RecordKind)
  kind!: RecordKind;

  @Field(() => RecordCategory)
  category!: RecordCategory;

  @Field(() => Severity, { nullable: true, description: 'Required for a dishonesty record, absent for a trustworthy one.' })
  severity?: Severity | null;

  @TextField(2000, { multiLine: true })
  summary!: string;

  @HappenedOn()
  occurredOn!: string;

  @HappenedOn({ description: 'When it entered the register (登记日期); on or after occurredOn.' })
  recordedOn!: string;

  @HappenedOn({
    nullable: true,
    description: 'When the dishonesty was decided (认定/决定之日, e.g. the date of the penalty decision); on or after occurredOn. Periods count from it and the record does not count on a day before it. Absent: recordedOn.',
  })
  decidedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'On or after occurredOn.' })
  disclosureEndsOn?: string | null;

  @TextField(200)
  sourceDepartment!: string;

  @TextField(100)
  documentNumber!: string;

  @Field(() => Float, { nullable: true, description: 'Loss in yuan, from 0 to 9999999999999.99 (two decimals; a Float holds no larger amount exactly to the fen).' })
  @IsOptional()
  @Min(0, { message: LOSS_RANGE })
  @Max(MAX_LOSS, { message: LOSS_RANGE })
  @InFen()
  loss?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否为履职行为 / Whether the act was done in office (履职行为); civil servants\' records only. Leave it out when the deciding document does not say: a BREACH_OF_CONTRACT, UNFULFILLED_COMMITMENT or ADMINISTRATIVE_VIOLATION record (the inOfficeCategories parameter) then counts as personal credit information (三(四)), not as a government-dishonesty record (三(六)), until it is recorded (resolveObjection correction.inOffice).' })
  inOffice?: boolean | null;
}

@InputType({ description: 'Corrected values for a record, when an objection is upheld with CORRECT.' })
export class RecordCorrectionInput {
  @Field(() => RecordCategory, { nullable: true })
  category?: RecordCategory;

  @Field(() => Severity, { nullable: true })
  severity?: Severity;

  @TextField(2000, { multiLine: true, nullable: true })
  summary?: string;

  @HappenedOn({ nullable: true })
  occurredOn?: string;

  @HappenedOn({ nullable: true, description: '认定之日 / The day it was decided, as the deciding document says; replaces an estimated one (decidedOnEstimated becomes false).' })
  decidedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  disclosureEndsOn?: string;

  @Field(() => Float, { nullable: true, description: 'Loss in yuan, from 0 to 9999999999999.99 (two decimals; a Float holds no larger amount exactly to the fen).' })
  @IsOptional()
  @Min(0, { message: LOSS_RANGE })
  @Max(MAX_LOSS, { message: LOSS_RANGE })
  @InFen()
  loss?: number;

  @Field(() => Boolean, { nullable: true, description: '是否为履职行为 / Whether the act was done in office (履职行为), as the deciding document says; civil servants\' records only. The history keeps the value before.' })
  inOffice?: boolean;
}

@InputType({ description: 'A subject disputes a record (异议).' })
export class FileObjectionInput {
  @Field(() => ID)
  @IsUUID()
  recordId!: string;

  @TextField(200)
  filedBy!: string;

  @TextField(4000, { multiLine: true })
  reason!: string;

  @HappenedOn({ description: '异议提出之日 / The day the objection was filed: from it on, what it objects to counts as disputed. Not before the record\'s recordedOn. A day before today rewrites past days, so only ADMIN enters it (FORBIDDEN, reason SECOND_PERSON_REQUIRED); a CLERK files it dated today.' })
  filedOn!: string;
}

@InputType({ description: '受理再次异议 / An officer admits, on new grounds, an objection filed after an earlier objection to the same record (admitObjection) or finding (admitFindingObjection) was rejected: from admittedOn it suspends the record or disputes the finding.' })
export class AdmitObjectionInput {
  @Field(() => ID)
  @IsUUID()
  objectionId!: string;

  @TextField(4000, { multiLine: true, description: '新的事实和理由 / The new facts or reasons, not before the rejected objection, the objection is admitted on.' })
  grounds!: string;

  @HappenedOn({ description: '受理之日 / The day it is admitted: from it on the record or finding counts as disputed. Not before the objection\'s filedOn. A day before today rewrites past days, so only ADMIN enters it.' })
  admittedOn!: string;
}

@InputType({ description: 'The decision on a pending objection.' })
export class ResolveObjectionInput extends DecisionFields {
  @Field(() => ID)
  @IsUUID()
  objectionId!: string;

  @Field(() => ObjectionStatus, { description: 'UPHELD, REJECTED or WITHDRAWN (撤回: the subject withdrew its objection; the record counts again from resolvedOn, and the withdrawal is no rejection, so a later objection suspends as a first one: 三(七) local choice #6). resolution says how it was withdrawn.' })
  decision!: ObjectionStatus;

  @Field(() => ObjectionRemedy, { nullable: true, description: 'Required when UPHELD: correct or revoke the record.' })
  remedy?: ObjectionRemedy | null;

  @Field(() => RecordCorrectionInput, { nullable: true, description: 'Required with CORRECT: the corrected values.' })
  @IsOptional()
  @ValidateNested()
  correction?: RecordCorrectionInput | null;

  @TextField(4000, { multiLine: true })
  resolution!: string;

  @HappenedOn()
  resolvedOn!: string;
}

@InputType({ description: 'An application for credit repair (信用修复) of one dishonesty record.' })
export class RequestCreditRepairInput {
  @Field(() => ID)
  @IsUUID()
  recordId!: string;

  @Field(() => [RepairAction], { defaultValue: [], description: '三(七)所列的修复方式 / The ways of repair 三(七) names (主动挽回损失、消除不良影响、有效阻止危害结果发生). Required (at least one) for a civil servant\'s record; optional for an agency\'s or enterprise\'s, whose repairs fall under credit-repair rules other than this document (state them in description).' })
  actions!: RepairAction[];

  @TextField(4000, { multiLine: true })
  description!: string;

  @HappenedOn()
  appliedOn!: string;
}

@InputType({ description: 'The decision on a pending credit repair.' })
export class DecideCreditRepairInput extends DecisionFields {
  @Field(() => ID)
  @IsUUID()
  repairId!: string;

  @Field(() => RepairStatus, { description: 'APPROVED or REJECTED.' })
  decision!: RepairStatus;

  @HappenedOn()
  decidedOn!: string;

  @Field(() => RepairRelief, { nullable: true, description: 'Required for an approval, as the approval states it: WAIVE (免于, ends the record\'s effect) or LIGHTEN (从轻, civil servants only). There is no default: a silent approval is not read as the most favourable relief.' })
  relief?: RepairRelief | null;

  @TextField(4000, { multiLine: true, nullable: true, mayBeEmpty: true })
  note?: string;
}

@InputType({ description: '补充写明救济方式 / The approving body states the relief of an approval recorded without one (CreditRepair.reliefStated false).' })
export class StateRepairReliefInput {
  @Field(() => ID)
  @IsUUID()
  repairId!: string;

  @Field(() => RepairRelief, { description: 'What the approval granted, as the approving body now states it: WAIVE (免于, ends the record\'s effect from the approval day) or LIGHTEN (从轻, lowers its measures one step; civil servants only).' })
  relief!: RepairRelief;

  @HappenedOn()
  statedOn!: string;

  @TextField(100, { description: 'The document (文号) by which the approving body states the relief.' })
  documentNumber!: string;
}
