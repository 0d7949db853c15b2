import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SubjectType } from '../../domain/subject';
import { Guarded } from '../guarded';
import { SweepStatus } from '../../domain/sweep';
import { Connection } from '../connection';

registerEnumType(SweepStatus, { name: 'SweepStatus', description: 'RUNNING until every chunk is committed, then COMPLETED; CANCELLED when stopped with cancelSweep; FAILED when a chunk failed after its retries (failure says why; `npx chengxin evaluate --all --resume <id>` carries it on). One run per matter is RUNNING at a time.' });

@ObjectType('SweepError', { description: 'A subject a sweep could not evaluate, and why; the sweep went on with the others.' })
export class SweepErrorType {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  reason!: string;
}

export const SweepErrorConnection = Connection(SweepErrorType, 'SweepError');

@ObjectType('SweepRun', { description: 'One sweep (`startSweep`, or `npx chengxin evaluate --all`): every subject concerned by a matter, evaluated as of one moment under one rule set.' })
export class SweepRunType {
  @Field(() => ID)
  id!: string;

  @Field()
  matter!: string;

  @Field(() => [SubjectType])
  subjectTypes!: SubjectType[];

  @Field()
  asOf!: Date;

  @Field(() => LocalDateResolver, { description: 'The calendar day (China Standard Time) judged.' })
  day!: string;

  @Field({ description: 'The rule-set version every verdict of the run was given under.' })
  ruleSetVersion!: string;

  @Field(() => SweepStatus)
  status!: SweepStatus;

  @Field(() => String, { nullable: true, description: "Who started it: the token's sub, or cli:<user> on the command line. For those who read the audit trail (INSPECTOR, ADMIN), null for others (a staff account, as the trail's actor) except the account that started it, which reads its own sub." })
  @Guarded('SweepRun.startedBy')
  startedBy!: string | null;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Subjects in the plan.' })
  subjects!: number;

  @Field(() => Int)
  chunks!: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Verdicts by outcome, e.g. {"ELIGIBLE": 275, "RESTRICTED": 25}; set when the run completes.' })
  counts!: Record<string, number> | null;

  @Field(() => Int, { nullable: true, description: 'Subjects not evaluated (see errors); set when the run completes.' })
  failed!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the run is FAILED: the chunk whose job failed after its retries, the reason, and how to resume; null otherwise.' })
  failure!: string | null;
}

export const SweepRunConnection = Connection(SweepRunType, 'SweepRun');
