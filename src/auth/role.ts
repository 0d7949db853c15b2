import { maskIdCard, maskName } from './masking';

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
  /** When the token expires (its `exp`); absent for PUBLIC and for the system itself. */
  expiresAt?: Date;
}

export const PUBLIC_VIEWER: Viewer = { role: Role.PUBLIC, subject: null };

/** Chengxin itself: the facts runner, the demo data, a context made without a caller. Full rights; audited as `system`. */
export const SYSTEM_VIEWER: Viewer = { role: Role.ADMIN, subject: 'system' };

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
  /**
   * Withdraw as ENTERED_IN_ERROR a grade that holds again because the grade entered after it was
   * withdrawn in error (withdrawCreditGrade): each such step erases one more grade from every past
   * day, so a clerk alone could walk an enterprise's grade history back to its start (hostile12 F5).
   * The clerk corrects the latest entry; reaching further back takes a second person. Only this:
   * the officer registers nothing else.
   */
  correctGradeHistory: [Role.OFFICER, Role.ADMIN],
  /** Confirm an agency's kind estimated when kinds were introduced (三(六)'s honour disqualification rests on it). */
  confirmAgencyKind: [Role.OFFICER, Role.ADMIN],
  /**
   * Admit, on new grounds, an objection renewed after an earlier one to the record (or, for a unit, to the
   * finding: lawyer23 R4) was rejected: only then does it suspend the record or dispute the finding
   * (lawyer21 R5). A second person beside the clerk who registered it.
   */
  admitRenewedObjection: [Role.OFFICER, Role.ADMIN],
  /**
   * Withdraw as entered in error a listing on record before today whose listing day has passed
   * (withdrawListing, lawyer22 W2): it erases the listing from every past day, so it takes a second
   * person beside the clerk who registers listings (past-days.ts).
   */
  correctListingHistory: [Role.OFFICER, Role.ADMIN],
  /**
   * Withdraw a listing as entered in error (withdrawListing): the clerk for a listing entered today or
   * whose day has not come, else only the second persons of correctListingHistory (listing-past-days.ts).
   */
  withdrawListing: [Role.CLERK, Role.OFFICER, Role.ADMIN],
  /** Reload the rules, preview drafts. */
  manageRules: [Role.OFFICER, Role.ADMIN],
  /** Start a sweep (every subject a matter concerns; stores a verdict each). */
  startSweeps: [Role.OFFICER, Role.ADMIN],
  /** Sweep runs: their counts and the subjects they could not evaluate. */
  readSweeps: [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN],
  /** The audit trail. */
  readAudit: [Role.INSPECTOR, Role.ADMIN],
} as const satisfies Record<string, readonly Role[]>;

/** Every role with a token: all but PUBLIC. */
export const SIGNED_IN: readonly Role[] = ALL_ROLES.filter((role) => role !== Role.PUBLIC);

/** Roles that see ID-card numbers whole (others see 4207**********0013). */
export const SEES_ID_NUMBERS: readonly Role[] = [Role.CLERK, Role.INSPECTOR, Role.ADMIN];

/** Roles that see whom a civil servant is: full names, their credit facts and a verdict's evidence. */
export const SEES_CIVIL_SERVANTS: readonly Role[] = [Role.CLERK, Role.OFFICER, Role.INSPECTOR, Role.ADMIN, Role.DISPLAY];

/** Roles that read the errors of the rules folder on disk (RuleSet.errors): those who write, check and operate the rules. */
export const READS_RULE_ERRORS: readonly Role[] = [Role.OFFICER, Role.INSPECTOR, Role.ADMIN];

/**
 * The fields that not every role reading the registry may read whole, and the roles that may: the
 * one table behind the field resolvers' guards and masks (src/graphql/guarded.ts), and behind the
 * check that a draft facts query reads only what its author may read (a preview must not become a
 * way round a mask). What other roles get:
 * - `mask`: a masked value (see src/auth/masking.ts);
 * - `withheld`: that value instead (null, or an empty list), as if the field were empty, so that
 *   its absence tells nothing;
 * - `filtered`: a list with what they may not see left out (the field's resolver filters it);
 * - none of these: a refusal (FORBIDDEN / UNAUTHENTICATED naming the roles that may).
 *
 * The withheld commitment and court-case fields are how the public would reach a civil servant
 * through an agency (三(二), 三(七)): a breach found through 履职不力 enters the named person's
 * integrity file with the settling document's number, so the person, the finding and the document
 * together are their dishonesty record; a court case's representative is named in full and the head's
 * reason for absence may be their health or family. The public keeps what the unit answers for:
 * a commitment's status and dates, whether the head appeared. The errors of the rules folder on
 * disk (files, lines, what is being edited) are for those who work with the rules and for the
 * operators (/readyz on loopback or with an ADMIN token), not for the public.
 *
 * `audited`: a civil servant's personal data — the whole ID-card number, their dishonesty records
 * (by any path: a servant's records, the record lists, objections, repairs), credit facts, listings,
 * the commitments they answer for and change notices about them. Whoever reads it whole leaves an audit event (READ_PERSONAL_DATA: who,
 * which person, which fields; once per person per request, src/graphql/personal-reads.ts), so that a
 * bulk read (three pages of 100 people with their ID-card numbers) is attributable to a token holder.
 */
