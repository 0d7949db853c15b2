import { unwrapResolverError } from '@apollo/server/errors';
import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';

/**
 * Errors a client may see. Each carries `extensions.code`; messages say what is wrong, where
 * (the field) and what to do. Everything else is mapped once, in `formatError` below.
 */
export class BadUserInputError extends GraphQLError {
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, field = 'id') {
    super(`${field}: no ${what} has id "${id}". Query the list to find the right id.`, {
      extensions: { code: 'NOT_FOUND', field, id },
    });
  }
}

/** The request is well formed but clashes with what is stored (a duplicate code, a decided objection). */
export class ConflictError extends GraphQLError {
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`, { extensions: { code: 'CONFLICT', field } });
  }
}

/**
 * A sweep of the matter is already running: one sweep per matter at a time (a database index holds
 * it). Names the running run, and what to do about it; not who started it: a staff account is the
 * audit trail's, for INSPECTOR and ADMIN (SweepRun.startedBy, hostile29 F2), and an OFFICER is told this.
 */
export class SweepRunningError extends GraphQLError {
  constructor(run: { id: string; matter: string; startedAt: Date }) {
    super(
      `matter: 事项 ${run.matter} 的批量评估 ${run.id} 仍在进行（${run.startedAt.toISOString()} 开始），同一事项同时只能有一个批量评估。 ` +
        `A sweep of ${run.matter} is already running: ${run.id}, started at ${run.startedAt.toISOString()}; one sweep per matter runs at a time. ` +
        `Follow it with sweepRun(id: "${run.id}"); finish an interrupted one with npx chengxin evaluate --all --resume ${run.id}, or cancel one that cannot finish with cancelSweep(id: "${run.id}"). Nothing was started.`,
      { extensions: { code: 'SWEEP_RUNNING', field: 'matter', runId: run.id } },
    );
  }
}

/**
 * The server's processes do not all have one rule set in force (hostile21 F1): after `reloadRules`,
 * some did not take the version in time; before a sweep, some are on another version (a change the
 * folder watcher is still taking in). Names the processes and what to do.
 */
export class RulesNotEverywhereError extends GraphQLError {
  /** `behind`: the pids of the processes not on `version` (those that answered otherwise, and those that did not answer). */
  constructor(version: string, processes: string, when: 'reload' | 'sweep', behind: number[] = []) {
    const zh =
      when === 'reload'
        ? `规则集 ${version} 已在本进程生效，但并非所有服务进程都已生效（${processes}）。请再次调用 reloadRules；仍不一致时重启服务。`
        : `规则集 ${version} 并非在所有服务进程中生效（${processes}），未开始批量评估。请调用 reloadRules 使各进程一致后重试。`;
    const en =
      when === 'reload'
        ? `The rule set ${version} is in force in this server process, but not in every one (${processes}). Call reloadRules again; if it persists, restart the server.`
        : `The rule set ${version} is not in force in every server process (${processes}); no sweep was started, so none is planned under a version the others do not serve. Call reloadRules to bring them into line, then start the sweep again.`;
    super(`${zh} ${en}`, { extensions: { code: 'RULES_NOT_EVERYWHERE', version, processes, behind } });
  }
}

/** An evaluation that could not be made as the rules are written: nothing was stored. */
export class EvaluationError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'RULE_ERROR', ...details } });
  }
}

/**
 * A rule that cannot be run as written (a fact or parameter the facts lack, json-rules-engine
 * stopping): the verdict is refused rather than silently wrong. Names the rule and its file, never
 * a fact's value.
 */
export class RuleRuntimeError extends EvaluationError {
  constructor(readonly ruleId: string, file: string, problem: string) {
    super(`规则 ${ruleId}（rules/${file}）无法运行，未作出裁决 / Rule ${ruleId} (rules/${file}) cannot run: ${problem}. No verdict was given.`, { ruleId, file: `rules/${file}` });
    this.name = 'RuleRuntimeError';
  }
}

/**
 * The files of a rule-set version a stored verdict was given under cannot be read back: the
 * snapshot is missing, or a file of it does not parse. The verdict itself is intact; its rule
 * texts and parameter sources cannot be shown until the snapshot is restored.
 */
export class RuleSnapshotError extends GraphQLError {
  constructor(version: string, problem: string) {
    super(
      `规则集版本 ${version} 的文件无法读取（${problem}），无法显示该版本裁决的规则原文；裁决本身完好，请从备份恢复 rule_set_snapshot 中该版本的记录 / ` +
        `The files of rule-set version ${version} cannot be read (${problem}), so the rule texts of its verdicts cannot be shown; the verdicts themselves are intact. Restore that version's row of rule_set_snapshot from a backup.`,
      { extensions: { code: 'RULE_SNAPSHOT_UNREADABLE', version } },
    );
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super('The database cannot be reached just now; nothing was changed. Try again in a moment.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
}

