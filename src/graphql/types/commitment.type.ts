import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { BreachFinding, CommitmentKind, CommitmentStatus } from '../../domain/commitment';
import { Connection } from '../connection';
import { Guarded } from '../guarded';

@ObjectType('Commitment', { description: '承诺: a public promise of an agency, street or township (三(五), 四(四), 四(五)).' })
export class CommitmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => CommitmentKind)
  kind!: CommitmentKind;

  @Field()
  content!: string;

  @Field(() => LocalDateResolver)
  publishedOn!: string;

  @Field(() => LocalDateResolver)
  dueOn!: string;

  @Field(() => CommitmentStatus)
  status!: CommitmentStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When it was found fulfilled or breached.' })
  settledOn?: string | null;

  @Field(() => BreachFinding, { nullable: true, description: 'For a breach: what was found (四(四)); only DERELICTION (履职不力) counts. Null for the public: with a responsible person, the finding is their dishonesty record.' })
  @Guarded('Commitment.breachFinding')
  breachFinding?: BreachFinding | null;

  @Field(() => String, { nullable: true, description: 'The settling document (文号). Null for the public: it numbers the responsible person\'s record.' })
  @Guarded('Commitment.settlementDocument')
  settlementDocument?: string | null;

  @Field()
  createdAt!: Date;
}

export const CommitmentConnection = Connection(CommitmentType, 'Commitment');