/**
 * Fields of an object that is about a civil servant when the object is (a record about one, an
 * objection to or a repair of such a record, a commitment they answer for, a change notice about
 * them): every role the object is shown to reads them whole, and each read is audited as that
 * person's personal data. Which person an object is about is src/graphql/personal-reads.ts's
 * PERSON_OF; an object about nobody (an agency's record) is not recorded.
 */
const personal = <T extends string, F extends string>(type: T, fields: readonly F[], roles: readonly Role[] = ALL_ROLES) =>
  Object.fromEntries(fields.map((field) => [`${type}.${field}`, { roles, masked: false, audited: true }])) as {
    [K in `${T}.${F}`]: { roles: readonly Role[]; masked: false; audited: true };
  };

export const FIELD_READERS = {
  'CivilServant.idCardNumber': { roles: SEES_ID_NUMBERS, masked: true, mask: maskIdCard, audited: true },
  'CivilServant.name': { roles: SEES_CIVIL_SERVANTS, masked: true, mask: maskName },
  'CivilServant.creditRecords': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'CivilServant.creditRecordsConnection': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'CivilServant.credit': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'CivilServant.listings': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'CivilServant.listMemberships': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'CivilServant.commitmentFacts': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'CivilServant.agencyCreditAsPrincipal': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  /**
   * hostile30 N2: personal. The current post (principal, principalSince) is the organisation chart's
   * and not personal (NOT_PERSONAL); the terms are this person's office history, ended terms included,
   * and decide which agency records are attributed to them (agencyCreditAsPrincipal, audited): a
   * dishonesty attribution's basis, refused to the public for that reason, so audited like listMemberships.
   */
  'CivilServant.principalTerms': { roles: SEES_CIVIL_SERVANTS, masked: false, audited: true },
  'Commitment.responsiblePerson': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'Commitment.breachFinding': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'Commitment.breachFindingPending': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'Commitment.breachFoundOn': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'Commitment.breachFoundBy': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'Commitment.breachFindingDocument': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'Commitment.settlementDocument': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'CourtCase.entrustedRepresentative': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  'CourtCase.validAbsenceReason': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null, audited: true },
  // A unit's objection to a finding (issue 11, law15a): read as the finding is. The texts may name a person or speak of the
  // head's health or family, as a case's representative and reason for absence do; a 履职不力 finding's objections are
  // left out of the public's list altogether, as the finding is withheld (findingObjections).
  'FindingObjection.filedBy': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null },
  'FindingObjection.reason': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null },
  'FindingObjection.resolution': { roles: SEES_CIVIL_SERVANTS, masked: false, withheld: null },
  'RuleSet.errors': { roles: READS_RULE_ERRORS, masked: false, withheld: [] },
  // Which staff account did something (a token's `sub`, which may be a real name): the audit trail's actor, read by
  // those who read the audit trail (hostile29 F2). The registry's other actors (who entered an objection, admitted it)
  // are not in the schema at all; the bodies that listed, removed or decided (listedBy, decidedBy) are not accounts.
  'ListMembership.enteredInErrorBy': { roles: PERMISSIONS.readAudit, masked: false, withheld: null },
  // A caller may read that it was itself (sec31 item 3): the officer who started a sweep reads its own `sub` back,
  // which tells it nothing it does not know; another account's stays withheld from who does not read the trail.
  'SweepRun.startedBy': { roles: PERMISSIONS.readAudit, masked: false, withheld: null, readsOwn: true },
  // A subject's plain record lists: the public gets only the records publicly disclosed today (src/graphql/visibility.ts),
  // others every record, revoked and expired ones too. Read as the system into a verdict's facts, they would
  // carry undisclosed records to the public (hostile8 F1b): facts read records through `credit { records }`.
  'Agency.creditRecords': { roles: SIGNED_IN, masked: false, filtered: true },
  'Agency.creditRecordsConnection': { roles: SIGNED_IN, masked: false, filtered: true },
  'Enterprise.creditRecords': { roles: SIGNED_IN, masked: false, filtered: true },
  'Enterprise.creditRecordsConnection': { roles: SIGNED_IN, masked: false, filtered: true },
  'CreditRecord.history': { roles: PERMISSIONS.readHistory, masked: false, audited: true },
  'CreditRecord.objections': { roles: PERMISSIONS.readHistory, masked: false, audited: true },
  'CreditRecord.repairs': { roles: PERMISSIONS.readHistory, masked: false, audited: true },
  // A civil servant's record is their dishonesty (or trustworthiness) file whichever root it is read
  // through (creditRecords, creditRecord, an objection's or a repair's record): all but its id and type.
  ...personal('CreditRecord', ['subjectId', 'subject', 'kind', 'category', 'severity', 'summary', 'occurredOn', 'recordedOn', 'decidedOn', 'decidedOnEstimated',
    'disclosureEndsOn', 'sourceDepartment', 'documentNumber', 'loss', 'answerableUnconfirmed', 'status', 'version', 'publiclyDisclosed', 'createdAt', 'updatedAt',
    'inOffice']),
  // An objection to or a repair of such a record: the applicant, their reasons, the decision (objections, objection, creditRepair).
  ...personal('Objection', ['filedBy', 'reason', 'filedOn', 'status', 'remedy', 'resolution', 'resolvedOn', 'decidedBy', 'documentNumber', 'createdAt',
    'renewed'], PERMISSIONS.readHistory),
  // The admission itself (sec31 item 1): the officer who admits reads back, in admitObjection's response, the day and grounds it
  // entered, audited like any read of the objection; no query root gives an OFFICER an objection (objection, objections and
  // CreditRecord.objections refuse it), and a mutation's response selecting any other field is refused (mutation-response-guard.ts).
  ...personal('Objection', ['admittedOn', 'admissionGrounds'], [...new Set([...PERMISSIONS.readHistory, ...PERMISSIONS.admitRenewedObjection])]),
  ...personal('CreditRepair', ['actions', 'appliedOn', 'createdAt', 'decidedOn', 'decisionNote', 'decidedBy', 'documentNumber', 'description', 'relief', 'status',
    'reliefStated', 'reliefStatedOn', 'reliefStatementDocument'], PERMISSIONS.readHistory),
  // A 履职不力 finding on a commitment as an agency's facts list it (commitmentFacts): the finding, its day and its
  // standing are the same personal data of the commitment's responsible person as Commitment.breachFinding and
  // breachFoundOn, read through the agency (hostile29 F9); one read, one rule. The public's lists are empty.
  ...personal('BreachedCommitment', ['breachFinding', 'foundOn', 'findingStanding', 'objectionsRejected', 'renewedObjectionPending']),
  ...personal('NotCountedCommitment', ['foundOn', 'reason']),
  // An assessment of a civil servant (assess, hostile7 F2): its outcome, score and measures name the rules that
  // fired, and each rule's conditions are public (ruleSet), so they tell the credit facts `credit` tells.
  ...personal('Assessment', ['outcome', 'score', 'provisional', 'provisionalOn', 'measures'], PERMISSIONS.assess),
  // A stored verdict about a civil servant (verdict, verdicts, latestVerdict, a sweep's verdicts): a personnel
  // matter's outcome, and the rules that fired for them — as an assessment's, what `credit` tells (sec13 L3).
  // Its making was audited (EVALUATE, RECHECK), its reading by whom was not. The explanation is READ_EXPLANATION.
  // `stale` too: that a row about them (a record, an objection, a repair) changed since; and `asOf`,
  // `evaluatedAt`: the day and time a personnel matter was decided about them, as a record's dates (hostile17 N3).
  // And every other field: that such a verdict exists at all, which says whom a personnel decision was made
  // about (its `id`, `subjectId` or `subject` in a list by matter), in which matter, whether it was a recheck or
  // came from a sweep (hostile21 F3). Only the explanation is left out: its read is READ_EXPLANATION, naming them.
  ...personal('Verdict', ['outcome', 'score', 'provisional', 'provisionalOn', 'measures', 'reason', 'stale', 'asOf', 'evaluatedAt',
    'id', 'subjectType', 'subjectId', 'subject', 'matter', 'ruleSetVersion', 'recheckOf', 'sweepRunId']),
  // A change notice about a civil servant (subscriptions): that something was recorded about them, and when.
  ...personal('SubjectChange', ['action', 'subjectId', 'targetId', 'at']),
  // An audit event about a civil servant (auditEvents): what was done about them, and with it the old and new
  // values of their data (`updated name: "何洋" → "何阳"`, a correction's changes). Reading the trail is itself a
  // read of that person's data, recorded like any other (sec10 item 3); the trail is the auditors' already.
  ...personal('AuditEvent', ['action', 'subjectId', 'targetId', 'outcome'], PERMISSIONS.readAudit),
} as const satisfies Record<string, { roles: readonly Role[]; masked: boolean; mask?: (value: string) => string; withheld?: null | readonly never[]; audited?: true; filtered?: true; readsOwn?: true }>;

