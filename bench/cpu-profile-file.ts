import { readFileSync } from 'node:fs';

/** A V8 CPU profile as `--cpu-prof` writes it: what profile-summary.ts and profile-stages.ts read. */
export type Frame = { functionName: string; url: string; lineNumber: number };
export type Node = { id: number; callFrame: Frame; children?: number[] };
export type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** The profile named by the first command-line argument, and the value of `--name` options after it. */
export function profileFromArgs(): { profile: Profile; option(name: string, fallback: string): string } {
  const args = process.argv.slice(2);
  return {
    profile: JSON.parse(readFileSync(args[0], 'utf8')) as Profile,
    option: (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback),
  };
}
