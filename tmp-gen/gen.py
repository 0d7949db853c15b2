import json, os, copy
R = '/work/wt/policy-model/rules'
DOC = '鄂州政发〔2018〕17号'
EFF = {"from": "2018-12-17", "to": None}
P = json.load(open(f'{R}/parameters/2018-12-17.json'))
PARAMS = {k: v['value'] for k, v in P['values'].items()}
policy = open('/work/shared/policy/000_f48e9e069ff0deff.txt').read()

def q(clause, text):
    for part in text.split('……'):
        assert part in policy, (clause, part)
    return {"document": DOC, "clause": clause, "quote": text}

def record(i='r1', category='ADMINISTRATIVE_VIOLATION', severity='GENERAL', repaired=False, lightened=False, disputed=False, loss=None):
    return {"id": i, "category": category, "severity": severity, "occurredOn": "2023-05-01", "recordedOn": "2023-05-20", "decidedOn": "2023-05-18",
            "documentNumber": "鄂州信〔2023〕8号", "sourceDepartment": "鄂州市司法局", "loss": loss, "repaired": repaired, "lightened": lightened,
            "repairApprovedOn": "2023-09-01" if (repaired or lightened) else None, "disputed": disputed}

def credit(records=(), trustworthy=0):
    recs = list(records)
    inforce = [r for r in recs if not r['repaired']]
    und = [r for r in inforce if not r['disputed']]
    sev = lambda rs, s: len([r for r in rs if r['severity'] == s])
    return {"on": "2024-01-01", "dishonest": len(recs), "general": sev(recs, 'GENERAL'), "major": sev(recs, 'MAJOR'), "severe": sev(recs, 'SEVERE'),
            "unrepaired": len(inforce), "unrepairedGeneral": sev(inforce, 'GENERAL'), "unrepairedMajor": sev(inforce, 'MAJOR'), "unrepairedSevere": sev(inforce, 'SEVERE'),
            "repaired": len(recs) - len(inforce), "lightened": len([r for r in inforce if r['lightened']]), "unlightened": len([r for r in inforce if not r['lightened']]),
            "disputed": len([r for r in inforce if r['disputed']]),
            "unrepairedGraveUndisputed": len([r for r in und if r['severity'] in ('MAJOR', 'SEVERE')]),
            "largestUndisputedLoss": max([0] + [r['loss'] or 0 for r in und]), "trustworthy": trustworthy,
            "judgmentDefaulter": any(r['category'] == 'JUDGMENT_DEFAULTER' for r in inforce),
            "seriousIllegalDishonest": any(r['category'] == 'SERIOUS_ILLEGAL_DISHONEST' for r in inforce),
            "categories": sorted({r['category'] for r in inforce}), "lastDishonestOn": recs[0]['occurredOn'] if recs else None, "records": recs}

def listings(jd=False, sid=False, ended=None):
    ms = []
    if jd: ms.append({"id": "m1", "list": "JUDGMENT_DEFAULTER", "listedOn": "2023-06-01", "listedBy": "湖北省鄂州市中级人民法院", "documentNumber": "(2023)鄂07执100号", "removedOn": None, "listed": True, "endedBy": None})
    if sid: ms.append({"id": "m2", "list": "SERIOUS_ILLEGAL_DISHONEST", "listedOn": "2023-06-01", "listedBy": "鄂州市市场监督管理局", "documentNumber": "鄂州市监〔2023〕5号", "removedOn": None, "listed": True, "endedBy": None})
    if ended: ms.append({"id": "m3", "list": ended, "listedOn": "2022-01-01", "listedBy": "湖北省鄂州市中级人民法院", "documentNumber": "(2021)鄂07执9号", "removedOn": "2023-01-01", "listed": False, "endedBy": "REMOVED"})
    return {"judgmentDefaulter": jd, "seriousIllegalDishonest": sid, "memberships": ms}

