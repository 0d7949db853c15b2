import { formatPeriod, parsePeriod } from '../domain/period';
import type { ParameterEntry, ParameterSet, ParameterSource, PeriodCase } from './rule-model';
import type { Bilingual } from '../domain/bilingual';

/**
 * A parameters file as written (see rules/schemas/parameters.schema.json): every entry of
 * `values` is `{ "value": …, "source": … }`. Rules and facts queries read plain values, so the
 * loader splits each entry into its value and its source. Periods may be written as ISO 8601 text
 * ("P1Y") or as { "years": 1 }: both reach the facts query as ISO text.
 */
interface ParameterFile {
  effectiveFrom: string;
  title: Bilingual;
  values: Record<string, ParameterEntry>;
  cases?: PeriodCase[];
}

/** `{ years, months, days }` objects become ISO 8601 text; everything else is kept as written. */
function normalised(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length && keys.every((k) => k === 'years' || k === 'months' || k === 'days')) {
    const period = parsePeriod(value);
    if (period) return formatPeriod(period);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)]));
}

/** The loaded set of a parameters file (schema-valid, or read only to name what it lacks). */
export function readParameterSet(file: string, json: unknown): ParameterSet {
  const { effectiveFrom, title, values, cases } = json as ParameterFile;
  const plain: Record<string, unknown> = {};
  const sources: Record<string, ParameterSource> = {};
  for (const [name, entry] of Object.entries(values ?? {})) {
    // A schema-invalid file is still read for the completeness check: an entry that is not
    // `{ value, source }` counts as missing here, and the schema check names its fault.
    if (!entry || typeof entry !== 'object' || !('value' in entry)) continue;
    plain[name] = normalised(entry.value);
    if (entry.source) sources[name] = entry.source;
  }
  return { effectiveFrom, title, values: plain, sources, cases: Array.isArray(cases) ? cases : [], file };
}

/** A source in one line, as an explanation shows it beside the value. */
export function sourceText(source: ParameterSource): string {
  const parts: string[] = [];
  if (source.document) parts.push(`${source.document}${source.clause ? ` ${source.clause}` : ''}`);
  if (source.localChoice) {
    const { body, decidedOn, reference, status } = source.localChoice;
    const proposed = status === 'PROPOSED' ? '，拟定，待有权机关确认 proposed, awaiting confirmation by the deciding body' : '';
    parts.push(`本地选择 local choice：${body}${decidedOn ? `，${decidedOn}` : ''}${reference ? `（${reference}）` : ''}${proposed}`);
  }
  return parts.join('；');
}
