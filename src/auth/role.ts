/** Who a caller is to Chengxin. PUBLIC is anyone without a token: the public credit portal. */
export enum Role {
  PUBLIC = 'PUBLIC',
  /** Records data: subjects, records, commitments, court cases, objections, repairs. */
  CLERK = 'CLERK',
  /** Policy officer: rules, previews, reloads, evaluations. */
  OFFICER = 'OFFICER',
  /** Verdicts with full explanations and evidence, record history, the audit trail. */
  INSPECTOR = 'INSPECTOR',
  ADMIN = 'ADMIN',
  /**
   * A display system (展示系统): an HR screen, a hall monitor. It assesses and reads subjects,
   * records and verdicts as a signed-in reader (ID-card numbers masked) and nothing else: it
   * writes nothing, stores no verdict, manages no rules and reads no audit trail or history.
   */
  DISPLAY = 'DISPLAY',
}

export const ALL_ROLES = Object.values(Role);

/** A caller: a role and, with a token, the token's subject (a person or a system). */
export interface Viewer {
  role: Role;
  /** The token's `sub`; null for PUBLIC. */
  subject: string | null;
}

export const PUBLIC_VIEWER: Viewer = { role: Role.PUBLIC, subject: null };

/**
 * The role × operation matrix, in one place. README.md shows it as a table; the tests try every cell.
 */
export const PERMISSIONS = {
  /** Subjects, records, commitments, court cases (masked for PUBLIC), the rule set. */
  readRegistry: ALL_ROLES,
  /** Register and change subjects, records, commitments, court cases; file objections; apply for repair. */
  writeRegistry: [Role.CLERK, Role.ADMIN],
  /** Decide objections and credit repairs. */
  decide: [Role.CLERK, Role.ADMIN],
  /** A record's full history. */
  readHistory: [Role.CLERK, Role.INSPECTOR, Role.ADMIN],
  /** Evaluate and re-check (stores verdicts). */
  evaluate: [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN],
  /** Assess (stores nothing): what a display shows. */
  assess: [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN, Role.DISPLAY],
  /** Read stored verdicts about agencies and enterprises. */
  readVerdicts: ALL_ROLES,
  /** Read stored verdicts about civil servants: personnel matters, never public. */
  readPersonnelVerdicts: [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN, Role.DISPLAY],
  /** Reload the rules, preview drafts. */
  manageRules: [Role.OFFICER, Role.ADMIN],
  /** Start a sweep (every subject a matter concerns; stores a verdict each). */
  startSweeps: [Role.OFFICER, Role.ADMIN],
  /** Sweep runs: their counts and the subjects they could not evaluate. */
  readSweeps: [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN],
  /** The audit trail. */
  readAudit: [Role.INSPECTOR, Role.ADMIN],
} as const satisfies Record<string, readonly Role[]>;

/** Roles that see ID-card numbers whole (others see 4207**********0013). */
export const SEES_ID_NUMBERS: readonly Role[] = [Role.CLERK, Role.INSPECTOR, Role.ADMIN];

/** Roles that see whom a civil servant is: full names, their credit facts and a verdict's evidence. */
export const SEES_CIVIL_SERVANTS: readonly Role[] = [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN, Role.DISPLAY];
