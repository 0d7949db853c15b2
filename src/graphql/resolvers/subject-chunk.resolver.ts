import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/role';
import { BadUserInputError } from '../../errors';
import { CHUNK_SIZE } from '../../sweep/chunk-size';
import type { GraphQLContext } from '../context';
import { loadOrFail } from '../loaders';
import { AgencyType } from '../types/agency.type';
import { CivilServantType } from '../types/civil-servant.type';
import { EnterpriseType } from '../types/enterprise.type';

/** The largest chunk a sweep plans (src/sweep/chunk-size.ts), and so the most ids one call may name. */
export const MAX_CHUNK_IDS = CHUNK_SIZE.max;

/**
 * Subjects by ids, in the order asked: the root fields a sweep's chunk reads its facts through
 * (src/graphql/chunk-query.ts puts the facts query's own selection under them, so a chunk runs
 * every resolver a single evaluation runs, once per chunk instead of once per subject). An id
 * that names no subject is null in the list, with NOT_FOUND at its index, as the one-subject
 * lookup would answer. ADMIN only: the facts runner reads as the system, and nobody else needs
 * thousands of subjects at once.
 */
function byIds<E>(load: (id: string) => Promise<E>, ids: string[]): Promise<E>[] {
  if (ids.length > MAX_CHUNK_IDS) throw new BadUserInputError('ids', `at most ${MAX_CHUNK_IDS} ids at once, the largest sweep chunk (got ${ids.length}); ask in smaller parts. Nothing was read.`);
  // A chunk names each subject once; the same id again would read (and price) one subject many times over.
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) throw new BadUserInputError('ids', `the id ${JSON.stringify(id.slice(0, 64))} is given more than once (again at index ${i}); name each subject once. Nothing was read.`);
    seen.add(id);
  }
  return ids.map(load);
}

const IDS = { validate: false, description: `Their ids, at most ${MAX_CHUNK_IDS}.` } as const;

@Resolver()
export class SubjectChunkResolver {
  @Query(() => [AgencyType], { nullable: 'items', description: 'Agencies by ids, in the order given; null (with NOT_FOUND) for an id of none. For sweeps: ADMIN only.' })
  @Authorized([Role.ADMIN])
  agenciesByIds(@Arg('ids', () => [ID], IDS) ids: string[], @Ctx() { loaders }: GraphQLContext) {
    return byIds((id) => loadOrFail(loaders.agency, 'agency', id), ids);
  }

  @Query(() => [CivilServantType], { nullable: 'items', description: 'Civil servants by ids, in the order given; null (with NOT_FOUND) for an id of none. For sweeps: ADMIN only.' })
  @Authorized([Role.ADMIN])
  civilServantsByIds(@Arg('ids', () => [ID], IDS) ids: string[], @Ctx() { loaders }: GraphQLContext) {
    return byIds((id) => loadOrFail(loaders.civilServant, 'civil servant', id), ids);
  }

  @Query(() => [EnterpriseType], { nullable: 'items', description: 'Enterprises by ids, in the order given; null (with NOT_FOUND) for an id of none. For sweeps: ADMIN only.' })
  @Authorized([Role.ADMIN])
  enterprisesByIds(@Arg('ids', () => [ID], IDS) ids: string[], @Ctx() { loaders }: GraphQLContext) {
    return byIds((id) => loadOrFail(loaders.enterprise, 'enterprise', id), ids);
  }
}
