/** The three ways of repairing credit that 三(七) recognises. */
export enum RepairAction {
  /** 主动挽回损失 */
  RECOVERED_LOSS = 'RECOVERED_LOSS',
  /** 消除不良影响 */
  ELIMINATED_EFFECT = 'ELIMINATED_EFFECT',
  /** 有效阻止危害结果发生 */
  PREVENTED_HARM = 'PREVENTED_HARM',
}

/** Where an application for credit repair (信用修复) stands. */
export enum RepairStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/**
 * What an approved repair grants (三(七): 可从轻或免于实施失信惩戒措施). WAIVE (免于) ends the
 * record's effect on measures from the approval day; LIGHTEN (从轻, civil servants only) keeps the
 * record counting but lets a mitigating rule lower the measure it triggers by one step.
 */
export enum RepairRelief {
  WAIVE = 'WAIVE',
  LIGHTEN = 'LIGHTEN',
}
