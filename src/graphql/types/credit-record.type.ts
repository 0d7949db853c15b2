import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RecordCategory, RecordKind, RecordStatus, RevisionAction, Severity } from '../../domain/credit-record';
import { SubjectType } from '../../domain/subject';
import { Connection } from '../connection';

@ObjectType('CreditRecord', { description: '信用记录: a dishonesty or trustworthiness record of a subject. Never deleted.' })
export class CreditRecordType {
  @Field(() => ID)
  id!: string;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => RecordKind)
  kind!: RecordKind;

  @Field(() => RecordCategory)
  category!: RecordCategory;

  @Field(() => Severity, { nullable: true, description: 'Severity of a dishonesty record; null for trustworthy records.' })
  severity?: Severity | null;

  @Field()
  summary!: string;

  @Field(() => LocalDateResolver, { description: 'When the fact occurred (发生日期).' })
  occurredOn!: string;

  @Field(() => LocalDateResolver, { description: 'When it entered the register (登记日期).' })
  recordedOn!: string;

  @Field(() => LocalDateResolver, { description: 'When the dishonesty was decided (认定/决定之日): the periods a record counts for run from this day.' })
  decidedOn!: string;

  @Field({ description: '认定之日为估计值 / decidedOn was not given but estimated from recordedOn (records kept from before decision days were recorded, or registered without one); explanations say so where a period counted from it. A correction with decidedOn replaces it.' })
  decidedOnEstimated!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of disclosure (公示截止日期); null when not limited.' })
  disclosureEndsOn?: string | null;

  @Field({ description: 'Reporting department (认定部门).' })
  sourceDepartment!: string;

  @Field({ description: 'Document number (文号).' })
  documentNumber!: string;

  @Field(() => Float, { nullable: true, description: 'Economic loss caused, in yuan.' })
  loss?: number | null;

  @Field({ description: '未经认定为相关责任人 / A 四(四) entry carried over from the commitment\'s named responsible person, whom no finding body named answerable (相关责任人): it counts towards nothing until a finding naming them (recordBreachFinding) confirms it.' })
  answerableUnconfirmed!: boolean;

  @Field(() => Boolean, { nullable: true, description: '是否为履职行为 / Whether the act was done in office (履职行为); null: not recorded. A BREACH_OF_CONTRACT or ADMINISTRATIVE_VIOLATION record on a civil servant is a government-dishonesty record (三(六)) only when true; until it is recorded it is weighed as personal credit information (三(四)). Recorded at creation, or later by correction when an objection is upheld (resolveObjection correction.inOffice).' })
  inOffice?: boolean | null;

  @Field(() => RecordStatus)
  status!: RecordStatus;

  @Field(() => Int, { description: 'Starts at 1; each correction adds one.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType('CreditRecordRevision', { description: 'One entry of a record history, with the record as it stood after it.' })
export class CreditRecordRevisionType {
  @Field(() => ID)
  id!: string;

  @Field(() => RevisionAction)
  action!: RevisionAction;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => ID, { nullable: true, description: 'The objection or repair that caused this entry.' })
  causeId?: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The record fields after this entry.' })
  snapshot!: Record<string, unknown>;

  @Field({ description: 'When the entry was written.' })
  createdAt!: Date;
}

export const CreditRecordConnection = Connection(CreditRecordType, 'CreditRecord');
