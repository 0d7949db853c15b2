import { Formula, Check, Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Agency } from './agency.entity';
import { BaseEntity } from './base.entity';

/** A civil servant (公务员). The ID-card number is personal data (三(二)). */
@Entity({ tableName: 'civil_servant' })
// An agency's civil servants a page at a time, by name (signed in) or by id (the public): nested-pages.ts reads first + 1 of them.
@Index({ properties: ['agency', 'name', 'id'] })
@Index({ properties: ['agency', 'id'] })
@Check({ name: 'civil_servant_tenure_of_principal', expression: 'principal or principal_since is null' })
export class CivilServant extends BaseEntity {
  /**
   * The `xmin` of the version of the row read (not a column): what a verdict's digest of the rows
   * its facts were read from is made of (src/evaluation/row-digest.ts). Undefined on a new entity.
   */
  @Formula((table) => `${table.alias}.xmin::text`, { lazy: false })
  rowVersion?: string;

  /** Resident ID-card number, checked with ISO 7064 MOD 11-2. */
  @Property({ type: 'string', length: 18 })
  @Unique()
  idCardNumber!: string;

  @Property({ type: 'string', length: 100 })
  @Index()
  name!: string;

  @ManyToOne(() => Agency, { deleteRule: 'restrict', index: true })
  agency!: Agency;

  /** Post (职务), e.g. 科员, 副科长. */
  @Property({ type: 'string', length: 100 })
  post!: string;

  /** Rank (职级), e.g. 一级科员, 四级调研员. */
  @Property({ type: 'string', length: 100 })
  rank!: string;

  /** Leading cadre (领导干部): answerable for the commitments of their unit (三(四), 四(四)). */
  @Property({ type: 'boolean', default: false })
  leadingCadre: Opt<boolean> = false;

  /** The principal (主要负责人) of their agency: answerable for its government dishonesty (三(六)). */
  @Property({ type: 'boolean', default: false })
  principal: Opt<boolean> = false;

  /**
   * The day they took office as principal (任主要负责人之日): they answer for dishonesty that occurred
   * from then on, not for what happened before they took office. Null for a principal registered
   * before tenure was recorded: nothing is attributed to them until it is.
   */
  @Property({ type: 'date', nullable: true })
  principalSince?: string | null;
}