def commitments(breached=0, excused=0):
    bc = [{"id": f"c{i}", "content": "民生项目按期完工承诺", "dueOn": "2023-06-30", "settledOn": "2023-07-05", "breachFinding": "DERELICTION"} for i in range(breached)]
    return {"breached": breached, "breachedExcused": excused, "fulfilled": 2, "overdue": 0, "breachedCommitments": bc}

def court(absences=0, defaulter=False, excused=0):
    cases = [{"id": f"k{i}", "caseNumber": f"(2023)鄂0702行初{i}号", "kind": "ADMINISTRATIVE", "filedOn": "2023-03-01", "headAppeared": False, "absenceExcused": False, "headFailure": True, "defaulterOnDay": False} for i in range(absences)]
    cases += [{"id": f"e{i}", "caseNumber": f"(2023)鄂0702行初{50+i}号", "kind": "ADMINISTRATIVE", "filedOn": "2023-03-01", "headAppeared": False, "absenceExcused": True, "headFailure": False, "defaulterOnDay": False} for i in range(excused)]
    return {"judgmentDefaulter": defaulter, "headAbsences": absences, "cases": cases}

def agency(name='某局', level='CITY', records=(), trustworthy=0, lst=None, com=None, crt=None):
    return {"id": "a1", "name": name, "level": level, "credit": credit(records, trustworthy), "listings": lst or listings(), "commitmentFacts": com or commitments(), "courtFacts": crt or court()}

def servant(name='张三', leading=False, principal=False, records=(), trustworthy=0, lst=None, com=None, agency_records=()):
    ag = credit(agency_records)
    return {"id": "s1", "name": name, "post": "科长" if leading else "科员", "rank": "一级主任科员", "leadingCadre": leading, "principal": principal,
            "agency": {"id": "a1", "name": "鄂州市某局", "level": "CITY", "credit": {k: ag[k] for k in ("dishonest", "unrepaired", "unrepairedGeneral", "unrepairedMajor", "unrepairedSevere", "disputed")} | {"records": [{k: r[k] for k in ("id", "category", "severity", "occurredOn", "decidedOn", "documentNumber", "sourceDepartment", "loss", "repaired", "disputed")} for r in ag['records']]}},
            "credit": credit(records, trustworthy), "listings": lst or listings(), "commitmentFacts": com or commitments()}

def enterprise(name='某公司', grade=None, records=(), lst=None):
    return {"id": "e1", "name": name, "creditGradeOn": grade, "credit": credit(records), "listings": lst or listings()}

def case(name, subject, fired, points=None, params=False):
    facts = {"subject": subject}
    if params: facts["parameters"] = PARAMS
    exp = {"fired": fired}
    if points is not None: exp["points"] = points
    return {"name": name, "facts": facts, "expect": exp}

def leaf(path, op, value, fact='subject'):
    return {"fact": fact, "path": path, "operator": op, "value": value}

def write(folder, filename, rule):
    out = {"$schema": "../schemas/rule.schema.json"}
    out.update(rule)
    out.setdefault('effective', EFF)
    with open(f'{R}/{folder}/{filename}', 'w') as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write('\n')

for f in ['civil-servant/restrict-award-and-promotion.json', 'civil-servant/caution-after-repair.json', 'agency/honour-caution-after-repair.json', 'enterprise/procurement-incentive.json']:
    if os.path.exists(f'{R}/{f}'): os.remove(f'{R}/{f}')

Q36_CS = q('三(六)', '对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施。')
Q34 = q('三(四)', '并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据。')
Q36_QUERY = q('三(六)', '鼓励有条件的地方和部门在评优评先、职务晋升中查询信用记录和信用档案')
Q37 = q('三(七)', '公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施。')
Q36_AG = q('三(六)', '各级人民政府、各有关部门有政务失信记录的,要根据失信行为对经济社会发展造成的损失情况和社会影响程度追究责任。依规取消相关政府部门参加各类荣誉评选资格')
Q36_PRINCIPAL = q('三(六)', '对造成政务失信行为的主要负责人依法依规追究责任。')
Q36_RECRUIT = q('三(六)', '实行公务员招录信用审查制度')
Q44 = q('四(四)', '对履职不力导致承诺未能实现的要追究相关单位责任,并计入相关责任人诚信档案,作为领导干部提拔考核重要内容。')
Q45 = q('四(五)', '建立街道和乡镇信用公开承诺制度……并将各项工作守信践诺情况纳入街道和乡镇绩效考核体系。')
Q35 = q('三(五)', '将政务履约和守诺服务纳入政府绩效评价体系')
Q38 = q('三(八)', '持续开展政府机构失信问题专项治理。政府机构负责人须按照有关规定出庭应诉,避免新增失信被执行人。')
Q41_BAR = q('四(一)', '依法限制失信被执行人及严重违法失信企业参与我市政府采购、建设工程招标投标。')

