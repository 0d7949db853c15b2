import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { BreachFinding, CommitmentDomain, CommitmentKind, CommitmentStatus } from '../../domain/commitment';
import { Severity } from '../../domain/credit-record';
import { HappenedOn } from '../validators';
import { NonEmptyText } from './non-empty-text';
import { TextField } from './text-field';

/** The answerable persons of a 履职不力 finding, declared once for settling and for recording a finding. */
const ANSWERABLE_PERSONS = '相关责任人 / The civil servants the 履职不力 (DERELICTION) finding names as answerable (四(四) 相关责任人), on a public commitment of infrastructure, public service or livelihood: each gets an entry (COMMITMENT_DERELICTION) in their integrity file, weighed in a leading cadre\'s promotion assessment. Absent or empty: the finding counts against the unit only. The commitment\'s named responsible person gets nothing unless listed here.';
const ANSWERABLE_SEVERITY = '轻重 / How grave the finding body found the 履职不力, for the entries it makes (MINOR, GENERAL, MAJOR, SEVERE): it sets how long each entry counts (parameter countsFor). Required with answerablePersonIds.';

/** `answerablePersonIds`: at most 50 civil-servant ids, optional. */
function AnswerablePersonIds() {
  return (target: object, propertyName: string): void => {
    Field(() => [ID], { nullable: true, description: ANSWERABLE_PERSONS })(target, propertyName);
    IsOptional()(target, propertyName);
    ArrayMaxSize(50)(target, propertyName);
    IsUUID('all', { each: true })(target, propertyName);
  };
}

const FROM_OTHER_AGENCIES = '确认相关责任人可属其他机关 / true: accept answerable persons who belong to another agency than the commitment\'s (one who has moved since may still answer for the unit\'s failure); their entries say so. Absent or false: such a person is refused (BAD_USER_INPUT on answerablePersonIds[i]).';

/** `answerableFromOtherAgencies`: the explicit confirmation that a person of another agency is meant. */
function AnswerableFromOtherAgencies() {
  return (target: object, propertyName: string): void => {
    Field(() => Boolean, { nullable: true, description: FROM_OTHER_AGENCIES })(target, propertyName);
    IsOptional()(target, propertyName);
  };
}

/** `answerableSeverity`: optional; required with answerablePersonIds (checked by the use case). */
function AnswerableSeverity() {
  return (target: object, propertyName: string): void => {
    Field(() => Severity, { nullable: true, description: ANSWERABLE_SEVERITY })(target, propertyName);
    IsOptional()(target, propertyName);
  };
}

@InputType({ description: 'A public commitment (承诺) of an agency.' })
export class CreateCommitmentInput {
  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @Field(() => ID, { nullable: true, description: '承诺载明的责任人 / The person the promise names as in charge, of the agency itself. Naming them is not a finding: a 履职不力 breach enters a person\'s integrity file only when the finding names them as answerable (answerablePersonIds of settleCommitment or recordBreachFinding).' })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string | null;

  @Field(() => CommitmentKind)
  kind!: CommitmentKind;

  @Field(() => CommitmentDomain, { description: '所属领域 / The field of the project or work: 四(四) speaks of INFRASTRUCTURE (基础设施类), PUBLIC_SERVICE (公共服务类) and LIVELIHOOD (民生保障类) only.' })
  domain!: CommitmentDomain;

  @Field({ description: '是否向社会公开 / Disclosed to the public (向社会公开): 四(四) speaks of public projects and work only.' })
  publiclyDisclosed!: boolean;

  @TextField(4000, { multiLine: true })
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

  @Field(() => BreachFinding, { nullable: true, description: 'Required for BREACHED: DERELICTION (履职不力) counts against the unit and enters the files of the persons it names in answerablePersonIds; LAWFUL_CHANGE and FORCE_MAJEURE do neither.' })
  breachFinding?: BreachFinding | null;

  @TextField(100, { nullable: true, description: 'The settling document (文号); required for a DERELICTION finding that names answerable persons: it numbers their records.' })
  settlementDocument?: string;

  @TextField(200, { nullable: true, description: 'The body that made the finding (认定部门); required for a DERELICTION finding that names answerable persons.' })
  foundBy?: string;
  @AnswerablePersonIds()
  answerablePersonIds?: string[] | null;

  @AnswerableSeverity()
  answerableSeverity?: Severity | null;

  @AnswerableFromOtherAgencies()
  answerableFromOtherAgencies?: boolean | null;
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

  @Field(() => BreachFinding, { description: 'DERELICTION (履职不力) counts against the unit from foundOn and enters the files of the persons it names in answerablePersonIds; LAWFUL_CHANGE and FORCE_MAJEURE do neither.' })
  breachFinding!: BreachFinding;

  @HappenedOn({ description: '认定之日 / The day the finding was made; on or after settledOn. It counts from this day, not before.' })
  foundOn!: string;

  @TextField(200, { description: '认定部门 / The body that made the finding.' })
  foundBy!: string;

  @TextField(100, { nullable: true, description: '认定文号 / The document of the finding; required for a DERELICTION finding that names answerable persons.' })
  findingDocument?: string;
  @AnswerablePersonIds()
  answerablePersonIds?: string[] | null;

  @AnswerableSeverity()
  answerableSeverity?: Severity | null;

  @AnswerableFromOtherAgencies()
  answerableFromOtherAgencies?: boolean | null;
}

@InputType({ description: '更正履职不力等认定 / The finding body\'s correction of a breached commitment\'s finding (四(四)): give at least one of breachFinding, foundOn, foundBy, findingDocument. A finding that named answerable persons is not corrected here (CONFLICT).' })
export class CorrectBreachFindingInput {
  @Field(() => ID)
  @IsUUID()
  commitmentId!: string;

  @Field(() => BreachFinding, { nullable: true, description: '更正后的认定类别 / The corrected category: DERELICTION (履职不力) counts against the unit; LAWFUL_CHANGE (四(三)) and FORCE_MAJEURE count for nothing.' })
  @IsOptional()
  breachFinding?: BreachFinding | null;

  @HappenedOn({ nullable: true, description: '更正后的认定日期 / The corrected finding day, on or after settledOn; it counts from this day.' })
  @IsOptional()
  foundOn?: string | null;

  @TextField(200, { nullable: true, mayBeEmpty: true, description: '更正后的认定机关 / The corrected finding body.' })
  foundBy?: string | null;

  @TextField(100, { nullable: true, mayBeEmpty: true, description: '更正后的认定文书 / The corrected document of the finding.' })
  findingDocument?: string | null;

  @Field({ description: '更正理由 / Why: the finding body\'s correction decision (kept in the CORRECT_FINDING audit event).' })
  @NonEmptyText(2000)
  reason!: string;
}
