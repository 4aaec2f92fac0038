import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { contactRoleKinds, type LineItemInput, type UpdateDealInput } from '../../../src/contract/deals.ts';
import { heldText, isHeld } from '../held.ts';
import { api, ApiError, ifMatch } from '../api.ts';
import { formatMoney } from '../money.ts';
import type { DealDto, ProductDto } from '../types.ts';
import { problemText } from './form-errors.ts';
import { AccountLink, ContactLink } from './record-links.tsx';
import { RecordPicker, type PickerKind } from './record-picker.tsx';

const words = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');

/**
 * Saves a change of the deal with its version (If-Match) and puts the answer in the cache; a
 * refusal is kept as text for people (problemText), a stale version asks for a reload.
 */
export function useDealSave(deal: DealDto) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [held, setHeld] = useState<string | null>(null);
  const save = async (body: UpdateDealInput): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setHeld(null);
    try {
      const after = await api.patch('/deals/{id}', {
        params: { path: { id: deal.id }, header: ifMatch(deal.version) },
        body,
      });
      if (isHeld(after)) {
        setHeld(heldText(after));
        await queryClient.invalidateQueries({ queryKey: ['approvals'] });
        return true;
      }
      queryClient.setQueryData(['deal', deal.id], after);
      await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        setError('Someone else changed this deal meanwhile; it was reloaded. Please make your change again.');
        await queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
      } else setError(problemText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { save, error, busy, held, clearError: () => setError(null) };
}

/** One link of the deal (its account or primary contact), shown by name and changed with a picker. */
function LinkField({
  deal,
  label,
  testId,
  kind,
  value,
  display,
  toPatch,
  canEdit,
}: {
  deal: DealDto;
  label: string;
  testId: string;
  kind: PickerKind;
  value: string | null;
  display: ReactNode;
  toPatch: (id: string | null) => UpdateDealInput;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState(value ?? '');
  const { save, error, busy } = useDealSave(deal);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await save(toPatch(picked || null))) setEditing(false);
  };
  return (
    <div className="field-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {editing ? (
          <form className="inline-edit" onSubmit={(e) => void submit(e)}>
            <RecordPicker
              kind={kind}
              label={label}
              name={testId}
              value={picked}
              onChange={setPicked}
              accountId={kind === 'contact' ? deal.accountId : undefined}
              invalid={error !== null}
            />
            <button type="submit" className="primary" disabled={busy}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </form>
        ) : (
          <>
            <span className="value">{display}</span>
            {canEdit && (
              <button
                type="button"
                className="edit"
                aria-label={`Edit ${label}`}
                onClick={() => {
                  setPicked(value ?? '');
                  setEditing(true);
                }}
              >
                Edit
              </button>
            )}
          </>
        )}
      </dd>
    </div>
  );
}

