import { Formula, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { AgencyKind, AgencyLevel } from '../../domain/subject';
import { BaseEntity } from './base.entity';

/** A government agency (政府机构): a department, district government, zone committee, street or township. */
@Entity({ tableName: 'agency' })
export class Agency extends BaseEntity {
  /**
   * The `xmin` of the version of the row read (not a column): what a verdict's digest of the rows
   * its facts were read from is made of (src/evaluation/row-digest.ts). Undefined on a new entity.
   */
  @Formula((table) => `${table.alias}.xmin::text`, { lazy: false })
  rowVersion?: string;

  /** Unified social credit code, GB 32100-2015. */
  @Property({ type: 'string', length: 18 })
  @Unique()
  uscc!: string;

  @Property({ type: 'string', length: 200 })
  @Index()
  name!: string;

  @Enum({ items: () => AgencyLevel, nativeEnumName: 'agency_level' })
  level!: AgencyLevel;

  /** People's government, department, zone committee or street office: clauses speak of some kinds only. */
  @Enum({ items: () => AgencyKind, nativeEnumName: 'agency_kind' })
  kind!: AgencyKind;

  /**
   * The kind was estimated from the name and level when kinds were introduced (ClauseScopes backfill),
   * not stated by anyone. createAgency states a kind (false); only an officer's confirmAgencyKind
   * clears it (a registry update of the kind is not a confirmation).
   */
  @Property({ type: 'boolean', default: false })
  kindEstimated: boolean & Opt = false;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict', index: true })
  parent?: Agency | null;
}
