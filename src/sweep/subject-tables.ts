import { SubjectType } from '../domain/subject';

/** The table that holds each kind of subject, for the sweep's SQL. */
export const SUBJECT_TABLES: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civil_servant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};
