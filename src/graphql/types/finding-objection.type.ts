import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { UnitFindingKind } from '../../domain/finding-objection';
import { ObjectionStatus } from '../../domain/objection';

@ObjectType('FindingObjection', { description: '单位对认定的异议 / A unit disputes a finding against it (四(四) 履职不力, 三(八) absence without valid reason; 三(七) 异议处理).' })
export class FindingObjectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => UnitFindingKind, { description: 'Which finding it is about.' })
  finding!: UnitFindingKind;

  @Field(() => ID, { description: 'The agency the finding is against.' })
  agencyId!: string;

  @Field(() => ID, { nullable: true, description: 'The commitment, for a COMMITMENT_DERELICTION finding.' })
  commitmentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The court case, for a COURT_ABSENCE finding.' })
  courtCaseId!: string | null;

  @Field()
  filedBy!: string;

  @Field()
  reason!: string;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => ObjectionStatus)
  status!: ObjectionStatus;

  @Field(() => String, { nullable: true })
  resolution?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was decided: an upheld objection revokes the finding from this day.' })
  resolvedOn?: string | null;
}