rec_general = record('r1', severity='GENERAL')
rec_major = record('r1', category='BREACH_OF_CONTRACT', severity='MAJOR')

# ---- civil servants
write('civil-servant', 'award-restrict.json', {
  "id": "cs-award-restrict",
  "title": {"zh": "有未修复政务失信记录的公务员限制评优评先", "en": "A civil servant with an unrepaired government-dishonesty record is restricted from awards"},
  "subjectType": "CIVIL_SERVANT", "matters": ["AWARD"], "basis": [Q36_CS, Q34], "effective": EFF, "priority": 10,
  "conditions": {"all": [leaf("$.credit.dishonest", "greaterThanInclusive", 1), leaf("$.credit.unrepaired", "greaterThanInclusive", 1)]},
  "event": {"type": "RESTRICT", "params": {"measure": {"zh": "限制评优评先", "en": "Restricted from awards and commendations"}}},
  "explanation": {"zh": "{{subject.name}}有{{subject.credit.unrepaired}}条未修复的政务失信记录，依据三(六)限制评优评先。", "en": "{{subject.name}} has {{subject.credit.unrepaired}} unrepaired government-dishonesty record(s); under 三(六) they are restricted from awards."},
  "evidence": [{"path": "$.credit.records", "where": {"repaired": False}}],
  "cases": [
    case("a civil servant with one unrepaired general record is restricted", servant(records=[rec_general]), True),
    case("a civil servant whose only record was repaired is not restricted", servant(records=[record(repaired=True)]), False),
    case("a civil servant with no record is not restricted", servant(), False),
  ]})

write('civil-servant', 'award-mitigate-lightened.json', {
  "id": "cs-award-mitigate-lightened",
  "title": {"zh": "信用修复决定从轻的公务员，评优评先限制降一档", "en": "A civil servant whose repair was granted as lightening has the award restriction lowered one step"},
  "subjectType": "CIVIL_SERVANT", "matters": ["AWARD"], "basis": [Q37], "effective": EFF, "priority": 9,
  "conditions": {"all": [leaf("$.credit.lightened", "greaterThanInclusive", 1), leaf("$.credit.unlightened", "equal", 0)]},
  "event": {"type": "MITIGATE", "params": {"measure": {"zh": "从轻：限制评优评先降为提示关注", "en": "Lightened: the award restriction becomes a caution"}, "mitigates": {"rule": "cs-award-restrict", "relief": "LIGHTEN"}}},
  "explanation": {"zh": "{{subject.name}}的{{subject.credit.lightened}}条未修复失信记录均经信用修复决定从轻，依据三(七)限制评优评先降一档。", "en": "Each of the {{subject.credit.lightened}} unrepaired record(s) of {{subject.name}} had a repair granted as lightening; under 三(七) the award restriction is lowered one step."},
  "evidence": [{"path": "$.credit.records", "where": {"lightened": True}}],
  "cases": [
    case("a civil servant whose only record was lightened is mitigated", servant(records=[record(lightened=True)]), True),
    case("a record not lightened beside a lightened one leaves no mitigation", servant(records=[record('r1', lightened=True), record('r2')]), False),
    case("a civil servant with no lightened record is not mitigated", servant(records=[rec_general]), False),
  ]})

