import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { canManageAgents, canReadDealAgents } from '../../../src/contract/access.ts';
import { agreementCovers, sideOfRole } from '../../../src/contract/dual-agency.ts';
import { api, ApiError, type ApiData } from '../api.ts';
import { problemText } from './form-errors.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { useActor } from '../permissions.ts';
import { ErrorState, Loading } from './states.tsx';

type DealAgency = ApiData<'get', '/deals/{id}/agents'>;
type Side = 'buyer' | 'seller';
type Role = 'buyer_agent' | 'seller_agent' | 'co_agent';

const roleNames: Record<Role, string> = {
  buyer_agent: "Buyer's agent",
  seller_agent: "Seller's agent",
  co_agent: 'Co-agent',
};
const nowLocal = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const isoOf = (local: string) => new Date(local).toISOString();

/**
 * The deal's agents with their side and agreement, the dual-agency state (a refused assignment is
 * shown prominently until both parties' consent is on record), and, for those who may change the
 * deal, adding and removing agents and recording disclosures and consents.
 */
export function DealAgents({ dealId, canChange }: { dealId: string; canChange: boolean }) {
  const actor = useActor();
  const queryClient = useQueryClient();
  const key = ['deal', dealId, 'agents'];
  const agency = useQuery({
    queryKey: key,
    queryFn: () => api.get('/deals/{id}/agents', { params: { path: { id: dealId } } }),
    enabled: actor !== null && canReadDealAgents(actor),
  });
  const manage = canChange && actor !== null && canManageAgents(actor);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['deal', dealId] });
  };
  const act = async (what: () => Promise<unknown>, done: string) => {
    setNotice(null);
    try {
      await what();
      setNotice({ kind: 'ok', text: done });
      setRefusal(null);
    } catch (err) {
      if (
        err instanceof ApiError &&
        (err.code === 'dual_agency_consent_required' || err.code === 'dual_agency_forbidden')
      )
        setRefusal(err.detail);
      else setNotice({ kind: 'error', text: problemText(err) });
    }
    refresh();
  };

  if (actor === null || !canReadDealAgents(actor)) return null;
  return (
    <section className="card" aria-labelledby="agents-title" data-testid="deal-agents">
      <h2 id="agents-title">Agents</h2>
      {agency.isPending && <Loading />}
      {agency.isError && <ErrorState error={agency.error} what="the agents" onRetry={() => void agency.refetch()} />}
      {agency.data && (
        <>
          <DualAgencyBanner agency={agency.data} refusal={refusal} />
          {notice && (
            <p className={`notice ${notice.kind}`} role="status">
              {notice.text}
            </p>
          )}
          <AgentTable
            agency={agency.data}
            onRemove={
              manage
                ? (id, name) =>
                    void act(
                      () =>
                        api.del('/deals/{id}/agents/{dealAgentId}', {
                          params: { path: { id: dealId, dealAgentId: id } },
                        }),
                      `${name} removed.`,
                    )
                : undefined
            }
          />
          {manage && (
            <>
              <AddAgentForm dealId={dealId} act={act} />
              <ConsentForm dealId={dealId} agency={agency.data} act={act} />
              <DisclosureForm dealId={dealId} agency={agency.data} act={act} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function DualAgencyBanner({ agency, refusal }: { agency: DealAgency; refusal: string | null }) {
  const sides = agency.consentedSides;
  const consents = `Written consent on record: ${sides.length ? sides.join(' and ') : 'none'}.`;
  if (refusal || agency.dualAgency === 'blocked')
    return (
      <div className="notice error" role="alert" data-testid="dual-agency-warning">
        <strong>Dual agency blocked.</strong> {refusal ?? 'The same agent or firm was put on both sides of this deal.'}{' '}
        {consents}
      </div>
    );
  if (agency.dualAgency === 'consented')
    return (
      <div className="notice ok" role="status" data-testid="dual-agency-consented">
        <strong>Dual agency with consent.</strong> The same agent or firm acts for both sides. {consents}
      </div>
    );
  return null;
}

function AgentTable({
  agency,
  onRemove,
}: {
  agency: DealAgency;
  onRemove: ((dealAgentId: string, name: string) => void) | undefined;
}) {
  if (agency.agents.length === 0) return <p className="muted">No agents on this deal.</p>;
  return (
    <table className="table" data-testid="agents-table">
      <thead>
        <tr>
          <th>Agent</th>
          <th>Role</th>
          <th>Side</th>
          <th>Agreement</th>
          <th>Disclosed</th>
          {onRemove && <th />}
        </tr>
      </thead>
      <tbody>
        {agency.agents.map((a) => (
          <tr key={a.id}>
            <td>
              {a.agentName}
              {a.firmName ? <span className="muted small"> · {a.firmName}</span> : null}
            </td>
            <td>{roleNames[a.role]}</td>
            <td>{a.side}</td>
            <td className="small">
              {a.agreementTo
                ? `${formatDate(a.agreementFrom)} to ${formatDate(a.agreementTo)}`
                : `from ${formatDate(a.agreementFrom)}`}
            </td>
            <td>{a.disclosed ? 'yes' : 'not yet'}</td>
            {onRemove && (
              <td>
                <button type="button" onClick={() => onRemove(a.id, a.agentName)}>
                  Remove
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Act = (what: () => Promise<unknown>, done: string) => Promise<void>;

function AddAgentForm({ dealId, act }: { dealId: string; act: Act }) {
  const parties = useQuery({
    queryKey: ['agent-parties'],
    queryFn: () => api.get('/agent-parties', { params: { query: { limit: 500 } } }),
  });
  const agreements = useQuery({
    queryKey: ['agency-agreements'],
    queryFn: () => api.get('/agency-agreements', { params: { query: { limit: 500 } } }),
  });
  const [partyId, setPartyId] = useState('');
  const [role, setRole] = useState<Role>('buyer_agent');
  const [coSide, setCoSide] = useState<Side>('buyer');
  const [agreementId, setAgreementId] = useState('');
  const party = parties.data?.items.find((p) => p.id === partyId);
  const side: Side = sideOfRole(role, coSide) ?? coSide;
  const fitting = (agreements.data?.items ?? []).filter(
    (g) => party !== undefined && agreementCovers(g.agentPartyId, party) && g.side === side,
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!party || !agreementId) return;
    void act(
      () =>
        api.post('/deals/{id}/agents', {
          params: { path: { id: dealId } },
          body: { agentPartyId: party.id, agreementId, role, ...(role === 'co_agent' ? { side } : {}) },
        }),
      `${party.name} added as ${roleNames[role].toLowerCase()}.`,
    );
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="Add an agent" data-testid="add-agent">
      <h3>Add an agent</h3>
      <label>
        Agent{' '}
        <select
          name="agentPartyId"
          value={partyId}
          onChange={(e) => (setPartyId(e.target.value), setAgreementId(''))}
          required
        >
          <option value="">— choose —</option>
          {(parties.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.firmName ? ` (${p.firmName})` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Role{' '}
        <select name="role" value={role} onChange={(e) => (setRole(e.target.value as Role), setAgreementId(''))}>
          {(Object.keys(roleNames) as Role[]).map((r) => (
            <option key={r} value={r}>
              {roleNames[r]}
            </option>
          ))}
        </select>
      </label>{' '}
      {role === 'co_agent' && (
        <label>
          Side{' '}
          <select name="side" value={coSide} onChange={(e) => setCoSide(e.target.value as Side)}>
            <option value="buyer">buyer</option>
            <option value="seller">seller</option>
          </select>
        </label>
      )}{' '}
      <label>
        Agreement{' '}
        <select name="agreementId" value={agreementId} onChange={(e) => setAgreementId(e.target.value)} required>
          <option value="">— choose —</option>
          {fitting.map((g) => (
            <option key={g.id} value={g.id}>
              {g.representedName} · {g.effectiveFrom}
              {g.effectiveTo ? `–${g.effectiveTo}` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" className="primary">
        Add agent
      </button>
    </form>
  );
}

function ConsentForm({ dealId, agency, act }: { dealId: string; agency: DealAgency; act: Act }) {
  const missing = (['buyer', 'seller'] as const).filter((s) => !agency.consentedSides.includes(s));
  const [side, setSide] = useState<Side | ''>('');
  const [givenBy, setGivenBy] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [at, setAt] = useState(nowLocal);
  if (missing.length === 0) return null;
  const chosen = side === '' ? missing[0] : side;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    void act(
      () =>
        api.post('/deals/{id}/dual-agency-consents', {
          params: { path: { id: dealId } },
          body: { side: chosen, givenBy, documentRef, consentedAt: isoOf(at) },
        }),
      `The ${chosen}'s consent is recorded.`,
    );
    setGivenBy('');
    setDocumentRef('');
    setSide('');
  };
  return (
    <form
      className="inline-form"
      onSubmit={onSubmit}
      aria-label="Record consent to dual agency"
      data-testid="consent-form"
    >
      <h3>Record written consent to dual agency</h3>
      <label>
        Side{' '}
        <select name="side" value={chosen} onChange={(e) => setSide(e.target.value as Side)}>
          {missing.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Given by <input value={givenBy} onChange={(e) => setGivenBy(e.target.value)} required />
      </label>{' '}
      <label>
        Document <input value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} required />
      </label>{' '}
      <label>
        At <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
      </label>{' '}
      <button type="submit">Record consent</button>
    </form>
  );
}

function DisclosureForm({ dealId, agency, act }: { dealId: string; agency: DealAgency; act: Act }) {
  const agents = [...new Map(agency.agents.map((a) => [a.agentPartyId, a.agentName])).entries()];
  const [agentPartyId, setAgentPartyId] = useState('');
  const [disclosedTo, setDisclosedTo] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [at, setAt] = useState(nowLocal);
  if (agents.length === 0) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void act(
      () =>
        api.post('/deals/{id}/agent-disclosures', {
          params: { path: { id: dealId } },
          body: { agentPartyId, disclosedTo, documentRef, disclosedAt: isoOf(at) },
        }),
      'Disclosure recorded.',
    );
    setDisclosedTo('');
    setDocumentRef('');
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="Record a disclosure" data-testid="disclosure-form">
      <h3>Record a disclosure</h3>
      <label>
        Agent{' '}
        <select name="agentPartyId" value={agentPartyId} onChange={(e) => setAgentPartyId(e.target.value)} required>
          <option value="">— choose —</option>
          {agents.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Disclosed to <input value={disclosedTo} onChange={(e) => setDisclosedTo(e.target.value)} required />
      </label>{' '}
      <label>
        Document <input value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} required />
      </label>{' '}
      <label>
        At <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
      </label>{' '}
      <button type="submit">Record disclosure</button>
      {agency.disclosures.length > 0 && (
        <ul className="small">
          {agency.disclosures.map((d) => (
            <li key={d.id}>
              {d.agentName} to {d.disclosedTo}, {formatDateTime(d.disclosedAt)} ({d.documentRef})
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
