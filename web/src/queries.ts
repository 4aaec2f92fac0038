import { queryOptions } from '@tanstack/react-query';
import { api, getAll } from './api.ts';
import type { BoardFilters } from './board-data.ts';
import type { DealDto, UserDto } from './types.ts';

export const pipelinesQuery = queryOptions({
  queryKey: ['pipelines'],
  queryFn: () => getAll('/pipelines', { query: { active: 'true' } }),
  staleTime: 60_000,
});

/**
 * Every deal of a pipeline the user can see that passes the board's filters (the board shows them
 * all). Without stage ids it lists the pipeline in one sequence of pages.
 */
export const boardDealsQuery = (pipelineId: string, stageIds: readonly string[] = [], filters: BoardFilters = {}) =>
  queryOptions({
    queryKey: ['deals', 'board', pipelineId, filters],
    queryFn: () =>
      stageIds.length > 0
        ? fetchBoardDeals(pipelineId, stageIds, filters)
        : getAll('/deals', { query: { pipelineId, ...filters } }),
  });

export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: () => getAll('/users'),
  staleTime: 5 * 60_000,
});

export const productsQuery = queryOptions({
  queryKey: ['products'],
  queryFn: () => getAll('/products'),
  staleTime: 5 * 60_000,
});

export const dealQuery = (id: string) =>
  queryOptions({ queryKey: ['deal', id], queryFn: () => api.get('/deals/{id}', { params: { path: { id } } }) });

export const dealTimelineQuery = (id: string) =>
  queryOptions({
    queryKey: ['deal', id, 'timeline'],
    queryFn: () => api.get('/deals/{id}/timeline', { params: { path: { id }, query: { limit: 100 } } }),
  });

/** User id → name, for owners and actors (empty while loading or when not allowed). */
export function nameOf(users: readonly UserDto[] | undefined, id: string | null): string {
  if (!id) return 'Unassigned';
  return users?.find((u) => u.id === id)?.name ?? 'Unknown user';
}

/**
 * Every deal of a pipeline that passes the filters (the server filters). The stages are fetched in
 * parallel, each following its own cursor, so a big board needs a few rounds of pages, not one
 * round per 200 deals.
 */
async function fetchBoardDeals(
  pipelineId: string,
  stageIds: readonly string[],
  filters: BoardFilters,
): Promise<DealDto[]> {
  performance.mark('board:deals-fetch-start');
  const perStage = await Promise.all(
    stageIds.map((stageId) =>
      getAll('/deals', { query: { pipelineId, stageId, sort: 'created_at', ...filters } }, 100),
    ),
  );
  performance.mark('board:deals-fetch-end');
  performance.measure('board:deals-fetch', 'board:deals-fetch-start', 'board:deals-fetch-end');
  return perStage.flat();
}
