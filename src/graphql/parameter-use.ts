import type { ParameterUse } from '../evaluation/parameter-uses';

/** A parameter use as the API shows it: the local choice's body and day as fields of their own. */
export function parameterUseView(use: ParameterUse) {
  const source = use.source && {
    document: use.source.document ?? null,
    clause: use.source.clause ?? null,
    decidedBy: use.source.localChoice?.body ?? null,
    decidedOn: use.source.localChoice?.decidedOn ?? null,
    reference: use.source.localChoice?.reference ?? null,
    proposed: use.source.localChoice?.status === 'PROPOSED',
    note: use.source.note ?? null,
    text: use.source.text,
  };
  return { ...use, source };
}

/** Each rule with the parameters it read, as ParameterUse views. */
export function withParameterUses<R extends { ruleId: string }>(rules: R[], uses: ReturnType<typeof parameterUseView>[]) {
  return rules.map((r) => ({ ...r, parameters: uses.filter((u) => u.usedBy.includes(r.ruleId)) }));
}
