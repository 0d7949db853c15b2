/** The three kinds of credit subject (信用主体) the policy supervises. */
export enum SubjectType {
  AGENCY = 'AGENCY',
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  ENTERPRISE = 'ENTERPRISE',
}

/** Administrative level of a government agency (政府机构). */
export enum AgencyLevel {
  /** 市政府及其部门 */
  CITY = 'CITY',
  /** 区人民政府及其部门 */
  DISTRICT = 'DISTRICT',
  /** 开发区管委会 */
  DEVELOPMENT_ZONE = 'DEVELOPMENT_ZONE',
  /** 街道办事处 */
  STREET = 'STREET',
  /** 乡镇人民政府 */
  TOWNSHIP = 'TOWNSHIP',
}

/**
 * What kind of body an agency is. The policy names them apart — its addressees are 各区人民政府,
 * 开发区管委会, 各街道办事处 and 市政府各部门 — and its clauses speak of some only: 三(六) of
 * 各级人民政府、各有关部门, its honour disqualification of 相关政府部门. Rules read `kind` to keep to
 * the bodies a clause speaks of (rules/catalogue/ `scope`); the level alone cannot tell a people's
 * government from its departments.
 */
export enum AgencyKind {
  /** 人民政府: the city, district and township governments */
  PEOPLES_GOVERNMENT = 'PEOPLES_GOVERNMENT',
  /** 政府部门: a working department of a people's government (市政府各部门, 区政府部门) */
  DEPARTMENT = 'DEPARTMENT',
  /** 开发区管委会: a development zone's administrative committee */
  ADMINISTRATIVE_COMMITTEE = 'ADMINISTRATIVE_COMMITTEE',
  /** 街道办事处: a street (sub-district) office */
  SUB_DISTRICT_OFFICE = 'SUB_DISTRICT_OFFICE',
  /**
   * Any other body the registry holds that is none of the above: a party organ (市委组织部), a public
   * institution (市政府采购中心), a vertical agency (人行鄂州中心支行) or a court (市中级法院). Not a
   * 政府部门: 三(六)'s honour disqualification does not reach it.
   */
  OTHER = 'OTHER',
}

/** Credit evaluation grade of an enterprise in public-resource trading (信用评价等级, 四(一)). */
export enum CreditGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
