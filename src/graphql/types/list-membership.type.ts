import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { CreditList, ListingEnd } from '../../domain/list-membership';
import { SubjectType } from '../../domain/subject';
import { Guarded } from '../guarded';
import { LocalizedTextType } from './verdict.type';

@ObjectType('ListMembership', { description: 'A listing of a subject in a national dishonesty list, from listing to removal; never deleted.' })
export class ListMembershipType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field(() => SubjectType, { description: '主体类型 / The kind of subject.' })
  subjectType!: SubjectType;

  @Field(() => ID, { description: '主体编号 / The id of the subject.' })
  subjectId!: string;

  @Field(() => CreditList, { description: '名单 / Which list.' })
  list!: CreditList;

  @Field(() => LocalDateResolver, { description: '列入日期 / The day it was listed.' })
  listedOn!: string;

  @Field({ description: '列入机关 / The body that listed the subject.' })
  listedBy!: string;

  @Field({ description: '文号 / The listing decision (文号 or 案号).' })
  documentNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '移出日期 / The day it was taken off the list; the listing no longer holds from this day.' })
  removedOn?: string | null;

  @Field(() => String, { nullable: true, description: '移出机关 / The body that took it off the list.' })
  removedBy?: string | null;

  @Field(() => String, { nullable: true, description: '移出文号 / The number of the removal decision.' })
  removalDocumentNumber?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '列入期限届满日 / The last day of the term the court set (法释〔2017〕7号 art. 2); null when none is recorded.' })
  termEndsOn?: string | null;

  @Field(() => String, { nullable: true, description: '期限决定文号 / The court decision that set or extended the term after the listing (setListingTerm); null when the term came with the listing or none is recorded.' })
  termDocumentNumber?: string | null;

  @Field({ description: '登记时间 / When it was registered.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: '误登记撤回时间 / When it was withdrawn as entered in error (withdrawListing): it never held and counts on no day, past days included. Null for a listing that stands.' })
  enteredInErrorAt?: Date | null;

  @Field(() => String, { nullable: true, description: '撤回人 / Which staff account withdrew it as entered in error (its token\'s sub): for those who read the audit trail (INSPECTOR, ADMIN), null for others.' })
  @Guarded('ListMembership.enteredInErrorBy')
  enteredInErrorBy?: string | null;

  @Field(() => String, { nullable: true, description: '撤回理由 / What was found wrong.' })
  enteredInErrorReason?: string | null;

  @Field(() => String, { nullable: true, description: '撤回所依文号 / The document the finding rests on, when given.' })
  enteredInErrorDocumentNumber?: string | null;
}

// Plain values of the list facts: simple resolvers, as the facts types (credit-, commitment- and court-facts.type.ts).
@ObjectType('ListingOnDay', { simpleResolvers: true, description: 'A listing as it stood on the day asked about.' })
export class ListingOnDayType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field(() => CreditList, { description: '名单 / Which list.' })
  list!: CreditList;

  @Field(() => LocalDateResolver, { description: '列入日期 / The day it was listed.' })
  listedOn!: string;

  @Field({ description: '列入机关 / The body that listed the subject.' })
  listedBy!: string;

  @Field({ description: '文号 / The number of the deciding document.' })
  documentNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '移出日期 / The day it was taken off the list.' })
  removedOn!: string | null;

  @Field({ description: '当日在名单上 / Listed on the day: not removed by then; for a judgment-defaulter listing, also its record not repaired by then (a repair never ends a seriously-illegal-and-dishonest listing).' })
  listed!: boolean;

  @Field(() => ListingEnd, { nullable: true, description: '终止原因 / What ended it by the day, if anything.' })
  endedBy!: ListingEnd | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '所依记录信用修复获批日期 / The approval day of a credit repair of the record behind the listing, by the day; null when none. A note: only the listing body takes a subject off its list.' })
  recordRepairedOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '列入期限届满日 / The last day of the listing\'s term; from the day after, a judgment-defaulter listing no longer counts (endedBy TERM_ENDED). Null when none is recorded.' })
  termEndsOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '所依记录撤销日期 / The day an upheld objection revoked the record behind the listing here (三(七) 经核实有误的信息应及时更正或撤销), by the day; null when not revoked by then. It ends nothing: the list is the listing body\'s (court or listing authority), so the listing holds until that body removes it, and the deciding body should verify the listing with it.' })
  recordRevokedOn!: string | null;

  @Field({ description: '所依记录已在本系统撤销 / recordRevokedOn is set: the record behind the listing was revoked here by the day; the listing still holds.' })
  recordRevoked!: boolean;

  @Field(() => LocalizedTextType, { description: '期限说明 / What a verdict says of the term: when it ends, or that none is recorded and the deciding body should verify the listing with the court; for the seriously-illegal-and-dishonest list (no term recorded), that the deciding body should verify the listing with the listing authority.' })
  termNote!: LocalizedTextType;
}

