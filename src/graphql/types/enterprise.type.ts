import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { CreditGrade } from '../../domain/subject';
import { Connection } from '../connection';

@ObjectType('Enterprise', { description: '市场主体: an enterprise trading in public resources.' })
export class EnterpriseType {
  @Field(() => ID)
  id!: string;

  @Field({ description: '统一社会信用代码 / Unified social credit code (统一社会信用代码), GB 32100-2015.' })
  uscc!: string;

  @Field({ description: '企业名称 / Name.' })
  name!: string;

  @Field(() => CreditGrade, { nullable: true, description: '现行信用评价等级 / The credit grade in force now (信用评价等级); null while ungraded, or after it was withdrawn or entered in error. Facts read the grade of their day: creditGradeOn.' })
  creditGrade?: CreditGrade | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '评级日期 / The day the grade in force was given.' })
  gradedOn?: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const EnterpriseConnection = Connection(EnterpriseType, 'Enterprise');
