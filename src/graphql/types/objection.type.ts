import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ObjectionRemedy, ObjectionStatus } from '../../domain/objection';
import { Connection } from '../connection';

@ObjectType('Objection', { description: '异议: a subject disputes a record (三(七)).' })
export class ObjectionType {
  @Field(() => ID)
  id!: string;

  @Field()
  filedBy!: string;

  @Field()
  reason!: string;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => ObjectionStatus)
  status!: ObjectionStatus;

  @Field(() => ObjectionRemedy, { nullable: true, description: 'What an upheld objection did to the record.' })
  remedy?: ObjectionRemedy | null;

  @Field(() => String, { nullable: true })
  resolution?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  resolvedOn?: string | null;

  @Field(() => String, { nullable: true, description: '决定机关 / The body that made the decision, when given; null before it was decided, or for decisions recorded before it was kept.' })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: '决定文号 / The decision\'s document number, when given; null before it was decided, or for decisions recorded before it was kept.' })
  documentNumber?: string | null;

  @Field({ description: '再次异议 / Filed after an earlier objection to the record was rejected: it suspends the record only once an officer admits it on new grounds (admittedOn).' })
  renewed!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '受理之日 / The day an officer admitted the renewed objection on new grounds; null when not admitted (or not renewed).' })
  admittedOn?: string | null;

  @Field(() => String, { nullable: true, description: '受理的新事实和理由 / The new grounds it was admitted on.' })
  admissionGrounds?: string | null;

  @Field()
  createdAt!: Date;
}

export const ObjectionConnection = Connection(ObjectionType, 'Objection');
