import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError, request, useQuery } from '../api';
import { graphql } from '../graphql';
import { useLabel, useLang, useT } from '../i18n';
import { may } from '../session';
import { ErrorNote, SEGMENT_TYPE, Show, dayToInstant, subjectHref, today, useSession, verdictHref } from '../ui';
import { AgencyCommitmentList, AgencyCourtCaseList } from './agency-lists';
import { SubjectRecords } from './subject-records';
import { SubjectVerdictList } from './subject-verdicts';

const SubjectIdentity = graphql(`
  query SubjectIdentity($id: ID!, $agency: Boolean!, $servant: Boolean!, $enterprise: Boolean!) {
    agency(id: $id) @include(if: $agency) {
      id name uscc level
      parent { id name }
    }
    civilServant(id: $id) @include(if: $servant) { id name idCardNumber post rank leadingCadre agency { id name } }
    enterprise(id: $id) @include(if: $enterprise) { id name uscc creditGrade gradedOn }
    ruleSet { matters { code title { zh en } subjectTypes } }
  }
`);

const Evaluate = graphql(`
  mutation Evaluate($subject: SubjectInput!, $matter: String!, $asOf: DateTime) {
    evaluate(subject: $subject, matter: $matter, asOf: $asOf) { id outcome }
  }
`);

type Matters = { code: string; title: { zh: string; en: string }; subjectTypes: readonly string[] }[];

function EvaluateForm({ type, id, matters }: { type: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE'; id: string; matters: Matters }) {
  const t = useT();
  const { lang } = useLang();
  const { session } = useSession();
  const { route } = useLocation();
  const own = matters.filter((m) => m.subjectTypes.includes(type));
  const [matter, setMatter] = useState(own[0]?.code ?? '');
  const [day, setDay] = useState(today());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!may(session, 'evaluate')) return null;
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await request(Evaluate, { subject: { type, id }, matter, asOf: day ? dayToInstant(day) : null }, session.token);
      route(verdictHref(result.evaluate.id));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('ERROR', String(caught)));
      setBusy(false);
    }
  }
  return (
    <form class="card inline-form" onSubmit={submit} aria-labelledby="evaluate-heading">
      <h2 id="evaluate-heading">{t('评估', 'Evaluate')}</h2>
      <div class="field">
        <label for="evaluate-matter">{t('事项', 'Matter')}</label>
        <select id="evaluate-matter" value={matter} onChange={(e) => setMatter(e.currentTarget.value)}>
          {own.map((m) => (
            <option key={m.code} value={m.code}>
              {m.title[lang]} ({m.code})
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="evaluate-day">{t('评估日期（北京时间）', 'As of (China Standard Time)')}</label>
        <input id="evaluate-day" type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <button type="submit" disabled={busy || !matter}>
        评估 Evaluate
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

export function SubjectPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { session } = useSession();
  const { params } = useRoute();
  const type = SEGMENT_TYPE[params.type ?? ''];
  const id = params.id ?? '';
  const flags = { id, agency: type === 'AGENCY', servant: type === 'CIVIL_SERVANT', enterprise: type === 'ENTERPRISE' };
  const identity = useQuery(SubjectIdentity, flags, session.token, !type);
  if (!type) return <ErrorNote error={new ApiError('NOT_FOUND', t('没有这种主体类型。', 'No such subject type.'))} />;

  return (
    <section>
      <Show loaded={identity}>
        {(data) => {
          const subject = data.agency ?? data.civilServant ?? data.enterprise;
          if (!subject) return <ErrorNote error={new ApiError('NOT_FOUND', t('没有这个主体。', 'There is no such subject.'))} />;
          return (
            <>
              <h1>
                <span class="kicker">{label(type)}</span> {subject.name}
              </h1>
              <dl class="facts card">
                {data.agency ? (
                  <>
                    <dt>{t('统一社会信用代码', 'USCC')}</dt>
                    <dd>{data.agency.uscc}</dd>
                    <dt>{t('层级', 'Level')}</dt>
                    <dd>{label(data.agency.level)}</dd>
                    <dt>{t('上级', 'Parent')}</dt>
                    <dd>{data.agency.parent ? <a href={subjectHref('AGENCY', data.agency.parent.id)}>{data.agency.parent.name}</a> : '—'}</dd>
                  </>
                ) : null}
                {data.civilServant ? (
                  <>
                    <dt>{t('身份证号', 'ID card')}</dt>
                    <dd>{data.civilServant.idCardNumber}</dd>
                    <dt>{t('单位', 'Agency')}</dt>
                    <dd>
                      <a href={subjectHref('AGENCY', data.civilServant.agency.id)}>{data.civilServant.agency.name}</a>
                    </dd>
                    <dt>{t('职务', 'Post')}</dt>
                    <dd>{data.civilServant.post}</dd>
                    <dt>{t('职级', 'Rank')}</dt>
                    <dd>{data.civilServant.rank}</dd>
                    <dt>{t('领导干部', 'Leading cadre')}</dt>
                    <dd>{data.civilServant.leadingCadre ? t('是', 'yes') : t('否', 'no')}</dd>
                  </>
                ) : null}
                {data.enterprise ? (
                  <>
                    <dt>{t('统一社会信用代码', 'USCC')}</dt>
                    <dd>{data.enterprise.uscc}</dd>
                    <dt>{t('信用等级', 'Credit grade')}</dt>
                    <dd>
                      {data.enterprise.creditGrade ?? '—'} {data.enterprise.gradedOn ? `(${data.enterprise.gradedOn})` : ''}
                    </dd>
                  </>
                ) : null}
              </dl>
              <EvaluateForm type={type} id={id} matters={data.ruleSet.matters as Matters} />
              <h2>{t('评估结论（最新在前）', 'Verdicts (newest first)')}</h2>
              <SubjectVerdictList type={type} id={id} matters={data.ruleSet.matters} />
              {data.agency ? (
                <>
                  <h2>{t('公开承诺', 'Commitments')}</h2>
                  <AgencyCommitmentList id={id} />
                  <h2>{t('涉诉案件', 'Court cases')}</h2>
                  <AgencyCourtCaseList id={id} />
                </>
              ) : null}
            </>
          );
        }}
      </Show>
      <h2>{t('信用记录', 'Credit records')}</h2>
      <SubjectRecords type={type} id={id} />
    </section>
  );
}
