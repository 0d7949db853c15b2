import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { CreditList, ListingEnd } from '../../domain/list-membership';
import { SubjectType } from '../../domain/subject';

@ObjectType('ListMembership', { description: 'A listing of a subject in a national dishonesty list, from listing to removal; never deleted.' })
export class ListMembershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => CreditList)
  list!: CreditList;

  @Field(() => LocalDateResolver)
  listedOn!: string;

  @Field({ description: 'The body that listed the subject.' })
  listedBy!: string;

  @Field({ description: 'The listing decision (文号 or 案号).' })
  documentNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was taken off the list; the listing no longer holds from this day.' })
  removedOn?: string | null;

  @Field(() => String, { nullable: true })
  removedBy?: string | null;

  @Field(() => String, { nullable: true })
  removalDocumentNumber?: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('ListingOnDay', { description: 'A listing as it stood on the day asked about.' })
export class ListingOnDayType {
  @Field(() => ID)
  id!: string;

  @Field(() => CreditList)
  list!: CreditList;

  @Field(() => LocalDateResolver)
  listedOn!: string;

  @Field()
  listedBy!: string;

  @Field()
  documentNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  removedOn!: string | null;

  @Field({ description: 'Listed on the day: removal or an approved repair of the record behind it had not ended it.' })
  listed!: boolean;

  @Field(() => ListingEnd, { nullable: true, description: 'What ended it by the day, if anything.' })
  endedBy!: ListingEnd | null;
}

@ObjectType('ListFacts', { description: "A subject's list memberships on one day: what measures resting on a listing (四(一), 三(八)) read." })
export class ListFactsType {
  @Field({ description: 'On the judgment-defaulter list (失信被执行人名单) on the day.' })
  judgmentDefaulter!: boolean;

  @Field({ description: 'On the seriously-illegal-and-dishonest list (严重违法失信名单) on the day.' })
  seriousIllegalDishonest!: boolean;

  @Field(() => [ListingOnDayType], { description: 'Every listing begun by the day, newest first, holding or ended.' })
  memberships!: ListingOnDayType[];
}
