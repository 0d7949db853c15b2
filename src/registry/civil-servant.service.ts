import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant } from '../db/entities';
import { ConflictError } from '../errors';
import { findOrFail } from './lookup';

export interface CivilServantFields {
  idCardNumber: string;
  name: string;
  agencyId: string;
  post: string;
  rank: string;
  leadingCadre?: boolean;
  principal?: boolean;
}

export async function createCivilServant(em: EntityManager, input: CivilServantFields): Promise<CivilServant> {
  return em.transactional(async (tx) => {
    if (await tx.count(CivilServant, { idCardNumber: input.idCardNumber })) {
      throw new ConflictError('idCardNumber', 'a civil servant with this ID-card number already exists; update that one instead.');
    }
    const agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    const servant = tx.create(CivilServant, {
      idCardNumber: input.idCardNumber,
      name: input.name,
      agency,
      post: input.post,
      rank: input.rank,
      leadingCadre: input.leadingCadre ?? false,
      principal: input.principal ?? false,
    });
    await tx.flush();
    return servant;
  });
}

export async function updateCivilServant(
  em: EntityManager,
  id: string,
  input: Partial<Omit<CivilServantFields, 'idCardNumber'>>,
): Promise<CivilServant> {
  return em.transactional(async (tx) => {
    const servant = await findOrFail(tx, CivilServant, 'civil servant', id);
    if (input.agencyId) servant.agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    if (input.name != null) servant.name = input.name;
    if (input.post != null) servant.post = input.post;
    if (input.rank != null) servant.rank = input.rank;
    if (input.leadingCadre != null) servant.leadingCadre = input.leadingCadre;
    if (input.principal != null) servant.principal = input.principal;
    await tx.flush();
    return servant;
  });
}
