import type { LocatedJson } from './json-file';
import type { Catalogue, LocalChoice } from './policy-model';
import { normalisedText } from './quote-match';
import { LOCAL_CHOICES_SUFFIX } from './rule-loader';
import type { RuleProblem } from './rule-problem';

/**
 * A catalogue's local choices (catalogue/<name>.local-choices.json, schemas/local-choices.schema.json),
 * kept in a file of their own beside the catalogue so neither nears the size limit of one file
 * (rule-limits.ts). Readers see them where they always were: on the catalogue's clauses
 * (`Catalogue.clauses[i].localChoices`), so `rules coverage` prints the same; problems in them are
 * located in their own file.
 */
export interface LocalChoiceFile {
  document: string;
  clauses: { clause: string; localChoices: LocalChoice[] }[];
  file: string;
  json: LocatedJson;
}

/** Clause ids and document numbers compare as policy-library's clauseKey compares them (三（六） is 三(六)). */
const clauseKey = (id: string) => normalisedText(id);

/** The file a catalogue's local choices go in: catalogue/x.json → catalogue/x.local-choices.json. */
export const localChoicesFileOf = (catalogueFile: string) => catalogueFile.replace(/\.json$/, LOCAL_CHOICES_SUFFIX);

/**
 * A catalogue holding `localChoices` itself (where they were before they had a file of their own):
 * one located problem for each clause, saying where they go, and the catalogue without them, so the
 * schema does not call the field unknown too and the rest of the catalogue is still checked.
 */
export function inlineLocalChoices(file: string, json: LocatedJson): { problems: RuleProblem[]; json: LocatedJson } {
  const value = json.value as { clauses?: unknown } | null;
  const clauses = value?.clauses;
  if (!Array.isArray(clauses)) return { problems: [], json };
  const target = localChoicesFileOf(file);
  const problems: RuleProblem[] = [];
  const stripped = clauses.map((clause, i) => {
    if (!clause || typeof clause !== 'object' || !('localChoices' in clause)) return clause;
    problems.push({
      file,
      ...json.locate(['clauses', i, 'localChoices']),
      zh: `本地选择（localChoices）不写在授权清单中：请移至 ${target}，写作 { "clause": "…", "localChoices": [ … ] }`,
      en: `local choices (localChoices) do not go in the catalogue: move them to ${target}, as { "clause": "…", "localChoices": [ … ] }`,
    });
    const { localChoices: _moved, ...rest } = clause as Record<string, unknown>;
    return rest;
  });
  return problems.length ? { problems, json: { value: { ...value, clauses: stripped }, locate: json.locate } } : { problems, json };
}

/**
 * The catalogues with each local-choices file's choices put on the clauses they name (copies: the
 * parsed files stay as they were read). A file whose document has no catalogue, a second file for one
 * document, and a clause the catalogue does not list or the file lists twice are refused, located.
 */
export function attachLocalChoices(catalogues: Catalogue[], files: LocalChoiceFile[]): { catalogues: Catalogue[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const byCatalogue = new Map<Catalogue, Map<string, LocalChoice[]>>();
  const seen = new Map<string, string>();
  for (const choices of files) {
    const at = (path: (string | number)[]) => ({ file: choices.file, ...choices.json.locate(path) });
    const key = clauseKey(choices.document);
    const catalogue = catalogues.find((c) => clauseKey(c.document) === key);
    if (!catalogue) {
      problems.push({ ...at(['document']), zh: `rules/catalogue/ 中没有 ${choices.document} 的授权清单：本地选择须与其文件的授权清单并列`, en: `rules/catalogue/ has no catalogue of ${choices.document}: local choices stand beside their document's catalogue` });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ ...at(['document']), zh: `${choices.document} 的本地选择已写在 ${seen.get(key)} 中：请合并为一个文件`, en: `the local choices of ${choices.document} are already in ${seen.get(key)}: keep them in one file` });
      continue;
    }
    seen.set(key, choices.file);
    const byClause = new Map<string, LocalChoice[]>();
    choices.clauses.forEach((entry, i) => {
      const clause = catalogue.clauses.find((c) => clauseKey(c.clause) === clauseKey(entry.clause));
      if (!clause) {
        problems.push({ ...at(['clauses', i, 'clause']), zh: `授权清单 ${catalogue.file} 中没有条款 ${entry.clause}：本地选择须属于清单所列的条款`, en: `the catalogue ${catalogue.file} lists no clause ${entry.clause}: a local choice belongs to a clause it lists` });
      } else if (byClause.has(clause.clause)) {
        problems.push({ ...at(['clauses', i, 'clause']), zh: `条款 ${entry.clause} 重复列出：请把其本地选择写在一处`, en: `clause ${entry.clause} is listed twice: keep its local choices in one place` });
      } else {
        byClause.set(clause.clause, entry.localChoices);
      }
    });
    byCatalogue.set(catalogue, byClause);
  }
  const attached = catalogues.map((catalogue) => {
    const byClause = byCatalogue.get(catalogue);
    if (!byClause) return catalogue;
    return { ...catalogue, clauses: catalogue.clauses.map((c) => (byClause.has(c.clause) ? { ...c, localChoices: byClause.get(c.clause) } : c)) };
  });
  return { catalogues: attached, problems };
}
