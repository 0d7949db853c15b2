import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runAdmin, withDatabase } from './test-database';

/**
 * The migrated template the test databases are copied from. Every test file used to make an empty
 * database that its server's start-up then migrated, all forty-odd migrations each time; now the
 * global setup migrates one database per jest run and each file's database is a copy of it
 * (`create database … template`), which the start-up finds up to date. The start-up migration path
 * keeps its own suites, which ask for an empty database (`createTestDatabase({ empty: true })`).
 *
 * One template per jest run, not one per migration list shared between runs: several runs (CI, a
 * developer, other checkouts) use one PostgreSQL at once, and a shared template would be dropped by
 * one run's teardown under another's feet, or be in use (`create database` from it refused) while
 * another run copies it. The name carries the migration list's hash, to tell which tree made it.
 */
const PREFIX = 'chengxin_tpl_';
const root = path.resolve(__dirname, '../..');
const MIGRATIONS_DIR = path.join(root, 'src/db/migrations');

/** Leftovers of a run that never reached its teardown (killed) are dropped once surely dead. */
const LEFTOVER_AFTER_MS = 2 * 60 * 60 * 1000;
const ANY_LEFTOVER_AFTER_MS = 24 * 60 * 60 * 1000;

export interface TemplateNote {
  pid: number;
  host: string;
  created: string;
}

/** A hash of the migration sources (names and contents): which migrations a template holds. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(`${file}\0`).update(readFileSync(path.join(MIGRATIONS_DIR, file))).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** Runs the migrations in a child process (test/support/migrate-template.js says why). */
function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'migrate-template.js'), url], { cwd: root }, (error, _stdout, stderr) =>
      error ? reject(new Error(`Migrating the template test database failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Another run's template is left alone unless that run is surely over (its process gone, or a day
 * old). One without a note is kept: another run may be between creating it and writing its note.
 */
export function isLeftover(note: TemplateNote | null, now: number): boolean {
  if (!note) return false;
  const age = now - Date.parse(note.created);
  if (!(age >= 0)) return false;
  if (age > ANY_LEFTOVER_AFTER_MS) return true;
  return note.host === os.hostname() && !pidAlive(note.pid) && age > LEFTOVER_AFTER_MS;
}

export async function dropTemplate(adminUrl: string, name: string): Promise<void> {
  // A template database cannot be dropped while it is marked as one.
  await runAdmin(adminUrl, `alter database "${name}" is_template false`);
  await runAdmin(adminUrl, `drop database if exists "${name}" with (force)`);
}

async function dropLeftovers(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  let rows: { datname: string; note: string | null }[];
  try {
    ({ rows } = await client.query(`select datname, shobj_description(oid, 'pg_database') as note from pg_database where datname like $1`, [`${PREFIX.replaceAll('_', '\\_')}%`]));
  } finally {
    await client.end();
  }
  const now = Date.now();
  for (const { datname, note } of rows) {
    let parsed: TemplateNote | null = null;
    try {
      parsed = note ? (JSON.parse(note) as TemplateNote) : null;
    } catch {
      // not one of ours as we write them: treated as having no note
    }
    if (!isLeftover(parsed, now)) continue;
    // Best effort: another run may be dropping the same leftover.
    await dropTemplate(adminUrl, datname).catch(() => undefined);
  }
}

/** Creates and migrates this run's template; its name, for `createTestDatabase` and the teardown. */
export async function prepareTemplate(adminUrl: string): Promise<string> {
  await dropLeftovers(adminUrl);
  const name = `${PREFIX}${migrationsHash()}_${randomBytes(4).toString('hex')}`;
  const note: TemplateNote = { pid: process.pid, host: os.hostname(), created: new Date().toISOString() };
  await runAdmin(adminUrl, `create database "${name}"`);
  try {
    await runAdmin(adminUrl, `comment on database "${name}" is '${JSON.stringify(note).replaceAll("'", "''")}'`);
    await migrate(withDatabase(adminUrl, name));
    // No connection may be open to a database being copied; none is allowed, so none strays in.
    await runAdmin(adminUrl, `alter database "${name}" is_template true allow_connections false`);
  } catch (error) {
    await dropTemplate(adminUrl, name).catch(() => undefined);
    throw error;
  }
  return name;
}
