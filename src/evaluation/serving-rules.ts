import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { RuleSetService, RuleSetSnapshot } from '../db/entities';
import { runSql, sqlNames } from '../db/repositories/sql';
import { formatProblem, RuleSetError, type RuleProblem } from '../engine/rule-problem';
import { inspectFiles, inspectRules, type RuleSet } from '../engine/rule-set';
import { chinaTime } from '../domain/day';
import { storeSnapshot } from './snapshot';

/** How many stored sets a start on a broken folder tries, newest first, before giving up. */
const FALLBACK_CANDIDATES = 5;

export interface ServingRules {
  ruleSet: RuleSet;
  /** Problems of the folder on disk; empty when the set in force is the folder itself. */
  problems: RuleProblem[];
  /** Set when the folder is broken and a stored set serves instead: why, in both languages. */
  degraded: { zh: string; en: string } | null;
}

export interface ServingLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Records that a set is serving, so that a later start on a broken folder knows the last good one. */
export async function markServed(em: EntityManager, ruleSet: RuleSet): Promise<void> {
  await storeSnapshot(em, ruleSet);
  const s = sqlNames(em, RuleSetService);
  // Outside any transaction of the caller (a fork has none), as the snapshot is.
  await runSql(em.fork(), `insert into ${s.table} (${s.col.version}, ${s.col.lastServedAt}) values (?, now())
    on conflict (${s.col.version}) do update set ${s.col.lastServedAt} = excluded.${s.col.lastServedAt}`, [ruleSet.version]);
}

/**
 * A stored set's files checked exactly as the live folder's are (inspectFiles: the same parse and
 * checks, against today's schema and law); usable only when it still passes and its files are
 * still the version they were stored as.
 */
function inspectSnapshot(snapshot: RuleSetSnapshot, schema: GraphQLSchema): RuleSet | null {
  const { ruleSet } = inspectFiles(snapshot.files, schema);
  return ruleSet && ruleSet.version === snapshot.version ? ruleSet : null;
}

/**
 * The rule set a server, a command or a worker starts with: the rules folder when it is valid;
 * otherwise the last good set stored in the database (the newest that still passes every check),
 * said loudly, so that one broken file put live does not take the service down at the next restart.
 * With no stored set to fall back to, the start is refused with every problem.
 */
export async function loadServingRules(em: EntityManager, dir: string, schema: GraphQLSchema, log: ServingLog): Promise<ServingRules> {
  const { ruleSet, problems } = inspectRules(dir, schema);
  if (ruleSet) {
    await markServed(em, ruleSet);
    return { ruleSet, problems: [], degraded: null };
  }
  const served = await em.find(RuleSetService, {}, { orderBy: { lastServedAt: 'desc' }, limit: FALLBACK_CANDIDATES });
  // A database from before sets were recorded as served still has the snapshots its verdicts used.
  const candidates = served.length
    ? served.map(({ version, lastServedAt }) => ({ version, since: lastServedAt }))
    : (await em.find(RuleSetSnapshot, {}, { orderBy: { firstUsedAt: 'desc' }, limit: FALLBACK_CANDIDATES })).map((s) => ({ version: s.version, since: s.firstUsedAt }));
  for (const { version, since } of candidates) {
    const snapshot = await em.findOne(RuleSetSnapshot, { version });
    const lastGood = snapshot && inspectSnapshot(snapshot, schema);
    if (!lastGood) continue;
    const degraded = {
      zh: `规则目录 ${dir} 有 ${problems.length} 处错误，未生效；改用上次可用的规则集 ${lastGood.version}（最近于 ${chinaTime(since)} 使用）继续服务。修正文件后将自动重新加载。`,
      en: `the rules folder ${dir} has ${problems.length} problem(s) and is not in force; serving the last good rule set ${lastGood.version} (last used ${since.toISOString()}) instead. Fix the files and they are reloaded.`,
    };
    log.warn(`规则降级 RULES DEGRADED: ${degraded.zh} / ${degraded.en}\n${problems.map(formatProblem).join('\n')}`);
    return { ruleSet: lastGood, problems, degraded };
  }
  throw new RuleSetError(problems);
}
