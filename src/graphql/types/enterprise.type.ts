import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { CreditGrade } from '../../domain/subject';
import { Connection } from '../connection';

@ObjectType('Enterprise', { description: '市场主体: an enterprise trading in public resources.' })
export class EnterpriseType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码), GB 32100-2015.' })
  uscc!: string;

  @Field()
  name!: string;

  @Field(() => CreditGrade, { nullable: true, description: 'Credit evaluation grade (信用评价等级); null while ungraded.' })
  creditGrade?: CreditGrade | null;

  @Field(() => LocalDateResolver, { nullable: true })
  gradedOn?: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const EnterpriseConnection = Connection(EnterpriseType, 'Enterprise');
