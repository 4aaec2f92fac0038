import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { api, ApiError, ifMatch } from '../api.ts';
import { formatMoney, stageTotals } from '../money.ts';
import { boardDealsQuery, nameOf, pipelinesQuery, usersQuery } from '../queries.ts';
import type { DealDto, GateField, PipelineDto, StageDto } from '../types.ts';
import { NewDealButton } from '../components/new-deal-dialog.tsx';
import type { BoardFilters } from '../board-data.ts';
import { BoardFilterBar } from './board-filters.tsx';
import { MoveDialog, type PendingMove } from './move-dialog.tsx';
import { VirtualCards } from './virtual-cards.tsx';

const DEAL_MIME = 'application/x-pipewright-deal';

export function BoardPage() {
  const { pipelineId: chosen, ...filters } = useSearch({ from: '/board' });
  const navigate = useNavigate();
  const pipelines = useQuery(pipelinesQuery);
  const pipeline =
    pipelines.data?.find((p) => p.id === chosen) ?? pipelines.data?.find((p) => p.isDefault) ?? pipelines.data?.[0];

  if (pipelines.isPending) return <p className="muted">Loading pipelines…</p>;
  if (pipelines.isError) return <p className="error">{pipelines.error.message}</p>;
  if (!pipeline)
    return (
      <p className="muted">
        No pipeline yet. An admin creates one through the API (POST /api/v1/pipelines, see{' '}
        <a href="/api/docs">/api/docs</a>), or loads the demo data with <code>npm run pipewright -- seed demo</code>.
      </p>
    );

  return (
    <section className="board-page">
      <div className="toolbar">
        <h1>{pipeline.name}</h1>
        <label>
          Pipeline{' '}
          <select
            aria-label="Pipeline"
            value={pipeline.id}
            onChange={(e) => void navigate({ to: '/board', search: { pipelineId: e.target.value } })}
          >
            {pipelines.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <NewDealButton pipelineId={pipeline.id} />
      </div>
      <BoardFilterBar
        filters={filters}
        onChange={(next) => void navigate({ to: '/board', search: { pipelineId: pipeline.id, ...next } })}
      />
      <Board pipeline={pipeline} filters={filters} />
    </section>
  );
}

function Board({ pipeline, filters }: { pipeline: PipelineDto; filters: BoardFilters }) {
  const queryClient = useQueryClient();
  const stages = useMemo(() => [...pipeline.stages].sort((a, b) => a.position - b.position), [pipeline.stages]);
  const boardQuery = boardDealsQuery(
    pipeline.id,
    stages.map((s) => s.id),
    filters,
  );
  const dealsKey = boardQuery.queryKey;
  const deals = useQuery(boardQuery);
  const users = useQuery(usersQuery);
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const byStage = useMemo(() => {
    const m = new Map<string, DealDto[]>(stages.map((s) => [s.id, []]));
    for (const d of deals.data ?? []) m.get(d.stageId)?.push(d);
    return m;
  }, [deals.data, stages]);
  const ownerNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);

  // For measurements (bench:web): the first frame after the board's cards are on screen.
  const marked = useRef(false);
  useEffect(() => {
    if (!deals.data || marked.current) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('board:interactive'));
  }, [deals.data]);

  /** Replaces one deal in the board's cache (the server's answer), then refreshes from the server. */
  const applyDeal = (deal: DealDto) => {
    queryClient.setQueryData(dealsKey, (old: DealDto[] | undefined) => old?.map((d) => (d.id === deal.id ? deal : d)));
    queryClient.setQueryData(['deal', deal.id], deal);
    void queryClient.invalidateQueries({ queryKey: ['deal', deal.id] });
  };

  /** POST /deals/:id/stage; the server applies the stage rules and may refuse. */
  const move = async (deal: DealDto, stage: StageDto, lostReason?: string): Promise<void> => {
    setNotice(null);
    setMoving(deal.id);
    try {
      const moved = await api.post('/deals/{id}/stage', {
        params: { path: { id: deal.id }, header: ifMatch(deal.version) },
        body: { stageId: stage.id, ...(lostReason ? { lostReason } : {}) },
      });
      applyDeal(moved);
      setPending(null);
      setNotice({ kind: 'ok', text: `Moved "${deal.name}" to ${stage.name}` });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      switch (err.code) {
        case 'stage_gate_failed': {
          const missing = Array.isArray(err.body.missingFields)
            ? (err.body.missingFields as GateField[])
            : (err.errors.map((e) => e.field) as GateField[]);
          setPending({ deal, stage, missingFields: missing, needsLostReason: false, reason: err.detail });
          break;
        }
        case 'version_conflict':
          setPending(null);
          setNotice({ kind: 'error', text: `${err.detail}. The board was reloaded; try again.` });
          await queryClient.invalidateQueries({ queryKey: dealsKey });
          break;
        default:
          setPending(null);
          setNotice({ kind: 'error', text: err.detail });
      }
    } finally {
      setMoving(null);
    }
  };

  const onDrop = (e: DragEvent, stage: StageDto) => {
    e.preventDefault();
    setDropTarget(null);
    const id = e.dataTransfer.getData(DEAL_MIME) || e.dataTransfer.getData('text/plain');
    const deal = deals.data?.find((d) => d.id === id);
    if (!deal || deal.stageId === stage.id) return;
    if (stage.kind === 'lost' && !deal.lostReason) {
      setPending({ deal, stage, missingFields: [], needsLostReason: true, reason: `Why was "${deal.name}" lost?` });
      return;
    }
    void move(deal, stage);
  };

  if (deals.isPending) return <p className="muted">Loading deals…</p>;
  if (deals.isError) return <p className="error">{deals.error.message}</p>;

  return (
    <>
      {notice && (
        <p
          className={notice.kind === 'error' ? 'notice error' : 'notice ok'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="board-notice"
        >
          {notice.text}
        </p>
      )}
      <div className="board" data-testid="board">
        {stages.map((stage) => {
          const inStage = byStage.get(stage.id) ?? [];
          const totals = stageTotals(inStage, stage.probability);
          return (
            <div
              key={stage.id}
              className={`column kind-${stage.kind}${dropTarget === stage.id ? ' drop' : ''}`}
              data-testid={`stage-${stage.name}`}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDropTarget(stage.id);
              }}
              onDragLeave={() => setDropTarget((t) => (t === stage.id ? null : t))}
              onDrop={(e) => onDrop(e, stage)}
            >
              <div className="column-head">
                <h2>
                  {stage.name} <span className="count">{totals.count}</span>
                </h2>
                <div className="muted small">
                  {stage.kind === 'open' ? `${stage.probability} %` : stage.kind}
                  {stage.requiredFields.length > 0 && (
                    <span title={`Requires: ${stage.requiredFields.join(', ')}`}> · gate</span>
                  )}
                </div>
                {totals.byCurrency.map((t) => (
                  <div key={t.currency} className="totals small">
                    <span title="Sum">{formatMoney(t.sum, t.currency)}</span>
                    <span title="Weighted by the stage probability" className="muted">
                      {' '}
                      · weighted {formatMoney(t.weighted)}
                    </span>
                  </div>
                ))}
              </div>
              <VirtualCards
                items={inStage}
                label={`Deals in ${stage.name}`}
                itemKey={(deal) => deal.id}
                renderItem={(deal) => (
                  <li
                    className={`deal-card${moving === deal.id ? ' moving' : ''}`}
                    draggable
                    data-testid={`deal-${deal.name}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DEAL_MIME, deal.id);
                      e.dataTransfer.setData('text/plain', deal.id);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                  >
                    <Link to="/deals/$dealId" params={{ dealId: deal.id }} className="deal-name">
                      {deal.name}
                    </Link>
                    <div className="small">
                      {deal.amount !== null ? (
                        formatMoney(deal.amount, deal.currency)
                      ) : (
                        <span className="muted">No amount</span>
                      )}
                    </div>
                    <div className="small muted">
                      {deal.ownerId ? (ownerNames.get(deal.ownerId) ?? nameOf(users.data, deal.ownerId)) : 'Unassigned'}
                    </div>
                  </li>
                )}
              />
            </div>
          );
        })}
      </div>
      {pending && (
        <MoveDialog
          pending={pending}
          onCancel={() => setPending(null)}
          onUpdated={(deal) => applyDeal(deal)}
          onRetry={(deal, lostReason) => move(deal, pending.stage, lostReason)}
        />
      )}
    </>
  );
}