/** Flattens class-validator's nested errors into `path: reason` lines. */
function describeValidation(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...describeValidation(error.children ?? [], field)];
  });
}

function fromValidation(error: ArgumentValidationError): GraphQLError {
  const fields = describeValidation(error.extensions.validationErrors);
  const message = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join('\n');
  return new GraphQLError(message || 'The input is not valid.', {
    extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
  });
}

/**
 * The registry's "one at a time" indexes and unique codes, and what their violation means to the client. The use
 * cases check first under a row lock and give a more precise message; these are the database's
 * word when something slipped past them.
 */
const ONE_AT_A_TIME: Record<string, { field: string; problem: string }> = {
  objection_one_pending_per_record: {
    field: 'recordId',
    problem: 'the record already has a pending objection; one objection is decided at a time. Wait for its decision, then file again if needed.',
  },
  credit_repair_one_live_per_record: {
    field: 'recordId',
    problem: 'the record already has a pending or approved repair; decide that one first.',
  },
  sweep_run_one_running_per_matter: {
    field: 'matter',
    problem: 'a sweep of this matter is already running; one runs at a time. Follow it in sweepRuns, or cancel it with cancelSweep, then start again.',
  },
  list_membership_one_open_per_list: {
    field: 'list',
    problem: 'the subject is already on this list; remove that listing first.',
  },
  // The unique codes: a concurrent duplicate is named as a sequential one is (hostile8 F12).
  civil_servant_id_card_number_unique: {
    field: 'idCardNumber',
    problem: 'a civil servant with this ID-card number already exists; update that one instead.',
  },
  agency_uscc_unique: {
    field: 'uscc',
    problem: 'an agency with this USCC already exists; update it instead.',
  },
  enterprise_uscc_unique: {
    field: 'uscc',
    problem: 'an enterprise with this USCC already exists; update it instead.',
  },
  court_case_case_number_unique: {
    field: 'caseNumber',
    problem: 'a court case with this case number is already registered; update that one instead.',
  },
  court_case_one_per_number: {
    field: 'caseNumber',
    problem: 'a court case with this case number (compared after normalising width, spaces and leading zeros) is already registered; update that one instead.',
  },
  credit_record_one_per_decision: {
    field: 'documentNumber',
    problem: 'a record of this subject, category, decision day and document number is already on file; correct that one instead.',
  },
};

/**
 * The database's guards written as triggers (Migration20261206300000ConcurrentWriteGuards), raised as
 * check violations, and what they mean to the client. The use cases check first under a lock and
 * give a more precise message; these answer when something slipped past them.
 */
const GUARDS: Record<string, () => GraphQLError> = {
  agency_parent_not_descendant: () => new BadUserInputError('parentId', '上级机关不能是本机关或其下级机关；请选择本机关下级之外的机关。 / would make the agency its own ancestor; choose a parent outside its own subtree.'),
  court_case_absence_finding_once: () => new ConflictError('courtCaseId', '该案件已有未出庭认定，认定只登记一次。 / the case already has an absence finding; a finding is recorded once.'),
  list_membership_no_overlap: () => new BadUserInputError('listedOn', '与该主体在同一名单上的另一次列入期间重叠；新的列入须在前一次移出之日或其后。 / overlaps another listing of the subject on the same list; a new listing begins on or after the earlier one\'s removal day.'),
};

