import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DraftFile {
  /** Relative to the rules folder, e.g. civil-servant/restrict-award-and-promotion.json. */
  path: string;
  /** The new content; null removes the file from the draft. */
  content: string | null;
}

/** Why a draft file's path is refused, or null when it is a plain file inside the rules folder. */
export function draftPathProblem(file: string): string | null {
  const normal = path.posix.normalize(file);
  if (path.isAbsolute(file) || normal.startsWith('..') || normal !== file) return 'must be a plain relative path inside the rules folder, such as civil-servant/x.json';
  if (!/\.(json|graphql)$/.test(file)) return 'must end in .json or .graphql';
  return null;
}

/**
 * The rules folder as it would be with the draft files applied, in a temporary folder: the current
 * files, overwritten, added or removed by the draft. Call `remove()` when done.
 */
export function materializeDraft(rulesDir: string, files: DraftFile[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-draft-'));
  cpSync(rulesDir, dir, { recursive: true });
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (file.content === null) rmSync(target, { force: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
