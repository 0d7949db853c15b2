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