export type GuardedField = keyof typeof FIELD_READERS;

/** The guarded fields whose value other roles get masked or as null (not refused): src/graphql/guarded.ts applies them. */
export type ShadedField = { [K in GuardedField]: (typeof FIELD_READERS)[K] extends { mask: unknown } | { withheld: unknown } ? K : never }[GuardedField];

/** Whether the role reads `Type.field` whole: true for every field not in FIELD_READERS. */
export function readsWhole(role: Role, typeAndField: string): boolean {
  const guard = (FIELD_READERS as Record<string, { roles: readonly Role[] }>)[typeAndField];
  return !guard || guard.roles.includes(role);
}

/** The author of a draft facts query, as the rules check asks about it (src/engine/facts-query-check.ts). */
export function draftReader(role: Role): { role: string; reads(typeAndField: string): boolean } {
  return { role, reads: (typeAndField) => readsWhole(role, typeAndField) };
}

/**
 * The fields of a type that holds personal data (one with an `audited` field in FIELD_READERS) that are
 * not personal data, each with why. Every field of such a type is either in FIELD_READERS or here
 * (test/security/personal-fields-classified.test.ts): a field added to a personal type without a
 * decision fails that test, instead of being read unaudited (hostile29 F1: an objection's admission,
 * a repair's relief statement and a record's inOffice were).
 */
