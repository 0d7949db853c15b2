import { registerEnumType } from 'type-graphql';
import { CommitmentKind, CommitmentStatus } from '../domain/commitment';
import { RecordCategory, RecordKind, RecordStatus, RevisionAction, Severity } from '../domain/credit-record';
import { RepairAction, RepairStatus } from '../domain/credit-repair';
import { ObjectionRemedy, ObjectionStatus } from '../domain/objection';
import { AgencyLevel, CreditGrade, SubjectType } from '../domain/subject';

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
registerEnumType(CreditGrade, { name: 'CreditGrade', description: 'Credit evaluation grade (信用评价等级), A best to D worst.' });
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
    COMMENDATION: { description: '表彰奖励 commendation (trustworthy)' },
    COMMITMENT_HONOURED: { description: '践诺履约 commitment honoured (trustworthy)' },
  },
});
registerEnumType(Severity, {
  name: 'Severity',
  valuesConfig: { GENERAL: { description: '一般' }, MAJOR: { description: '较重' }, SEVERE: { description: '严重' } },
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
