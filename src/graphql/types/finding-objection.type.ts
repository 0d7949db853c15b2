import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { UnitFindingKind } from '../../domain/finding-objection';
import { ObjectionStatus } from '../../domain/objection';
import { Connection } from '../connection';
import { Guarded } from '../guarded';

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

  @Field(() => String, { nullable: true, description: 'Who filed it for the unit. Null for the public: it may name a person.' })
  @Guarded('FindingObjection.filedBy')
  filedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the unit objects. Null for the public: it may speak of the head\'s health or family, as a case\'s reason for absence may.' })
  @Guarded('FindingObjection.reason')
  reason!: string | null;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => ObjectionStatus)
  status!: ObjectionStatus;

  @Field(() => String, { nullable: true, description: 'The reasons given with the decision. Null for the public, as reason is.' })
  @Guarded('FindingObjection.resolution')
  resolution?: string | null;

  @Field({ description: '再次异议 / Filed after an earlier objection to the finding was rejected: it disputes the finding only once an officer admits it on new grounds (admittedOn; admitFindingObjection).' })
  renewed!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '受理之日 / The day an officer admitted the renewed objection on new grounds; null when not admitted (or not renewed).' })
  admittedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was decided: an upheld objection revokes the finding from this day.' })
  resolvedOn?: string | null;

  @Field(() => String, { nullable: true, description: '决定机关 / The body that made the decision, when given; null before it was decided, or for decisions recorded before it was kept.' })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: '决定文号 / The decision\'s document number, when given; null before it was decided, or for decisions recorded before it was kept.' })
  documentNumber?: string | null;
}

export const FindingObjectionConnection = Connection(FindingObjectionType, 'FindingObjection');
