import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_VIEWER } from '../auth/role';
import { AbsenceFinding } from '../domain/court-absence';
import { CaseKind } from '../domain/court-facts';
import { CreditList } from '../domain/list-membership';
import { RecordCategory, RecordKind, RevisionAction, Severity } from '../domain/credit-record';
import { RepairAction, RepairRelief, RepairStatus } from '../domain/credit-repair';
import { ObjectionRemedy, ObjectionStatus } from '../domain/objection';
import { AgencyKind, AgencyLevel, CreditGrade, SubjectType } from '../domain/subject';
import { appendRevision } from '../registry/credit-record.service';
import { decideCreditRepair, requestCreditRepair } from '../registry/credit-repair.service';
import { WAIVE_ONLY } from '../registry/lighten-reach';
import { fileObjection, resolveObjection } from '../registry/objection.service';
import { Agency, CivilServant, CourtCase, CreditRecord, Enterprise, EnterpriseCreditGrade, ListMembership, PrincipalTerm } from '../db/entities';
import * as names from './ezhou-names';
import { addDays } from '../domain/day';
import { addAnswerableFinding, addCommitments } from './commitments';
import { Random, makeIdCardNumber, makeUscc } from './random';
import { FIRST_DAY, LAST_DAY } from './span';

const DEPARTMENTS_BY_CATEGORY: Record<RecordCategory, string> = {
  [RecordCategory.BREACH_OF_CONTRACT]: '鄂州市发展和改革委员会',
  [RecordCategory.JUDGMENT_DEFAULTER]: '鄂州市中级人民法院',
  [RecordCategory.UNFULFILLED_COMMITMENT]: '鄂州市人民政府督查室',
  [RecordCategory.FAILURE_TO_APPEAR]: '鄂州市中级人民法院',
  [RecordCategory.SERIOUS_ILLEGAL_DISHONEST]: '鄂州市市场监督管理局',
  [RecordCategory.ADMINISTRATIVE_VIOLATION]: '鄂州市司法局',
  [RecordCategory.PRINCIPAL_RESPONSIBILITY]: '鄂州市监察委员会',
  [RecordCategory.COMMITMENT_DERELICTION]: '鄂州市人民政府督查室',
  [RecordCategory.COMMENDATION]: '鄂州市人民政府',
  [RecordCategory.COMMITMENT_HONOURED]: '鄂州市社会信用体系建设领导小组办公室',
};

/** Dishonesty categories that fit each kind of subject, with how often they occur. */
const CATEGORIES: Record<SubjectType, readonly (readonly [RecordCategory, number])[]> = {
  [SubjectType.AGENCY]: [
    [RecordCategory.BREACH_OF_CONTRACT, 4],
    [RecordCategory.UNFULFILLED_COMMITMENT, 4],
    [RecordCategory.FAILURE_TO_APPEAR, 2],
    [RecordCategory.JUDGMENT_DEFAULTER, 1],
  ],
  [SubjectType.CIVIL_SERVANT]: [
    [RecordCategory.ADMINISTRATIVE_VIOLATION, 5],
    [RecordCategory.UNFULFILLED_COMMITMENT, 3],
    [RecordCategory.JUDGMENT_DEFAULTER, 1],
  ],
  [SubjectType.ENTERPRISE]: [
    [RecordCategory.BREACH_OF_CONTRACT, 5],
    [RecordCategory.JUDGMENT_DEFAULTER, 2],
    [RecordCategory.SERIOUS_ILLEGAL_DISHONEST, 1],
    [RecordCategory.ADMINISTRATIVE_VIOLATION, 2],
  ],
};

const SEVERITIES = [[Severity.MINOR, 2], [Severity.GENERAL, 6], [Severity.MAJOR, 3], [Severity.SEVERE, 1]] as const;
const DISCLOSURE_YEARS: Record<Severity, number> = { [Severity.MINOR]: 0.25, [Severity.GENERAL]: 1, [Severity.MAJOR]: 3, [Severity.SEVERE]: 3 };
/** The list a record of these categories stands behind. */
const LIST_OF: Partial<Record<RecordCategory, CreditList>> = {
  [RecordCategory.JUDGMENT_DEFAULTER]: CreditList.JUDGMENT_DEFAULTER,
  [RecordCategory.SERIOUS_ILLEGAL_DISHONEST]: CreditList.SERIOUS_ILLEGAL_DISHONEST,
};

class DemoData {
  readonly random = new Random(2018_12_17);
  private serial = 0;
  readonly agencies: Agency[] = [];
  readonly servants: CivilServant[] = [];
  readonly enterprises: Enterprise[] = [];
  readonly records: CreditRecord[] = [];

