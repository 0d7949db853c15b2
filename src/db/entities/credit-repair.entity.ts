import { Entity, Enum, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { RepairAction, RepairRelief, RepairStatus } from '../../domain/credit-repair';
import { BaseEntity } from './base.entity';
import { CreditRecord } from './credit-record.entity';

/** An application for credit repair (信用修复, 三(七)) of one dishonesty record. */
@Entity({ tableName: 'credit_repair' })
/** At most one pending or approved repair per record (see requestCreditRepair), enforced by the database too. */
@Unique({
  name: 'credit_repair_one_live_per_record',
  expression: `create unique index "credit_repair_one_live_per_record" on "credit_repair" ("record_id") where "status" in ('PENDING', 'APPROVED')`,
})
export class CreditRepair extends BaseEntity {
  @ManyToOne(() => CreditRecord, { deleteRule: 'restrict', index: true })
  record!: CreditRecord;

  /** What the subject did: recovered the loss, eliminated the effect, prevented the harm. */
  @Enum({ items: () => RepairAction, nativeEnumName: 'repair_action', array: true })
  actions!: RepairAction[];

  /** The facts of the repair in words. */
  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'date' })
  appliedOn!: string;

  @Enum({ items: () => RepairStatus, nativeEnumName: 'repair_status', default: RepairStatus.PENDING })
  status: Opt<RepairStatus> = RepairStatus.PENDING;

  /** The day the repair was approved or rejected; an approved repair counts from this day. */
  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  /** What an approval grants: WAIVE ends the record's effect, LIGHTEN (civil servants) lowers its measures. */
  @Enum({ items: () => RepairRelief, nativeEnumName: 'repair_relief', nullable: true })
  relief?: RepairRelief | null;

  /**
   * Whether the approval stated its relief. Approvals are required to since the lawyer's review (R6);
   * civil servants' approvals recorded before then may have been silent and were filled with WAIVE,
   * so they carry false: the relief is the one recorded, unconfirmed by the approving body.
   */
  @Property({ default: true })
  reliefStated: Opt<boolean> = true;

  /**
   * For an approval recorded without its relief: the day the approving body stated it afterwards
   * (stateRepairRelief) and the document it did so by. Null when the approval itself stated it.
   */
  @Property({ type: 'date', nullable: true })
  reliefStatedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  reliefStatementDocument?: string | null;

  @Property({ type: 'text', nullable: true })
  decisionNote?: string | null;

  /** Who entered the application in the register (the token's `sub`): they may not approve it too (second-person.ts). Null before this was kept. */
  @Property({ type: 'string', length: 200, nullable: true })
  enteredBy?: string | null;

  /** The deciding body (决定机关), when given (lawyer13 R8); null on rows decided before it was kept. */
  @Property({ type: 'string', length: 100, nullable: true })
  decidedBy?: string | null;

  /** The decision's document number (文号), when given; null on rows decided before it was kept. */
  @Property({ type: 'string', length: 100, nullable: true })
  documentNumber?: string | null;
}
