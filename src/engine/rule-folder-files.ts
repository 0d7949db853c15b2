import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { RuleProblem } from './rule-problem';

/**
 * Finding and reading the files of a rules folder without trusting what the folder holds. Policy
 * officers write into it, so it may hold a FIFO (a read blocks the event loop until someone writes
 * to it), a device or a symlink to one (/dev/zero: a read never ends), or a symlink loop (ELOOP as an
 * uncoded stack) — hostile30 F2. Every file is opened non-blocking and without following a final
 * symlink, checked on the open descriptor (fstat: what was opened, not what the path named a moment
 * before), and read with a bound it cannot pass. Whatever is refused becomes a located problem, so a
 * reload, a start, the watcher and `rules check` all say which file and why, and a reload refused so
 * changes nothing.
 *
 * Symlinks: one whose target (resolved to the end) is a regular file or a folder inside the rules
 * folder is followed (a deployment may link the files it mounts); one leaving the folder, dangling,
 * looping, or reaching a folder already walked is refused. The target is never named in the problem.
 */

/** A file found under the folder: its path as the folder names it, and the real path it is opened by. */
export interface FoundFile {
  full: string;
  real: string;
}

const problem = (root: string, full: string, zh: string, en: string): RuleProblem => ({ file: path.relative(root, full) || '.', line: 1, column: 1, zh, en });

const fsCode = (error: unknown): string => (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'EIO');

const unreadable = (root: string, full: string, error: unknown): RuleProblem =>
  problem(root, full, `无法读取（${fsCode(error)}）；请检查该路径是否存在、可读且为普通文件`, `cannot be read (${fsCode(error)}); check that the path exists, is readable and is a regular file`);

const notRegular = (root: string, full: string): RuleProblem =>
  problem(root, full, '不是普通文件（命名管道、设备或套接字）；规则目录只读取普通文件，请删除它或换成普通文件', 'is not a regular file (a FIFO, a device or a socket); the rules folder reads regular files only: remove it or replace it with a regular file');

const outside = (root: string, full: string): RuleProblem =>
  problem(root, full, '是指向规则目录之外的符号链接；请把文件本身放进规则目录', 'is a symbolic link leaving the rules folder; put the file itself in the rules folder');

const walkedTwice = (root: string, full: string): RuleProblem =>
  problem(root, full, '是符号链接循环，或指向已读过的目录；请删除该链接', 'is a symbolic link loop, or links to a folder already read; remove the link');

const inside = (realRoot: string, real: string) => real === realRoot || real.startsWith(realRoot + path.sep);

/** What one entry of the folder is, links followed as far as they may be. */
type Entry = { kind: 'file'; file: FoundFile } | { kind: 'folder'; real: string } | { kind: 'other' } | { kind: 'problem'; problem: RuleProblem };

function entryAt(root: string, realRoot: string, full: string, wanted: boolean): Entry {
  try {
    const link = lstatSync(full);
    const real = link.isSymbolicLink() ? realpathSync(full) : full;
    const target = link.isSymbolicLink() ? lstatSync(real) : link;
    if (link.isSymbolicLink() && !inside(realRoot, real)) return wanted || target.isDirectory() ? { kind: 'problem', problem: outside(root, full) } : { kind: 'other' };
    if (target.isDirectory()) return { kind: 'folder', real: realpathSync(real) };
    return wanted ? { kind: 'file', file: { full, real: realpathSync(real) } } : { kind: 'other' };
  } catch (error) {
    // A dangling link (ENOENT) is a problem only for a file that would be read; a loop (ELOOP) always.
    if (fsCode(error) === 'ELOOP') return { kind: 'problem', problem: walkedTwice(root, full) };
    return wanted ? { kind: 'problem', problem: unreadable(root, full, error) } : { kind: 'other' };
  }
}

/** The rules folder's real path, which no symlink may leave; null when the folder is missing. */
function realRootOf(root: string): string | RuleProblem | null {
  try {
    return realpathSync(root);
  } catch (error) {
    return fsCode(error) === 'ENOENT' ? null : unreadable(root, root, error);
  }
}

/**
 * The files with the extension under a folder of the rules folder `root`, sorted, and the problems
 * met on the way; none when the folder is missing.
 */
export function listFolderFiles(root: string, dir: string, extension: string): { files: FoundFile[]; problems: RuleProblem[] } {
  const files: FoundFile[] = [];
  const problems: RuleProblem[] = [];
  const realRoot = realRootOf(root);
  if (realRoot === null) return { files, problems };
  if (typeof realRoot !== 'string') return { files, problems: [realRoot] };
  const start = dir === root ? { kind: 'folder' as const, real: realRoot } : entryAt(root, realRoot, dir, false);
  if (start.kind === 'problem') return { files, problems: [start.problem] };
  if (start.kind !== 'folder') return { files, problems };
  const walked = new Set<string>([start.real]);
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch (error) {
      problems.push(unreadable(root, folder, error));
      return;
    }
    for (const name of names) {
      const full = path.join(folder, name);
      const entry = entryAt(root, realRoot, full, name.endsWith(extension));
      if (entry.kind === 'problem') problems.push(entry.problem);
      else if (entry.kind === 'file') files.push(entry.file);
      else if (entry.kind === 'folder') {
        if (walked.has(entry.real)) problems.push(walkedTwice(root, full));
        else {
          walked.add(entry.real);
          walk(full);
        }
      }
    }
  };
  walk(dir);
  files.sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
  return { files, problems };
}

/** One named file of the rules folder (matters.json, a facts query): found, missing (null) or refused. */
export function namedFolderFile(root: string, file: string): FoundFile | RuleProblem | null {
  const realRoot = realRootOf(root);
  if (realRoot === null || typeof realRoot !== 'string') return realRoot;
  const full = path.join(root, file);
  try {
    lstatSync(full);
  } catch {
    return null; // absent (not a dangling link: lstat finds the link itself); its checks say it is missing
  }
  const entry = entryAt(root, realRoot, full, true);
  return entry.kind === 'problem' ? entry.problem : entry.kind === 'file' ? entry.file : null;
}

/** Open for reading without blocking (a FIFO with no writer) and without following a last link (swapped in after listing). */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/**
 * A found file's size, or its text when `read`, checked on the open descriptor: a regular file, read
 * to at most `limit` + 1 bytes (so one past the limit is seen, and nothing more is ever read).
 */
export function openFolderFile(root: string, file: FoundFile, limit: number, read: boolean): { bytes: number; text?: string } | RuleProblem {
  let fd: number;
  try {
    fd = openSync(file.real, OPEN_FLAGS);
  } catch (error) {
    return fsCode(error) === 'ELOOP' ? walkedTwice(root, file.full) : unreadable(root, file.full, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return notRegular(root, file.full);
    if (!read) return { bytes: stat.size };
    const buffer = Buffer.alloc(limit + 1);
    let bytes = 0;
    for (let got = -1; got !== 0 && bytes < buffer.length; bytes += got) got = readSync(fd, buffer, bytes, buffer.length - bytes, null);
    return { bytes, text: buffer.subarray(0, bytes).toString('utf8') };
  } catch (error) {
    return unreadable(root, file.full, error);
  } finally {
    closeSync(fd);
  }
}
