import { IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { CreditList } from '../../domain/list-membership';
import { SubjectType } from '../../domain/subject';
import { HappenedOn } from '../validators';
import { NonEmptyText } from './non-empty-text';
import { TextField } from './text-field';

@InputType({ description: 'A subject entered in a national dishonesty list.' })
export class ListSubjectInput {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID()
  subjectId!: string;

  @Field(() => CreditList)
  list!: CreditList;

  @HappenedOn()
  listedOn!: string;

  @TextField(200, { description: '列入机关 / The body that listed the subject, its keeper: for JUDGMENT_DEFAULTER a people\'s court (…人民法院) or a specialised court (…军事法院, …海事法院, …知识产权法院, …金融法院, …互联网法院, …铁路运输法院, …铁路运输中级法院); for SERIOUS_ILLEGAL_DISHONEST a market regulation department (…市场监督管理局) or, for a decision before the 2018 reform, its predecessor (…工商行政管理局); any other body is refused.' })
  listedBy!: string;

  @TextField(100, { description: 'The listing decision (文号 or 案号): a four-digit year in brackets and a number ending in 号, e.g. (2024)鄂07执88号 or 鄂州市监〔2024〕7号.' })
  documentNumber!: string;

  @Field(() => ID, { nullable: true, description: "The subject's credit record the listing rests on: an unrevoked DISHONEST record of the same subject that occurred by listedOn. An approved repair of it is shown on the listing (endedBy REPAIRED, recordRepairedOn) but does not end the listing: the measures resting on the list (listedByCourt, the serious-illegal listing) hold until the listing body removes it or its recorded term ends." })
  @IsOptional()
  @IsUUID()
  recordId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The last day of the listing's term set by the court (法释〔2017〕7号 art. 2), judgment-defaulter listings only; it counts up to this day. Leave out when the decision sets none or it is unknown: the listing then counts until removed, and verdicts ask the deciding body to verify it with the court." })
  @IsOptional()
  termEndsOn?: string | null;
}

@InputType({ description: 'A subject taken off a list (移出名单).' })
export class RemoveFromListInput {
  @Field(() => ID)
  @IsUUID()
  membershipId!: string;

  @HappenedOn({ description: 'The listing no longer holds from this day: a day after listedOn (a listing entered in error is corrected, not removed).' })
  removedOn!: string;

  @TextField(200, { description: '移出机关 / The body that took the subject off: the listing body itself (listedBy, compared without white space) — for a listing by a …工商行政管理局, also the …市场监督管理局 of the same name that succeeded it — or, for a court\'s listing, a court of a higher level (最高人民法院 > 高级 and 中国人民解放军军事法院 > 中级, 铁路运输中级法院, 海事法院, 知识产权法院, 金融法院 > other courts; region not checked). Any other body is refused.' })
  removedBy!: string;

  @TextField(100, { description: 'The removal decision (文号 or 案号), in the same form as a listing\'s, e.g. (2024)鄂07执88号之一.' })
  documentNumber!: string;
}

@InputType({ description: '误登记撤回 / A listing registered here in error (against the wrong subject, or one the keeper never made) withdrawn as ENTERED_IN_ERROR (三(七) 经核实有误的信息应及时更正或撤销).' })
export class WithdrawListingInput {
  @Field(() => ID)
  @IsUUID()
  membershipId!: string;

  @Field({ description: '撤回理由 / What was found wrong, e.g. the court\'s list names another 统一社会信用代码.' })
  @NonEmptyText(2000)
  reason!: string;

  @TextField(100, { nullable: true, mayBeEmpty: true, description: 'The document the finding rests on (e.g. the decision on an objection), in the form of a 文号, when there is one.' })
  documentNumber?: string | null;
}

@InputType({ description: '列入信息更正 / A standing listing\'s details corrected as its keeper or the court corrected them (法释〔2017〕7号 art. 12: inaccurate information is corrected, the listing stands). Give at least one of listedOn, documentNumber, listedBy.' })
export class CorrectListingInput {
  @Field(() => ID)
  @IsUUID()
  membershipId!: string;

  @HappenedOn({ nullable: true, description: '更正后的列入日期 / The corrected listing day: on or after the day the list began and the record behind it occurred, before a recorded removal, and not inside another listing of the subject on the same list.' })
  @IsOptional()
  listedOn?: string | null;

  @TextField(100, { nullable: true, mayBeEmpty: true, description: '更正后的列入决定文号 / The corrected listing decision (文号 or 案号), in the form listSubject asks.' })
  documentNumber?: string | null;

  @TextField(200, { nullable: true, mayBeEmpty: true, description: '更正后的列入机关 / The corrected listing body: the list\'s keeper, as listSubject asks; for a removed listing, one whose removal body is still itself or a court above it.' })
  listedBy?: string | null;

  @Field({ description: '更正理由 / Why: the keeper\'s or the court\'s correction decision, or the slip found here (kept in the CORRECT_LISTING audit event).' })
  @NonEmptyText(2000)
  reason!: string;
}
