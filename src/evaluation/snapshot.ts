import type { EntityManager } from '@mikro-orm/postgresql';
import { RuleSetSnapshot } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import { readSnapshot, type StoredRuleSet } from '../engine/rule-loader';
import type { RuleSet } from '../engine/rule-set';
import { RuleSnapshotError } from '../errors';

/** Database and version pairs whose files are known to be stored, so each process writes a snapshot once. */
const storedVersions = new Set<string>();

/**
 * Stores a version's files once. Outside the caller's transaction (a fork has none), as it always
 * was: a version this process notes as stored must be committed, whatever becomes of the write
 * that asked for it.
 */
export async function storeSnapshot(em: EntityManager, ruleSet: RuleSet): Promise<void> {
  const key = `${em.config.get('clientUrl')}|${ruleSet.version}`;
  if (storedVersions.has(key)) return;
  const s = sqlNames(em, RuleSetSnapshot);
  await runSql(em.fork(), `insert into ${s.table} (${s.col.version}, ${s.col.files}) values (?, ?) on conflict (${s.col.version}) do nothing`, [
    ruleSet.version,
    JSON.stringify(ruleSet.files),
  ]);
  storedVersions.add(key);
}

/** The files of a rule-set version, as stored when a verdict first used it. */
export async function findSnapshot(em: EntityManager, version: string): Promise<RuleSetSnapshot | null> {
  return em.findOne(RuleSetSnapshot, { version });
}

/** Versions read back: a version's files never change, so each is read and parsed once per process. */
const readBack = new Map<string, StoredRuleSet>();

/**
 * The rule set a stored verdict was given under, read back (rule texts, parameter sources, facts
 * query variables) with the loader's own parse (src/engine/rule-loader.ts): from the set in force
 * when it is that version, else from its snapshot. A version with no snapshot, or a snapshot that
 * does not parse, is a RuleSnapshotError naming the version; nothing is cached for it.
 */
export async function storedRuleSet(em: EntityManager, current: RuleSet, version: string): Promise<StoredRuleSet> {
  const known = readBack.get(version);
  if (known) return known;
  const files = version === current.version ? current.files : (await findSnapshot(em, version))?.files;
  if (!files) throw new RuleSnapshotError(version, 'no snapshot of this version is stored / 未保存该版本的快照');
  const read = readSnapshot(version, files);
  readBack.set(version, read);
  return read;
}
