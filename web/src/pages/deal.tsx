import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { heldText, isHeld } from '../held.ts';
import { api, ApiError, ifMatch } from '../api.ts';
import { DealCustomer, LineItemsEditor } from '../components/deal-editors.tsx';
import { problemText } from '../components/form-errors.ts';
import { canEdit, useActor } from '../permissions.ts';
import { MoveDialog, type PendingMove } from './move-dialog.tsx';
import { MergeAction } from '../components/merge-dialog.tsx';
import { Link, useParams } from '@tanstack/react-router';
import { formatDateTime, formatMoney } from '../format.ts';
import { dealQuery, dealTimelineQuery, pipelinesQuery, productsQuery, usersQuery } from '../queries.ts';
import type { DealDto, GateField, PipelineDto, StageDto, UserDto } from '../types.ts';
import { InlineFields, orNull, type EditableField } from '../components/inline-fields.tsx';
import { PartnerRoles } from '../components/partner-roles.tsx';
import { RelatedList } from '../components/related-list.tsx';
import { activityLine, ownerField, words } from './record-common.tsx';
import { DealAgents } from '../components/deal-agents.tsx';
import { DealCalls } from '../components/deal-calls.tsx';
import { ErrorState, Loading } from '../components/states.tsx';
import { BookMeetingCard } from '../components/meetings.tsx';
import { Timeline } from './timeline.tsx';
import { dealForecastCategories } from '../../../src/contract/deals.ts';

export function DealPage() {
  const { dealId } = useParams({ from: '/deals/$dealId' });
  const deal = useQuery(dealQuery(dealId));
  const timeline = useQuery(dealTimelineQuery(dealId));
  const pipelines = useQuery(pipelinesQuery);
  const actor = useActor();
  const users = useQuery(usersQuery);
  const products = useQuery(productsQuery);

  if (deal.isPending) return <Loading>Loading the deal…</Loading>;
  if (deal.isError) return <ErrorState error={deal.error} what="this deal" onRetry={() => void deal.refetch()} />;
  const d = deal.data;
  const pipeline = pipelines.data?.find((p) => p.id === d.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === d.stageId);
  const editable = canEdit(actor, 'deal', d);

  return (
    <article className="record" aria-labelledby="record-title">
      <p className="small">
        <Link to="/board" search={{ pipelineId: d.pipelineId }}>
          ← {pipeline?.name ?? 'Board'}
        </Link>
      </p>
      <h1 id="record-title" data-testid="deal-title">
        {d.name}
      </h1>
      {d.partnerAccountId && (
        <p className="small muted">
          <PartnerRoles deal={d} />
        </p>
      )}
      <div className="record-actions">
        <MergeAction entity="deal" record={d} />
      </div>
      <div className="record-grid">
        <div className="stack">
          <section className="card">
            <h2>Details</h2>
            <InlineFields
              path="/deals/{id}"
              id={d.id}
              version={d.version}
              queryKey={['deal', d.id]}
              noun="deal"
              fields={dealFields(d, users.data, stage).map((f) => (editable ? f : { ...f, readOnly: true }))}
            />
            {editable && <StageControl deal={d} pipeline={pipeline} />}
            <p className="muted small">
              In stage since {formatDateTime(d.stageEnteredAt)} · version {d.version}
            </p>
          </section>
          <section className="card" aria-labelledby="customer-title">
            <h2 id="customer-title">Customer and buying roles</h2>
            <DealCustomer deal={d} canEdit={editable} />
          </section>
          <section className="card" aria-labelledby="lines-title">
            <h2 id="lines-title">Line items</h2>
            <LineItemsEditor deal={d} products={products.data} canEdit={editable} />
          </section>
          <DealAgents dealId={d.id} canChange={editable} />
          <DealCalls dealId={d.id} dealName={d.name} />
          {d.status === 'open' && <BookMeetingCard link={{ dealId: d.id }} />}
          <RelatedList
            title="Activities"
            path="/activities"
            query={{ dealId: d.id, sort: 'occurred_at', order: 'desc' }}
            queryKey={['deal', d.id]}
            empty="No calls, meetings or notes logged on this deal yet."
            render={activityLine}
          />
        </div>
        <section className="card timeline-card">
          <h2>Timeline</h2>
          {timeline.isPending && <p className="muted">Loading…</p>}
          {timeline.isError && <p className="error">{timeline.error.message}</p>}
          {timeline.data && (
            <Timeline
              recordId={d.id}
              recordType="deal"
              currency={d.currency}
              entries={timeline.data.items}
              references={timeline.data.references}
            />
          )}
        </section>
      </div>
    </article>
  );
}