/** The deal's customer: its account, its primary contact and the contacts with a buying role, each editable. */
export function DealCustomer({ deal, canEdit }: { deal: DealDto; canEdit: boolean }) {
  const [contactId, setContactId] = useState('');
  const [role, setRole] = useState<(typeof contactRoleKinds)[number]>('decision_maker');
  const { save, error, busy, held } = useDealSave(deal);
  const roles = deal.contactRoles.map((r) => ({ contactId: r.contactId, role: r.role }));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!contactId) return;
    if (await save({ contactRoles: [...roles, { contactId, role }] })) setContactId('');
  };
  return (
    <>
      <dl className="fields editable">
        <LinkField
          deal={deal}
          label="Account"
          testId="deal-account"
          kind="account"
          value={deal.accountId}
          display={<AccountLink id={deal.accountId} />}
          toPatch={(id) => ({ accountId: id })}
          canEdit={canEdit}
        />
        <LinkField
          deal={deal}
          label="Primary contact"
          testId="deal-primary-contact"
          kind="contact"
          value={deal.primaryContactId}
          display={<ContactLink id={deal.primaryContactId} />}
          toPatch={(id) => ({ primaryContactId: id })}
          canEdit={canEdit}
        />
      </dl>
      <h3 className="small">Buying roles</h3>
      {roles.length === 0 ? (
        <p className="muted small">No contacts with a buying role yet.</p>
      ) : (
        <ul className="related-items" data-testid="contact-roles">
          {roles.map((r, i) => (
            <li key={`${r.contactId}/${r.role}`}>
              <ContactLink id={r.contactId} /> <span className="muted">{words(r.role)}</span>{' '}
              {canEdit && (
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  aria-label={`Remove role ${words(r.role)}`}
                  onClick={() => void save({ contactRoles: roles.filter((_, j) => j !== i) })}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="inline-edit" onSubmit={(e) => void add(e)} data-testid="add-contact-role">
          <RecordPicker
            kind="contact"
            label="Contact"
            name="roleContactId"
            value={contactId}
            onChange={setContactId}
            accountId={deal.accountId}
          />
          <select
            name="role"
            aria-label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as (typeof contactRoleKinds)[number])}
          >
            {contactRoleKinds.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || !contactId}>
            Add role
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {held && (
        <p className="notice ok" role="status" data-testid="held-notice">
          {held}
        </p>
      )}
    </>
  );
}

/** The deal's line items: exact totals from the server; lines are added and removed here. */
export function LineItemsEditor({
  deal,
  products,
  canEdit,
}: {
  deal: DealDto;
  products: ProductDto[] | undefined;
  canEdit: boolean;
}) {
  const [line, setLine] = useState({ productId: '', quantity: '1', discountPercent: '' });
  const { save, error, busy, held } = useDealSave(deal);
  const productName = (id: string) => products?.find((p) => p.id === id)?.name ?? 'Product';
  const current: LineItemInput[] = deal.lineItems.map((l) => ({
    productId: l.productId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discountPercent: l.discountPercent,
  }));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const next: LineItemInput = {
      productId: line.productId,
      quantity: line.quantity.trim(),
      ...(line.discountPercent.trim() ? { discountPercent: line.discountPercent.trim() } : {}),
    };
    if (await save({ lineItems: [...current, next] })) setLine({ productId: '', quantity: '1', discountPercent: '' });
  };
  return (
    <div data-testid="line-items">
      {deal.lineItems.length === 0 ? (
        <p className="muted small">No line items.</p>
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>Product</th>
              <th className="num">Qty</th>
              <th className="num">Unit price</th>
              <th className="num">Discount</th>
              <th className="num">Net</th>
              {canEdit && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {deal.lineItems.map((l, i) => (
              <tr key={l.id}>
                <td>{productName(l.productId)}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">{formatMoney(l.unitPrice)}</td>
                <td className="num">{l.discountPercent} %</td>
                <td className="num">{formatMoney(l.netTotal)}</td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="link"
                      disabled={busy}
                      aria-label={`Remove ${productName(l.productId)}`}
                      onClick={() => void save({ lineItems: current.filter((_, j) => j !== i) })}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>Total</td>
              <td className="num" data-testid="line-items-total">
                {formatMoney(deal.lineItemsTotal, deal.currency)}
              </td>
              {canEdit && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      {canEdit && (
        <form className="inline-edit" onSubmit={(e) => void add(e)} data-testid="add-line-item">
          <select
            name="productId"
            aria-label="Product"
            value={line.productId}
            onChange={(e) => setLine((x) => ({ ...x, productId: e.target.value }))}
          >
            <option value="">— choose a product —</option>
            {products?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <input
            name="quantity"
            aria-label="Quantity"
            inputMode="decimal"
            size={5}
            value={line.quantity}
            onChange={(e) => setLine((x) => ({ ...x, quantity: e.target.value }))}
          />
          <input
            name="discountPercent"
            aria-label="Discount %"
            placeholder="Discount %"
            inputMode="decimal"
            size={8}
            value={line.discountPercent}
            onChange={(e) => setLine((x) => ({ ...x, discountPercent: e.target.value }))}
          />
          <button type="submit" disabled={busy || !line.productId}>
            Add line
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {held && (
        <p className="notice ok" role="status" data-testid="held-notice">
          {held}
        </p>
      )}
    </div>
  );
}
