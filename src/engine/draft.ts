import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULE_LIMITS } from './rule-limits';

export interface DraftFile {
  /** Relative to the rules folder, e.g. civil-servant/award-restrict.json. */
  path: string;
  /** The new content; null removes the file from the draft. */
  content: string | null;
}

/** What a draft may change: the rule folders, the facts queries, the parameters and the matters. */
const DRAFT_PATH = /^(?:(?:agency|civil-servant|enterprise|parameters)\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.json|facts\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.graphql|matters\.json)$/;

/** Why a draft file's path is refused, or null when it names a rule, facts, parameters or matters file. */
export function draftPathProblem(file: string): string | null {
  if (file.length > RULE_LIMITS.pathLength) return `is longer than ${RULE_LIMITS.pathLength} characters`;
  // Letters, digits, "-", "_" and "." only: no NUL, no "..", no absolute or Windows path can pass.
  if (!DRAFT_PATH.test(file)) {
    return 'must be a plain relative path inside the rules folder (letters, digits, "-", "_", "."), such as civil-servant/x.json, facts/agency.graphql, parameters/2026-01-01.json or matters.json';
  }
  return null;
}

/** The first thing wrong with a draft as a whole — its size or its paths — as the field to name and the problem, or null. */
export function draftProblem(files: DraftFile[]): { field: string; problem: string } | null {
  if (files.length > RULE_LIMITS.draftFiles) return { field: 'files', problem: `a draft changes at most ${RULE_LIMITS.draftFiles} files; this one has ${files.length}.` };
  const seen = new Set<string>();
  let total = 0;
  for (const [i, file] of files.entries()) {
    const pathProblem = draftPathProblem(file.path);
    if (pathProblem) return { field: `files[${i}].path`, problem: `${JSON.stringify(file.path)} ${pathProblem}.` };
    if (seen.has(file.path)) return { field: `files[${i}].path`, problem: `"${file.path}" appears twice; give each file once.` };
    seen.add(file.path);
    const bytes = Buffer.byteLength(file.content ?? '', 'utf8');
    if (bytes > RULE_LIMITS.fileBytes) return { field: `files[${i}].content`, problem: `"${file.path}" has ${bytes} bytes; a rule file has at most ${RULE_LIMITS.fileBytes}. Split it.` };
    total += bytes;
  }
  if (total > RULE_LIMITS.draftBytes) return { field: 'files', problem: `the draft has ${total} bytes in all; at most ${RULE_LIMITS.draftBytes}.` };
  return null;
}

/** A draft file that cannot be written where its path says (a file and a folder of the same name). */
export class DraftWriteError extends Error {
  constructor(readonly index: number, readonly path: string) {
    super(`"${path}" cannot be written there: a file and a folder of the same name? Choose another path.`);
    this.name = 'DraftWriteError';
  }
}

/**
 * The rules folder as it would be with the draft files applied, in a temporary folder: the current
 * files, overwritten, added or removed by the draft. Call `remove()` when done; should building it
 * fail, the folder is removed before the error (a DraftWriteError for a file) goes on.
 */
export function materializeDraft(rulesDir: string, files: DraftFile[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-draft-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(rulesDir, dir, { recursive: true });
    for (const [i, file] of files.entries()) {
      const target = path.join(dir, file.path);
      try {
        if (file.content === null) rmSync(target, { force: true });
        else {
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, file.content);
        }
      } catch {
        throw new DraftWriteError(i, file.path);
      }
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
