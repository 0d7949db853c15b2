import chokidar, { type FSWatcher } from 'chokidar';
import type { GraphQLSchema } from 'graphql';
import type { RuleProblem } from './rule-problem';
import { inspectRules } from './rule-set';
import type { RuleSetHolder } from './rule-set-holder';

export interface ReloadResult {
  /** A new version was swapped in. */
  changed: boolean;
  version: string;
  /** Problems of the files on disk; the last good set keeps serving while there are any. */
  errors: RuleProblem[];
}

export interface ReloadLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const DEBOUNCE_MS = 150;

/**
 * Reloads the rules folder on demand or when it changes. A valid change is swapped in atomically
 * (evaluations under way keep the set they started with); an invalid one leaves the last good set
 * serving and its located errors in `errors`.
 */
export class RuleReloader {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Problems found by the last reload; empty when the files on disk are the set in force. */
  errors: RuleProblem[] = [];
  private listeners: ((result: ReloadResult) => void)[] = [];

  constructor(
    readonly dir: string,
    private readonly schema: GraphQLSchema,
    private readonly holder: RuleSetHolder,
    private readonly log: ReloadLog,
  ) {}

  reload(): ReloadResult {
    const { ruleSet, problems } = inspectRules(this.dir, this.schema);
    this.errors = problems;
    let changed = false;
    if (ruleSet && ruleSet.version !== this.holder.current.version) {
      this.holder.replace(ruleSet);
      changed = true;
      this.log.info({ version: ruleSet.version, rules: ruleSet.rules.length }, `Rules reloaded: version ${ruleSet.version} is in force.`);
    } else if (!ruleSet) {
      this.log.warn({ errors: problems }, `Rules not reloaded: ${problems.length} problem(s); version ${this.holder.current.version} stays in force.`);
    }
    const result = { changed, version: this.holder.current.version, errors: problems };
    this.listeners.forEach((listener) => listener(result));
    return result;
  }

  /** Calls back after every reload (for metrics and tests). */
  onReload(listener: (result: ReloadResult) => void): void {
    this.listeners.push(listener);
  }

  /** Watches the folder; editors write files in bursts, so changes are gathered for a moment first. */
  watch(): void {
    this.watcher = chokidar.watch(this.dir, { ignoreInitial: true });
    this.watcher.on('all', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), DEBOUNCE_MS);
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
  }
}
