import { Formula, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { CreditGrade } from '../../domain/subject';
import { BaseEntity } from './base.entity';

/** An enterprise (市场主体) trading in public resources: procurement and bidding. */
@Entity({ tableName: 'enterprise' })
export class Enterprise extends BaseEntity {
  /**
   * The `xmin` of the version of the row read (not a column): what a verdict's digest of the rows
   * its facts were read from is made of (src/evaluation/row-digest.ts). Undefined on a new entity.
   */
  @Formula((table) => `${table.alias}.xmin::text`, { lazy: false })
  rowVersion?: string;

  @Property({ type: 'string', length: 18 })
  @Unique()
  uscc!: string;

  @Property({ type: 'string', length: 200 })
  @Index()
  name!: string;

  /** Credit evaluation grade (信用评价等级); null while ungraded. */
  @Enum({ items: () => CreditGrade, nativeEnumName: 'credit_grade', nullable: true })
  creditGrade?: CreditGrade | null;

  /** The date the current grade was given. */
  @Property({ type: 'date', nullable: true })
  gradedOn?: string | null;
}
