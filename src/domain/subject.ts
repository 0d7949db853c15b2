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

/** Credit evaluation grade of an enterprise in public-resource trading (信用评价等级, 四(一)). */
export enum CreditGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
