import { Check, Entity, Enum, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { BreachFinding, CommitmentKind, CommitmentStatus } from '../../domain/commitment';
import { Agency } from './agency.entity';
import { BaseEntity } from './base.entity';
import { CivilServant } from './civil-servant.entity';

/** A public promise (承诺) an agency, street or township made (三(五), 四(四), 四(五)). */
@Entity({ tableName: 'commitment' })
@Check({ name: 'commitment_dates_in_order', expression: 'published_on <= due_on' })
export class Commitment extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'restrict', index: true })
  agency!: Agency;

  /** The leading cadre answerable for it, when one is named. */
  @ManyToOne(() => CivilServant, { nullable: true, deleteRule: 'restrict', index: true })
  responsiblePerson?: CivilServant | null;

  @Enum({ items: () => CommitmentKind, nativeEnumName: 'commitment_kind' })
  kind!: CommitmentKind;

  /** What was promised. */
  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'date' })
  publishedOn!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Enum({ items: () => CommitmentStatus, nativeEnumName: 'commitment_status', default: CommitmentStatus.PENDING })
  status: Opt<CommitmentStatus> = CommitmentStatus.PENDING;

  /** When it was found fulfilled or breached. */
  @Property({ type: 'date', nullable: true })
  settledOn?: string | null;

  /** For a breach: what the settling body found (四(四)); only DERELICTION (履职不力) counts. */
  @Enum({ items: () => BreachFinding, nativeEnumName: 'breach_finding', nullable: true })
  breachFinding?: BreachFinding | null;

  /** The number of the document that settled it (文号), when there is one. */
  @Property({ type: 'string', length: 100, nullable: true })
  settlementDocument?: string | null;
}
