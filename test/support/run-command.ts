import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` from the project folder without blocking this process (so a server's output
 * keeps being read meanwhile); `started` gets the child, for a test that must signal it.
 */
export function runNode(args: string[], env: NodeJS.ProcessEnv, started?: (child: ChildProcess) => void): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    started?.(child);
  });
}
