import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Outcome } from '../../domain/verdict';
import { CreditRecordType } from './credit-record.type';
import { LocalizedTextType, MeasureType } from './verdict.type';

@ObjectType('PublicStatus', {
  description: 'How a subject stands for a matter now, assessed on reading with the rules in force through the same pipeline as evaluate, and stored nowhere (not a verdict, no audit event).',
})
export class PublicStatusType {
  @Field({ description: 'A matter code from rules/matters.json, e.g. PROCUREMENT.' })
  matter!: string;

  @Field(() => LocalizedTextType)
  matterTitle!: LocalizedTextType;

  @Field(() => Outcome)
  outcome!: Outcome;

  @Field(() => [MeasureType], { description: 'The measures that apply: one per fired rule, strongest first.' })
  measures!: MeasureType[];

  @Field(() => LocalizedTextType, { description: "One sentence: the strongest fired rule's explanation, or why nothing applies." })
  reason!: LocalizedTextType;

  @Field(() => [CreditRecordType], { description: 'The publicly disclosed credit records behind the fired rules.' })
  records!: CreditRecordType[];

  @Field({ description: 'The moment assessed: when it was read.' })
  asOf!: Date;

  @Field(() => LocalDateResolver, { description: 'The day (China Standard Time) the records were taken for.' })
  day!: string;

  @Field({ description: 'The rule-set version that assessed it.' })
  ruleSetVersion!: string;
}
