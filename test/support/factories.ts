import { idCardCheckDigit, usccCheckCharacter } from '../../src/domain/identifiers';
import type { TestServer } from './test-server';
import { graphql, type VariablesOf } from './graphql';

let serial = 0;

/** A valid USCC that no other test uses. */
export function uscc(prefix = '11'): string {
  const body = `${prefix}420700MB${String(++serial).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

/** A valid ID-card number that no other test uses. */
export function idCardNumber(): string {
  const body = `42070419850612${String(++serial).padStart(3, '0').slice(-3)}`;
  return body + idCardCheckDigit(body);
}

const CREATE_AGENCY = graphql(`mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`);
const CREATE_CIVIL_SERVANT = graphql(`mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }`);
const CREATE_RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);

/** What a test may set on a new record: any field of the API's input. */
export type RecordFields = Partial<VariablesOf<typeof CREATE_RECORD>['input']>;
export type SubjectType = VariablesOf<typeof CREATE_RECORD>['input']['subjectType'];

type AgencyInput = VariablesOf<typeof CREATE_AGENCY>['input'];

/** The kind of body an agency of this level and name is, unless a test says otherwise. */
function kindOf(level: AgencyInput['level'], name: string): AgencyInput['kind'] {
  if (level === 'STREET') return 'SUB_DISTRICT_OFFICE';
  if (level === 'DEVELOPMENT_ZONE') return 'ADMINISTRATIVE_COMMITTEE';
  if (level === 'TOWNSHIP' || name.endsWith('人民政府')) return 'PEOPLES_GOVERNMENT';
  return 'DEPARTMENT';
}

/**
 * Creates an agency through the API and returns its id (a city department unless `fields` say
 * otherwise); an error answer throws with the errors as JSON.
 */
export async function createAgency(server: TestServer, fields: Partial<AgencyInput> = {}): Promise<string> {
  const level = fields.level ?? 'CITY';
  const name = fields.name ?? '鄂州市测试局';
  const data = await server.ok(CREATE_AGENCY, { input: { uscc: uscc(), name, level, kind: kindOf(level, name), ...fields } });
  return data.createAgency.id;
}

export async function createCivilServant(server: TestServer, agencyId: string, fields: Partial<VariablesOf<typeof CREATE_CIVIL_SERVANT>['input']> = {}): Promise<string> {
  const data = await server.ok(CREATE_CIVIL_SERVANT, { input: { idCardNumber: idCardNumber(), name: '张测试', agencyId, post: '科员', rank: '一级科员', ...fields } });
  return data.createCivilServant.id;
}

/**
 * A dishonesty record's input, as createRecord sends it: a major breach of contract of 2023 (on a
 * civil servant, recorded as done in office: 履职行为), with `fields` over it. For a test that sends a record the API must refuse, or reads what it answers.
 */
export function recordInput(subjectType: SubjectType, subjectId: string, fields: RecordFields = {}): VariablesOf<typeof CREATE_RECORD>['input'] {
  return {
    subjectType,
    subjectId,
    kind: 'DISHONEST',
    category: 'BREACH_OF_CONTRACT',
    severity: 'MAJOR',
    summary: '未按合同约定支付工程款',
    occurredOn: '2023-03-01',
    recordedOn: '2023-03-20',
    sourceDepartment: '鄂州市发展和改革委员会',
    // One decision is one record (hostile8 F5): each record a test makes has its own decision number.
    documentNumber: `鄂州信〔2023〕${++serial}号`,
    loss: 120000,
    ...(subjectType === 'CIVIL_SERVANT' ? { inOffice: true } : {}),
    ...fields,
  };
}

/** A dishonesty record about a subject; returns its id. */
export async function createRecord(server: TestServer, subjectType: SubjectType, subjectId: string, fields: RecordFields = {}): Promise<string> {
  const data = await server.ok(CREATE_RECORD, { input: recordInput(subjectType, subjectId, fields) });
  return data.createCreditRecord.id;
}

/** A city department and one of its civil servants, registered through the API: the subjects most tests aim at. */
export async function agencyWithServant(server: TestServer): Promise<{ agencyId: string; servantId: string }> {
  const agencyId = await createAgency(server);
  return { agencyId, servantId: await createCivilServant(server, agencyId) };
}

const RECORD_ABSENCE_FINDING = graphql(`mutation ($input: RecordAbsenceFindingInput!) { recordAbsenceFinding(input: $input) { id absenceFinding } }`);
type AbsenceFindingInput = VariablesOf<typeof RECORD_ABSENCE_FINDING>['input'];

/** Records the finding on a head's absence from a hearing (三(八)): without valid reason unless `fields` say otherwise. */
export async function findAbsence(server: TestServer, courtCaseId: string, foundOn: string, fields: Partial<AbsenceFindingInput> = {}): Promise<void> {
  await server.ok(RECORD_ABSENCE_FINDING, { input: { courtCaseId, finding: 'UNEXCUSED', foundOn, foundBy: '鄂州市人民政府办公室', document: `鄂州政办函〔${foundOn.slice(0, 4)}〕${++serial}号`, ...fields } });
}
