// Finding rows by id, for every layer that reads them (registry use cases, evaluation, resolvers, sweeps).
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundError } from '../../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws BAD_USER_INPUT unless `id` has the form of an id of this API. */
export function assertId(id: string, field = 'id'): void {
  if (!UUID.test(id)) throw new BadUserInputError(field, `"${id}" is not an id of this API (ids are UUIDs).`);
}

/**
 * Loads one entity by id, or throws NOT_FOUND naming the field that held the id.
 *
 * With `{ lock: true }` the row is locked (SELECT … FOR UPDATE) until the transaction ends, and read
 * again even when it is already loaded, so the checks that follow see the committed state. Every
 * state change of a record (or listing, or commitment) locks first, so two requests about the same
 * row run one after the other and the second one checks what the first one wrote: "check, then
 * insert" cannot be raced. `em` must then be a transaction.
 */
export async function findOrFail<E extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => E,
  what: string,
  id: string,
  field = 'id',
  { lock = false }: { lock?: boolean } = {},
): Promise<E> {
  assertId(id, field);
  const found = await em.findOne(entity, { id } as never, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
  if (!found) throw new NotFoundError(what, id, field);
  return found;
}
