/**
 * The other server processes of this server (WEB_CONCURRENCY > 1, src/cluster.ts) as the rules see
 * them: one rules folder, one version in force everywhere (hostile21 F1). A `reloadRules` reloads
 * its own process, then has every other one reload; a sweep is planned only under the version every
 * process has in force. In one process there are none (NO_OTHER_PROCESSES).
 */
export interface OtherProcesses {
  /** Every other process reloads its rules folder; what each then has in force. */
  reload(): Promise<ProcessVersions>;
  /** The version each other process has in force now. */
  versions(): Promise<ProcessVersions>;
}

/** One process's answer: its version in force, and the problems its files had (the last good set serves meanwhile). */
export interface ProcessVersion {
  pid: number;
  version: string;
  errors: number;
}

export interface ProcessVersions {
  answered: ProcessVersion[];
  /** Processes asked that did not answer in time (or stopped meanwhile). */
  unanswered: number;
  /** The pids of those that did not answer, where the primary knows them. */
  unansweredPids?: number[];
  /** The cluster's primary itself did not answer: how many processes there are is unknown. */
  primarySilent?: boolean;
}

export const NO_OTHER_PROCESSES: OtherProcesses = {
  reload: async () => ({ answered: [], unanswered: 0 }),
  versions: async () => ({ answered: [], unanswered: 0 }),
};

/** Whether every other process answered and has `version` in force. */
export function allOn(version: string, others: ProcessVersions): boolean {
  return !others.primarySilent && !others.unanswered && others.answered.every((p) => p.version === version);
}

/** How the processes stand, for an audit outcome or an error: "1 of 3 server processes; pid 41 on sha256:…; 1 did not answer (pid 42)". */
export function describeProcesses(version: string, others: ProcessVersions): string {
  if (others.primarySilent) return `this server process only: the cluster's primary did not answer`;
  const on = 1 + others.answered.filter((p) => p.version === version).length;
  const total = 1 + others.answered.length + others.unanswered;
  const behind = others.answered.filter((p) => p.version !== version).map((p) => `pid ${p.pid} on ${p.version}`);
  const silent = others.unansweredPids?.length ? ` (${others.unansweredPids.map((pid) => `pid ${pid}`).join(', ')})` : '';
  return [`${on} of ${total} server processes`, ...behind, ...(others.unanswered ? [`${others.unanswered} did not answer${silent}`] : [])].join('; ');
}

/** The pids of the other processes not on `version`: those on another and those that did not answer (as far as known). */
export function pidsNotOn(version: string, others: ProcessVersions): number[] {
  return [...others.answered.filter((p) => p.version !== version).map((p) => p.pid), ...(others.unansweredPids ?? [])];
}
