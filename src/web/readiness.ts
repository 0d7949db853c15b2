import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { Role, type Viewer } from '../auth/role';
import { verifyRequest } from '../auth/authorization-header';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import { fromLoopbackDirectly } from './local-caller';

/** At most this many rule problems are listed in the details; `rules.errors` counts them all. */
const LISTED_PROBLEMS = 50;

/**
 * /readyz: whether this process can serve — the database answers (within 2 s) and a rule set is
 * loaded. Anyone gets the answer and nothing more: 200 `{"status":"ready"}` or 503
 * `{"status":"unavailable"}`, all a load balancer needs. The details — database, rule-set version,
 * whether the rules folder has errors ("degraded": the last good set still serves, 200) and the
 * errors themselves, with file and line — are for the operator: a caller on this machine (loopback,
 * not relayed by a proxy) or one with an ADMIN token. A rules folder being edited says what is
 * being changed; the public has no use for it.
 */
export function readiness(orm: MikroORM, rules: RuleSetHolder, reloader: RuleReloader, verify: (authorization: string | undefined) => Promise<Viewer>) {
  const isOperator = async (req: Request) => {
    if (fromLoopbackDirectly(req)) return true;
    if (!req.headers.authorization) return false;
    // A token that does not verify is no operator: the short answer, not a 401 for a probe.
    return verifyRequest(req, verify).then((viewer) => viewer.role === Role.ADMIN, () => false);
  };
  return async (req: Request, res: Response) => {
    const database = await Promise.race([
      // The ORM's own check (`select 1` on its pool): no SQL of ours.
      orm.isConnected().catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
    ]);
    const ready = database && Boolean(rules.current);
    res.status(ready ? 200 : 503);
    if (!(await isOperator(req))) {
      res.json({ status: ready ? 'ready' : 'unavailable' });
      return;
    }
    // Degraded still serves (200): the last good set answers while the folder on disk has errors.
    const errors = reloader.errors;
    const degraded = errors.length > 0;
    res.json({
      status: !ready ? 'unavailable' : degraded ? 'degraded' : 'ready',
      database: database ? 'reachable' : 'unreachable',
      ruleSet: rules.current.version,
      rules: degraded
        ? {
            state: 'degraded',
            errors: errors.length,
            zh: `规则目录有 ${errors.length} 处错误，上次可用的规则集 ${rules.current.version} 继续服务`,
            en: `the rules folder has ${errors.length} problem(s); the last good set ${rules.current.version} serves`,
            problems: errors.slice(0, LISTED_PROBLEMS),
          }
        : { state: 'in-force' },
    });
  };
}
