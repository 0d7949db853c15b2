import { Command, InvalidArgumentError } from 'commander';
import os from 'node:os';
import { ALL_ROLES, Role } from '../auth/role';
import { keySource } from '../auth/secret';
import { mintToken } from '../auth/tokens';
import { loadConfig, tokenPolicyOf } from '../config';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { SubjectType } from '../domain/subject';
import { RuleSetError } from '../engine/rule-problem';
import { decideSubject, evaluate } from '../evaluation/evaluate.service';
import { parameterUses, parameterUsesNow } from '../evaluation/parameter-uses';
import { storedProvisionalOn } from '../evaluation/provisional-uses';
import type { RuleSet } from '../engine/rule-set';
import { enumWords, factWords } from '../engine/schema-words';
import { explainedRules } from '../evaluation/rule-texts';
import { findSubject } from '../db/repositories/subjects';
import { parseAsOf } from './arguments';
import { registerRulesCommands } from './rules-commands';
import { cancelSweepCommand, sweepCommand, type SweepCommandOptions } from './sweep-command';
import { workerCommand } from './worker-command';
import { openRuntime } from './runtime';
import { openDatabase } from '../db/database';
import { initORM } from '../db/orm';
import { verdictText, type VerdictWords } from './verdict-text';

const SUBJECT_PREFIXES: Record<string, SubjectType> = {
  agency: SubjectType.AGENCY,
  'civil-servant': SubjectType.CIVIL_SERVANT,
  enterprise: SubjectType.ENTERPRISE,
};

function parseSubject(value: string): { type: SubjectType; id: string } {
  const at = value.indexOf(':');
  const type = SUBJECT_PREFIXES[value.slice(0, at)];
  if (at < 0 || !type) {
    throw new InvalidArgumentError(`写作 类型:id，类型为 agency、civil-servant 或 enterprise / write type:id with type agency, civil-servant or enterprise (got "${value}")`);
  }
  return { type, id: value.slice(at + 1) };
}


function collectSubjectType(value: string, previous: SubjectType[] = []): SubjectType[] {
  const type = SUBJECT_PREFIXES[value];
  if (!type) throw new InvalidArgumentError(`主体类型为 agency、civil-servant 或 enterprise / use agency, civil-servant or enterprise (got "${value}")`);
  return [...previous, type];
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`须为非负整数 / must be a whole number ≥ 0 (got "${value}")`);
  return n;
}

/** A person's name for the audit trail: 1–60 letters (any script), digits, spaces, dots, hyphens. */
function parseActorName(value: string): string {
  const name = value.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} .·_-]{0,59}$/u.test(name)) {
    throw new InvalidArgumentError(`姓名须为 1–60 个字母、汉字、数字、空格、点或连字符 / --as takes a name of 1–60 letters, digits, spaces, dots or hyphens (got "${value}")`);
  }
  return name;
}

/** The actor the audit trail records: `cli:<os user>`, or `<name> (cli:<os user>)` with --as. */
function cliActor(name?: string): string {
  const osUser = `cli:${os.userInfo().username}`;
  return name ? `${name} (${osUser})` : osUser;
}

function verdictWords(schema: GraphQLSchema, ruleSet: RuleSet, type: SubjectType): VerdictWords {
  return { codes: enumWords(schema), facts: { zh: factWords(schema, ruleSet, type, 'zh'), en: factWords(schema, ruleSet, type, 'en') } };
}

