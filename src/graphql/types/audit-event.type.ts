import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { AuditAction } from '../../domain/audit';
import { SubjectType } from '../../domain/subject';
import { Connection } from '../connection';

registerEnumType(AuditAction, { name: 'AuditAction', description: 'What an audit event records.' });

@ObjectType('AuditEvent', { description: 'One entry of the append-only audit trail.' })
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When.' })
  createdAt!: Date;

  @Field({ description: "The token's subject; public without a token; system for the command line." })
  actor!: string;

  @Field()
  role!: string;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => SubjectType, { nullable: true })
  subjectType?: SubjectType | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The record, verdict, objection or commitment acted on.' })
  targetId?: string | null;

  @Field()
  outcome!: string;
}

export const AuditEventConnection = Connection(AuditEventType, 'AuditEvent');

@InputType({ description: 'Narrows the audit trail.' })
export class AuditEventFilter {
  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  actor?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Events on or after this day (China Standard Time).' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Events on or before this day (China Standard Time).' })
  to?: string;
}
