import 'reflect-metadata';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { initORM } from '../src/db/orm';
import { generate } from './generate';
import { evaluateOverHttp } from './http-load';

/**
 * `npm run bench:http -- [--subjects N] [--seconds 10] [--web-concurrency N] [--cpu-prof DIR]
 * [--only evaluate|explanation] [--database NAME]`: the HTTP figures of `npm run bench` (evaluate and
 * explanation reads at 50 connections, server CPU per call) alone, without the sweeps — to compare
 * builds of the request path in minutes. Generates N civil servants (default 20,000) into a fresh
 * database, or reuses `--database NAME` on the same server (kept afterwards; created and generated
 * when missing). Prints JSON.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

async function main(): Promise<void> {
  const config = { ...loadConfig(), dataDir: path.resolve('.data/bench'), seedDemoData: false };
  const database = await openDatabase(config, (m) => console.error(m));
  const kept = option('database');
  const name = kept ?? `chengxin_bench_http_${Date.now()}`;
  const admin = new Client({ connectionString: database.clientUrl });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  const fresh = !rowCount;
  if (fresh) await admin.query(`create database "${name}"`);
  const url = new URL(database.clientUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const { orm } = await initORM(databaseUrl);
  await orm.close();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    if (fresh) {
      const subjects = Number(option('subjects', '20000'));
      await generate(db, subjects);
      await db.query('vacuum analyze');
      console.error(`Generated ${subjects} civil servants into ${name}.`);
    }
    const { rows } = await db.query<{ id: string }>('select id from civil_servant order by id limit 20000');
    const profile = option('cpu-prof');
    const only = option('only') as 'evaluate' | 'explanation' | undefined;
    const webConcurrency = option('web-concurrency');
    const figures = await evaluateOverHttp(db, databaseUrl, rows.map((r) => r.id), {
      connections: Number(option('connections', '50')),
      seconds: Number(option('seconds', '10')),
      webConcurrency: webConcurrency === undefined ? undefined : Number(webConcurrency),
      nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profile)] : [],
      loads: only ? [only] : undefined,
    });
    console.log(JSON.stringify({ database: name, ...figures }, null, 2));
  } finally {
    await db.end();
    if (!kept) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
