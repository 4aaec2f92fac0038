import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { createProductSchema, updateProductSchema } from '../../../../src/contract/products.ts';
import { api, getAll, ifMatch } from '../../api.ts';
import { formatMoney } from '../../money.ts';
import type { ProductDto } from '../../types.ts';
import { Field, FormError, orNull, useSubmit } from './form.tsx';

const KEY = ['admin', 'products'];

export function AdminProductsPage() {
  const products = useQuery({ queryKey: KEY, queryFn: () => getAll('/products') });
  const [editing, setEditing] = useState<ProductDto | null>(null);
  if (products.isPending) return <p className="muted">Loading products…</p>;
  if (products.isError) return <p className="error">{products.error.message}</p>;
  return (
    <>
      <h1>Products</h1>
      <ProductForm key={editing?.id ?? 'new'} product={editing} onDone={() => setEditing(null)} />
      {products.data.length === 0 ? (
        <p className="muted">No products yet. Products priced here become the line items of deals.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>SKU</th>
              <th>Name</th>
              <th>Family</th>
              <th className="num">List price</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {products.data.map((p) => (
              <tr key={p.id} data-testid={`product-${p.sku}`} className={p.active ? undefined : 'inactive'}>
                <td>{p.sku}</td>
                <td>{p.name}</td>
                <td>{p.family ?? ''}</td>
                <td className="num">{formatMoney(p.listPrice, p.currency)}</td>
                <td>{p.active ? 'Active' : 'Inactive'}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(p)}>
                    Edit
                  </button>
                  {p.active && <Deactivate product={p} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Deactivate({ product }: { product: ProductDto }) {
  const queryClient = useQueryClient();
  const { error, busy, run } = useSubmit(KEY);
  const onClick = async () => {
    const ok = await run(z.unknown(), null, () =>
      api
        .del('/products/{id}', { params: { path: { id: product.id }, header: ifMatch(product.version) } })
        .then(() => true),
    );
    if (ok) await queryClient.invalidateQueries({ queryKey: KEY });
  };
  return (
    <>
      <button type="button" className="link danger" disabled={busy} onClick={() => void onClick()}>
        Deactivate
      </button>
      {error && <span className="field-error"> {error}</span>}
    </>
  );
}

function ProductForm({ product, onDone }: { product: ProductDto | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const init = {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    family: product?.family ?? '',
    description: product?.description ?? '',
    listPrice: product?.listPrice ?? '',
    currency: product?.currency ?? '',
    active: product?.active ?? true,
  };
  const [v, setV] = useState(init);
  const { errors, error, busy, run } = useSubmit(KEY);
  const text = (k: 'sku' | 'name' | 'family' | 'description' | 'listPrice' | 'currency') => ({
    name: k,
    value: v[k],
    onChange: (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value })),
    'aria-invalid': errors[k] ? true : undefined,
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      sku: v.sku,
      name: v.name,
      family: orNull(v.family),
      description: orNull(v.description),
      listPrice: v.listPrice.trim(),
      ...(v.currency.trim() ? { currency: v.currency.trim().toUpperCase() } : {}),
      active: v.active,
    };
    const saved = product
      ? await run(updateProductSchema, input, (body) =>
          api.patch('/products/{id}', {
            params: { path: { id: product.id }, header: ifMatch(product.version) },
            body,
          }),
        )
      : await run(createProductSchema, input, (body) => api.post('/products', { body }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: KEY });
    await queryClient.invalidateQueries({ queryKey: ['products'] });
    setV(init);
    onDone();
  };

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={product ? `Edit ${product.name}` : 'New product'}
    >
      <h2>{product ? `Edit ${product.name}` : 'New product'}</h2>
      <div className="form-grid">
        <Field label="SKU" error={errors.sku}>
          <input {...text('sku')} />
        </Field>
        <Field label="Product name" error={errors.name}>
          <input {...text('name')} />
        </Field>
        <Field label="Family" error={errors.family}>
          <input {...text('family')} />
        </Field>
        <Field label="List price" error={errors.listPrice}>
          <input {...text('listPrice')} inputMode="decimal" placeholder="1250.00" />
        </Field>
        <Field label="Currency (default: the organization's)" error={errors.currency}>
          <input {...text('currency')} maxLength={3} placeholder="USD" />
        </Field>
        <Field label="Description" error={errors.description} className="wide">
          <textarea
            name="description"
            rows={2}
            value={v.description}
            onChange={(e) => setV((o) => ({ ...o, description: e.target.value }))}
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={v.active}
            onChange={(e) => setV((o) => ({ ...o, active: e.target.checked }))}
          />
          Active (can be added to deals)
        </label>
      </div>
      <FormError error={error} />
      <div className="actions">
        {product && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {product ? 'Save product' : 'Create product'}
        </button>
      </div>
    </form>
  );
}
