import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { OUTCOME_TITLES } from '../../src/domain/verdict';

/** Chinese by default; English at a click (remembered in this browser). Texts sit next to their use: t(zh, en). */
export type Lang = 'zh' | 'en';

export const LangContext = createContext<{ lang: Lang; setLang(lang: Lang): void }>({ lang: 'zh', setLang: () => {} });

export function useLang() {
  return useContext(LangContext);
}

export function useT(): (zh: string, en: string) => string {
  const { lang } = useLang();
  return (zh, en) => (lang === 'zh' ? zh : en);
}

export function loadLang(): Lang {
  return localStorage.getItem('chengxin.lang') === 'en' ? 'en' : 'zh';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem('chengxin.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

type Pair = readonly [string, string];

/**
 * Labels of enum values; a value the console does not know yet (a newer API) is shown as it is.
 * The outcomes' words are the server's own (src/domain/verdict.ts: plain data, bundled in).
 */
const LABELS: Record<string, Pair> = {
  ...Object.fromEntries(Object.entries(OUTCOME_TITLES).map(([code, title]): [string, Pair] => [code, [title.zh, title.en]])),
  AGENCY: ['政府机构', 'Agency'],
  CIVIL_SERVANT: ['公务员', 'Civil servant'],
  ENTERPRISE: ['市场主体', 'Enterprise'],
  INCENTIVE: ['激励', 'Incentive'],
  SCORE: ['计分', 'Score'],
  MITIGATE: ['从轻', 'Mitigate'],
  RESTRICT: ['限制', 'Restrict'],
  DISQUALIFY: ['取消资格', 'Disqualify'],
  DISHONEST: ['失信', 'Dishonesty'],
  TRUSTWORTHY: ['守信', 'Trustworthiness'],
  MINOR: ['轻微', 'Minor'],
  GENERAL: ['一般', 'General'],
  MAJOR: ['较重', 'Major'],
  SEVERE: ['严重', 'Severe'],
  ACTIVE: ['有效', 'Active'],
  DISPUTED: ['异议中', 'Disputed'],
  REVOKED: ['已撤销', 'Revoked'],
  PENDING: ['待处理', 'Pending'],
  APPROVED: ['已批准', 'Approved'],
  REJECTED: ['已驳回', 'Rejected'],
  UPHELD: ['已支持', 'Upheld'],
  FULFILLED: ['已兑现', 'Fulfilled'],
  BREACHED: ['未兑现', 'Breached'],
  RUNNING: ['进行中', 'Running'],
  COMPLETED: ['已完成', 'Completed'],
  CANCELLED: ['已取消', 'Cancelled'],
  ADMINISTRATIVE_VIOLATION: ['行政违法违规', 'Administrative violation'],
  BREACH_OF_CONTRACT: ['违约毁约', 'Breach of contract'],
  COMMENDATION: ['表彰奖励', 'Commendation'],
  COMMITMENT_HONOURED: ['践诺履约', 'Commitment honoured'],
  FAILURE_TO_APPEAR: ['未出庭应诉', 'Failure to appear in court'],
  JUDGMENT_DEFAULTER: ['失信被执行人', 'Judgment defaulter'],
  SERIOUS_ILLEGAL_DISHONEST: ['严重违法失信', 'Seriously illegal and dishonest'],
  UNFULFILLED_COMMITMENT: ['承诺未兑现', 'Unfulfilled commitment'],
  CITY: ['市级', 'City'],
  DISTRICT: ['区级', 'District'],
  DEVELOPMENT_ZONE: ['开发区', 'Development zone'],
  STREET: ['街道', 'Street'],
  TOWNSHIP: ['乡镇', 'Township'],
  PEOPLES_GOVERNMENT: ['人民政府', "People's government"],
  DEPARTMENT: ['政府部门', 'Department'],
  ADMINISTRATIVE_COMMITTEE: ['开发区管委会', 'Zone committee'],
  SUB_DISTRICT_OFFICE: ['街道办事处', 'Street office'],
};

export function useLabel(): (value: string | null | undefined) => string {
  const { lang } = useLang();
  return (value) => {
    if (value == null) return '—';
    const pair = LABELS[value];
    return pair ? pair[lang === 'zh' ? 0 : 1] : value;
  };
}

/** Operators of json-rules-engine in words. */
const OPERATORS: Record<string, Pair> = {
  equal: ['等于', 'equals'],
  notEqual: ['不等于', 'does not equal'],
  greaterThan: ['大于', 'greater than'],
  greaterThanInclusive: ['大于或等于', 'at least'],
  lessThan: ['小于', 'less than'],
  lessThanInclusive: ['小于或等于', 'at most'],
  in: ['属于', 'is one of'],
  notIn: ['不属于', 'is none of'],
  contains: ['包含', 'contains'],
  doesNotContain: ['不包含', 'does not contain'],
};

export function useOperator(): (operator: string) => string {
  const { lang } = useLang();
  return (operator) => {
    const pair = OPERATORS[operator];
    return pair ? `${pair[lang === 'zh' ? 0 : 1]} (${operator})` : operator;
  };
}