write('civil-servant', 'promotion-caution.json', {
  "id": "cs-promotion-caution",
  "title": {"zh": "有未修复政务失信记录的公务员，职务晋升中作为重要依据提示关注", "en": "A civil servant's unrepaired government-dishonesty record is weighed in promotion (caution)"},
  "subjectType": "CIVIL_SERVANT", "matters": ["PROMOTION"], "basis": [Q34, Q36_QUERY], "effective": EFF, "priority": 10,
  "conditions": {"all": [leaf("$.credit.unrepaired", "greaterThanInclusive", 1)]},
  "event": {"type": "CAUTION", "params": {"measure": {"zh": "职务晋升中查询信用记录，作为重要依据予以考量", "en": "Credit record queried and weighed as an important basis in promotion"}}},
  "explanation": {"zh": "{{subject.name}}有{{subject.credit.unrepaired}}条未修复的政务失信记录，依据三(四)、三(六)在职务晋升中作为重要依据提示关注。", "en": "{{subject.name}} has {{subject.credit.unrepaired}} unrepaired government-dishonesty record(s); under 三(四) and 三(六) it is weighed in promotion."},
  "evidence": [{"path": "$.credit.records", "where": {"repaired": False}}],
  "cases": [
    case("a civil servant with one unrepaired record is cautioned in promotion", servant(records=[rec_major]), True),
    case("a civil servant whose only record was repaired is not cautioned", servant(records=[record(repaired=True)]), False),
  ]})

write('civil-servant', 'principal-agency-dishonesty.json', {
  "id": "cs-principal-agency-dishonesty",
  "title": {"zh": "所在机关有政务失信记录的主要负责人，提拔考核中追究责任（提示关注）", "en": "The principal of an agency with a government-dishonesty record answers for it in promotion assessment (caution)"},
  "subjectType": "CIVIL_SERVANT", "matters": ["PROMOTION"], "basis": [Q36_PRINCIPAL], "effective": EFF, "priority": 8,
  "conditions": {"all": [leaf("$.principal", "equal", True), leaf("$.agency.credit.unrepaired", "greaterThanInclusive", 1)]},
  "event": {"type": "CAUTION", "params": {"measure": {"zh": "主要负责人对本机关政务失信依法依规追究责任，提拔考核中予以考量", "en": "As principal, answerable for the agency's government dishonesty; weighed in promotion assessment"}}},
  "explanation": {"zh": "{{subject.name}}是{{subject.agency.name}}的主要负责人，该机关有{{subject.agency.credit.unrepaired}}条未修复的政务失信记录，依据三(六)追究责任。", "en": "{{subject.name}} is the principal of {{subject.agency.name}}, which has {{subject.agency.credit.unrepaired}} unrepaired government-dishonesty record(s); under 三(六) they answer for it."},
  "evidence": [{"path": "$.agency.credit.records", "where": {"repaired": False}}],
  "cases": [
    case("the principal of an agency with an unrepaired record is cautioned", servant(principal=True, leading=True, agency_records=[rec_major]), True),
    case("a clerk of that agency is not answerable for it", servant(agency_records=[rec_major]), False),
    case("the principal of an agency with a clean record is not cautioned", servant(principal=True, leading=True), False),
  ]})

old = json.load(open(f'{R}/civil-servant/cadre-breached-commitment.json'))
old.pop('$schema')
old['basis'] = [Q44]
old['explanation'] = {"zh": "领导干部{{subject.name}}对{{subject.commitmentFacts.breached}}项因履职不力未兑现的公开承诺负有责任，依据四(四)作为提拔考核重要内容。", "en": "Leading cadre {{subject.name}} is answerable for {{subject.commitmentFacts.breached}} public commitment(s) left unmet through failure to perform duties; under 四(四) this is weighed in promotion assessment."}
old['title'] = {"zh": "对履职不力导致承诺未兑现负有责任的领导干部，作为提拔考核重要内容", "en": "A leading cadre answerable for a commitment unmet through failure to perform duties has it weighed in promotion assessment"}
old['conditions'] = {"all": [leaf("$.leadingCadre", "equal", True), leaf("$.commitmentFacts.breached", "greaterThanInclusive", 1)]}
old['cases'] = [
  case("a leading cadre answerable for a dereliction is cautioned", servant(leading=True, com=commitments(breached=1)), True),
  case("a clerk answerable for a dereliction is not cautioned in promotion (the record enters their file)", servant(com=commitments(breached=1)), False),
  case("a leading cadre whose breach was a lawful change is not cautioned", servant(leading=True, com=commitments(breached=0, excused=1)), False),
]
write('civil-servant', 'cadre-breached-commitment.json', old)

