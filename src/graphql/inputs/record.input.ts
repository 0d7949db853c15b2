import { ArrayNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { BreachFinding, CommitmentDomain, CommitmentKind, CommitmentStatus } from '../../domain/commitment';
import { CaseKind } from '../../domain/court-facts';
import { MAX_LOSS, RecordCategory, RecordKind, Severity } from '../../domain/credit-record';
import { RepairAction, RepairRelief, RepairStatus } from '../../domain/credit-repair';
import { ObjectionRemedy, ObjectionStatus } from '../../domain/objection';
import { SubjectType } from '../../domain/subject';
import { HappenedOn, InFen, SingleLine } from '../validators';
import { NonEmptyText } from './non-empty-text';

const LOSS_RANGE = '损失金额须在 0 至 99999999999999.99 元之间 / loss must be from 0 to 99999999999999.99 yuan (numeric(16,2)); got $value.';

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

  @Field()
  @NonEmptyText(2000)
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

  @SingleLine()
  @Field()
  @NonEmptyText(200)
  sourceDepartment!: string;

  @SingleLine()
  @Field()
  @NonEmptyText(100)
  documentNumber!: string;

  @Field(() => Float, { nullable: true, description: 'Loss in yuan, from 0 to 99999999999999.99 (two decimals).' })
  @IsOptional()
  @Min(0, { message: LOSS_RANGE })
  @Max(MAX_LOSS, { message: LOSS_RANGE })
  @InFen()
  loss?: number | null;
}

@InputType({ description: 'Corrected values for a record, when an objection is upheld with CORRECT.' })
export class RecordCorrectionInput {
  @Field(() => RecordCategory, { nullable: true })
  category?: RecordCategory;

  @Field(() => Severity, { nullable: true })
  severity?: Severity;

  @Field({ nullable: true })
  @NonEmptyText(2000, { optional: true })
  summary?: string;

  @HappenedOn({ nullable: true })
  occurredOn?: string;

  @HappenedOn({ nullable: true, description: '认定之日 / The day it was decided, as the deciding document says; replaces an estimated one (decidedOnEstimated becomes false).' })
  decidedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  disclosureEndsOn?: string;

  @Field(() => Float, { nullable: true, description: 'Loss in yuan, from 0 to 99999999999999.99 (two decimals).' })
  @IsOptional()
  @Min(0, { message: LOSS_RANGE })
  @Max(MAX_LOSS, { message: LOSS_RANGE })
  @InFen()
  loss?: number;
}

@InputType({ description: 'A subject disputes a record (异议).' })
export class FileObjectionInput {
  @Field(() => ID)
  @IsUUID()
  recordId!: string;

  @SingleLine()
  @Field()
  @NonEmptyText(200)
  filedBy!: string;

  @Field()
  @NonEmptyText(4000)
  reason!: string;

  @HappenedOn()
  filedOn!: string;
}

@InputType({ description: 'The decision on a pending objection.' })
export class ResolveObjectionInput {
  @Field(() => ID)
  @IsUUID()
  objectionId!: string;

  @Field(() => ObjectionStatus, { description: 'UPHELD or REJECTED.' })
  decision!: ObjectionStatus;

  @Field(() => ObjectionRemedy, { nullable: true, description: 'Required when UPHELD: correct or revoke the record.' })
  remedy?: ObjectionRemedy | null;

  @Field(() => RecordCorrectionInput, { nullable: true, description: 'Required with CORRECT: the corrected values.' })
  @IsOptional()
  @ValidateNested()
  correction?: RecordCorrectionInput | null;

  @Field()
  @NonEmptyText(4000)
  resolution!: string;

  @HappenedOn()
  resolvedOn!: string;
}

@InputType({ description: 'An application for credit repair (信用修复) of one dishonesty record.' })
export class RequestCreditRepairInput {
  @Field(() => ID)
  @IsUUID()
  recordId!: string;

  @Field(() => [RepairAction])
  @ArrayNotEmpty()
  actions!: RepairAction[];

  @Field()
  @NonEmptyText(4000)
  description!: string;

  @HappenedOn()
  appliedOn!: string;
}

@InputType({ description: 'The decision on a pending credit repair.' })
export class DecideCreditRepairInput {
  @Field(() => ID)
  @IsUUID()
  repairId!: string;

  @Field(() => RepairStatus, { description: 'APPROVED or REJECTED.' })
  decision!: RepairStatus;

  @HappenedOn()
  decidedOn!: string;

  @Field(() => RepairRelief, { nullable: true, description: 'For an approval: WAIVE (免于, the default) or LIGHTEN (从轻, civil servants only).' })
  relief?: RepairRelief | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(4000)
  note?: string;
}

@InputType({ description: 'A public commitment (承诺) of an agency.' })
export class CreateCommitmentInput {
  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @Field(() => ID, { nullable: true, description: 'The leading cadre answerable for it.' })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string | null;

  @Field(() => CommitmentKind)
  kind!: CommitmentKind;

  @Field(() => CommitmentDomain, { description: '所属领域 / The field of the project or work: 四(四) speaks of INFRASTRUCTURE (基础设施类), PUBLIC_SERVICE (公共服务类) and LIVELIHOOD (民生保障类) only.' })
  domain!: CommitmentDomain;

  @Field({ description: '是否向社会公开 / Disclosed to the public (向社会公开): 四(四) speaks of public projects and work only.' })
  publiclyDisclosed!: boolean;

