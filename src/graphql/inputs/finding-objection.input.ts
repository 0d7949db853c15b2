import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ObjectionStatus } from '../../domain/objection';
import { HappenedOn } from '../validators';
import { DecisionFields } from './decision-fields';
import { TextField } from './text-field';

@InputType({ description: '单位对认定提出异议 / A unit (agency) objects to a finding against it: give exactly one of commitmentId (its 履职不力 finding, 四(四)) and courtCaseId (its head\'s absence without valid reason, 三(八)).' })
export class FileFindingObjectionInput {
  @Field(() => ID, { nullable: true, description: 'The breached commitment whose 履职不力 (DERELICTION) finding is objected to.' })
  @IsOptional()
  @IsUUID()
  commitmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The court case whose finding of the head\'s absence without valid reason (UNEXCUSED) is objected to.' })
  @IsOptional()
  @IsUUID()
  courtCaseId?: string | null;

  @TextField(200, { description: 'Who files it for the unit.' })
  filedBy!: string;

  @TextField(4000, { multiLine: true })
  reason!: string;

  @HappenedOn({ description: '异议提出之日 / The day the objection was filed: from it on, what it objects to counts as disputed. Not before the finding\'s day. A day before today rewrites past days, so only ADMIN enters it (FORBIDDEN, reason SECOND_PERSON_REQUIRED); a CLERK files it dated today.' })
  filedOn!: string;
}

@InputType({ description: '对单位认定异议的处理 / The decision on a unit\'s pending objection to a finding.' })
export class DecideFindingObjectionInput extends DecisionFields {
  @Field(() => ID)
  @IsUUID()
  objectionId!: string;

  @Field(() => ObjectionStatus, { description: 'UPHELD (异议成立: the finding was found wrong and is revoked; it counts on no day) or REJECTED (驳回: the finding stands, counting again from resolvedOn). WITHDRAWN is for record objections only.' })
  decision!: ObjectionStatus;

  @TextField(4000, { multiLine: true })
  resolution!: string;

  @HappenedOn()
  resolvedOn!: string;
}