write('civil-servant', 'recruitment-credit-review.json', {
  "id": "cs-recruitment-fail",
  "title": {"zh": "列入失信被执行人名单或有未修复严重失信记录的，招录信用审查不通过", "en": "A person on the judgment-defaulter list or with an unrepaired severe record fails the recruitment credit review"},
  "subjectType": "CIVIL_SERVANT", "matters": ["RECRUITMENT"], "basis": [Q36_RECRUIT], "effective": EFF, "priority": 20,
  "conditions": {"any": [leaf("$.listings.judgmentDefaulter", "equal", True), leaf("$.credit.unrepairedSevere", "greaterThanInclusive", 1)]},
  "event": {"type": "DISQUALIFY", "params": {"measure": {"zh": "招录信用审查不通过", "en": "Fails the recruitment credit review"}}},
  "explanation": {"zh": "{{subject.name}}在失信被执行人名单中，或有{{subject.credit.unrepairedSevere}}条未修复的严重失信记录，依据三(六)招录信用审查不通过。", "en": "{{subject.name}} is on the judgment-defaulter list or has {{subject.credit.unrepairedSevere}} unrepaired severe record(s); under 三(六) the recruitment credit review fails."},
  "evidence": [{"path": "$.listings.memberships", "where": {"listed": True}}, {"path": "$.credit.records", "where": {"severity": ["SEVERE"], "repaired": False}}],
  "cases": [
    case("a person on the judgment-defaulter list fails the review", servant(lst=listings(jd=True)), True),
    case("an unrepaired severe record fails the review", servant(records=[record(severity='SEVERE')]), True),
    case("a general record alone does not fail the review", servant(records=[rec_general]), False),
    case("a listing that was removed does not fail the review", servant(lst=listings(ended='JUDGMENT_DEFAULTER')), False),
  ]})

old = json.load(open(f'{R}/civil-servant/trustworthy-incentive.json'))
old.pop('$schema')
old['basis'] = [Q34]
old['conditions'] = {"all": [leaf("$.credit.dishonest", "equal", 0), leaf("$.credit.trustworthy", "greaterThanInclusive", 1)]}
old['cases'] = [
  case("a commended civil servant with a clean record is favoured", servant(trustworthy=1), True),
  case("a commendation does not outweigh a dishonesty record", servant(records=[rec_general], trustworthy=1), False),
  case("a clean record without a commendation earns no incentive", servant(), False),
]
write('civil-servant', 'trustworthy-incentive.json', old)