@ObjectType('ListFacts', { simpleResolvers: true, description: "A subject's list memberships on one day: what measures resting on a listing (四(一), 三(八)) read." })
export class ListFactsType {
  @Field({
    description: '失信被执行人名单且所依记录未在本系统修复（本系统读法，不是名单本身） / Not the listing itself: true while a judgment-defaulter listing holds on the day (not removed, within any recorded term) AND the record behind it has no credit repair approved here. A repair here ends this field but not the court\'s listing, which holds until the court removes it or its term ends (listedByCourt). No shipped rule reads it; `rules check` warns of a rule that does.',
    deprecationReason: "Ends on a credit repair approved here, which does not end the court's listing: for the listing read listedByCourt, for an unrepaired record credit.judgmentDefaulter (law23 R1).",
  })
  judgmentDefaulter!: boolean;

  @Field({ description: '当日是否在严重违法失信名单（仅以列入机关移出为终止） / On the seriously-illegal-and-dishonest list (严重违法失信名单) on the day until the listing authority removes it, whatever a repair of the record behind it.' })
  seriousIllegalDishonest!: boolean;

  @Field({ description: '当日在失信被执行人名单（仅以法院移出为终止） / On the judgment-defaulter list on the day until the court removes it, whatever a repair of the record behind it (三(八) special governance).' })
  listedByCourt!: boolean;

  @Field(() => ListingOnDayType, { nullable: true, description: '法院未移出的失信被执行人名单记录 / The newest judgment-defaulter listing the court had not removed by the day, whatever a repair of the record behind it (四(一) names it: list, court, day, number).' })
  judgmentDefaulterListing!: ListingOnDayType | null;

  @Field(() => ListingOnDayType, { nullable: true, description: '列入机关未移出的严重违法失信名单记录 / The newest seriously-illegal-and-dishonest listing not removed by the day, whatever a repair of the record behind it (四(一) names it: list, authority, day, number).' })
  seriousIllegalDishonestListing!: ListingOnDayType | null;

  @Field({ description: '法院未移出的失信被执行人名单所依记录已在本系统撤销 / judgmentDefaulterListing rests on a record an upheld objection revoked here by the day (三(七)); the court\'s listing still holds: verify it with the court.' })
  judgmentDefaulterRecordRevoked!: boolean;

  @Field({ description: '严重违法失信名单所依记录已在本系统撤销 / seriousIllegalDishonestListing rests on a record an upheld objection revoked here by the day (三(七)); the listing still holds: verify it with the listing authority.' })
  seriousIllegalDishonestRecordRevoked!: boolean;

  @Field(() => LocalizedTextType, { description: '失信被执行人名单登记情况 / What the register shows when no judgment-defaulter listing holds on the day: that none is registered, or that the newest was removed by the court (or its recorded term ended) on a day, naming court, listing day and number. For the record-without-listing caution (四(一)).' })
  judgmentDefaulterHistory!: LocalizedTextType;

  @Field(() => LocalizedTextType, { description: '严重违法失信名单登记情况 / What the register shows when no seriously-illegal-and-dishonest listing holds on the day: that none is registered, or that the newest was removed by the listing authority on a day, naming it, the listing day and number.' })
  seriousIllegalDishonestHistory!: LocalizedTextType;

  @Field(() => [ListingOnDayType], { description: '名单记录 / Every listing begun by the day, newest first, holding or ended.' })
  memberships!: ListingOnDayType[];
}