  @Field()
  @NonEmptyText(4000)
  content!: string;

  @HappenedOn()
  publishedOn!: string;

  @Field(() => LocalDateResolver, { description: 'On or after publishedOn.' })
  dueOn!: string;
}

@InputType({ description: 'A commitment found fulfilled or breached.' })
export class SettleCommitmentInput {
  @Field(() => ID)
  @IsUUID()
  commitmentId!: string;

  @Field(() => CommitmentStatus, { description: 'FULFILLED or BREACHED.' })
  status!: CommitmentStatus;

  @HappenedOn()
  settledOn!: string;

  @Field(() => BreachFinding, { nullable: true, description: 'Required for BREACHED: DERELICTION (履职不力) counts against the unit and, on a public commitment of 四(四)\'s fields, enters the responsible person\'s integrity file; LAWFUL_CHANGE and FORCE_MAJEURE do not.' })
  breachFinding?: BreachFinding | null;

  @SingleLine()
  @Field({ nullable: true, description: 'The settling document (文号); required for a DERELICTION finding that enters the responsible person\'s integrity file, it numbers their record.' })
  @NonEmptyText(100, { optional: true })
  settlementDocument?: string;

  @SingleLine()
  @Field({ nullable: true, description: 'The body that made the finding (认定部门); required for a DERELICTION finding that enters the responsible person\'s integrity file.' })
  @NonEmptyText(200, { optional: true })
  foundBy?: string;
}

@InputType({ description: '登记承诺的领域和公开情况 / A commitment\'s field and public disclosure, for one registered without them; absent fields stay as they are.' })
export class UpdateCommitmentInput {
  @Field(() => CommitmentDomain, { nullable: true, description: '所属领域 / The field of the project or work.' })
  domain?: CommitmentDomain;

  @Field({ nullable: true, description: '是否向社会公开 / Disclosed to the public (向社会公开).' })
  publiclyDisclosed?: boolean;
}

@InputType({ description: '补录未兑现承诺的认定 / The finding about a breach settled without one (unreviewed, 未认定).' })
export class RecordBreachFindingInput {
  @Field(() => ID)
  @IsUUID()
  commitmentId!: string;

  @Field(() => BreachFinding, { description: 'DERELICTION (履职不力) counts against the unit from foundOn and, on a public commitment of 四(四)\'s fields, enters the responsible person\'s integrity file; LAWFUL_CHANGE and FORCE_MAJEURE do not.' })
  breachFinding!: BreachFinding;

  @HappenedOn({ description: '认定之日 / The day the finding was made; on or after settledOn. It counts from this day, not before.' })
  foundOn!: string;

  @SingleLine()
  @Field({ description: '认定部门 / The body that made the finding.' })
  @NonEmptyText(200)
  foundBy!: string;

  @SingleLine()
  @Field({ nullable: true, description: '认定文号 / The document of the finding; required for a DERELICTION finding that enters the responsible person\'s integrity file.' })
  @NonEmptyText(100, { optional: true })
  findingDocument?: string;
}

@InputType({ description: 'A lawsuit with an agency as defendant.' })
export class CreateCourtCaseInput {
  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @SingleLine()
  @Field()
  @NonEmptyText(100)
  caseNumber!: string;

  @SingleLine()
  @Field()
  @NonEmptyText(200)
  court!: string;

  @HappenedOn()
  filedOn!: string;

  @Field(() => CaseKind, { nullable: true, description: '案件类型（必填） / Required: ADMINISTRATIVE (行政诉讼, the only kind that counts under 三(八)), CIVIL (民事诉讼) or OTHER (执行、刑事及其他). There is no default: a missing kind is refused (BAD_USER_INPUT on kind).' })
  kind?: CaseKind | null;

  @Field(() => Boolean, { nullable: true, description: '负责人是否出庭 / Did the head appear? True also when a deputy head or a head in charge of the matter appeared (法释〔2020〕3号 art. 2; rules/catalogue/ 三(八)).' })
  headAppeared?: boolean | null;
}

@InputType({ description: "Changes to a court case: its kind, the head's appearance, the defaulter listing." })
export class UpdateCourtCaseInput {
  @Field(() => CaseKind, { nullable: true, description: '案件类型 / Record the kind of a case registered without one (it counts for nothing under 三(八) until recorded), or correct it.' })
  kind?: CaseKind;

  @Field(() => Boolean, { nullable: true, description: '负责人是否出庭 / Did the head appear? True also when a deputy head or a head in charge of the matter appeared (法释〔2020〕3号 art. 2; rules/catalogue/ 三(八)).' })
  headAppeared?: boolean | null;

  @SingleLine()
  @Field(() => String, { nullable: true, description: 'Who the absent head entrusted to appear (委托出庭人).' })
  @IsOptional()
  @MaxLength(200)
  entrustedRepresentative?: string | null;

  @Field(() => String, { nullable: true, description: 'The valid reason (正当理由) found for the head\'s absence.' })
  @IsOptional()
  @MaxLength(2000)
  validAbsenceReason?: string | null;

  @Field({ nullable: true })
  judgmentDefaulter?: boolean;

  @HappenedOn({ nullable: true, description: 'Required when judgmentDefaulter becomes true.' })
  defaulterListedOn?: string | null;

  @HappenedOn({ nullable: true })
  defaulterRemovedOn?: string | null;
}