# ---- agencies
write('agency', 'honour-disqualify.json', {
  "id": "ag-honour-disqualify",
  "title": {"zh": "有较重或严重政务失信记录、或失信损失超过限额的政府部门，取消荣誉评选资格", "en": "An agency with a major or severe government-dishonesty record, or a loss above the threshold, is disqualified from honour selection"},
  "subjectType": "AGENCY", "matters": ["HONOUR"], "basis": [Q36_AG], "effective": EFF, "priority": 20,
  "conditions": {"all": [leaf("$.credit.dishonest", "greaterThanInclusive", 1), {"any": [leaf("$.credit.unrepairedGraveUndisputed", "greaterThanInclusive", 1), leaf("$.credit.largestUndisputedLoss", "greaterThan", {"fact": "parameters", "path": "$.honourLossThreshold"})]}]},
  "event": {"type": "DISQUALIFY", "params": {"measure": {"zh": "取消参加各类荣誉评选资格", "en": "Disqualified from all honour selections"}}},
  "explanation": {"zh": "{{subject.name}}有{{subject.credit.unrepairedGraveUndisputed}}条无异议的未修复较重或严重政务失信记录，或单条记录损失{{subject.credit.largestUndisputedLoss}}元超过{{parameters.honourLossThreshold}}元，依据三(六)按损失情况和社会影响程度取消荣誉评选资格。", "en": "{{subject.name}} has {{subject.credit.unrepairedGraveUndisputed}} undisputed unrepaired major or severe record(s), or a record's loss of {{subject.credit.largestUndisputedLoss}} yuan exceeds {{parameters.honourLossThreshold}} yuan; under 三(六), graded by loss and impact, it is disqualified from honour selection."},
  "evidence": [{"path": "$.credit.records", "where": {"repaired": False, "disputed": False, "severity": ["MAJOR", "SEVERE"]}}, {"path": "$.credit.records", "where": {"repaired": False, "disputed": False}}],
  "cases": [
    case("an agency with an unrepaired major breach of contract is disqualified", agency(records=[rec_major]), True, params=True),
    case("an agency whose general record caused a loss above the threshold is disqualified", agency(records=[record(loss=1500000)]), True, params=True),
    case("an agency with one general record and a small loss is not disqualified", agency(records=[record(loss=20000)]), False, params=True),
    case("a major record under a pending objection does not disqualify alone", agency(records=[record(category='BREACH_OF_CONTRACT', severity='MAJOR', disputed=True, loss=2000000)]), False, params=True),
    case("an agency with a clean record is not disqualified", agency(), False, params=True),
  ]})

write('agency', 'honour-caution.json', {
  "id": "ag-honour-caution",
  "title": {"zh": "有未修复政务失信记录的政府部门，荣誉评选中提示关注", "en": "An agency with an unrepaired government-dishonesty record is cautioned in honour selection"},
  "subjectType": "AGENCY", "matters": ["HONOUR"], "basis": [q('三(六)', '各级人民政府、各有关部门有政务失信记录的,要根据失信行为对经济社会发展造成的损失情况和社会影响程度追究责任。')], "effective": EFF, "priority": 10,
  "conditions": {"all": [leaf("$.credit.dishonest", "greaterThanInclusive", 1), leaf("$.credit.unrepaired", "greaterThanInclusive", 1)]},
  "event": {"type": "CAUTION", "params": {"measure": {"zh": "荣誉评选中按损失情况和社会影响程度予以考量", "en": "Weighed in honour selection by loss and social impact"}}},
  "explanation": {"zh": "{{subject.name}}有{{subject.credit.unrepaired}}条未修复的政务失信记录（其中{{subject.credit.disputed}}条异议中），依据三(六)在荣誉评选中提示关注。", "en": "{{subject.name}} has {{subject.credit.unrepaired}} unrepaired government-dishonesty record(s) ({{subject.credit.disputed}} under objection); under 三(六) it is cautioned in honour selection."},
  "evidence": [{"path": "$.credit.records", "where": {"repaired": False}}],
  "cases": [
    case("an agency with one general record is cautioned", agency(records=[rec_general]), True),
    case("an agency whose record was repaired is not cautioned", agency(records=[record(repaired=True)]), False),
    case("an agency with a clean record is not cautioned", agency(), False),
  ]})

old = json.load(open(f'{R}/agency/performance-breached-commitments.json'))
old.pop('$schema')
old['title'] = {"zh": "街道、乡镇公开承诺因履职不力未兑现的，绩效考核扣分", "en": "A street's or township's public commitment unmet through failure to perform duties costs points in its performance assessment"}
old['basis'] = [Q45]
old['conditions'] = {"all": [leaf("$.level", "in", ["STREET", "TOWNSHIP"]), leaf("$.commitmentFacts.breached", "greaterThanInclusive", 1)]}
old['explanation'] = {"zh": "{{subject.name}}有{{subject.commitmentFacts.breached}}项公开承诺因履职不力未兑现，依据四(五)绩效考核扣{{parameters.breachedCommitmentPoints}}分。", "en": "{{subject.name}} left {{subject.commitmentFacts.breached}} public commitment(s) unmet through failure to perform duties; under 四(五) its performance score changes by {{parameters.breachedCommitmentPoints}}."}
old['cases'] = [
  case("a township with a dereliction loses points", agency(level='TOWNSHIP', com=commitments(breached=1)), True, points=PARAMS['breachedCommitmentPoints'], params=True),
  case("a city department falls under 三(五), not this rule", agency(level='CITY', com=commitments(breached=1)), False, params=True),
  case("a street that kept its commitments keeps its points", agency(level='STREET'), False, params=True),
]
write('agency', 'performance-breached-commitments.json', old)

