import { idCardCheckDigit, usccCheckCharacter } from '../../src/domain/identifiers';
import type { TestServer } from './test-server';

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

/** The kind of body an agency of this level and name is, unless a test says otherwise. */
function kindOf(level: unknown, name: unknown): string {
  if (level === 'STREET') return 'SUB_DISTRICT_OFFICE';
  if (level === 'DEVELOPMENT_ZONE') return 'ADMINISTRATIVE_COMMITTEE';
  if (level === 'TOWNSHIP' || (typeof name === 'string' && name.endsWith('人民政府'))) return 'PEOPLES_GOVERNMENT';
  return 'DEPARTMENT';
}

/** Creates an agency through the API and returns its id (a city department unless `fields` say otherwise). */
export async function createAgency(server: TestServer, fields: Record<string, unknown> = {}): Promise<string> {
  const level = fields.level ?? 'CITY';
  const name = fields.name ?? '鄂州市测试局';
  const result = await server.gql(
    'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }',
    { input: { uscc: uscc(), name, level, kind: kindOf(level, name), ...fields } },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createAgency.id;
}

export async function createCivilServant(server: TestServer, agencyId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const result = await server.gql(
    'mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }',
    { input: { idCardNumber: idCardNumber(), name: '张测试', agencyId, post: '科员', rank: '一级科员', ...fields } },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createCivilServant.id;
}

/** A dishonesty record about a subject; returns its id. */
export async function createRecord(server: TestServer, subjectType: string, subjectId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const result = await server.gql(
    'mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }',
    {
      input: {
        subjectType,
        subjectId,
        kind: 'DISHONEST',
        category: 'BREACH_OF_CONTRACT',
        severity: 'MAJOR',
        summary: '未按合同约定支付工程款',
        occurredOn: '2023-03-01',
        recordedOn: '2023-03-20',
        sourceDepartment: '鄂州市发展和改革委员会',
        documentNumber: '鄂州信〔2023〕12号',
        loss: 120000,
        ...fields,
      },
    },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createCreditRecord.id;
}
