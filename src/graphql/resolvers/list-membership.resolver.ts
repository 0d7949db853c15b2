import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { listSubject, removeFromList, setListingTerm, withdrawListing } from '../../registry/list-membership.service';
import type { GraphQLContext } from '../context';
import { CorrectListingInput, ListSubjectInput, RemoveFromListInput, WithdrawListingInput } from '../inputs/list-membership.input';
import { correctListing } from '../../registry/listing-correction';
import { ListMembershipType } from '../types/list-membership.type';

@Resolver(() => ListMembershipType)
export class ListMembershipResolver {
  @Mutation(() => ListMembershipType, { description: 'Enters a subject in a national dishonesty list from a day (失信被执行人名单, 严重违法失信名单).' })
  @Authorized(PERMISSIONS.writeRegistry)
  listSubject(@Arg('input', () => ListSubjectInput) input: ListSubjectInput, @Ctx() context: GraphQLContext) {
    return listSubject(context.em, context.viewer, input);
  }

  @Mutation(() => ListMembershipType, { description: 'Takes a subject off a list from a day (移出名单); the listing and its removal stay in the history. A removal dated before today of a listing on record before today rewrites past days: only ADMIN may enter it (FORBIDDEN, reason SECOND_PERSON_REQUIRED, field removedOn; README "Erasable history").' })
  @Authorized(PERMISSIONS.decide)
  removeFromList(@Arg('input', () => RemoveFromListInput) input: RemoveFromListInput, @Ctx() context: GraphQLContext) {
    return removeFromList(context.em, context.viewer, input);
  }

  @Mutation(() => ListMembershipType, { description: '登记或延长列入期限 / Records or extends the term the court set on an existing judgment-defaulter listing (法释〔2017〕7号 art. 2), with the court\'s decision (文号 or 案号); the listing counts up to termEndsOn. Audited old → new (SET_LISTING_TERM). BAD_USER_INPUT on decidedBy for a body other than the listing court or a court above it; on termEndsOn for a list without terms, a term ending on or before the listing day or more than 5 years after it (a proposed check), or one that shortens the recorded term (an early end is a removal: removeFromList); FORBIDDEN (reason SECOND_PERSON_REQUIRED, field termEndsOn) when a first term ending before yesterday on a listing on record before today is entered by anyone but ADMIN; CONFLICT on id for a removed listing; NOT_FOUND when there is no such listing.' })
  @Authorized(PERMISSIONS.decide)
  setListingTerm(
    @Arg('id', () => ID) id: string,
    @Arg('termEndsOn', () => LocalDateResolver) termEndsOn: string,
    @Arg('documentNumber') documentNumber: string,
    @Arg('decidedBy', { description: '决定机关 / The court that set or extended the term: the listing court (listedBy) or a court of a higher level (最高人民法院 > 高级 > 中级 > other 人民法院; region not checked). Any other body is refused on decidedBy.' }) decidedBy: string,
    @Ctx() context: GraphQLContext,
  ) {
    return setListingTerm(context.em, context.viewer, { membershipId: id, termEndsOn, documentNumber, decidedBy });
  }

  @Mutation(() => ListMembershipType, { description: '误登记撤回 / Withdraws a listing registered here in error — against the wrong subject, or one the keeper never made — as ENTERED_IN_ERROR (三(七) 经核实有误的信息应及时更正或撤销), as withdrawCreditGrade does a grade: it never held and counts on no day, past days included; it stays in the history with who, when and why (enteredInError*). The keeper\'s own list is not touched; an end of a true listing is a removal (removeFromList). Audited WITHDRAW_LISTING; verdicts resting on it go stale. CLERK for a listing entered today or whose listing day has not come; otherwise a second person: OFFICER or ADMIN (FORBIDDEN, reason SECOND_PERSON_REQUIRED, field membershipId). CONFLICT when already withdrawn; NOT_FOUND when there is no such listing.' })
  @Authorized(PERMISSIONS.withdrawListing)
  withdrawListing(@Arg('input', () => WithdrawListingInput) input: WithdrawListingInput, @Ctx() context: GraphQLContext) {
    return withdrawListing(context.em, context.viewer, input);
  }

  @Mutation(() => ListMembershipType, { description: '更正列入信息 / Corrects a standing listing\'s details — the listing day, the decision\'s number, the listing body — as its keeper or the court corrected them (法释〔2017〕7号 art. 12); the listing keeps counting, now from the corrected day, and verdicts\' listing facts follow. Each check of listSubject is made on the corrected listing (BAD_USER_INPUT on the field at fault). A listing registered against the wrong subject is withdrawn (withdrawListing), an early end is a removal (removeFromList), a term setListingTerm. Audited CORRECT_LISTING old → new with the reason; verdicts resting on it go stale. CLERK for a listing entered today or whose days (old and new) have not come; otherwise a second person: ADMIN (FORBIDDEN, reason SECOND_PERSON_REQUIRED, field listedOn, listedBy or documentNumber). CONFLICT for a listing withdrawn as entered in error; NOT_FOUND when there is no such listing.' })
  @Authorized(PERMISSIONS.writeRegistry)
  correctListing(@Arg('input', () => CorrectListingInput) input: CorrectListingInput, @Ctx() context: GraphQLContext) {
    return correctListing(context.em, context.viewer, input);
  }
}
