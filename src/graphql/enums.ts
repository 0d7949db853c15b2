import { registerEnumType } from 'type-graphql';
import { BreachFinding, CommitmentDomain, CommitmentKind, CommitmentStatus } from '../domain/commitment';
import { AbsenceFinding } from '../domain/court-absence';
import { CaseKind } from '../domain/court-facts';
import { CreditGradeEnd } from '../domain/credit-grade';
import { FindingStanding, UnitFindingKind } from '../domain/finding-objection';
import { NotCountedReason } from '../domain/not-counted';
import { CreditList, ListingEnd } from '../domain/list-membership';
import { RecordCategory, RecordKind, RecordStatus, RevisionAction, Severity } from '../domain/credit-record';
import { RepairAction, RepairRelief, RepairStatus } from '../domain/credit-repair';
import { ObjectionRemedy, ObjectionStatus } from '../domain/objection';
import { AgencyKind, AgencyLevel, CreditGrade, SubjectType } from '../domain/subject';

/** Registers every domain enum with the schema, with the Chinese terms of the policy in the descriptions. */
registerEnumType(SubjectType, {
  name: 'SubjectType',
  description: 'Kind of credit subject (信用主体).',
  valuesConfig: {
    AGENCY: { description: '政府机构 government agency' },
    CIVIL_SERVANT: { description: '公务员 civil servant' },
    ENTERPRISE: { description: '市场主体 enterprise' },
  },
});
registerEnumType(AgencyLevel, {
  name: 'AgencyLevel',
  description: 'Administrative level of an agency.',
  valuesConfig: {
    CITY: { description: '市级 city government and its departments' },
    DISTRICT: { description: '区级 district government' },
    DEVELOPMENT_ZONE: { description: '开发区管委会 development-zone committee' },
    STREET: { description: '街道办事处 street office' },
    TOWNSHIP: { description: '乡镇 township' },
  },
});
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of body an agency is; the policy names them apart (its addressees: 各区人民政府, 开发区管委会, 各街道办事处, 市政府各部门) and its clauses speak of some only.',
  valuesConfig: {
    PEOPLES_GOVERNMENT: { description: '人民政府 a people\'s government: city, district or township' },
    DEPARTMENT: { description: '政府部门 a department of a people\'s government' },
    ADMINISTRATIVE_COMMITTEE: { description: '开发区管委会 a development zone\'s administrative committee' },
    SUB_DISTRICT_OFFICE: { description: '街道办事处 a street office' },
    OTHER: { description: '其他机构（党的机关、事业单位、垂直管理机构、法院等），不是政府部门 / another body: a party organ, public institution, vertical agency or court; not a government department' },
  },
});
registerEnumType(CreditGrade, { name: 'CreditGrade', description: 'Credit evaluation grade (信用评价等级), A best to D worst.' });
registerEnumType(CreditGradeEnd, {
  name: 'CreditGradeEnd',
  description: 'How an enterprise\'s credit grade ended.',
  valuesConfig: {
    REPLACED: { description: '被新等级取代 a new grade was given; the old one held until the day before it' },
    WITHDRAWN: { description: '撤销 withdrawn from a day; it held until the day before' },
    ENTERED_IN_ERROR: { description: '误登记 entered in error; it never held, and the grade it had replaced holds again' },
  },
});
registerEnumType(RecordKind, {
  name: 'RecordKind',
  valuesConfig: { DISHONEST: { description: '失信 dishonesty' }, TRUSTWORTHY: { description: '守信 trustworthiness' } },
});
registerEnumType(RecordCategory, {
  name: 'RecordCategory',
  valuesConfig: {
    BREACH_OF_CONTRACT: { description: '违约毁约 breach of contract' },
    JUDGMENT_DEFAULTER: { description: '失信被执行人 judgment defaulter' },
    UNFULFILLED_COMMITMENT: { description: '承诺未兑现 unfulfilled commitment' },
    FAILURE_TO_APPEAR: { description: '未出庭应诉 failure to appear in court' },
    SERIOUS_ILLEGAL_DISHONEST: { description: '严重违法失信 seriously illegal and dishonest' },
    ADMINISTRATIVE_VIOLATION: { description: '行政违法违规 administrative violation' },
    PRINCIPAL_RESPONSIBILITY: { description: '主要负责人责任认定 finding that the person, as principal, caused an agency\'s government dishonesty (三(六)); civil servants only' },
    COMMITMENT_DERELICTION: { description: '履职不力致公开承诺未能实现，计入相关责任人诚信档案（四(四)）entry in the file of a person a 履职不力 finding names as answerable for an unmet public commitment; made by that finding only (answerablePersonIds); a government-dishonesty record (三(六): restricts awards), weighed in promotion under 四(四) for leading cadres and 三(四) for anyone else' },
    COMMENDATION: { description: '表彰奖励 commendation (trustworthy)' },
    COMMITMENT_HONOURED: { description: '践诺履约 commitment honoured (trustworthy)' },
  },
});
registerEnumType(Severity, {
  name: 'Severity',
  valuesConfig: { MINOR: { description: '轻微 (a minor tier taken from national disclosure practice, at most 3 months: unverified, no national text held)' }, GENERAL: { description: '一般' }, MAJOR: { description: '较重' }, SEVERE: { description: '严重' } },
});
registerEnumType(NotCountedReason, {
  name: 'NotCountedReason',
  description: 'Why a dishonesty record, a breach or an absence that would count is left out.',
  valuesConfig: {
    DUPLICATE_ON_FILE: { description: '同一认定决定重复登记的记录：同一行为只计一次 a second entry of a decision already on file: one act counts once' },
    ACT_BEFORE_IN_FORCE: { description: '行为发生于文件施行之前（不溯及既往） act before the document took effect (no retroactivity)' },
    CATEGORY_NOT_SPOKEN_OF: { description: '不属于所引条款所称的失信类别 a category the clause read does not speak of' },
    ANSWERABLE_UNCONFIRMED: { description: '由承诺载明的责任人记录迁移，未经认定为相关责任人（四(四)） carried over from the commitment\'s named responsible person; no finding named them answerable (四(四))' },
    BREACH_UNREVIEWED: { description: '承诺未兑现但尚未认定原因（未认定） a breach with no finding of why yet: 履职不力 or excused (四(四))' },
    CASE_KIND_UNKNOWN: { description: '案件类型未登记：三(八)仅计行政诉讼 the case kind was never recorded; 三(八) counts administrative cases only' },
    ABSENCE_UNREVIEWED: { description: '负责人未出庭尚未认定是否有正当理由（三(八)） a head\'s absence from a hearing nobody has yet found with or without valid reason (三(八))' },
    IN_OFFICE_UNRECORDED: { description: '未登记是否为履职行为：在登记前按个人信用信息（三(四)）处理，不作为政务失信记录（三(六)） nobody recorded whether the act was done in office: until it is, personal credit information (三(四)), not a government-dishonesty record (三(六))' },
    NOT_IN_OFFICE: { description: '登记为非履职行为：属个人信用信息（三(四)），不是政务失信记录（三(六)） recorded as not done in office: personal credit information (三(四)), not a government-dishonesty record (三(六))' },
    FINDING_DISPUTED: { description: '单位对认定提出异议，尚在处理中（异议期间不计入，本地选择） the unit\'s objection to the finding is pending (not counted meanwhile: a local choice, findingsCountWhileDisputed)' },
    FINDING_REVOKED: { description: '单位的异议成立，认定已撤销（三(七)） the unit\'s objection was upheld and the finding revoked (三(七))' },
    LISTING_REMOVED: { description: '所依名单已由列入机关移出或列入期限届满：自该日起不计入（法释〔2017〕7号第十条，本地选择） the listing the record is behind was removed by its keeper or its term ran out: it counts no more from that day (法释〔2017〕7号 art. 10; a local choice)' },
  },
});
registerEnumType(UnitFindingKind, {
  name: 'UnitFindingKind',
  description: 'A finding against a unit (agency) it may object to.',
  valuesConfig: {
    COMMITMENT_DERELICTION: { description: '承诺未兑现经认定为履职不力（四(四)） a commitment found breached through failure to perform duties (四(四))' },
    COURT_ABSENCE: { description: '负责人经认定无正当理由未出庭应诉（三(八)） the head found absent from a hearing without valid reason (三(八))' },
  },
});
registerEnumType(FindingStanding, {
  name: 'FindingStanding',
  description: 'Where a finding against a unit stands on a day, as its objections say.',
  valuesConfig: {
    IN_FORCE: { description: '有效 in force: no objection pending or upheld' },
    DISPUTED: { description: '异议处理中 an objection awaits its decision' },
    REVOKED: { description: '异议成立、认定撤销 revoked on an upheld objection; counts for nothing' },
  },
});
registerEnumType(RecordStatus, {
  name: 'RecordStatus',
  valuesConfig: {
    ACTIVE: { description: 'In force.' },
    DISPUTED: { description: '异议中: an objection is pending.' },
    REVOKED: { description: '已撤销: revoked after an upheld objection; kept with its history.' },
  },
});
registerEnumType(RevisionAction, { name: 'RevisionAction', description: 'What one entry of a record history did.' });
registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  valuesConfig: {
    SERVICE_QUALITY: { description: '服务质量承诺' },
    DEADLINE: { description: '期限承诺' },
    GUARANTEE: { description: '保障承诺' },
  },
});
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus' });
registerEnumType(CommitmentDomain, {
  name: 'CommitmentDomain',
  description: 'The field of a commitment\'s project or work; 四(四) speaks of 向社会公开的基础设施类、公共服务类、民生保障类项目和工作 only.',
  valuesConfig: {
    INFRASTRUCTURE: { description: '基础设施类 infrastructure' },
    PUBLIC_SERVICE: { description: '公共服务类 public service' },
    LIVELIHOOD: { description: '民生保障类 livelihood' },
    OTHER: { description: '其他 any other field (四(四) does not speak of it)' },
  },
});
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus' });
registerEnumType(ObjectionRemedy, {
  name: 'ObjectionRemedy',
  valuesConfig: { CORRECT: { description: '更正 correct the record' }, REVOKE: { description: '撤销 revoke the record' } },
});
registerEnumType(RepairAction, {
  name: 'RepairAction',
  valuesConfig: {
    RECOVERED_LOSS: { description: '主动挽回损失' },
    ELIMINATED_EFFECT: { description: '消除不良影响' },
    PREVENTED_HARM: { description: '有效阻止危害结果发生' },
  },
});
registerEnumType(RepairStatus, { name: 'RepairStatus' });
registerEnumType(RepairRelief, {
  name: 'RepairRelief',
  description: 'What an approved repair grants (三(七) 从轻或免于).',
  valuesConfig: {
    WAIVE: { description: '免于: the record no longer has any effect on measures from the approval day.' },
    LIGHTEN: { description: '从轻 (civil servants only): the record still counts; a mitigating rule lowers its measure one step.' },
  },
});
registerEnumType(BreachFinding, {
  name: 'BreachFinding',
  description: 'What was found about a breached commitment (四(四)). A breach with no finding (null) is unreviewed (未认定) and counts for nothing until one is recorded (recordBreachFinding).',
  valuesConfig: {
    DERELICTION: { description: '履职不力导致承诺未能实现: counts against the unit and its responsible person.' },
    LAWFUL_CHANGE: { description: '因国家利益、公共利益或其他法定事由依法改变 (四(三)): does not count.' },
    FORCE_MAJEURE: { description: '不可抗力: does not count.' },
  },
});
registerEnumType(AbsenceFinding, {
  name: 'AbsenceFinding',
  description: '负责人未出庭的认定（三(八)） / The finding on a head\'s absence from a hearing; none (null) means nobody has examined it, and it counts for nothing.',
  valuesConfig: {
    UNEXCUSED: { description: '无正当理由未出庭（含未依规委托出庭）：计入三(八) / without valid reason (or no representative entrusted where required): counts under 三(八)' },
    EXCUSED: { description: '有正当理由并依规委托出庭：不计入 / with valid reason and a representative as required: counts for nothing' },
  },
});
registerEnumType(CaseKind, {
  name: 'CaseKind',
  valuesConfig: {
    ADMINISTRATIVE: { description: '行政诉讼: the head must appear (三(八)).' },
    CIVIL: { description: '民事诉讼' },
    OTHER: { description: '执行、刑事及其他案件 enforcement, criminal and other cases' },
  },
});
registerEnumType(CreditList, {
  name: 'CreditList',
  description: 'A national dishonesty list.',
  valuesConfig: {
    JUDGMENT_DEFAULTER: { description: '失信被执行人名单 judgment defaulters' },
    SERIOUS_ILLEGAL_DISHONEST: { description: '严重违法失信名单 seriously illegal and dishonest' },
  },
});
registerEnumType(ListingEnd, {
  name: 'ListingEnd',
  valuesConfig: {
    REMOVED: { description: '移出名单: removed from the list.' },
    REPAIRED: { description: '信用修复 the record behind a judgment-defaulter listing was repaired (ends the system reading judgmentDefaulter only, never a seriously-illegal-and-dishonest listing)' },
    TERM_ENDED: { description: '期限届满 the term the court set for a judgment-defaulter listing (termEndsOn) ended before the day (法释〔2017〕7号 art. 2); the listing stays in the history' },
  },
});