write('agency', 'performance-government-commitments.json', {
  "id": "ag-performance-government-commitments",
  "title": {"zh": "政府部门公开承诺因履职不力未兑现的，政府绩效评价扣分", "en": "A government department's public commitment unmet through failure to perform duties costs points in government performance evaluation"},
  "subjectType": "AGENCY", "matters": ["PERFORMANCE_REVIEW"], "basis": [Q35], "effective": EFF, "priority": 5,
  "conditions": {"all": [leaf("$.level", "notIn", ["STREET", "TOWNSHIP"]), leaf("$.commitmentFacts.breached", "greaterThanInclusive", 1)]},
  "event": {"type": "SCORE", "params": {"measure": {"zh": "政府绩效评价扣分", "en": "Points deducted in government performance evaluation"}, "points": {"parameter": "performanceBreachPoints"}}},
  "explanation": {"zh": "{{subject.name}}有{{subject.commitmentFacts.breached}}项公开承诺因履职不力未兑现，依据三(五)政府绩效评价扣{{parameters.performanceBreachPoints}}分。", "en": "{{subject.name}} left {{subject.commitmentFacts.breached}} public commitment(s) unmet; under 三(五) its performance evaluation changes by {{parameters.performanceBreachPoints}}."},
  "evidence": [{"path": "$.commitmentFacts.breachedCommitments"}],
  "cases": [
    case("a city department with a dereliction loses points", agency(level='CITY', com=commitments(breached=1)), True, points=PARAMS['performanceBreachPoints'], params=True),
    case("a township falls under 四(五), not this rule", agency(level='TOWNSHIP', com=commitments(breached=1)), False, params=True),
    case("a department whose only breach was force majeure keeps its points", agency(level='DISTRICT', com=commitments(excused=1)), False, params=True),
  ]})

write('agency', 'special-governance.json', {
  "id": "ag-special-governance",
  "title": {"zh": "列入失信被执行人名单或负责人无正当理由未出庭应诉行政案件的政府机构，纳入专项治理", "en": "An agency on the judgment-defaulter list, or whose head missed an administrative hearing without excuse, is put under special governance"},
  "subjectType": "AGENCY", "matters": ["SPECIAL_GOVERNANCE"], "basis": [Q38], "effective": EFF, "priority": 15,
  "conditions": {"any": [leaf("$.courtFacts.judgmentDefaulter", "equal", True), leaf("$.courtFacts.headAbsences", "greaterThanInclusive", 1)]},
  "event": {"type": "CAUTION", "params": {"measure": {"zh": "纳入政府机构失信问题专项治理，督促整改", "en": "Put under the special governance of government dishonesty, with rectification supervised"}}},
  "explanation": {"zh": "{{subject.name}}列入失信被执行人名单，或有{{subject.courtFacts.headAbsences}}起行政案件负责人无正当理由未出庭应诉，依据三(八)纳入专项治理。", "en": "{{subject.name}} is on the judgment-defaulter list or its head missed {{subject.courtFacts.headAbsences}} administrative hearing(s) without excuse; under 三(八) it is put under special governance."},
  "evidence": [{"path": "$.listings.memberships", "where": {"list": "JUDGMENT_DEFAULTER", "listed": True}}, {"path": "$.courtFacts.cases", "where": {"headFailure": True}}],
  "cases": [
    case("an agency on the judgment-defaulter list is put under governance", agency(lst=listings(jd=True), crt=court(defaulter=True)), True),
    case("an agency whose head missed an administrative hearing is put under governance", agency(crt=court(absences=1)), True),
    case("an excused absence with an entrusted representative is no failure", agency(crt=court(excused=1)), False),
  ]})

