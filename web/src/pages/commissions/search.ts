export interface CommissionsSearch {
  /** The statement's month, `YYYY-MM` (default: the current month in the organization's time zone). */
  period?: string;
  /** Someone else's statement (managers, admins, auditors): the payee's kind and id. */
  payeeKind?: 'user' | 'partner' | 'agent';
  payeeId?: string;
}

export function validateCommissionsSearch(search: Record<string, unknown>): CommissionsSearch {
  const out: CommissionsSearch = {};
  if (typeof search.period === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.period)) out.period = search.period;
  if (typeof search.payeeId === 'string' && search.payeeId !== '') {
    out.payeeId = search.payeeId;
    out.payeeKind = search.payeeKind === 'partner' || search.payeeKind === 'agent' ? search.payeeKind : 'user';
  }
  return out;
}
