import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../connection';

@ObjectType('CivilServant', { description: '公务员: a civil servant. The ID-card number is personal data.' })
export class CivilServantType {
  @Field(() => ID)
  id!: string;

  // idCardNumber and name are resolved in CivilServantResolver, which masks them by role.

  @Field({ description: '职务 / Post (职务).' })
  post!: string;

  @Field({ description: '职级 / Rank (职级).' })
  rank!: string;

  @Field({ description: '是否领导干部 / Leading cadre (领导干部).' })
  leadingCadre!: boolean;

  @Field({ description: "是否所在机关主要负责人 / The principal (主要负责人) of their agency: answerable for the agency's government dishonesty (三(六))." })
  principal!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '任主要负责人之日 / The day they took office as principal: they answer for the agency\'s dishonesty that occurred from then on (三(六)). Null when not a principal, or when the tenure of a principal was never recorded (then nothing of the agency\'s is attributed to them).' })
  principalSince?: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType('PrincipalTerm', { description: '主要负责人任期 / A term served as an agency\'s principal (三(六)): kept when it ends, so a former principal still answers for acts in it.' })
export class PrincipalTermType {
  @Field(() => ID)
  id!: string;

  // agency is resolved in CivilServantResolver.

  @Field(() => LocalDateResolver, { description: '任职之日 / The day they took office.' })
  startedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '最后任职之日 / Their last day in office; null while they hold it.' })
  endedOn?: string | null;
}

export const CivilServantConnection = Connection(CivilServantType, 'CivilServant');
