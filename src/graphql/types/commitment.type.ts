import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { BreachFinding, CommitmentDomain, CommitmentKind, CommitmentStatus } from '../../domain/commitment';
import { Connection } from '../connection';
import { Guarded } from '../guarded';

@ObjectType('Commitment', { description: '承诺: a public promise of an agency, street or township (三(五), 四(四), 四(五)).' })
export class CommitmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => CommitmentKind)
  kind!: CommitmentKind;

  @Field(() => CommitmentDomain, { nullable: true, description: '所属领域 / The field of the project or work; 四(四) speaks of INFRASTRUCTURE, PUBLIC_SERVICE and LIVELIHOOD only. Null: not recorded (commitments registered before it was); 四(四)\'s rules do not count it until recorded (updateCommitment).' })
  domain?: CommitmentDomain | null;

  @Field(() => Boolean, { nullable: true, description: '是否向社会公开 / Disclosed to the public (向社会公开, 四(四)). Null: not recorded.' })
  publiclyDisclosed?: boolean | null;

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

  @Field(() => BreachFinding, { nullable: true, description: 'For a breach: what was found (四(四)); only DERELICTION (履职不力) counts. Null on a breach: unreviewed (未认定), see breachFindingPending. Null for the public: with a responsible person, the finding is their dishonesty record.' })
  @Guarded('Commitment.breachFinding')
  breachFinding?: BreachFinding | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '认定之日 / The day the finding was made: the settling day, or later for a finding recorded afterwards. It counts from this day. Null for the public, as the finding is.' })
  @Guarded('Commitment.breachFoundOn')
  breachFoundOn?: string | null;

  @Field(() => String, { nullable: true, description: '认定部门 / The body that made the finding, when given. Null for the public.' })
  @Guarded('Commitment.breachFoundBy')
  breachFoundBy?: string | null;

  @Field(() => String, { nullable: true, description: '认定文号 / The document of the finding, when given. Null for the public: it numbers the responsible person\'s record.' })
  @Guarded('Commitment.breachFindingDocument')
  breachFindingDocument?: string | null;

  @Field(() => String, { nullable: true, description: 'The settling document (文号). Null for the public: it numbers the responsible person\'s record.' })
  @Guarded('Commitment.settlementDocument')
  settlementDocument?: string | null;

  @Field()
  createdAt!: Date;
}

export const CommitmentConnection = Connection(CommitmentType, 'Commitment');
