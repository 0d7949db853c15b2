import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './run-command';
import { TEST_JWT_SECRET } from './test-server';

/**
 * The compiled server as `npm start` runs it (package.json's start script, dist/src/main.js), with WEB_CONCURRENCY processes on one
 * port (src/cluster.ts): started, waited for until each process serves, and stopped. Tests that must
 * see several real processes (shared counts, reloads carried to every process, restarts, SIGTERM) use
 * this one way instead of each spawning and reading the log its own way.
 */

/** A serving process's log line: `Chengxin is serving GraphQL at <url>` (its pid on it when the log is JSON, NODE_ENV=production). */
const SERVING = /serving GraphQL at (http:\/\/[^\s"]+\/graphql)/;

export interface ClusteredServerOptions {
  /** Server processes (WEB_CONCURRENCY); started is when this many serve. */
  webConcurrency: number;
  /** DATABASE_URL; none for the embedded PostgreSQL `npm start` starts on its own (DATA_DIR). */
  databaseUrl?: string;
  /** Settings over the defaults below (production, port 0, no demo data, no folder watcher, the test JWT secret); `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** How long the processes may take to serve. */
  readyWithinMs?: number;
}

export interface ClusteredServer {
  /** The primary (or, with one process, the only) process. */
  readonly pid: number;
  /** The GraphQL URL of the first process that served (all serve the one port). */
  readonly url: string;
  /** The processes that served at start, from their JSON log lines (none with a pretty log). */
  readonly pids: number[];
  /** The settings it was started with (for the command line, which must find the same database). */
  readonly env: NodeJS.ProcessEnv;
  /** Its exit code, once it exited. */
  readonly exited: Promise<number | null>;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Waits until `pattern` occurs `count` times in the output; fails if the server exits first or `timeoutMs` passes. */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<RegExpMatchArray[]>;
  /** SIGTERM to the primary, as a supervisor stops it (it stops its processes itself); its exit code. */
  terminate(): Promise<number | null>;
  /** Kills the whole process group (processes, an embedded PostgreSQL): nothing is left running. */
  stop(): Promise<void>;
}

/**
 * The file `npm start` runs: package.json's start script, which must stay `node <file>` (npm's own
 * process in between would only relay signals), so that these tests start what a user starts.
 */
export function npmStartEntry(): string {
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const entry = /^node (\S+)$/.exec(start)?.[1];
  if (!entry) throw new Error(`package.json's start script is "${start}", not "node <file>": test/support/clustered-server.ts no longer knows what npm start runs.`);
  return entry;
}

/** Compiles the server once (tsc -p tsconfig.build.json), as `npm run build`: in a beforeAll with a generous timeout. */
export function buildServer(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root });
}

export async function startClusteredServer(options: ClusteredServerOptions): Promise<ClusteredServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'false', RULES_WATCH: 'false', JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl, WEB_CONCURRENCY: String(options.webConcurrency), ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // A process group of its own, so that stop() reaches every process it forked.
  const child: ChildProcess = spawn(process.execPath, [npmStartEntry()], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let gone = false;
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => ((gone = true), (output += `\n[exited with ${code}]`), resolve(code))));

  const waitFor = (pattern: RegExp, count = 1, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray[]>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const matches = [...output.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))];
        if (matches.length >= count) {
          clearInterval(timer);
          resolve(matches);
        } else if (gone || Date.now() - started > timeoutMs) {
          clearInterval(timer);
          reject(new Error(`waited in vain for ${count} × ${pattern}; output:\n${output}`));
        }
      }, 50);
    });

  const stop = async () => {
    if (gone) return;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  };
  try {
    const serving = await waitFor(new RegExp(`^.*${SERVING.source}.*$`, 'm'), options.webConcurrency, options.readyWithinMs);
    const pids = serving.map((line) => /"pid":(\d+)/.exec(line[0])?.[1]).filter((pid) => pid !== undefined).map(Number);
    return {
      pid: child.pid!, url: serving[0][1], pids, env, exited,
      output: () => output,
      waitFor,
      terminate: async () => {
        child.kill('SIGTERM');
        return exited;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
