import { RecordStatus } from './credit-record';

/**
 * Whether a credit record is publicly disclosed on a day (China Standard Time): it is in force (a
 * revoked record was a mistake) and its disclosure period has not ended (公示期满停止公示; the
 * last day of disclosure is still disclosed). Roles with rights see every record; the public sees
 * only these.
 */
export function isPubliclyDisclosed(record: { status: RecordStatus; disclosureEndsOn?: string | null }, day: string): boolean {
  return record.status !== RecordStatus.REVOKED && (!record.disclosureEndsOn || record.disclosureEndsOn >= day);
}
