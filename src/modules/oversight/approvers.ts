import type { Role } from '../../contract/access.ts';
import type { ApprovalReason, Approver } from '../../contract/oversight.ts';
import type { DbExecutor } from '../../db/database.ts';
import * as repo from './oversight.repository.ts';

/**
 * The ordered approvers for a change: the deal owner's manager chain for the rules that ask for
 * it (so many levels up; never the requester), then the roles the other rules name. Without a
 * manager above, the organization's admins approve.
 */
export async function approversFor(
  trx: DbExecutor,
  orgId: string,
  rules: readonly repo.ApprovalRuleRow[],
  reasons: readonly ApprovalReason[],
  ownerId: string,
  requesterId: string,
): Promise<Approver[]> {
  const out: Approver[] = [];
  const push = (a: Approver) => {
    const same = out.some((o) =>
      o.kind === 'user' && a.kind === 'user'
        ? o.userId === a.userId
        : o.kind === 'role' && a.kind === 'role' && o.role === a.role,
    );
    if (!same) out.push(a);
  };
  const holding = rules.filter((r) => reasons.some((x) => x.ruleId === r.id));
  // The owner's managers first (closest to the deal), then the named roles.
  holding.sort((a, b) => Number(a.approver_kind === 'role') - Number(b.approver_kind === 'role'));
  for (const rule of holding) {
    if (rule.approver_kind === 'role' && rule.approver_role) {
      push({ kind: 'role', role: rule.approver_role as Role });
      continue;
    }
    let current = await repo.chainUser(trx, orgId, ownerId);
    const seen = new Set<string>([ownerId]);
    let found = 0;
    while (current && found < rule.levels) {
      const next = current.above;
      if (!next || seen.has(next)) break;
      seen.add(next);
      current = await repo.chainUser(trx, orgId, next);
      if (current?.active && current.id !== requesterId) {
        push({ kind: 'user', userId: current.id, name: current.name });
        found++;
      }
    }
    if (found === 0) push({ kind: 'role', role: 'admin' });
  }
  return out;
}
