import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { heldText, isHeld } from '../held.ts';
import { api, ApiError, ifMatch } from '../api.ts';
import { formatMoney } from '../format.ts';
import { nameOf, pipelinesQuery, usersQuery } from '../queries.ts';
import type { ApiSchemas } from '../api.ts';
import type { DealDto, GateField, PipelineDto, StageDto } from '../types.ts';
import { NewDealButton } from '../components/new-deal-dialog.tsx';
import { Modal } from '../components/modal.tsx';
import { PartnerRoles } from '../components/partner-roles.tsx';
import { canEdit, useActor } from '../permissions.ts';
import type { BoardFilters } from '../board-data.ts';
import { BoardFilterBar } from './board-filters.tsx';
import { MoveDialog, type PendingMove } from './move-dialog.tsx';
import { VirtualCards } from './virtual-cards.tsx';

const DEAL_MIME = 'application/x-pipewright-deal';
/** Cards per page of a column: about two screens of a tall column. */
const PAGE_SIZE = 30;
/** The most cards one page brings when the view has run far ahead (a jump to the end of a long column). */
const MAX_PAGE_SIZE = 200;

type BoardSummary = ApiSchemas['BoardSummary'];
type ClosedPeriod = BoardSummary['closedPeriod'];
const periodLabels: Record<ClosedPeriod, string> = {
  month: 'this month',
  quarter: 'this quarter',
  year: 'this year',
  all: 'all time',
};

