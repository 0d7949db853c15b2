import type { EntityManager } from '@mikro-orm/postgresql';
import { RuleSetSnapshot } from '../db/entities';
import type { RuleSet } from '../engine/rule-set';

/** Database and version pairs whose files are known to be stored, so each process writes a snapshot once. */
const storedVersions = new Set<string>();

export async function storeSnapshot(em: EntityManager, ruleSet: RuleSet): Promise<void> {
  const key = `${em.config.get('clientUrl')}|${ruleSet.version}`;
  if (storedVersions.has(key)) return;
  await em.getConnection().execute(
    'insert into rule_set_snapshot (version, files) values (?, ?) on conflict (version) do nothing',
    [ruleSet.version, JSON.stringify(ruleSet.files)],
  );
  storedVersions.add(key);
}

/** The files of a rule-set version, as stored when a verdict first used it. */
export async function findSnapshot(em: EntityManager, version: string): Promise<RuleSetSnapshot | null> {
  return em.findOne(RuleSetSnapshot, { version });
}
