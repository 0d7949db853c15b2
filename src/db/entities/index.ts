import { Agency } from './agency.entity';
import { AuditEvent } from './audit-event.entity';
import { CivilServant } from './civil-servant.entity';
import { Commitment } from './commitment.entity';
import { CourtCase } from './court-case.entity';
import { CreditRecordRevision } from './credit-record-revision.entity';
import { CreditRecord } from './credit-record.entity';
import { CreditRepair } from './credit-repair.entity';
import { Enterprise } from './enterprise.entity';
import { FindingObjection } from './finding-objection.entity';
import { EnterpriseCreditGrade } from './enterprise-credit-grade.entity';
import { ListMembership } from './list-membership.entity';
import { Objection } from './objection.entity';
import { PrincipalTerm } from './principal-term.entity';
import { RuleSetPeriod } from './rule-set-period.entity';
import { RuleSetService } from './rule-set-service.entity';
import { RuleSetSnapshot } from './rule-set-snapshot.entity';
import { SweepChunk } from './sweep-chunk.entity';
import { SweepError } from './sweep-error.entity';
import { SweepRun } from './sweep-run.entity';
import { Verdict } from './verdict.entity';

export { Agency, AuditEvent, CivilServant, Commitment, CourtCase, CreditRecord, CreditRecordRevision, CreditRepair, Enterprise, EnterpriseCreditGrade, FindingObjection, ListMembership, Objection, PrincipalTerm, RuleSetPeriod, RuleSetService, RuleSetSnapshot, SweepChunk, SweepError, SweepRun, Verdict };

/** Every entity, for the ORM configuration. */
export const entities = [Agency, CivilServant, PrincipalTerm, Enterprise, EnterpriseCreditGrade, CreditRecord, CreditRecordRevision, Commitment, CourtCase, Objection, FindingObjection, CreditRepair, ListMembership, Verdict, RuleSetSnapshot, RuleSetService, RuleSetPeriod, AuditEvent, SweepRun, SweepChunk, SweepError];