const UNIT_COMMITMENT = 'what the unit promised and how it stood, public on every commitment (三(二)); the finding is audited';
const UNIT_CASE = 'the agency\'s court case as the court and the unit answer for it, public (三(八)); the representative and the reason for absence are audited';
const SERVANT_POST = 'the post the agency holds, as an organisation chart shows it; the name is masked and the records are audited';
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'CivilServant.id': 'an id, naming no one',
  'CivilServant.agency': 'the agency, an object of its own',
  'CivilServant.createdAt': 'when the registry entry was made',
  'CivilServant.updatedAt': 'when the registry entry was last changed',
  'CivilServant.post': SERVANT_POST,
  'CivilServant.rank': SERVANT_POST,
  'CivilServant.leadingCadre': SERVANT_POST,
  'CivilServant.principal': SERVANT_POST,
  'CivilServant.principalSince': SERVANT_POST,
  ...Object.fromEntries(['agency', 'content', 'createdAt', 'domain', 'dueOn', 'id', 'kind', 'publiclyDisclosed', 'publishedOn', 'settledOn', 'status'].map((f) => [`Commitment.${f}`, UNIT_COMMITMENT])),
  ...Object.fromEntries(['content', 'domain', 'dueOn', 'id', 'publiclyDisclosed', 'settledOn'].map((f) => [`BreachedCommitment.${f}`, UNIT_COMMITMENT])),
  ...Object.fromEntries(['content', 'id', 'occurredOn', 'settledOn'].map((f) => [`NotCountedCommitment.${f}`, UNIT_COMMITMENT])),
  ...Object.fromEntries(['absenceFinding', 'absenceFindingDocument', 'absenceFoundBy', 'absenceFoundOn', 'agency', 'caseNumber', 'court', 'createdAt', 'defaulterListedOn',
    'defaulterRemovedOn', 'filedOn', 'headAppeared', 'hearingOn', 'id', 'judgmentDefaulter', 'kind'].map((f) => [`CourtCase.${f}`, UNIT_CASE])),
  'CreditRecord.id': 'an id; everything else of a civil servant\'s record is audited',
  'CreditRecord.subjectType': 'the kind of subject, which decides whether the record is anyone\'s personal data',
  'Objection.id': 'an id',
  'Objection.record': 'the record, whose own fields are audited',
  'CreditRepair.id': 'an id',
  'CreditRepair.record': 'the record, whose own fields are audited',
  'Assessment.asOf': 'the moment asked for, chosen by the caller',
  'Assessment.matter': 'the matter asked about, chosen by the caller',
  'Assessment.ruleSetVersion': 'the rules in force, public',
  'Assessment.subject': 'the subject, whose own fields are guarded',
  'Assessment.subjectId': 'the id the caller asked about',
  'Assessment.subjectType': 'the kind of subject the caller asked about',
  'Assessment.explanation': 'audited as READ_EXPLANATION (assess.resolver.ts)',
  'Assessment.reason': 'audited as READ_EXPLANATION, as the explanation it summarises',
  'Verdict.explanation': 'audited as READ_EXPLANATION',
  'SubjectChange.subjectType': 'the kind of subject, which decides whether the notice is anyone\'s personal data',
  'AuditEvent.id': 'an id',
  'AuditEvent.actor': 'the staff account that acted, not the person acted on',
  'AuditEvent.role': 'the role of the account that acted',
  'AuditEvent.createdAt': 'when the event was written; what it says about the person (action, outcome) is audited',
  'AuditEvent.subjectType': 'the kind of subject, which decides whether the event is anyone\'s personal data',
};
