import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { RecordCategory, Severity } from '../../domain/credit-record';
import type { CreditReading } from '../facts-of';
import { SeverityPeriodsInput } from '../types/credit-facts.type';
import { ACTS_FROM, COUNTS_FOR, DISHONESTY_CATEGORIES, GRAVE_SEVERITIES, IN_OFFICE_CATEGORIES, TRUSTWORTHY_FOR } from './facts-args';

/**
 * How a credit facts field reads the records (`credit`, `agencyCreditAsPrincipal`): its policy
 * arguments, declared once. Read with `@Args(() => CreditReadingArgs, { validate: false })`.
 */
@ArgsType()
export class CreditReadingArgs implements CreditReading {
  @Field(() => SeverityPeriodsInput, COUNTS_FOR)
  countsFor!: SeverityPeriodsInput | null;

  @Field(() => String, TRUSTWORTHY_FOR)
  trustworthyFor!: string | null;

  @Field(() => LocalDateResolver, ACTS_FROM)
  actsFrom!: string | null;

  @Field(() => [RecordCategory], DISHONESTY_CATEGORIES)
  dishonestyCategories!: RecordCategory[] | null;

  @Field(() => [RecordCategory], IN_OFFICE_CATEGORIES)
  inOfficeCategories!: RecordCategory[] | null;

  @Field(() => [Severity], GRAVE_SEVERITIES)
  graveSeverities!: Severity[] | null;
}
