/** Example bodies of the money routes, shown in the OpenAPI document. */
export const FREEZE_EXAMPLES = {
  domestic: {
    summary: 'Money frozen at a domestic bank',
    value: {
      bank: 'Halyk Bank',
      account: 'KZ86125KZT5004100100',
      amount: '150000.00',
      frozenAt: '2026-01-15T10:00:00+05:00',
      stage: 'domestic',
    },
  },
  fromRequest: {
    summary: 'Marks a pending freeze request (from P1 triage) frozen',
    value: {
      freezeRequestId: '0b7f3f5e-8d0c-4a55-9a43-5d1f0c2b7e11',
      amount: '150000.00',
      frozenAt: '2026-01-15T10:00:00+05:00',
      stage: 'withdrawal_abroad',
    },
  },
};

export const REIMBURSEMENT_EXAMPLES = {
  court: {
    summary: 'Paid back by court order',
    value: {
      reportId: '6c1f2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      amount: '25000.00',
      source: 'court_order',
      paidAt: '2026-01-20T12:00:00+05:00',
    },
  },
};
