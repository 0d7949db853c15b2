import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SubjectType } from '../domain/subject';

/** Rule folders and facts files by subject type. */
export const SUBJECT_FOLDERS: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civil-servant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};

/** Files with the extension under a folder, sorted; none when the folder is missing. */
export function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, extension) : name.endsWith(extension) ? [full] : [];
    })
    .sort();
}
