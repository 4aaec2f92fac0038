import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { canReadReference, type ReferenceEntity } from '../../src/contract/access.ts';
import { api, getAll } from './api.ts';
import type { BoardFilters } from './board-data.ts';
import { actorOf } from './permissions.ts';
import { sessionQuery } from './session.ts';
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

/**
 * Whether the signed-in role may read a kind of reference data (the access rules' canReadReference):
 * a partner is not sent to /users or /teams only to be refused.
 */
async function mayRead(client: QueryClient, entity: ReferenceEntity): Promise<boolean> {
  const session = await client.ensureQueryData(sessionQuery);
  return session !== null && canReadReference(actorOf(session), entity);
}

/** The organization's users (empty for a role that may not read them). */
export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: async ({ client }): Promise<UserDto[]> => ((await mayRead(client, 'user')) ? getAll('/users') : []),
  staleTime: 5 * 60_000,
});

/** The organization's teams (empty for a role that may not read them). */
export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: async ({ client }) => ((await mayRead(client, 'team')) ? (await api.get('/teams')).items : []),
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

/** The organization: its currency, time zone and fiscal calendar. */
export const organizationQuery = queryOptions({
  queryKey: ['organization'],
  queryFn: () => api.get('/organization'),
  staleTime: 10 * 60_000,
});