  constructor(readonly em: EntityManager) {}

  private agency(name: string, level: AgencyLevel, kind: AgencyKind, region: string, parent: Agency | null): Agency {
    const uscc = makeUscc('11', region, `MB${String(++this.serial).padStart(7, '0')}`);
    const agency = this.em.create(Agency, { uscc, name, level, kind, parent });
    this.agencies.push(agency);
    return agency;
  }

  addAgencies(): void {
    const city = this.agency(names.CITY_GOVERNMENT, AgencyLevel.CITY, AgencyKind.PEOPLES_GOVERNMENT, names.REGION.city, null);
    for (const name of names.CITY_DEPARTMENTS) this.agency(name, AgencyLevel.CITY, AgencyKind.DEPARTMENT, names.REGION.city, city);
    for (const name of names.DEVELOPMENT_ZONES) this.agency(name, AgencyLevel.DEVELOPMENT_ZONE, AgencyKind.ADMINISTRATIVE_COMMITTEE, names.REGION.city, city);
    for (const district of names.DISTRICTS) {
      const government = this.agency(district.name, AgencyLevel.DISTRICT, AgencyKind.PEOPLES_GOVERNMENT, district.region, city);
      const short = district.name.replace('鄂州市', '').replace('人民政府', '');
      for (const street of district.streets) this.agency(`${short}${street}`, AgencyLevel.STREET, AgencyKind.SUB_DISTRICT_OFFICE, district.region, government);
      for (const town of district.townships) this.agency(`${short}${town}人民政府`, AgencyLevel.TOWNSHIP, AgencyKind.PEOPLES_GOVERNMENT, district.region, government);
    }
  }

  private personName(): string {
    const given = this.random.chance(0.6) ? this.random.pick(names.GIVEN_NAME_CHARACTERS) : '';
    return `${this.random.pick(names.SURNAMES)}${this.random.pick(names.GIVEN_NAME_CHARACTERS)}${given}`;
  }

  addCivilServants(count: number): void {
    for (let i = 0; i < count; i++) {
      const agency = this.agencies[i % this.agencies.length];
      const [post, ranks, leading] = i < this.agencies.length ? this.random.pick(names.POSTS.slice(3)) : this.random.pick(names.POSTS);
      const region = this.random.pick(Object.values(names.REGION));
      const birth = this.random.dateBetween('1965-01-01', '1998-12-31');
      const servant = this.em.create(CivilServant, {
        idCardNumber: makeIdCardNumber(region, birth, String(100 + i).slice(-3)),
        name: this.personName(),
        agency,
        post,
        rank: this.random.pick(ranks),
        leadingCadre: leading,
        // The first person of each agency holds one of its leading posts: its principal (主要负责人).
        principal: i < this.agencies.length,
        principalSince: i < this.agencies.length ? this.random.dateBetween('2016-01-01', '2024-12-31') : null,
      });
      this.servants.push(servant);
      // hostile31 F2: the open term, as followTenure opens it for an appointment (one principal per
      // agency, so no overlap): without it the past-days rule on tenure never applied to demo data and
      // no principal-responsibility finding could be entered on a demo principal.
      if (servant.principal && servant.principalSince) this.em.create(PrincipalTerm, { servant, agency, startedOn: servant.principalSince });
    }
  }

  addEnterprises(count: number): void {
    for (let i = 0; i < count; i++) {
      const grade = this.random.weighted([[CreditGrade.A, 30], [CreditGrade.B, 40], [CreditGrade.C, 18], [CreditGrade.D, 7], [null, 5]] as const);
      const word = names.ENTERPRISE_WORDS[i % names.ENTERPRISE_WORDS.length];
      const trade = names.ENTERPRISE_TRADES[Math.floor(i / names.ENTERPRISE_WORDS.length) % names.ENTERPRISE_TRADES.length];
      const enterprise = this.em.create(Enterprise, {
        uscc: makeUscc('91', this.random.pick(Object.values(names.REGION)), `MA${this.random.digits(7)}`),
        name: `鄂州市${word}${trade}有限公司`,
        creditGrade: grade,
        gradedOn: grade ? this.random.dateBetween('2024-01-01', '2026-06-30') : null,
      });
      // The facts read the grade history (src/domain/credit-grade.ts): the current grade is its open entry.
      if (enterprise.creditGrade && enterprise.gradedOn) this.em.create(EnterpriseCreditGrade, { enterprise, grade: enterprise.creditGrade, gradedOn: enterprise.gradedOn });
      this.enterprises.push(enterprise);
    }
  }

