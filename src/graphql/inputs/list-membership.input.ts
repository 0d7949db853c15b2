import { IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { CreditList } from '../../domain/list-membership';
import { SubjectType } from '../../domain/subject';
import { HappenedOn, SingleLine } from '../validators';
import { NonEmptyText } from './non-empty-text';

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

  @SingleLine()
  @Field({ description: 'The body that listed the subject, e.g. 鄂州市中级人民法院.' })
  @NonEmptyText(200)
  listedBy!: string;

  @SingleLine()
  @Field({ description: 'The listing decision (文号 or 案号).' })
  @NonEmptyText(100)
  documentNumber!: string;

  @Field(() => ID, { nullable: true, description: "The subject's credit record the listing rests on; its approved repair ends the listing's effect." })
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

  @HappenedOn({ description: 'The listing no longer holds from this day.' })
  removedOn!: string;

  @SingleLine()
  @Field()
  @NonEmptyText(200)
  removedBy!: string;

  @SingleLine()
  @Field({ description: 'The removal decision (文号).' })
  @NonEmptyText(100)
  documentNumber!: string;
}