old = json.load(open(f'{R}/agency/integrity-title-disqualify.json'))
old.pop('$schema')
old['basis'] = [q('四(五)', '建立街道和乡镇信用公开承诺制度……并将各项工作守信践诺情况纳入街道和乡镇绩效考核体系。积极开展诚信街道和诚信乡镇创建活动。')]
old['cases'] = [
  case("a township with a dereliction is disqualified", agency(level='TOWNSHIP', com=commitments(breached=1)), True),
  case("a street with an unrepaired record is disqualified", agency(level='STREET', records=[rec_general]), True),
  case("a city department is not a candidate for the street and township title", agency(level='CITY', com=commitments(breached=1)), False),
  case("a street with a clean record keeps its candidacy", agency(level='STREET'), False),
]
write('agency', 'integrity-title-disqualify.json', old)

old = json.load(open(f'{R}/agency/honour-trustworthy-incentive.json'))
old.pop('$schema')
old['cases'] = [
  case("a commended agency with a clean record is favoured", agency(trustworthy=1), True),
  case("a breached commitment removes the incentive", agency(trustworthy=1, com=commitments(breached=1)), False),
  case("a dishonesty record removes the incentive", agency(trustworthy=1, records=[rec_general]), False),
  case("a clean agency without a trustworthy record gets no incentive", agency(), False),
]
write('agency', 'honour-trustworthy-incentive.json', old)

# ---- enterprises
write('enterprise', 'bar-defaulters.json', {
  "id": "en-bar-defaulters",
  "title": {"zh": "列入失信被执行人名单或严重违法失信名单的企业，名单有效期间限制参与政府采购、建设工程招标投标", "en": "An enterprise on the judgment-defaulter or seriously-illegal-and-dishonest list is restricted from procurement and bidding while listed"},
  "subjectType": "ENTERPRISE", "matters": ["PROCUREMENT", "BIDDING"], "basis": [Q41_BAR], "effective": EFF, "priority": 30,
  "conditions": {"any": [leaf("$.listings.judgmentDefaulter", "equal", True), leaf("$.listings.seriousIllegalDishonest", "equal", True)]},
  "event": {"type": "RESTRICT", "params": {"measure": {"zh": "依法限制参与政府采购、建设工程招标投标", "en": "Restricted from government procurement and construction bidding"}}},
  "explanation": {"zh": "{{subject.name}}截至{{subject.credit.on}}仍在失信被执行人名单或严重违法失信名单中，依据四(一)依法限制参与政府采购、建设工程招标投标。", "en": "{{subject.name}} is on the judgment-defaulter or seriously-illegal-and-dishonest list on {{subject.credit.on}}; under 四(一) it is restricted from procurement and bidding."},
  "evidence": [{"path": "$.listings.memberships", "where": {"listed": True}}],
  "cases": [
    case("an enterprise on the judgment-defaulter list is restricted", enterprise(lst=listings(jd=True)), True),
    case("an enterprise on the seriously-illegal-and-dishonest list is restricted", enterprise(lst=listings(sid=True)), True),
    case("an enterprise removed from the list is not restricted", enterprise(lst=listings(ended='JUDGMENT_DEFAULTER')), False),
    case("a breach of contract alone does not restrict", enterprise(records=[rec_major]), False),
  ]})

old = json.load(open(f'{R}/enterprise/bid-score-credit-grade.json'))
old.pop('$schema')
old['cases'] = [
  case("a grade-A enterprise gets the grade's points", enterprise(grade='A'), True, points=PARAMS['gradePoints']['A'], params=True),
  case("a grade-D enterprise loses the grade's points", enterprise(grade='D'), True, points=PARAMS['gradePoints']['D'], params=True),
  case("an ungraded enterprise gets no credit score", enterprise(), False, params=True),
]
write('enterprise', 'bid-score-credit-grade.json', old)
print('ok')
