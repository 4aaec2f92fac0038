import { describe, expect, it } from 'vitest';
import { createCommissionBonusSchema, setCommissionSplitSchema } from '../src/contract/commissions.ts';

const id = '0b7e4f2a-4c55-4d7e-9d7e-3f1b2c3d4e5f';

describe('commission input checks', () => {
  it('names a malformed or zero amount instead of failing on it', () => {
    for (const amount of ['99999-01-01', '1.2.3', '']) {
      const r = createCommissionBonusSchema.safeParse({ payeeId: id, amount, reason: 'x' });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('amount');
    }
    for (const amount of ['0', '-0.00', '00.0'])
      expect(
        createCommissionBonusSchema.safeParse({ payeeId: id, amount, reason: 'x' }).error?.issues[0]?.message,
      ).toBe('must not be zero');
    expect(createCommissionBonusSchema.safeParse({ payeeId: id, amount: '-0.01', reason: 'x' }).success).toBe(true);
  });

  it('names a malformed or zero split percentage instead of failing on it', () => {
    for (const percent of ['abc', '101', '0', '0.00']) {
      const r = setCommissionSplitSchema.safeParse({ members: [{ userId: id, percent }] });
      expect(r.success, percent).toBe(false);
    }
  });
});
