import { Field, ID, ObjectType } from 'type-graphql';
import { AgencyKind, AgencyLevel } from '../../domain/subject';
import { Connection } from '../connection';

@ObjectType('Agency', { description: '政府机构: a government agency, district, development zone, street or township.' })
export class AgencyType {
  @Field(() => ID)
  id!: string;

  @Field({ description: '统一社会信用代码 / Unified social credit code (统一社会信用代码), GB 32100-2015.' })
  uscc!: string;

  @Field({ description: '机构名称 / Name.' })
  name!: string;

  @Field(() => AgencyLevel, { description: '层级 / Level: city, district, street or township.' })
  level!: AgencyLevel;

  @Field(() => AgencyKind, { description: '机构类别 / People\'s government (人民政府), department (政府部门), zone committee (开发区管委会) or street office (街道办事处), or another body (其他：党的机关、事业单位、垂直管理机构、法院): clauses speak of some kinds only (三(六)).' })
  kind!: AgencyKind;

  @Field({ description: '机构类别系推定 / True when the kind was estimated from the name when kinds were introduced and no officer has confirmed it (confirmAgencyKind): the honour disqualification of 三(六) does not rest on an estimated kind.' })
  kindEstimated!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const AgencyConnection = Connection(AgencyType, 'Agency');
