import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Enterprise } from '../entities';
import { SubjectType } from '../../domain/subject';
import { findOrFail } from './lookup';

/** The entity behind each kind of subject, and how a message names it. */
const SUBJECT_ENTITIES = {
  [SubjectType.AGENCY]: { entity: Agency, what: 'agency' },
  [SubjectType.CIVIL_SERVANT]: { entity: CivilServant, what: 'civil servant' },
  [SubjectType.ENTERPRISE]: { entity: Enterprise, what: 'enterprise' },
} as const;

/** Loads the subject a record or evaluation names, or throws NOT_FOUND on subjectId; `lock` as in findOrFail. */
export async function findSubject(em: EntityManager, type: SubjectType, id: string, options: { lock?: boolean } = {}): Promise<Agency | CivilServant | Enterprise> {
  const { entity, what } = SUBJECT_ENTITIES[type];
  return findOrFail<Agency | CivilServant | Enterprise>(em, entity as never, what, id, 'subjectId', options);
}

/** One page of subjects of a type, in id order after `after` (keyset paging for sweeps and previews). */
export async function subjectsAfter(em: EntityManager, type: SubjectType, after: string | null, limit: number): Promise<{ id: string; name: string }[]> {
  const rows = await em.fork().find(SUBJECT_ENTITIES[type].entity as typeof Agency, after ? { id: { $gt: after } } : {}, {
    orderBy: { id: 'asc' },
    limit,
    fields: ['id', 'name'],
  });
  return rows.map((r) => ({ id: r.id, name: r.name }));
}
