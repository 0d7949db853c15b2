import chokidar, { type FSWatcher } from 'chokidar';
import type { GraphQLSchema } from 'graphql';
import { formatProblem, type RuleProblem } from './rule-problem';
import { inspectRules } from './rule-set';
import type { RuleSetHolder } from './rule-set-holder';
import { NO_OTHER_PROCESSES, type OtherProcesses } from './other-processes';
import { SharedReload } from './shared-reload';

export interface ReloadResult {
  /** A new version was swapped in. */
  changed: boolean;
  version: string;
  /** Problems of the files on disk; the last good set keeps serving while there are any. */
  errors: RuleProblem[];
  /** Everyone this reload answered, in the order they asked. */
  askedBy: readonly ReloadAsker[];
}

export interface ReloadLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Who asked for a reload: a `reloadRules` request, the folder watcher (RULES_WATCH), or another
 * server process whose `reloadRules` is carried to every process (`peer`, src/cluster-rules.ts).
 */
export type ReloadAsker = 'request' | 'watcher' | 'peer';

/** A reload's answer to one asker. */
export interface ReloadAnswer {
  result: ReloadResult;
  /** Another asker's asking began the reload this one got (it asked while that one was about to read). */
  shared: boolean;
  /** Whose asking began it. */
  begunBy: ReloadAsker;
  /**
   * This asker is the first request the reload answers: it alone announces a swap to subscribers
   * (change notice), so a reload shared by eight requests notifies once. A reload only the watcher
   * asked for announces nothing (README "Not notified").
   */
  announces: boolean;
}

const DEBOUNCE_MS = 150;

/** A step of the folder watcher (RuleReloader.onWatch): it saw a change, or it asked for the reload. */
export type WatchStep = 'saw' | 'asked';

/**
 * Reloads the rules folder on demand or when it changes. A valid change is swapped in atomically
 * (evaluations under way keep the set they started with); an invalid one leaves the last good set
 * serving and its located errors in `errors`.
 */
export class RuleReloader {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /**
   * Problems found by the last reload (or at start); empty when the files on disk are the set in
   * force. While there are any, the service is degraded: the last good set serves.
   */
  errors: RuleProblem[] = [];
  private listeners: ((result: ReloadResult) => void)[] = [];
  private watchListeners: ((step: WatchStep) => void)[] = [];
  /** Settles once the watcher has read the folder and reports changes (chokidar's `ready`). */
  private watching: Promise<void> | undefined;
  /** Every reload, whoever asks, goes through this one gate (src/engine/shared-reload.ts says why). */
  private readonly gate = new SharedReload<ReloadResult, ReloadAsker>();
  /** The server's other processes, which take in what this one reloads on request (src/cluster-rules.ts); none in one process. */
  others: OtherProcesses = NO_OTHER_PROCESSES;

  constructor(
    readonly dir: string,
    private readonly schema: GraphQLSchema,
    readonly holder: RuleSetHolder,
    private readonly log: ReloadLog,
  ) {}

  /**
   * Reads the folder again for `asker`, or joins a reload that has not yet begun reading (never one
   * under way: its reading may predate the change this asker wants taken in). Listeners hear once
   * per reload, however many share it.
   */
  async reload(asker: ReloadAsker): Promise<ReloadAnswer> {
    const { result, askers, index } = this.gate.run(asker, (all) => this.read(all));
    const value = await result;
    return { result: value, shared: index > 0, begunBy: askers[0]!, announces: askers.indexOf('request') === index };
  }

  private read(askers: readonly ReloadAsker[]): ReloadResult {
    const { ruleSet, problems } = inspectRules(this.dir, this.schema);
    const hadErrors = this.errors.length > 0;
    this.errors = problems;
    let changed = false;
    if (ruleSet && ruleSet.version !== this.holder.current.version) {
      this.holder.replace(ruleSet);
      changed = true;
      this.log.info({ version: ruleSet.version, rules: ruleSet.rules.length, askedBy: askers }, `规则已重新加载：版本 ${ruleSet.version} 生效 / Rules reloaded: version ${ruleSet.version} is in force.`);
    } else if (!ruleSet) {
      this.log.warn(
        { errors: problems, askedBy: askers },
        `规则未重新加载：${problems.length} 处错误，版本 ${this.holder.current.version} 继续生效 / Rules not reloaded: ${problems.length} problem(s); version ${this.holder.current.version} stays in force.\n${problems.map(formatProblem).join('\n')}`,
      );
    }
    if (ruleSet && hadErrors) {
      this.log.info({ version: ruleSet.version }, `规则错误已清除：规则目录的文件即为生效版本 ${ruleSet.version} / Rule errors cleared: the rules folder is in force again as version ${ruleSet.version}.`);
    }
    const result = { changed, version: this.holder.current.version, errors: problems, askedBy: askers };
    this.listeners.forEach((listener) => listener(result));
    return result;
  }

  /** Calls back after every reload (for metrics and tests). */
  onReload(listener: (result: ReloadResult) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Calls back at each step of the folder watcher (tests): when it saw a change (its debounce starts
   * or starts again), and when it asked for the reload (it has joined or begun one at the gate). A
   * test awaits these instead of guessing how long the file system and the debounce take.
   */
  onWatch(listener: (step: WatchStep) => void): void {
    this.watchListeners.push(listener);
  }

  /** Settles once the folder watcher reports changes (tests: an edit made before would go unseen); at once without one. */
  async whenWatching(): Promise<void> {
    await this.watching;
  }

  /** Watches the folder; editors write files in bursts, so changes are gathered for a moment first. */
  watch(): void {
    this.watcher = chokidar.watch(this.dir, { ignoreInitial: true });
    const watcher = this.watcher;
    this.watching = new Promise((resolve) => watcher.once('ready', () => resolve()));
    this.watcher.on('all', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.reload('watcher').catch((error: unknown) => this.log.warn({ err: error }, `规则目录变更后重新加载失败，原版本继续生效 / Reloading the rules folder after a change failed; the version in force stays: ${String(error)}`));
        this.watchListeners.forEach((listener) => listener('asked'));
      }, DEBOUNCE_MS);
      this.watchListeners.forEach((listener) => listener('saw'));
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
  }
}