export function BoardPage() {
  const { pipelineId: chosen, ...filters } = useSearch({ from: '/board' });
  const navigate = useNavigate();
  const pipelines = useQuery(pipelinesQuery);
  const pipeline =
    pipelines.data?.find((p) => p.id === chosen) ?? pipelines.data?.find((p) => p.isDefault) ?? pipelines.data?.[0];
  const [closedPeriod, setClosedPeriod] = useState<ClosedPeriod>('quarter');

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
        <label>
          Closed deals{' '}
          <select
            aria-label="Closed deals"
            value={closedPeriod}
            onChange={(e) => setClosedPeriod(e.target.value as ClosedPeriod)}
          >
            {(Object.keys(periodLabels) as ClosedPeriod[]).map((p) => (
              <option key={p} value={p}>
                {p === 'all' ? 'All time' : `Closed ${periodLabels[p]}`}
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
      <Board pipeline={pipeline} filters={filters} closedPeriod={closedPeriod} />
    </section>
  );
}

/** The board's query keys: everything under ['deals', 'board', pipelineId] is refreshed after a move. */
const boardKey = (pipelineId: string) => ['deals', 'board', pipelineId] as const;

function Board({
  pipeline,
  filters,
  closedPeriod,
}: {
  pipeline: PipelineDto;
  filters: BoardFilters;
  closedPeriod: ClosedPeriod;
}) {
  const queryClient = useQueryClient();
  const stages = useMemo(() => [...pipeline.stages].sort((a, b) => a.position - b.position), [pipeline.stages]);
  const summary = useQuery({
    queryKey: [...boardKey(pipeline.id), 'summary', filters, closedPeriod],
    queryFn: () =>
      api.get('/deals/board', { params: { query: { pipelineId: pipeline.id, closedPeriod, ...filters } } }),
    placeholderData: (previous) => previous,
  });
  const users = useQuery(usersQuery);
  const actor = useActor();
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [choosing, setChoosing] = useState<DealDto | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const dragged = useRef<DealDto | null>(null);
  const ownerNames = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);
  const ownerName = (id: string | null) => (id ? (ownerNames.get(id) ?? nameOf(users.data, id)) : 'Unassigned');

  // For measurements (bench:web): the first frame after every shown column's first cards are on screen.
  const shownOpen = stages.filter((s) => s.kind === 'open' || expanded.has(s.id)).length;
  const [firstPages, setFirstPages] = useState<ReadonlySet<string>>(new Set());
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || !summary.data || firstPages.size < shownOpen) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('board:interactive'));
  }, [summary.data, firstPages, shownOpen]);
  const onFirstPage = (stageId: string) => setFirstPages((s) => (s.has(stageId) ? s : new Set([...s, stageId])));

  /**
   * After a move: the heads and every column again from its first page (the columns fetch further
   * pages as their views need them), rather than every page each column had loaded.
   */
  const refresh = () => {
    queryClient.setQueriesData<InfiniteData<unknown, string>>(
      { queryKey: [...boardKey(pipeline.id), 'stage'] },
      (d) => d && { pages: d.pages.slice(0, 1), pageParams: d.pageParams.slice(0, 1) },
    );
    return queryClient.invalidateQueries({ queryKey: boardKey(pipeline.id) });
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
      setPending(null);
      if (isHeld(moved)) setNotice({ kind: 'ok', text: heldText(moved) });
      else {
        queryClient.setQueryData(['deal', moved.id], moved);
        setNotice({ kind: 'ok', text: `Moved "${deal.name}" to ${stage.name}` });
      }
      await refresh();
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
          await refresh();
          break;
        default:
          setPending(null);
          setNotice({ kind: 'error', text: err.detail });
      }
    } finally {
      setMoving(null);
    }
  };

  /** A move asked for by drag or by the "Move to" menu: a lost stage first asks why. */
  const requestMove = (deal: DealDto, stage: StageDto) => {
    if (deal.stageId === stage.id) return;
    if (stage.kind === 'lost' && !deal.lostReason) {
      setPending({ deal, stage, missingFields: [], needsLostReason: true, reason: `Why was "${deal.name}" lost?` });
      return;
    }
    void move(deal, stage);
  };

  const onDrop = (e: DragEvent, stage: StageDto) => {
    e.preventDefault();
    setDropTarget(null);
    const deal = dragged.current;
    dragged.current = null;
    if (deal) requestMove(deal, stage);
  };

  const toggle = (stageId: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(stageId)) next.add(stageId);
      return next;
    });

  if (summary.isPending) return <p className="muted">Loading deals…</p>;
  if (summary.isError) return <p className="error">{summary.error.message}</p>;
  const heads = new Map(summary.data.stages.map((s) => [s.stageId, s]));
  const closedRange = summary.data.closedFrom
    ? { closedFrom: summary.data.closedFrom, closedTo: summary.data.closedTo ?? undefined }
    : {};

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
      <ScrollableBoard>
        {stages.map((stage) => {
          const head = heads.get(stage.id);
          const closed = stage.kind !== 'open';
          const collapsed = closed && !expanded.has(stage.id);
          return (
            <div
              key={stage.id}
              className={`column kind-${stage.kind}${collapsed ? ' collapsed' : ''}${dropTarget === stage.id ? ' drop' : ''}`}
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
                  {stage.name} <span className="count">{head?.count ?? 0}</span>
                </h2>
                <div className="muted small">
                  {stage.kind === 'open'
                    ? `${stage.probability} %`
                    : `${stage.kind}, ${periodLabels[summary.data.closedPeriod]}`}
                  {stage.requiredFields.length > 0 && (
                    <span title={`Requires: ${stage.requiredFields.join(', ')}`}> · gate</span>
                  )}
                </div>
                {head?.totals.map((t) => (
                  <div key={t.currency} className="totals small">
                    <span title="Sum">{formatMoney(t.sum, t.currency)}</span>
                    {!collapsed && (
                      <span title="Weighted by the stage probability" className="muted">
                        {' '}
                        · weighted {formatMoney(t.weighted)}
                      </span>
                    )}
                  </div>
                ))}
                {closed && (
                  <button
                    type="button"
                    className="link small"
                    aria-expanded={!collapsed}
                    onClick={() => toggle(stage.id)}
                  >
                    {collapsed ? `Show ${stage.name} deals` : 'Collapse'}
                  </button>
                )}
              </div>
              {!collapsed && (
                <StageCards
                  pipelineId={pipeline.id}
                  stage={stage}
                  count={head?.count ?? 0}
                  filters={{ ...filters, ...(closed ? closedRange : {}) }}
                  onFirstPage={onFirstPage}
                  renderCard={(deal) => (
                    <li
                      className={`deal-card${moving === deal.id ? ' moving' : ''}`}
                      // Only deals the user may change move (a distributor reads its resellers' deals).
                      draggable={canEdit(actor, 'deal', deal)}
                      data-testid={`deal-${deal.name}`}
                      onDragStart={(e) => {
                        dragged.current = deal;
                        e.dataTransfer.setData(DEAL_MIME, deal.id);
                        e.dataTransfer.setData('text/plain', deal.id);
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                      onDragEnd={() => setDropTarget(null)}
                    >
                      <div className="card-title">
                        <Link to="/deals/$dealId" params={{ dealId: deal.id }} className="deal-name">
                          {deal.name}
                        </Link>
                        {canEdit(actor, 'deal', deal) && (
                          <button
                            type="button"
                            className="move-to"
                            aria-label={`Move ${deal.name} to…`}
                            title="Move to another stage"
                            onClick={() => setChoosing(deal)}
                          >
                            ⇄
                          </button>
                        )}
                      </div>
                      <div className="small">
                        {deal.amount !== null ? (
                          formatMoney(deal.amount, deal.currency)
                        ) : (
                          <span className="muted">No amount</span>
                        )}
                      </div>
                      <div className="small muted">{ownerName(deal.ownerId)}</div>
                      {deal.partnerAccountId && (
                        <div className="small muted">
                          <PartnerRoles deal={deal} />
                        </div>
                      )}
                    </li>
                  )}
                />
              )}
            </div>
          );
        })}
      </ScrollableBoard>
      {choosing && (
        <Modal title={`Move "${choosing.name}" to`} onClose={() => setChoosing(null)} closeOnBackdrop testId="move-to">
          <ul className="move-to-list">
            {stages.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  disabled={s.id === choosing.stageId}
                  aria-current={s.id === choosing.stageId ? 'true' : undefined}
                  onClick={() => {
                    const deal = choosing;
                    setChoosing(null);
                    requestMove(deal, s);
                  }}
                >
                  {s.name}
                  {s.id === choosing.stageId && <span className="muted small"> (current)</span>}
                </button>
              </li>
            ))}
          </ul>
        </Modal>
      )}
      {pending && (
        <MoveDialog
          pending={pending}
          onCancel={() => setPending(null)}
          onUpdated={(deal) => queryClient.setQueryData(['deal', deal.id], deal)}
          onRetry={(deal, lostReason) => move(deal, pending.stage, lostReason)}
        />
      )}
    </>
  );
}