function report(error: unknown): number {
  if (error instanceof RuleSetError) {
    console.error(error.message);
    return 1;
  }
  if (error instanceof GraphQLError) {
    console.error(`错误 Error [${String(error.extensions.code ?? 'ERROR')}]: ${error.message}`);
    return 1;
  }
  console.error(`错误 Error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

const program = new Command('chengxin').description('Chengxin (诚信): integrity rules and explainable verdicts / 政务诚信规则与可解释裁决');

program
  .command('evaluate')
  .description('评估一个信用主体，或以 --all 批量评估全部主体，并保存裁决 / evaluate one subject (or --all subjects) for a matter and store the verdicts')
  .option('--subject <type:id>', '例如 civil-servant:<id> / e.g. civil-servant:<id>, agency:<id>, enterprise:<id>', parseSubject)
  .option('--all', '批量评估该事项涉及的全部主体 / sweep every subject the matter concerns')
  .option('--matter <code>', '事项代码，见 rules/matters.json / matter code from rules/matters.json, e.g. PROMOTION')
  .option('--subject-type <type>', '仅评估此类主体（可重复）/ only this subject type with --all (repeatable): agency, civil-servant, enterprise', collectSubjectType)
  .option('--as-of <date>', '截至日期 / judge as of this date (YYYY-MM-DD, China Standard Time) or ISO date-time; default now', parseAsOf)
  .option('--resume <run-id>', '继续一次中断的批量评估 / finish an interrupted sweep')
  .option('--cancel <run-id>', '取消一次进行中的批量评估（同一事项同时只能运行一个）/ cancel a running sweep that cannot finish: one sweep per matter runs at a time')
  .option('--workers <n>', '本机工作进程数 / local worker processes for --all (0: only workers started elsewhere)', parseCount, os.availableParallelism())
  .option('--chunk-size <n>', '每块主体数 / subjects per chunk for --all', parseCount, 1000)
  .option('--json', '输出 JSON / print the verdict (or the sweep summary) as JSON')
  .option('--as <name>', '以此姓名记录操作人（另记系统用户）/ record this name as the actor, beside the operating-system user', parseActorName)
  .option('--dry-run', '试评估一个主体，不保存任何内容 / preview one subject\'s verdict; nothing is stored')
  .action(async (options: SweepCommandOptions & { subject?: { type: SubjectType; id: string }; all?: boolean; as?: string; dryRun?: boolean }) => {
    if (options.cancel) {
      if (options.subject || options.all || options.resume) throw new InvalidArgumentError('--cancel <run-id> 单独使用 / --cancel <run-id> stands alone');
      const runtime = await openRuntime();
      try {
        return await cancelSweepCommand(runtime, options.cancel);
      } finally {
        await runtime.close();
      }
    }
    if (Boolean(options.all || options.resume) === Boolean(options.subject)) {
      throw new InvalidArgumentError('请给出 --subject 或 --all 之一 / give either --subject <type:id> or --all (with --matter, or --resume <run-id>)');
    }
    if (options.subject && !options.matter) throw new InvalidArgumentError('缺少 --matter / --matter <code> is required');
    if (options.dryRun && !options.subject) throw new InvalidArgumentError('--dry-run 仅用于单个主体 / --dry-run previews one --subject; for a sweep use `rules diff` to preview');
    const runtime = await openRuntime();
    try {
      if (!options.subject) return await sweepCommand(runtime, options);
      const deps = runtime.deps();
      const subjectName = (await findSubject(deps.em, options.subject.type, options.subject.id)).name;
      const words = verdictWords(runtime.schema, deps.ruleSet, options.subject.type);
      const matterTitle = () => deps.ruleSet.matter(options.matter!)!.title;
      if (options.dryRun) {
        // A preview: the same facts and rules as a stored verdict, nothing written (no verdict, audit or snapshot).
        const decision = await decideSubject(deps, options.subject, options.matter!, options.asOf ?? new Date());
        const parameters = parameterUsesNow(deps.ruleSet, decision.subjectType, decision.parametersFile, decision.facts.parameters, decision.rules);
        console.log(options.json ? JSON.stringify({ ...decision, evaluatedAt: new Date(), stored: false }, null, 2) : verdictText({ ...decision, id: null }, decision.rules, matterTitle(), subjectName, words, parameters, decision.provisionalOn, decision.facts.subject));
        return;
      }
      // The command line acts with full rights, and is audited like any caller: under the operating
      // system user, and the name given with --as when someone acts for an office.
      const viewer = { role: Role.ADMIN, subject: cliActor(options.as) };
      const verdict = await evaluate(deps, viewer, options.subject, options.matter!, options.asOf ?? new Date());
      const rules = await explainedRules(deps.em, deps.ruleSet, verdict);
      if (options.json) {
        console.log(JSON.stringify({ ...verdict, actor: viewer.subject, rules }, null, 2));
      } else {
        console.log(verdictText(verdict, rules, matterTitle(), subjectName, words, await parameterUses(deps.em, deps.ruleSet, verdict, rules), await storedProvisionalOn(deps.em, deps.ruleSet, verdict, rules), verdict.facts.subject));
        console.error(`已保存，操作人 ${viewer.subject} / stored, acting as ${viewer.subject}`);
      }
    } finally {
      await runtime.close();
    }
  });

program
  .command('worker')
  .description('从队列领取批量评估的块并处理；其他机器用同一 DATABASE_URL 加入 / take sweep chunks from the queue; workers on other machines join with the same DATABASE_URL')
  .option('--concurrency <n>', '本进程同时处理的块数 / chunks this process works on at once', parseCount, 2)
  .option('--run <run-id>', '该批量评估完成后退出 / exit once this sweep is complete')
  .option('--quiet', '不逐块输出 / no line per chunk')
  .option('--metrics-port <port>', '在此端口提供 Prometheus 指标 / serve Prometheus metrics at http://HOST:<port>/metrics', parseCount)
  .action(async (options: { concurrency: number; run?: string; quiet?: boolean; metricsPort?: number }) => {
    // Each chunk in hand holds one of the ORM's connections while it reads facts, then one while it
    // commits; the queue has its own. The default pool (10) is enough up to 8 chunks at once.
    await workerCommand(await openRuntime({ pool: { min: 0, max: Math.max(10, options.concurrency + 2) } }), options);
  });

program
  .command('migrate')
  .description('以数据库所有者身份应用迁移 / apply the migrations, as the database owner (README "Database roles")')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(config, (message) => process.stderr.write(`${message}\n`));
    try {
      const { orm, applied } = await initORM(database.clientUrl);
      await orm.close();
      console.log(applied.length ? `已应用 / applied: ${applied.join(', ')}` : '数据库已是最新 / the database is up to date');
    } finally {
      await database.stop();
    }
  });

/** The roles a token may carry: every role but PUBLIC (which is having no token). */
const TOKEN_ROLES = ALL_ROLES.filter((role) => role !== Role.PUBLIC);
const TOKEN_ROLE_NAMES = `${TOKEN_ROLES.slice(0, -1).join(', ')} or ${TOKEN_ROLES.at(-1)}`;

program
  .command('token')
  .description('用配置的密钥签发访问令牌 / mint a bearer token with the configured secret')
  .requiredOption('--role <role>', TOKEN_ROLE_NAMES, (value: string) => {
    if (!(TOKEN_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`use ${TOKEN_ROLE_NAMES} / 角色须为其中之一`);
    return value as Role;
  })
  .option('--sub <name>', '令牌主体（人员或系统）/ who the token is for', 'operator')
  .option('--ttl <duration>', '有效期 / lifetime, e.g. 8h, 30m, 7d', '8h')
  .action(async (options: { role: Role; sub: string; ttl: string }) => {
    const config = loadConfig();
    const source = keySource(config, (message) => process.stderr.write(`${message}\n`));
    if (!('secret' in source)) throw new InvalidArgumentError('JWKS_URL is set: tokens come from your identity provider, not from Chengxin.');
    console.log(await mintToken(source.secret, options.role, options.sub, options.ttl, tokenPolicyOf(config)));
  });

registerRulesCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = report(error);
});
