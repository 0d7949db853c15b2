import { Check, Entity, Enum, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { BreachFinding, CommitmentDomain, CommitmentKind, CommitmentStatus } from '../../domain/commitment';
import { Agency } from './agency.entity';
import { BaseEntity } from './base.entity';
import { CivilServant } from './civil-servant.entity';

/** A public promise (承诺) an agency, street or township made (三(五), 四(四), 四(五)). */
@Entity({ tableName: 'commitment' })
// An agency's commitments a page at a time, latest due first: nested-pages.ts reads first + 1 of them.
@Index({ properties: ['agency', 'dueOn', 'id'] })
@Check({ name: 'commitment_dates_in_order', expression: 'published_on <= due_on' })
@Check({ name: 'commitment_finding_dated', expression: '(breach_finding is null) = (breach_found_on is null)' })
export class Commitment extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'restrict', index: true })
  agency!: Agency;

  /** The leading cadre answerable for it, when one is named. */
  @ManyToOne(() => CivilServant, { nullable: true, deleteRule: 'restrict', index: true })
  responsiblePerson?: CivilServant | null;

  @Enum({ items: () => CommitmentKind, nativeEnumName: 'commitment_kind' })
  kind!: CommitmentKind;

  /**
   * The field of the project or work (基础设施类, 公共服务类, 民生保障类 or other): 四(四) speaks of
   * the first three only. Null for commitments registered before it was recorded.
   */
  @Enum({ items: () => CommitmentDomain, nativeEnumName: 'commitment_domain', nullable: true })
  domain?: CommitmentDomain | null;

  /** Disclosed to the public (向社会公开, 四(四)); null for commitments registered before it was recorded. */
  @Property({ type: 'boolean', nullable: true })
  publiclyDisclosed?: boolean | null;

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

  /**
   * For a breach: what the finding body found (四(四)); only DERELICTION (履职不力) counts. Null on a
   * breach means unreviewed (未认定): nobody has found why it was breached, so it counts for nothing.
   */
  @Enum({ items: () => BreachFinding, nativeEnumName: 'breach_finding', nullable: true })
  breachFinding?: BreachFinding | null;

  /** The day the finding was made (the settling day, or later for a finding recorded afterwards). */
  @Property({ type: 'date', nullable: true })
  breachFoundOn?: string | null;

  /** The body that made the finding (认定部门), when given. */
  @Property({ type: 'string', length: 200, nullable: true })
  breachFoundBy?: string | null;

  /** The number of the document of the finding (文号), when there is one (the settling document for a finding made when settling). */
  @Property({ type: 'string', length: 100, nullable: true })
  breachFindingDocument?: string | null;

  /** The number of the document that settled it (文号), when there is one. */
  @Property({ type: 'string', length: 100, nullable: true })
  settlementDocument?: string | null;

  /**
   * The unit's objection to the 履职不力 finding is pending (src/registry/finding-objection.service.ts). The
   * objections themselves, with their days, are in finding_objection (what the facts read); this
   * current state lives on the finding's row so that filing and deciding change the row a verdict's
   * row digest covers, and a verdict read before is seen to be stale.
   */
  @Property({ type: 'boolean', default: false })
  breachFindingDisputed: Opt<boolean> = false;

  /** The day the 履职不力 finding was revoked on the unit's upheld objection; it counts for nothing from then. */
  @Property({ type: 'date', nullable: true })
  breachFindingRevokedOn?: string | null;
}