/**
 * One column's cards, fetched page by page as the column scrolls (a cursor per stage); only the
 * cards in view are in the DOM. The column's length comes from the server's count, so the
 * scrollbar is true before the pages arrive; cards not fetched yet show as placeholders.
 */
function StageCards({
  pipelineId,
  stage,
  count,
  filters,
  onFirstPage,
  renderCard,
}: {
  pipelineId: string;
  stage: StageDto;
  count: number;
  filters: BoardFilters & { closedFrom?: string; closedTo?: string };
  onFirstPage: (stageId: string) => void;
  renderCard: (deal: DealDto) => React.ReactNode;
}) {
  // How many cards the view reaches beyond those fetched: the next page brings that many (within bounds).
  const behind = useRef(0);
  const pages = useInfiniteQuery({
    queryKey: [...boardKey(pipelineId), 'stage', stage.id, filters],
    queryFn: ({ pageParam }) =>
      api.get('/deals', {
        params: {
          query: {
            pipelineId,
            stageId: stage.id,
            sort: 'created_at',
            limit: pageParam ? Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, behind.current + 10)) : PAGE_SIZE,
            ...filters,
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        },
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const deals = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const loadedFirst = pages.data !== undefined;
  useLayoutEffect(() => {
    if (loadedFirst) onFirstPage(stage.id);
  }, [loadedFirst, onFirstPage, stage.id]);
  // The server's count, unless the pages say otherwise (a deal moved in or out since).
  const total = pages.hasNextPage ? Math.max(count, deals.length) : deals.length;
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = pages;
  const onRange = (end: number) => {
    behind.current = end - deals.length;
    if (hasNextPage && !isFetchingNextPage && end > deals.length - 5) void fetchNextPage();
  };

  if (pages.isError) return <p className="error small">{pages.error.message}</p>;
  if (!loadedFirst) return <p className="muted small">Loading…</p>;
  return (
    <VirtualCards
      items={deals}
      count={total}
      label={`Deals in ${stage.name}`}
      itemKey={(deal) => deal.id}
      renderItem={renderCard}
      onRange={onRange}
    />
  );
}

/**
 * The columns side by side; when they do not all fit, the board scrolls sideways, with buttons
 * and edge shadows showing that more columns are to either side.
 */
function ScrollableBoard({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    for (const child of el.children) resize.observe(child);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  });
  const by = (dx: number) => ref.current?.scrollBy({ left: dx, behavior: 'smooth' });
  return (
    <div className={`board-frame${edges.left ? ' more-left' : ''}${edges.right ? ' more-right' : ''}`}>
      {edges.left && (
        <button
          type="button"
          className="board-scroll left"
          aria-label="Scroll to earlier stages"
          onClick={() => by(-320)}
        >
          ‹
        </button>
      )}
      <div className="board" data-testid="board" ref={ref}>
        {children}
      </div>
      {edges.right && (
        <button
          type="button"
          className="board-scroll right"
          aria-label="Scroll to later stages"
          onClick={() => by(320)}
        >
          ›
        </button>
      )}
    </div>
  );
}
