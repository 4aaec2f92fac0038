import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  backtestRequestSchema,
  createPoolSchema,
  createTerritorySchema,
  updatePoolSchema,
  updateRoutingSettingsSchema,
  updateTerritorySchema,
} from '../../../../src/contract/routing.ts';
import { api, ApiError, ifMatch, type ApiData } from '../../api.ts';
import { EChart } from '../../components/echart.tsx';
import { allUsersQuery } from './admin-layout.tsx';
import { Field, FormError, intOrNull, useSubmit } from './form.tsx';

const TERRITORIES = ['admin', 'territories'];
const POOLS = ['admin', 'routing-pools'];
const SETTINGS = ['admin', 'routing-settings'];
type Backtest = ApiData<'post', '/routing/backtest'>;
type Territory = ApiData<'get', '/territories'>['items'][number];
type Pool = ApiData<'get', '/routing-pools'>['items'][number];
type Criteria = Territory['criteria'];
const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Territories (criteria, hierarchy, members, overlaps), routing pools, the rule order and a backtest. */
export function AdminRoutingPage() {
  const territories = useQuery({ queryKey: TERRITORIES, queryFn: async () => (await api.get('/territories')).items });
  const overlaps = useQuery({
    queryKey: [...TERRITORIES, 'overlaps'],
    queryFn: async () => (await api.get('/territories/overlaps')).items,
  });
  const pools = useQuery({ queryKey: POOLS, queryFn: async () => (await api.get('/routing-pools')).items });
  const names = new Map((territories.data ?? []).map((t) => [t.id, t.name]));
  const poolNames = new Map((pools.data ?? []).map((p) => [p.id, p.name]));
  const [editingTerritory, setEditingTerritory] = useState<string | null>(null);
  const [editingPool, setEditingPool] = useState<string | null>(null);
  const territoryToEdit = (territories.data ?? []).find((t) => t.id === editingTerritory) ?? null;
  const poolToEdit = (pools.data ?? []).find((p) => p.id === editingPool) ?? null;
  return (
    <>
      <h1>Territories and routing</h1>
      <h2>Territories</h2>
      <TerritoryForm
        editing={null}
        onDone={() => undefined}
        territories={territories.data ?? []}
        pools={pools.data ?? []}
      />
      <table className="admin-table" aria-label="Territories">
        <thead>
          <tr>
            <th>Territory</th>
            <th>Parent</th>
            <th>Criteria</th>
            <th>Pool</th>
            <th>Members</th>
            <th className="num">Accounts</th>
            <th className="num">Leads</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(territories.data ?? []).map((t) => (
            <tr key={t.id} data-testid={`territory-${t.name}`}>
              <td>{t.name}</td>
              <td>{t.parentId ? (names.get(t.parentId) ?? '') : '—'}</td>
              <td>{criteriaText(t.criteria)}</td>
              <td>{t.poolId ? (poolNames.get(t.poolId) ?? '') : 'its members'}</td>
              <td>{t.members.map((m) => `${m.name} (${m.role})`).join(', ') || '—'}</td>
              <td className="num">{t.accounts}</td>
              <td className="num">{t.leads}</td>
              <td>
                <button type="button" onClick={() => setEditingTerritory(t.id)} aria-label={`Edit territory ${t.name}`}>
                  Edit
                </button>{' '}
                <DeleteButton
                  what={`territory ${t.name}`}
                  queryKey={TERRITORIES}
                  remove={() => api.del('/territories/{id}', { params: { path: { id: t.id } } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {territoryToEdit && (
        <TerritoryForm
          key={territoryToEdit.id}
          editing={territoryToEdit}
          onDone={() => setEditingTerritory(null)}
          territories={territories.data ?? []}
          pools={pools.data ?? []}
        />
      )}
      <h2>Overlaps</h2>
      {(overlaps.data ?? []).length === 0 ? (
        <p>No territories overlap.</p>
      ) : (
        <ul aria-label="Overlaps">
          {(overlaps.data ?? []).map((o) => (
            <li key={o.territoryIds.join('|')} className={o.ambiguous ? 'warning' : undefined}>
              {o.message}
            </li>
          ))}
        </ul>
      )}
      <h2>Pools</h2>
      <PoolForm editing={null} onDone={() => undefined} />
      <table className="admin-table" aria-label="Pools">
        <thead>
          <tr>
            <th>Pool</th>
            <th>Algorithm</th>
            <th>Skill</th>
            <th>Members (weight, caps per day / week, skills)</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(pools.data ?? []).map((p) => (
            <tr key={p.id} data-testid={`pool-${p.name}`}>
              <td>{p.name}</td>
              <td>{p.algorithm === 'count_based' ? 'fewest assignments' : 'weighted round robin'}</td>
              <td>{p.requiredSkill ?? '—'}</td>
              <td>
                {p.members
                  .map(
                    (m) =>
                      `${m.name} ×${m.weight} (${m.capPerDay ?? '∞'} / ${m.capPerWeek ?? '∞'}${m.skills.length ? `; ${m.skills.join(', ')}` : ''})`,
                  )
                  .join(', ') || '—'}
              </td>
              <td>
                <button type="button" onClick={() => setEditingPool(p.id)} aria-label={`Edit pool ${p.name}`}>
                  Edit
                </button>{' '}
                <DeleteButton
                  what={`pool ${p.name}`}
                  queryKey={POOLS}
                  remove={() => api.del('/routing-pools/{id}', { params: { path: { id: p.id } } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {poolToEdit && <PoolForm key={poolToEdit.id} editing={poolToEdit} onDone={() => setEditingPool(null)} />}
      <h2>Routing rules</h2>
      <RulesForm pools={pools.data ?? []} />
      <h2>Backtest</h2>
      <BacktestForm />
    </>
  );
}

/**
 * Delete with confirmation: the first click asks, the second deletes. A refusal (409: the pool or
 * territory is still in use, with what uses it) is shown beside the button.
 */
function DeleteButton({
  what,
  queryKey,
  remove,
}: {
  what: string;
  queryKey: readonly string[];
  remove: () => Promise<unknown>;
}) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await remove();
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey });
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : 'Could not delete.');
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {asking ? (
        <span role="group" aria-label={`Confirm deleting ${what}`}>
          Delete {what}?{' '}
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
            Yes, delete
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setAsking(true)} aria-label={`Delete ${what}`}>
          Delete
        </button>
      )}
      {error && (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}

function criteriaText(c: Criteria): string {
  const parts = [
    c.countries.length ? `country ${c.countries.join('/')}` : '',
    c.regions.length ? `region ${c.regions.join('/')}` : '',
    c.postalPrefixes.length ? `postal ${c.postalPrefixes.join('/')}…` : '',
    c.industries.length ? `industry ${c.industries.join('/')}` : '',
    c.employeesMin !== null || c.employeesMax !== null
      ? `${c.employeesMin ?? 0}–${c.employeesMax ?? '∞'} employees`
      : '',
    c.accountIds.length ? `${c.accountIds.length} named accounts` : '',
  ];
  return parts.filter((p) => p !== '').join('; ') || '—';
}

/** Adds a territory, or changes the one being edited (name, parent, criteria, pool, members). */
function TerritoryForm({
  territories,
  pools,
  editing,
  onDone,
}: {
  territories: readonly { id: string; name: string }[];
  pools: readonly { id: string; name: string }[];
  editing: Territory | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const users = useQuery(allUsersQuery);
  const { errors, error, busy, run } = useSubmit(TERRITORIES);
  const empty = { name: '', parentId: '', poolId: '', countries: '', postal: '', industries: '', min: '', max: '' };
  const [f, setF] = useState(() =>
    editing
      ? {
          name: editing.name,
          parentId: editing.parentId ?? '',
          poolId: editing.poolId ?? '',
          countries: editing.criteria.countries.join(', '),
          postal: editing.criteria.postalPrefixes.join(', '),
          industries: editing.criteria.industries.join(', '),
          min: editing.criteria.employeesMin === null ? '' : String(editing.criteria.employeesMin),
          max: editing.criteria.employeesMax === null ? '' : String(editing.criteria.employeesMax),
        }
      : empty,
  );
  const [members, setMembers] = useState<{ userId: string; role: 'outside' | 'inside' | 'manager' }[]>(() =>
    editing ? editing.members.map((m) => ({ userId: m.userId, role: m.role })) : [],
  );
  const [member, setMember] = useState('');
  const [role, setRole] = useState<'outside' | 'inside' | 'manager'>('outside');
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: f.name,
      parentId: f.parentId || null,
      poolId: f.poolId || null,
      criteria: {
        countries: list(f.countries),
        // Regions and named accounts are not edited here: they are kept as they are.
        regions: editing?.criteria.regions ?? [],
        postalPrefixes: list(f.postal),
        industries: list(f.industries),
        employeesMin: f.min === '' ? null : intOrNull(f.min),
        employeesMax: f.max === '' ? null : intOrNull(f.max),
        accountIds: editing?.criteria.accountIds ?? [],
      },
      members,
    };
    const saved = editing
      ? await run(updateTerritorySchema, input, (v) =>
          api.patch('/territories/{id}', {
            params: { path: { id: editing.id }, header: ifMatch(editing.version) },
            body: v,
          }),
        )
      : await run(createTerritorySchema, input, (v) => api.post('/territories', { body: v }));
    if (saved) {
      setF(empty);
      setMembers([]);
      await queryClient.invalidateQueries({ queryKey: TERRITORIES });
      onDone();
    }
  };
  const active = (users.data ?? []).filter((u) => u.active);
  return (
    <form
      className="admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={editing ? `Edit territory ${editing.name}` : 'New territory'}
    >
      {editing && <h3>Edit territory {editing.name}</h3>}
      <Field label="Name" error={errors.name}>
        <input value={f.name} onChange={set('name')} />
      </Field>
      <Field label="Parent" error={errors.parentId}>
        <select value={f.parentId} onChange={set('parentId')}>
          <option value="">None</option>
          {territories
            .filter((t) => t.id !== editing?.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
      </Field>
      <Field
        label="Countries (comma-separated codes)"
        error={errors['criteria.countries'] ?? errors['criteria.countries.0']}
      >
        <input value={f.countries} onChange={set('countries')} placeholder="DE, AT, CH" />
      </Field>
      <Field label="Postal prefixes" error={errors['criteria.postalPrefixes.0']}>
        <input value={f.postal} onChange={set('postal')} placeholder="80, 81" />
      </Field>
      <Field label="Industries" error={errors['criteria.industries.0']}>
        <input value={f.industries} onChange={set('industries')} />
      </Field>
      <Field label="Employees from" error={errors['criteria.employeesMin']}>
        <input value={f.min} onChange={set('min')} inputMode="numeric" />
      </Field>
      <Field label="Employees to" error={errors['criteria.employeesMax']}>
        <input value={f.max} onChange={set('max')} inputMode="numeric" />
      </Field>
      <Field label="Pool" error={errors.poolId}>
        <select value={f.poolId} onChange={set('poolId')}>
          <option value="">Its members</option>
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Member" error={errors['members.0.userId']}>
        <select value={member} onChange={(e) => setMember(e.target.value)}>
          <option value="">Choose…</option>
          {active.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Member role">
        <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
          <option value="outside">outside</option>
          <option value="inside">inside</option>
          <option value="manager">manager</option>
        </select>
      </Field>
      <button
        type="button"
        disabled={member === ''}
        onClick={() => {
          setMembers((m) => [...m.filter((x) => x.userId !== member), { userId: member, role }]);
          setMember('');
        }}
      >
        Add member
      </button>
      <ul className="plain" aria-label="Territory members">
        {members.map((m) => (
          <li key={m.userId}>
            {active.find((u) => u.id === m.userId)?.name ?? m.userId} ({m.role}){' '}
            <button
              type="button"
              aria-label={`Remove ${active.find((u) => u.id === m.userId)?.name ?? 'member'}`}
              onClick={() => setMembers((all) => all.filter((x) => x.userId !== m.userId))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {editing ? 'Save territory' : 'Add territory'}
      </button>
      {editing && (
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      )}
    </form>
  );
}

type PickedMember = { weight: string; capPerDay: string; capPerWeek: string };

/** Adds a pool, or changes the one being edited (name, algorithm, skill, members with weights and caps). */
function PoolForm({ editing, onDone }: { editing: Pool | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const users = useQuery(allUsersQuery);
  const { errors, error, busy, run } = useSubmit(POOLS);
  const [name, setName] = useState(editing?.name ?? '');
  const [algorithm, setAlgorithm] = useState<'weighted_round_robin' | 'count_based'>(
    editing?.algorithm ?? 'count_based',
  );
  const [skill, setSkill] = useState(editing?.requiredSkill ?? '');
  const [picked, setPicked] = useState<Record<string, PickedMember>>(() =>
    Object.fromEntries(
      (editing?.members ?? []).map((m) => [
        m.userId,
        {
          weight: String(m.weight),
          capPerDay: m.capPerDay === null ? '' : String(m.capPerDay),
          capPerWeek: m.capPerWeek === null ? '' : String(m.capPerWeek),
        },
      ]),
    ),
  );
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name,
      algorithm,
      requiredSkill: skill.trim() || null,
      members: Object.entries(picked).map(([userId, m]) => ({
        userId,
        weight: intOrNull(m.weight),
        capPerDay: m.capPerDay === '' ? null : intOrNull(m.capPerDay),
        capPerWeek: m.capPerWeek === '' ? null : intOrNull(m.capPerWeek),
      })),
    };
    const saved = editing
      ? await run(updatePoolSchema, { ...input, periodDays: editing.periodDays }, (v) =>
          api.patch('/routing-pools/{id}', {
            params: { path: { id: editing.id }, header: ifMatch(editing.version) },
            body: v,
          }),
        )
      : await run(createPoolSchema, input, (v) => api.post('/routing-pools', { body: v }));
    if (saved) {
      setName('');
      setPicked({});
      await queryClient.invalidateQueries({ queryKey: POOLS });
      onDone();
    }
  };
  const reps = (users.data ?? []).filter(
    (u) => (u.active && (u.role === 'rep' || u.role === 'inside_sales')) || picked[u.id] !== undefined,
  );
  return (
    <form
      className="admin-form"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={editing ? `Edit pool ${editing.name}` : 'New pool'}
    >
      {editing && <h3>Edit pool {editing.name}</h3>}
      <Field label="Pool name" error={errors.name}>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Algorithm" error={errors.algorithm}>
        <select value={algorithm} onChange={(e) => setAlgorithm(e.target.value as typeof algorithm)}>
          <option value="count_based">fewest assignments</option>
          <option value="weighted_round_robin">weighted round robin</option>
        </select>
      </Field>
      <Field label="Required skill" error={errors.requiredSkill}>
        <input value={skill} onChange={(e) => setSkill(e.target.value)} />
      </Field>
      <fieldset>
        <legend>Members</legend>
        {reps.map((u) => {
          const m = picked[u.id];
          return (
            <div key={u.id}>
              <label>
                <input
                  type="checkbox"
                  checked={m !== undefined}
                  onChange={(e) =>
                    setPicked((p) => {
                      const next = { ...p };
                      if (e.target.checked) next[u.id] = { weight: '1', capPerDay: '', capPerWeek: '' };
                      else delete next[u.id];
                      return next;
                    })
                  }
                />{' '}
                {u.name}
              </label>
              {m && (
                <>
                  <input
                    aria-label={`Weight of ${u.name}`}
                    value={m.weight}
                    inputMode="numeric"
                    onChange={(e) => setPicked((p) => ({ ...p, [u.id]: { ...m, weight: e.target.value } }))}
                  />
                  <input
                    aria-label={`Daily cap of ${u.name}`}
                    value={m.capPerDay}
                    inputMode="numeric"
                    placeholder="no cap"
                    onChange={(e) => setPicked((p) => ({ ...p, [u.id]: { ...m, capPerDay: e.target.value } }))}
                  />
                  <input
                    aria-label={`Weekly cap of ${u.name}`}
                    value={m.capPerWeek}
                    inputMode="numeric"
                    placeholder="no weekly cap"
                    onChange={(e) => setPicked((p) => ({ ...p, [u.id]: { ...m, capPerWeek: e.target.value } }))}
                  />
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {editing ? 'Save pool' : 'Add pool'}
      </button>
      {editing && (
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      )}
    </form>
  );
}

function RulesForm({ pools }: { pools: readonly { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS, queryFn: () => api.get('/routing/settings') });
  const { errors, error, busy, run } = useSubmit(SETTINGS);
  const s = settings.data;
  if (!s) return null;
  const save = async (patch: { fallbackPoolId?: string | null; routeLeads?: boolean }) => {
    if (
      await run(updateRoutingSettingsSchema, patch, (v) =>
        api.put('/routing/settings', { params: { header: ifMatch(s.version) }, body: v }),
      )
    )
      await queryClient.invalidateQueries({ queryKey: SETTINGS });
  };
  return (
    <form className="admin-form" aria-label="Routing rules" onSubmit={(e) => e.preventDefault()}>
      <ol>
        <li>The account’s owner, when they can take it</li>
        <li>The record’s territory: its pool, or its members</li>
        <li>The fallback pool</li>
      </ol>
      <Field label="Fallback pool" error={errors.fallbackPoolId}>
        <select
          value={s.fallbackPoolId ?? ''}
          disabled={busy}
          onChange={(e) => void save({ fallbackPoolId: e.target.value || null })}
        >
          <option value="">None (all bookable reps for meetings)</option>
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <label>
        <input
          type="checkbox"
          checked={s.routeLeads}
          disabled={busy}
          onChange={(e) => void save({ routeLeads: e.target.checked })}
        />{' '}
        Route arriving leads
      </label>
      <FormError error={error} />
    </form>
  );
}

function BacktestForm() {
  const { errors, error, busy, run } = useSubmit();
  const [days, setDays] = useState('30');
  const [result, setResult] = useState<Backtest | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await run(backtestRequestSchema, { days: intOrNull(days) }, (v) =>
      api.post('/routing/backtest', { body: v }),
    );
    if (r) setResult(r);
  };
  return (
    <>
      <form className="admin-form" onSubmit={(e) => void onSubmit(e)} aria-label="Backtest">
        <Field label="Days of leads to replay" error={errors.days}>
          <input value={days} onChange={(e) => setDays(e.target.value)} inputMode="numeric" />
        </Field>
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          Run backtest of the saved rules
        </button>
      </form>
      {result && <BacktestResult r={result} />}
    </>
  );
}

function BacktestResult({ r }: { r: Backtest }) {
  return (
    <section aria-label="Backtest result" data-testid="backtest-result">
      <p>
        {r.leads} leads replayed; {r.changed} would change hands; {r.unrouted} unrouted. By rule: account owner{' '}
        {r.byRule.account_owner}, territory {r.byRule.territory}, pool {r.byRule.pool}. Spread of counts: actual{' '}
        {r.fairness.actualSpread}, predicted {r.fairness.predictedSpread}.
      </p>
      <EChart
        label="Leads per rep, actual and predicted"
        height={260}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { data: ['Actual', 'Predicted'] },
          xAxis: { type: 'category', data: r.reps.map((x) => x.name) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: 'Actual', type: 'bar', data: r.reps.map((x) => x.actual) },
            { name: 'Predicted', type: 'bar', data: r.reps.map((x) => x.predicted) },
          ],
        }}
      />
      <table className="admin-table">
        <thead>
          <tr>
            <th>Rep</th>
            <th className="num">Actual</th>
            <th className="num">Predicted</th>
            <th className="num">Actual value</th>
            <th className="num">Predicted value</th>
          </tr>
        </thead>
        <tbody>
          {r.reps.map((x) => (
            <tr key={x.repId}>
              <td>{x.name}</td>
              <td className="num">{x.actual}</td>
              <td className="num">{x.predicted}</td>
              <td className="num">{x.actualValue.toFixed(2)}</td>
              <td className="num">{x.predictedValue.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
