import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000Foundation } from './Migration20261125000000Foundation';
import { Migration20261125010000Verdicts } from './Migration20261125010000Verdicts';
import { Migration20261125020000AuditTrail } from './Migration20261125020000AuditTrail';
import { Migration20261125030000Sweeps } from './Migration20261125030000Sweeps';
import { Migration20261129010000NoTruncate } from './Migration20261129010000NoTruncate';
import { Migration20261129020000ListsAndPeriods } from './Migration20261129020000ListsAndPeriods';
import { Migration20261129060000RuleServing } from './Migration20261129060000RuleServing';
import { Migration20261129070000OneLiveDecision } from './Migration20261129070000OneLiveDecision';
import { Migration20261129080000OneSweepPerMatter } from './Migration20261129080000OneSweepPerMatter';
import { Migration20261130100000UnreviewedFindings } from './Migration20261130100000UnreviewedFindings';
import { Migration20261130110000ClauseScopes } from './Migration20261130110000ClauseScopes';
import { Migration20261201000000HearingDay } from './Migration20261201000000HearingDay';
import { Migration20261202000000ProvisionalVerdicts } from './Migration20261202000000ProvisionalVerdicts';
import { Migration20261202010000PrincipalFindings } from './Migration20261202010000PrincipalFindings';
import { Migration20261203000000PersonalDataReads } from './Migration20261203000000PersonalDataReads';
import { Migration20261203003000RepairReliefStated } from './Migration20261203003000RepairReliefStated';
import { Migration20261203006000AnswerablePersons } from './Migration20261203006000AnswerablePersons';
import { Migration20261204011600AuditChangedFields } from './Migration20261204011600AuditChangedFields';
import { Migration20261204081000RepairReliefRestated } from './Migration20261204081000RepairReliefRestated';
import { Migration20261204090900UnconfirmedAnswerable } from './Migration20261204090900UnconfirmedAnswerable';
import { Migration20261205400000ListingTerm } from './Migration20261205400000ListingTerm';

/** Every migration, oldest first. Add a new one here after `npm run migration:create`. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125000000Foundation', class: Migration20261125000000Foundation },
  { name: 'Migration20261125010000Verdicts', class: Migration20261125010000Verdicts },
  { name: 'Migration20261125020000AuditTrail', class: Migration20261125020000AuditTrail },
  { name: 'Migration20261125030000Sweeps', class: Migration20261125030000Sweeps },
  { name: 'Migration20261129010000NoTruncate', class: Migration20261129010000NoTruncate },
  { name: 'Migration20261129020000ListsAndPeriods', class: Migration20261129020000ListsAndPeriods },
  { name: 'Migration20261129060000RuleServing', class: Migration20261129060000RuleServing },
  { name: 'Migration20261129070000OneLiveDecision', class: Migration20261129070000OneLiveDecision },
  { name: 'Migration20261129080000OneSweepPerMatter', class: Migration20261129080000OneSweepPerMatter },
  { name: 'Migration20261130100000UnreviewedFindings', class: Migration20261130100000UnreviewedFindings },
  { name: 'Migration20261130110000ClauseScopes', class: Migration20261130110000ClauseScopes },
  { name: 'Migration20261201000000HearingDay', class: Migration20261201000000HearingDay },
  { name: 'Migration20261202000000ProvisionalVerdicts', class: Migration20261202000000ProvisionalVerdicts },
  { name: 'Migration20261202010000PrincipalFindings', class: Migration20261202010000PrincipalFindings },
  { name: 'Migration20261203000000PersonalDataReads', class: Migration20261203000000PersonalDataReads },
  { name: 'Migration20261203003000RepairReliefStated', class: Migration20261203003000RepairReliefStated },
  { name: 'Migration20261203006000AnswerablePersons', class: Migration20261203006000AnswerablePersons },
  { name: 'Migration20261204011600AuditChangedFields', class: Migration20261204011600AuditChangedFields },
  { name: 'Migration20261204081000RepairReliefRestated', class: Migration20261204081000RepairReliefRestated },
  { name: 'Migration20261204090900UnconfirmedAnswerable', class: Migration20261204090900UnconfirmedAnswerable },
  { name: 'Migration20261205400000ListingTerm', class: Migration20261205400000ListingTerm },
];
