import { Check, Entity, Enum, ManyToOne, Unique } from '@mikro-orm/core';
import { UnitFindingKind } from '../../domain/finding-objection';
import { Agency } from './agency.entity';
import { Commitment } from './commitment.entity';
import { CourtCase } from './court-case.entity';
import { ADMITTED_WHOLE, ObjectionBase } from './objection-base';

/**
 * A unit's objection (异议, 三(七)) to a finding against it: the 履职不力 finding on a breached
 * commitment (四(四)) or the finding that its head was absent from a hearing without valid reason
 * (三(八)). Its own table, not columns on the finding's row: a finding may be objected to again
 * after a rejection, each objection keeps who filed it, why, and what was decided, and a past day
 * must see the dispute as it stood then (src/domain/finding-objection.ts reads the rows).
 */
@Entity({ tableName: 'finding_objection' })
/** Exactly the finding's own row: a commitment for a 四(四) finding, a case for a 三(八) one. */
@Check({ name: 'finding_objection_one_finding', expression: "(finding = 'COMMITMENT_DERELICTION' and commitment_id is not null and court_case_id is null) or (finding = 'COURT_ABSENCE' and court_case_id is not null and commitment_id is null)" })
/** An admission (lawyer23 R4) is whole, of a renewed objection, and not before its filing day. */
@Check({ name: 'finding_objection_admitted_whole', expression: ADMITTED_WHOLE })
@Check({ name: 'finding_objection_decided_whole', expression: "(status = 'PENDING') = (resolved_on is null) and (resolved_on is null or resolved_on >= filed_on)" })
/** One pending objection per finding (see fileFindingObjection): the database refuses a second one even if a use case forgets. */
@Unique({
  name: 'finding_objection_one_pending_per_commitment',
  expression: `create unique index "finding_objection_one_pending_per_commitment" on "finding_objection" ("commitment_id") where "status" = 'PENDING'`,
})
@Unique({
  name: 'finding_objection_one_pending_per_court_case',
  expression: `create unique index "finding_objection_one_pending_per_court_case" on "finding_objection" ("court_case_id") where "status" = 'PENDING'`,
})
export class FindingObjection extends ObjectionBase {
  @Enum({ items: () => UnitFindingKind, nativeEnumName: 'unit_finding_kind' })
  finding!: UnitFindingKind;

  /** The unit the finding is against (the commitment's or the case's agency). */
  @ManyToOne(() => Agency, { deleteRule: 'restrict', index: true })
  agency!: Agency;

  /** The breached commitment, for a COMMITMENT_DERELICTION finding. */
  @ManyToOne(() => Commitment, { deleteRule: 'restrict', nullable: true })
  commitment?: Commitment | null;

  /** The case, for a COURT_ABSENCE finding. */
  @ManyToOne(() => CourtCase, { deleteRule: 'restrict', nullable: true })
  courtCase?: CourtCase | null;
}