/** The deal's fields; the stage moves on the board (under its rules), so it is shown, not edited, here. */
function dealFields(d: DealDto, users: UserDto[] | undefined, stage: StageDto | undefined): EditableField[] {
  const none = () => ({});
  return [
    { key: 'name', label: 'Name', value: d.name, toPatch: (v) => ({ name: v }) },
    {
      key: 'stage',
      label: 'Stage',
      value: d.stageId,
      readOnly: true,
      toPatch: none,
      display: (
        <>
          <span data-testid="deal-stage">{stage?.name ?? '…'}</span>{' '}
          <span className={`badge ${d.status}`}>{d.status}</span>
        </>
      ),
    },
    {
      key: 'amount',
      label: `Amount (${d.currency})`,
      value: d.amount ?? '',
      display: d.amount !== null ? formatMoney(d.amount, d.currency) : undefined,
      toPatch: (v) => ({ amount: orNull(v.replace(/,/g, '')) }),
    },
    {
      key: 'expectedCloseDate',
      label: 'Expected close',
      value: d.expectedCloseDate ?? '',
      input: 'date',
      toPatch: (v) => ({ expectedCloseDate: orNull(v) }),
    },
    ownerField(users, d.ownerId),
    forecastCategoryField(d, stage),
    {
      key: 'nextStep',
      label: 'Next step',
      value: d.nextStep ?? '',
      input: 'textarea',
      toPatch: (v) => ({ nextStep: orNull(v) }),
    },
    { key: 'source', label: 'Source', value: d.source ?? '', toPatch: (v) => ({ source: orNull(v) }) },
    { key: 'channel', label: 'Channel', value: d.channel, display: words(d.channel), readOnly: true, toPatch: none },
    ...(d.lostReason !== null
      ? [
          {
            key: 'lostReason',
            label: 'Lost reason',
            value: d.lostReason,
            input: 'textarea' as const,
            toPatch: (v: string) => ({ lostReason: orNull(v) }),
          },
        ]
      : []),
  ];
}

const forecastCategoryLabels: Record<(typeof dealForecastCategories)[number], string> = {
  pipeline: 'Pipeline',
  best_case: 'Best case',
  commit: 'Commit',
  omitted: 'Omitted',
};

/** Where the deal stands for the forecast: the rep's own call, or its stage's category. */
function forecastCategoryField(d: DealDto, stage: StageDto | undefined): EditableField {
  const fromStage = stage ? words(stage.forecastCategory) : '…';
  return {
    key: 'forecastCategory',
    label: 'Forecast category',
    value: d.forecastCategory ?? '',
    display: d.forecastCategory ? forecastCategoryLabels[d.forecastCategory] : `${fromStage} (from the stage)`,
    input: 'select',
    options: [
      { value: '', label: `From the stage (${fromStage})` },
      ...dealForecastCategories.map((c) => ({ value: c, label: forecastCategoryLabels[c] })),
    ],
    toPatch: (v) => ({ forecastCategory: v === '' ? null : v }),
  };
}

/**
 * Moves the deal to another stage from its page. A stage gate's refusal opens the form that fills
 * what the stage asks for (the same dialog as the board's); a lost stage asks for the reason.
 */
function StageControl({ deal, pipeline }: { deal: DealDto; pipeline: PipelineDto | undefined }) {
  const queryClient = useQueryClient();
  const [stageId, setStageId] = useState('');
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const applyDeal = (d: DealDto) => {
    queryClient.setQueryData(['deal', d.id], d);
    void queryClient.invalidateQueries({ queryKey: ['deal', d.id] });
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
  };
  const move = async (current: DealDto, stage: StageDto, lostReason?: string) => {
    try {
      const moved = await api.post('/deals/{id}/stage', {
        params: { path: { id: current.id }, header: ifMatch(current.version) },
        body: { stageId: stage.id, ...(lostReason ? { lostReason } : {}) },
      });
      setPending(null);
      setStageId('');
      if (isHeld(moved)) {
        setNotice({ kind: 'ok', text: heldText(moved) });
        return;
      }
      applyDeal(moved);
      setNotice({ kind: 'ok', text: `Moved to ${stage.name}.` });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stage_gate_failed') {
        const missing = Array.isArray(err.body.missingFields)
          ? (err.body.missingFields as GateField[])
          : (err.errors.map((e) => e.field) as GateField[]);
        setPending({ deal: current, stage, missingFields: missing, needsLostReason: false, reason: err.detail });
        return;
      }
      setPending(null);
      if (err instanceof ApiError && err.code === 'version_conflict') applyDeal(current);
      setNotice({ kind: 'error', text: problemText(err) });
    }
  };
  const stages = pipeline?.stages ?? [];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const stage = stages.find((s) => s.id === stageId);
    if (!stage) return;
    setNotice(null);
    if (stage.kind === 'lost' && !deal.lostReason) {
      setPending({ deal, stage, missingFields: [], needsLostReason: true, reason: `Why was "${deal.name}" lost?` });
      return;
    }
    void move(deal, stage);
  };
  return (
    <>
      <form className="inline-edit stage-control" onSubmit={onSubmit} data-testid="stage-control">
        <label>
          Move to stage{' '}
          <select name="stageId" value={stageId} onChange={(e) => setStageId(e.target.value)}>
            <option value="">— choose —</option>
            {stages
              .filter((s) => s.id !== deal.stageId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" disabled={!stageId}>
          Move
        </button>
      </form>
      {notice && (
        <p className={notice.kind === 'ok' ? 'notice ok' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {pending && (
        <MoveDialog
          pending={pending}
          onCancel={() => setPending(null)}
          onUpdated={(d) => {
            applyDeal(d);
            setPending((p) => (p ? { ...p, deal: d } : p));
          }}
          onRetry={(d, lostReason) => move(d, pending.stage, lostReason)}
        />
      )}
    </>
  );
}
