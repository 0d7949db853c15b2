import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PrincipalTerm } from '../../db/entities';
import type { GraphQLContext } from '../context';
import { AgencyType } from '../types/agency.type';
import { PrincipalTermType } from '../types/civil-servant.type';

@Resolver(() => PrincipalTermType)
export class PrincipalTermResolver {
  @FieldResolver(() => AgencyType, { description: 'The agency they were principal of.' })
  agency(@Root() term: PrincipalTerm, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(term.agency.id);
  }
}
