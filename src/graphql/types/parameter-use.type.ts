import { GraphQLJSON, LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { LocalizedTextType } from './verdict.type';

// The parameters an evaluation read and where their values come from. A value that is a proposed
// local choice (`proposed`) is what makes a verdict provisional (Explanation.provisional).

@ObjectType('ParameterSource', { description: "Where a parameter's value comes from: a document's clause, a local choice, or both." })
export class ParameterSourceType {
  @Field(() => String, { nullable: true })
  document!: string | null;

  @Field(() => String, { nullable: true })
  clause!: string | null;

  @Field(() => String, { nullable: true, description: 'Local choice: the deciding body.' })
  decidedBy!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Local choice: the day it was decided.' })
  decidedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Local choice: its decision document, when there is one.' })
  reference!: string | null;

  @Field({ description: '拟定，待有权机关确认 / Local choice: proposed (inferred), awaiting confirmation by the deciding body; false when decided or not a local choice.' })
  proposed!: boolean;

  @Field(() => LocalizedTextType, { nullable: true })
  note!: LocalizedTextType | null;

  @Field({ description: 'One line, e.g. "鄂州政发〔2018〕17号 四(一)；本地选择：市公共资源交易监管局、市财政局、市政府采购中心、市发展改革委（四(一)牵头单位），2018-12-17".' })
  text!: string;
}

@ObjectType('ParameterUse', { description: 'A parameter an evaluation read, with the value used and its source.' })
export class ParameterUseType {
  @Field({ description: 'Dotted name, e.g. countsFor or gradePoints.A.' })
  name!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value used.' })
  value!: unknown;

  @Field(() => ParameterSourceType, { nullable: true, description: 'Its source in the parameters file in force; null for verdicts given before sources were kept.' })
  source!: ParameterSourceType | null;

  @Field(() => [String], { description: 'Who read it: rule ids, and "facts" for the facts query.' })
  usedBy!: string[];
}
