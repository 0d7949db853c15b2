import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { CommitmentStatus } from '../../domain/commitment';
import { RecordCategory, RecordKind, RecordStatus, Severity } from '../../domain/credit-record';
import { UnitFindingKind } from '../../domain/finding-objection';
import { ObjectionStatus } from '../../domain/objection';
import { AgencyLevel, CreditGrade, SubjectType } from '../../domain/subject';
import { FiltersOn } from '../guarded-filter';

@InputType({ description: 'Narrows a list of agencies; all given conditions must hold.' })
export class AgencyFilter {
  @Field({ nullable: true, description: 'Part of the name.' })
  @IsOptional()
  @MaxLength(200)
  nameContains?: string;

  @Field(() => AgencyLevel, { nullable: true })
  level?: AgencyLevel;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field({ nullable: true })
  uscc?: string;

  @Field({ nullable: true, description: '机构类别是否系推定 / true: the agencies whose kind was estimated when kinds were introduced and awaits an officer\'s confirmation (confirmAgencyKind), the list to review.' })
  kindEstimated?: boolean;
}

@InputType({ description: 'Narrows a list of civil servants.' })
export class CivilServantFilter {
  @Field({ nullable: true, description: 'Part of the name. For the public, part of the masked name it is shown (王*明): hidden characters match nothing.' })
  @IsOptional()
  @MaxLength(100)
  nameContains?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field({ nullable: true })
  leadingCadre?: boolean;
}

@InputType({ description: 'Narrows a list of enterprises.' })
export class EnterpriseFilter {
  @Field({ nullable: true, description: 'Part of the name.' })
  @IsOptional()
  @MaxLength(200)
  nameContains?: string;

  @Field(() => CreditGrade, { nullable: true })
  creditGrade?: CreditGrade;

  @Field({ nullable: true })
  uscc?: string;
}

@InputType({ description: 'Narrows a list of credit records.' })
export class CreditRecordFilter {
  @Field(() => SubjectType, { nullable: true })
  subjectType?: SubjectType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @Field(() => RecordKind, { nullable: true })
  kind?: RecordKind;

  @Field(() => RecordCategory, { nullable: true })
  category?: RecordCategory;

  @Field(() => Severity, { nullable: true })
  severity?: Severity;

  @Field(() => RecordStatus, { nullable: true })
  status?: RecordStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Occurred on or after this day.' })
  occurredFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Occurred on or before this day.' })
  occurredTo?: string;

  @Field(() => Date, { nullable: true, description: 'Changed after this moment (created, corrected, disputed, revoked, repaired: updatedAt later than it). For clients that poll: pass the newest updatedAt seen.' })
  updatedAfter?: Date;
}

@InputType({ description: 'Narrows a list of commitments.' })
export class CommitmentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => CommitmentStatus, { nullable: true })
  status?: CommitmentStatus;

  @Field({ nullable: true, description: 'true: only breaches with no finding recorded (未认定), the ones waiting for recordBreachFinding. Only for the roles that read Commitment.breachFindingPending; refused to others (UNAUTHENTICATED / FORBIDDEN).' })
  @FiltersOn('Commitment.breachFindingPending')
  breachFindingPending?: boolean;
}

@InputType({ description: 'Narrows a list of court cases.' })
export class CourtCaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field({ nullable: true })
  judgmentDefaulter?: boolean;

  @Field({ nullable: true, description: 'true: only cases whose kind is not recorded (they count for nothing under 三(八) until it is).' })
  kindUnrecorded?: boolean;
}

@InputType({ description: 'Narrows a list of units\' objections to findings; all given conditions must hold.' })
export class FindingObjectionFilter {
  @Field(() => ID, { nullable: true, description: 'The unit the findings are against.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'The commitment whose 履职不力 finding is objected to.' })
  @IsOptional()
  @IsUUID()
  commitmentId?: string;

  @Field(() => ID, { nullable: true, description: 'The court case whose absence finding is objected to.' })
  @IsOptional()
  @IsUUID()
  courtCaseId?: string;

  @Field(() => UnitFindingKind, { nullable: true })
  finding?: UnitFindingKind;

  @Field(() => ObjectionStatus, { nullable: true })
  status?: ObjectionStatus;
}

@InputType({ description: 'Narrows a list of objections.' })
export class ObjectionFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  recordId?: string;

  @Field(() => ObjectionStatus, { nullable: true })
  status?: ObjectionStatus;
}