  private record(subjectType: SubjectType, subjectId: string, kind: RecordKind): CreditRecord {
    const category = kind === RecordKind.DISHONEST
      ? this.random.weighted(CATEGORIES[subjectType])
      : this.random.pick([RecordCategory.COMMENDATION, RecordCategory.COMMITMENT_HONOURED]);
    const severity = kind === RecordKind.DISHONEST ? this.random.weighted(SEVERITIES) : null;
    const occurredOn = this.random.dateBetween(FIRST_DAY, LAST_DAY);
    const recordedOn = addDays(occurredOn, this.random.int(3, 60));
    const year = occurredOn.slice(0, 4);
    const record = this.em.create(CreditRecord, {
      subjectType,
      subjectId,
      kind,
      category,
      severity,
      summary: `${year}年${DEPARTMENTS_BY_CATEGORY[category]}认定的${kind === RecordKind.DISHONEST ? '失信' : '守信'}事项（演示数据）`,
      occurredOn,
      recordedOn,
      decidedOn: addDays(recordedOn, -2),
      disclosureEndsOn: severity && this.random.chance(0.8) ? addDays(occurredOn, Math.round(365 * DISCLOSURE_YEARS[severity])) : null,
      sourceDepartment: DEPARTMENTS_BY_CATEGORY[category],
      documentNumber: `鄂州信〔${year}〕${this.random.int(1, 300)}号`,
      loss: kind === RecordKind.DISHONEST && this.random.chance(0.5) ? this.random.int(1, 500) * 1000 : null,
      // 履职行为 (三(六)): a civil servant's records mostly say the act was done in office; every fifth leaves it unrecorded.
      inOffice: subjectType === SubjectType.CIVIL_SERVANT ? (this.records.length % 5 === 0 ? null : true) : null,
    });
    appendRevision(this.em, record, RevisionAction.CREATED, null, null);
    this.records.push(record);
    const list = LIST_OF[category];
    if (list) {
      this.em.create(ListMembership, { subjectType, subjectId, list, listedOn: record.decidedOn, listedBy: record.sourceDepartment, documentNumber: record.documentNumber, record });
    }
    return record;
  }

  addRecords(): void {
    const subjects: [SubjectType, { id: string }[], number][] = [
      [SubjectType.AGENCY, this.agencies, 0.35],
      [SubjectType.CIVIL_SERVANT, this.servants, 0.2],
      [SubjectType.ENTERPRISE, this.enterprises, 0.3],
    ];
    for (const [type, list, dishonestShare] of subjects) {
      for (const subject of list) {
        if (this.random.chance(dishonestShare)) {
          for (let n = this.random.int(1, 3); n > 0; n--) this.record(type, subject.id, RecordKind.DISHONEST);
        }
        if (this.random.chance(0.15)) this.record(type, subject.id, RecordKind.TRUSTWORTHY);
      }
    }
  }

  addCourtCases(count: number): void {
    const absenceFinding = (finding: AbsenceFinding, filedOn: string, i: number) => ({
      absenceFinding: finding,
      absenceFoundOn: addDays(filedOn, 30),
      absenceFoundBy: '鄂州市人民政府办公室',
      absenceFindingDocument: `鄂州政办函〔${addDays(filedOn, 30).slice(0, 4)}〕${200 + i}号`,
    });
    for (let i = 0; i < count; i++) {
      const agency = this.random.pick(this.agencies);
      const filedOn = this.random.dateBetween(FIRST_DAY, '2026-06-30');
      const defaulter = i % 5 === 0;
      const listedOn = defaulter ? addDays(filedOn, this.random.int(120, 400)) : null;
      const kind = this.random.pick(['行初', '民初', '执'] as const);
      const caseNumber = `(${filedOn.slice(0, 4)})鄂07${kind}${100 + i}号`;
      const removedOn = listedOn && i % 10 === 5 ? addDays(listedOn, 200) : null;
      if (listedOn) {
        this.em.create(ListMembership, { subjectType: SubjectType.AGENCY, subjectId: agency.id, list: CreditList.JUDGMENT_DEFAULTER, listedOn, listedBy: '湖北省鄂州市中级人民法院', documentNumber: caseNumber, removedOn, removedBy: removedOn ? '湖北省鄂州市中级人民法院' : null, removalDocumentNumber: removedOn ? `${caseNumber}之一` : null });
      }
      this.em.create(CourtCase, {
        agency,
        caseNumber,
        kind: kind === '行初' ? CaseKind.ADMINISTRATIVE : kind === '民初' ? CaseKind.CIVIL : CaseKind.OTHER,
        court: '湖北省鄂州市中级人民法院',
        filedOn,
        headAppeared: i % 4 === 1 ? false : true,
        // Of the absences, most were examined (三(八)): found without valid reason, one excused; one is left unexamined.
        ...(i % 4 === 1 && i % 16 !== 13 ? absenceFinding(i % 8 === 5 ? AbsenceFinding.EXCUSED : AbsenceFinding.UNEXCUSED, filedOn, i) : {}),
        judgmentDefaulter: defaulter,
        defaulterListedOn: listedOn,
        defaulterRemovedOn: removedOn,
      });
    }
  }