/** Maps any thrown error to what a client may see. Unknown errors are logged and hidden. */
export function toClientError(caught: unknown, logError: (error: unknown) => void): GraphQLError {
  const thrown = thrownValueOf(caught);
  if (thrown instanceof ArgumentValidationError) return fromValidation(thrown);
  if (thrown instanceof GraphQLError) return thrown;
  if (thrown instanceof UniqueConstraintViolationException) {
    const meaning = ONE_AT_A_TIME[(thrown as { constraint?: string }).constraint ?? ''];
    return meaning ? new ConflictError(meaning.field, meaning.problem) : new ConflictError('input', 'a record with the same unique code already exists.');
  }
  if (thrown instanceof ConnectionException || isConnectionFailure(thrown)) return new ServiceUnavailableError();
  if (thrown instanceof DriverException && (thrown as { code?: string }).code === '22P02') {
    return new GraphQLError('A value does not have the form its field needs (a cursor from another list?).', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const guard = GUARDS[(thrown as { code?: string; constraint?: string }).code === '23514' ? (thrown as { constraint?: string }).constraint ?? '' : ''];
  if (thrown instanceof DriverException && guard) return guard();
  if (thrown instanceof DriverException && ['40P01', '40001'].includes((thrown as { code?: string }).code ?? '')) {
    return new ConflictError('input', '另一请求同时修改了同一记录，本次未作任何更改；请重新读取后再试。 / another request changed the same rows at the same moment; nothing was changed. Read them again and retry.');
  }
  if (thrown instanceof DriverException && (thrown as { code?: string }).code === '23001') {
    return new ConflictError('input', 'records are never deleted; revoke or correct them instead.');
  }
  logError(thrown);
  return new GraphQLError('Internal server error. The error was logged; nothing was changed.', {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/**
 * What of an unexpected error goes to the log. A database error's message holds the SQL with its
 * values filled in (ID-card numbers, names), its `detail` the values of a key, and for a check
 * violation the whole row ("Failing row contains (…)", hostile9 F3): none of it is logged, only the
 * SQLSTATE code, the table, column and constraint, the routine that raised it and where in our code.
 */
export function logSafely(error: unknown): { err: Record<string, unknown> } {
  if (error instanceof DriverException || isPostgresError(error)) {
    const e = error as Error & { code?: string; sqlState?: string; table?: string; column?: string; constraint?: string; routine?: string };
    return {
      err: {
        type: e.name,
        code: e.code ?? e.sqlState,
        table: e.table,
        column: e.column,
        constraint: e.constraint,
        routine: e.routine,
        stack: (e.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at ')).slice(0, 15).join('\n'),
      },
    };
  }
  if (error instanceof Error) return { err: { type: error.name, message: error.message, stack: error.stack } };
  return { err: { message: String(error) } };
}

/** An error PostgreSQL sent (pg's DatabaseError): it has a severity and a five-character SQLSTATE. */
function isPostgresError(error: unknown): error is Error & { code: string } {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return error instanceof Error && typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/**
 * What a resolver threw. graphql-js wraps a thrown value that is not an Error (the pool's connection
 * failure reaches a query-builder read as a plain `{ code: 'ECONNREFUSED' }`) as NonErrorThrown; the
 * value inside decides the answer (SERVICE_UNAVAILABLE), not the wrapper.
 */
function thrownValueOf(caught: unknown): unknown {
  if (caught instanceof Error && caught.name === 'NonErrorThrown' && 'thrownValue' in caught) return (caught as { thrownValue: unknown }).thrownValue;
  return caught;
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'].includes(code ?? '');
}

/**
 * Apollo's `formatError`: one place where errors become responses. Stack traces are never sent, in
 * any mode: a development server reachable by others told them the code's paths, and a stack that
 * differs between a hidden and a missing id told them which ids exist. They are in the log.
 */
export function makeFormatError(logError: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Errors Apollo raised itself (parse, validation, variable coercion) are already coded.
    if (original === error && formatted.extensions?.code && !(original instanceof ArgumentValidationError)) {
      return withoutStack(formatted);
    }
    const client = toClientError(original, logError);
    const result: GraphQLFormattedError = {
      message: client.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...client.extensions },
    };
    return result;
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.stacktrace) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
