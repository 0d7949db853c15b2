import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { listSubject, removeFromList } from '../../registry/list-membership.service';
import type { GraphQLContext } from '../context';
import { ListSubjectInput, RemoveFromListInput } from '../inputs/list-membership.input';
import { ListMembershipType } from '../types/list-membership.type';

@Resolver(() => ListMembershipType)
export class ListMembershipResolver {
  @Mutation(() => ListMembershipType, { description: 'Enters a subject in a national dishonesty list from a day (失信被执行人名单, 严重违法失信名单).' })
  @Authorized(PERMISSIONS.writeRegistry)
  listSubject(@Arg('input', () => ListSubjectInput) input: ListSubjectInput, @Ctx() context: GraphQLContext) {
    return listSubject(context.em, context.viewer, input);
  }

  @Mutation(() => ListMembershipType, { description: 'Takes a subject off a list from a day (移出名单); the listing and its removal stay in the history.' })
  @Authorized(PERMISSIONS.decide)
  removeFromList(@Arg('input', () => RemoveFromListInput) input: RemoveFromListInput, @Ctx() context: GraphQLContext) {
    return removeFromList(context.em, context.viewer, input);
  }
}