  /** Runs objections and repairs through the same services the API uses, so their history is real. */
  async addObjectionsAndRepairs(): Promise<{ objections: number; repairs: number }> {
    const dishonest = this.records.filter((r) => r.kind === RecordKind.DISHONEST);
    let objections = 0;
    let repairs = 0;
    for (const [i, record] of dishonest.entries()) {
      if (i % 9 === 0) {
        const filedOn = addDays(record.recordedOn, 10);
        const objection = await fileObjection(this.em, SYSTEM_VIEWER, { recordId: record.id, filedBy: '信用主体本人', reason: '认定事实有误（演示数据）', filedOn });
        objections++;
        const outcome = i % 27;
        if (outcome === 9) {
          await resolveObjection(this.em, SYSTEM_VIEWER, { objectionId: objection.id, decision: ObjectionStatus.UPHELD, remedy: ObjectionRemedy.REVOKE, resolution: '经核实认定有误，予以撤销', resolvedOn: addDays(filedOn, 15) });
        } else if (outcome === 18) {
          await resolveObjection(this.em, SYSTEM_VIEWER, { objectionId: objection.id, decision: ObjectionStatus.UPHELD, remedy: ObjectionRemedy.CORRECT, correction: lighterOrRestated(record), resolution: '经核实情节较轻，予以更正', resolvedOn: addDays(filedOn, 15) });
        } // outcome 0: still pending, so the record stays DISPUTED
      } else if (i % 7 === 3) {
        const repair = await requestCreditRepair(this.em, SYSTEM_VIEWER, { recordId: record.id, actions: [RepairAction.RECOVERED_LOSS, RepairAction.ELIMINATED_EFFECT], description: '主动挽回损失并消除不良影响（演示数据）', appliedOn: addDays(record.recordedOn, 30) });
        repairs++;
        if (i % 14 === 3) await decideCreditRepair(this.em, SYSTEM_VIEWER, { repairId: repair.id, decision: RepairStatus.APPROVED, relief: RepairRelief.WAIVE, decidedOn: addDays(record.recordedOn, 45), note: '修复材料齐全，予以通过，免于实施失信惩戒措施' }, WAIVE_ONLY);
      }
    }
    return { objections, repairs };
  }

}

/**
 * Loads the Ezhou demo data set when there is no agency yet. Returns counts of what it wrote, or
 * null when the database already held data. All of it is one transaction: all or nothing — the
 * registry's use cases it drives (objections, repairs) join that transaction, and their audit
 * events (actor `system`) are stored with it. Subjects and records are created in bulk, unaudited:
 * they stand for data a registry held before Chengxin.
 */
export async function seedIfEmpty(em: EntityManager): Promise<Record<string, number> | null> {
  if ((await em.count(Agency, {})) > 0) return null;
  return em.transactional(async (tx) => {
    const data = new DemoData(tx);
    data.addAgencies();
    data.addCivilServants(300);
    data.addEnterprises(120);
    data.addRecords();
    addCommitments(data);
    data.addCourtCases(18);
    await tx.flush();
    const { objections, repairs } = await data.addObjectionsAndRepairs();
    const answerableEntries = await addAnswerableFinding(data);
    return {
      agencies: data.agencies.length,
      civilServants: data.servants.length,
      enterprises: data.enterprises.length,
      creditRecords: data.records.length,
      objections,
      repairs,
      answerableEntries,
    };
  });
}

/**
 * The demo's upheld corrections: a record found less grave becomes GENERAL; one already GENERAL has its
 * summary restated (a correction must change a value, hostile31 F1).
 */
function lighterOrRestated(record: { severity?: Severity | null; summary: string }): { severity?: Severity; summary?: string } {
  return record.severity === Severity.GENERAL ? { summary: `${record.summary}（经异议更正情节表述）` } : { severity: Severity.GENERAL };
}
