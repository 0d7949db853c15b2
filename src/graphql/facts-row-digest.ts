import type { Loaders } from './loaders';
import { subjectKey } from './loaders';
import type { RecordRow } from './fact-rows';
import { RecordCategory } from '../domain/credit-record';
import { SubjectType } from '../domain/subject';
import type { SubjectRef } from '../evaluation/facts';
import { composeDigest, partDigest, versionText } from '../evaluation/row-digest';

/**
 * The digests of the rows a facts read read for each subject (src/evaluation/row-digest.ts), from
 * the rows its loaders already hold: no statement of its own, where `evaluate` and a sweep's chunk
 * once read every table again for them. Called after the facts queries of the read ran.
 *
 * A part is in a subject's digest when the facts asked its loader for it (the subject's records,
 * its agency's listings, …); its rows, and the objections and repairs of its records, then come
 * from the loaders' cache. The subject's own row is always in, and a civil servant's agency's row.
 * Whatever a loader was not asked (a record whose objections no fact read) is read here, so the
 * digest covers exactly the parts `stale` will compare: a statement more, never a wrong digest.
 */
export async function factsRowDigests(loaders: Loaders, subjects: readonly SubjectRef[]): Promise<string[]> {
  return Promise.all(subjects.map((subject) => digestOf(loaders, subject)));
}

async function digestOf(loaders: Loaders, subject: SubjectRef): Promise<string> {
  const rows = loaders.factRows;
  const parts = new Map<string, string[]>();
  const own = await subjectRow(loaders, subject);
  parts.set('s', own ? [versionText(TAG[subject.type], subject.id, own.rowVersion!)] : []);
  let agencyId: string | null = null;
  if (subject.type === SubjectType.CIVIL_SERVANT && own && 'agency' in own) {
    agencyId = own.agency.id;
    const agency = await loaders.agency.load(agencyId);
    parts.set('a', agency ? [versionText('a', agency.id, agency.rowVersion!)] : []);
  }
  // Each relation as the subject's own part (lower case) and, for a civil servant, their agency's (upper case).
  const commitments: [letter: string, key: string | null][] = [
    [subject.type === SubjectType.CIVIL_SERVANT ? 'n' : 'm', subject.id],
    ['M', agencyId],
  ];
  const whose: [letter: string, type: SubjectType, id: string | null][] = [
    ['r', subject.type, subject.id],
    ['R', SubjectType.AGENCY, agencyId],
  ];
  for (const [letter, type, id] of whose) {
    if (!id) continue;
    const key = subjectKey(type, id);
    const mine = letter === 'r';
    if (rows.recordsOfSubject.asked.has(key)) parts.set(letter, await recordVersions(loaders, await rows.recordsOfSubject.load(key)));
    if (rows.membershipsOfSubject.asked.has(key)) parts.set(mine ? 'l' : 'L', (await rows.membershipsOfSubject.load(key)).map((m) => versionText('l', m.id, m.version)));
    if (rows.courtCasesOfAgency.asked.has(id)) parts.set(mine ? 'k' : 'K', (await rows.courtCasesOfAgency.load(id)).map((c) => versionText('k', c.id, c.version)));
  }
  for (const [letter, id] of commitments) {
    const loader = letter === 'n' ? rows.commitmentsOfResponsible : rows.commitmentsOfAgency;
    if (id && loader.asked.has(id)) parts.set(letter, (await loader.load(id)).map((c) => versionText(letter === 'n' ? 'n' : 'm', c.id, c.version)));
  }
  // An enterprise's grade history: every entry the loader brought, ended and in error ones included (they are rows the facts read).
  if (subject.type === SubjectType.ENTERPRISE && rows.gradesOfEnterprise.asked.has(subject.id)) {
    parts.set('g', (await rows.gradesOfEnterprise.load(subject.id)).map((g) => versionText('g', g.id, g.version)));
  }
  return composeDigest(parts.keys(), (part) => partDigest(parts.get(part)!));
}

/** The table tag of a subject's own row (row-versions.ts). */
const TAG: Record<SubjectType, string> = { [SubjectType.AGENCY]: 'a', [SubjectType.CIVIL_SERVANT]: 'c', [SubjectType.ENTERPRISE]: 'e' };

function subjectRow(loaders: Loaders, subject: SubjectRef) {
  switch (subject.type) {
    case SubjectType.AGENCY:
      return loaders.agency.load(subject.id);
    case SubjectType.CIVIL_SERVANT:
      return loaders.civilServant.load(subject.id);
    case SubjectType.ENTERPRISE:
      return loaders.enterprise.load(subject.id);
  }
}

/**
 * Records with their objections and repairs, and a 四(四) entry's unit objections to the finding it
 * rests on (tag 'f', lawyer14 R1: filing or deciding one changes what the entry counts for): one part.
 */
async function recordVersions(loaders: Loaders, records: readonly RecordRow[]): Promise<string[]> {
  const ids = records.map((r) => r.id);
  const entries = records.filter((r) => r.category === RecordCategory.COMMITMENT_DERELICTION).map((r) => r.id);
  const [objections, repairs, ofFindings] = await Promise.all([
    loaders.factRows.objectionsOfRecord.loadMany(ids),
    loaders.factRows.repairsOfRecord.loadMany(ids),
    loaders.factRows.findingObjectionsOfEntry.loadMany(entries),
  ]);
  const versions = records.map((r) => versionText('r', r.id, r.version));
  for (const list of objections) for (const o of throwIf(list)) versions.push(versionText('o', o.id, o.version));
  for (const list of repairs) for (const p of throwIf(list)) versions.push(versionText('p', p.id, p.version));
  for (const list of ofFindings) for (const f of throwIf(list)) versions.push(versionText('f', f.id, f.version));
  return versions;
}

function throwIf<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}
