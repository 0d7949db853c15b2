import { RecordCategory, RecordKind, Severity } from './credit-record';
import type { ListingEnded } from './listing-ended-record';

/**
 * Why something that would otherwise count on a day is left out of every count and flag: a credit
 * record, a commitment's breach or a head's absence from court. It stays on file, and a verdict says
 * what it did not count and why (src/evaluation/left-out-lines.ts).
 */
export enum NotCountedReason {
  /**
   * A second entry of one decision already on file (same subject, category, decision day and
   * document number; marked by Migration20261205300000OneActOnce, hostile8 F4/F5): one act counts
   * once, so the copy is left out of every count and evidence, and stays on file with its history.
   */
  DUPLICATE_ON_FILE = 'DUPLICATE_ON_FILE',
  /**
   * The act occurred before the day the document took effect (不溯及既往): it grounds no measure under
   * it, though the record stays on file.
   */
  ACT_BEFORE_IN_FORCE = 'ACT_BEFORE_IN_FORCE',
  /** Its category is not one the reading asked for (the clause speaks of other conduct). */
  CATEGORY_NOT_SPOKEN_OF = 'CATEGORY_NOT_SPOKEN_OF',
  /**
   * A 四(四) entry carried over from the commitment's named responsible person, whom no finding body
   * named answerable (相关责任人): nothing rests on it until a finding naming them confirms it.
   */
  ANSWERABLE_UNCONFIRMED = 'ANSWERABLE_UNCONFIRMED',
  /**
   * A commitment settled as breached with no finding of why by the day (未认定): 四(四) speaks of
   * 履职不力 only, and a lawful change or force majeure excuses the unit, so nothing rests on it until
   * the finding is recorded (recordBreachFinding).
   */
  BREACH_UNREVIEWED = 'BREACH_UNREVIEWED',
  /**
   * A head's absence without excuse in a case whose kind nobody recorded: 三(八) 出庭应诉 counts in
   * administrative cases (行政诉讼) only, so nothing rests on it until the kind is recorded
   * (updateCourtCase kind).
   */
  CASE_KIND_UNKNOWN = 'CASE_KIND_UNKNOWN',
  /** A head's absence from an administrative hearing nobody has examined (no finding, 未认定): it counts for nothing (三(八)). */
  ABSENCE_UNREVIEWED = 'ABSENCE_UNREVIEWED',
  /**
   * A record of a category that is 政务失信 only when the act was done in office (履职行为), on which
   * nobody recorded whether it was (inOffice null): until it is recorded it is personal credit
   * information (三(四)), weighed where that clause is read, and grounds nothing under 三(六).
   */
  IN_OFFICE_UNRECORDED = 'IN_OFFICE_UNRECORDED',
  /**
   * A finding against a unit (四(四) 履职不力, 三(八) absence without valid reason) under an objection
   * pending on the day (findingsCountWhileDisputed false, a local choice): it counts again if the
   * objection is rejected, from the rejection day.
   */
  FINDING_DISPUTED = 'FINDING_DISPUTED',
  /** A finding against a unit revoked on an upheld objection (经核实有误的……撤销, 三(七)): it counts on no day, as a revoked record. */
  FINDING_REVOKED = 'FINDING_REVOKED',
  /** A record of such a category recorded as not done in office (inOffice false): personal credit information, not 政务失信. */
  NOT_IN_OFFICE = 'NOT_IN_OFFICE',
  /**
   * The record behind a listing (失信被执行人名单, 严重违法失信名单) its keeper ended: removed (移出) or its
   * recorded term run out (法释〔2017〕7号 arts. 2, 10: the court then deletes the 失信信息). From that day it
   * counts towards nothing (src/domain/listing-ended-record.ts, lawyer21 R1); `listingEnded` names the listing.
   */
  LISTING_REMOVED = 'LISTING_REMOVED',
}

/** A dishonesty record that would count on the day but is left out, with why. */
export interface NotCountedRecord {
  id: string;
  category: RecordCategory;
  severity: Severity | null;
  occurredOn: string;
  decidedOn: string;
  documentNumber: string;
  reason: NotCountedReason;
  /** For LISTING_REMOVED: the listing its keeper ended (who, when, 文号); otherwise null. */
  listingEnded?: ListingEnded | null;
}

/** The reading options a record's not-counted reason depends on (see CreditOptions). */
export interface NotCountedOptions {
  /** The day the document took effect: dishonesty records of acts before it count towards nothing. */
  actsFrom?: string | null;
  /** Only dishonesty records of these categories count (the conduct the cited clause speaks of); absent: all. */
  dishonestyCategories?: readonly RecordCategory[] | null;
  /**
   * Records of these categories count only when the act is recorded as done in office (inOffice
   * true): a breach of contract or an administrative violation may be private conduct. Absent: no such test.
   */
  inOfficeCategories?: readonly RecordCategory[] | null;
}

/** The fields of a record its not-counted reason reads. */
export interface NotCountedInput {
  kind: RecordKind;
  category: RecordCategory;
  occurredOn: string;
  /** A 四(四) entry carried over from a named responsible person, never confirmed by a finding naming them. */
  answerableUnconfirmed?: boolean | null;
  /** Whether the act was done in office (履职行为); null: nobody recorded it. */
  inOffice?: boolean | null;
  /** A second entry of a decision already on file (Migration20261205300000OneActOnce). */
  duplicateOnFile?: boolean | null;
}

/**
 * Why a dishonesty record that counts on the day is nevertheless left out under `options`, or null.
 * A second entry of one decision is left out whatever its kind (one act counts once). An act before the document took effect grounds no measure under it (不溯及既往); an unconfirmed
 * 四(四) entry rests on no finding; a record of a category the clause does not speak of is not what
 * the reading asked for.
 */
export function notCountedBecause(record: NotCountedInput, options: NotCountedOptions): NotCountedReason | null {
  // Before the kind: a trustworthy decision entered twice is one record too (lawyer11 W4).
  if (record.duplicateOnFile) return NotCountedReason.DUPLICATE_ON_FILE;
  if (record.kind !== RecordKind.DISHONEST) return null;
  if (options.actsFrom && record.occurredOn < options.actsFrom) return NotCountedReason.ACT_BEFORE_IN_FORCE;
  // Before the category: whichever clause reads it, the entry rests on no finding (lawyer8 W4).
  if (record.answerableUnconfirmed) return NotCountedReason.ANSWERABLE_UNCONFIRMED;
  if (options.dishonestyCategories && !options.dishonestyCategories.includes(record.category)) return NotCountedReason.CATEGORY_NOT_SPOKEN_OF;
  // An unknown attribute is never resolved against the subject (lawyer10 W3).
  if (options.inOfficeCategories?.includes(record.category) && record.inOffice !== true) {
    return record.inOffice === false ? NotCountedReason.NOT_IN_OFFICE : NotCountedReason.IN_OFFICE_UNRECORDED;
  }
  return null;
}
