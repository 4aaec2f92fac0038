import { idParams, pageSchema } from '../../contract/common.ts';
import {
  leadInboxItemSchema,
  leadInboxQuery,
  leadScoreSchema,
  refitRunSchema,
  scoringModelSchema,
  scoringSettingsDtoSchema,
  scoringSettingsSchema,
} from '../../contract/scoring.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses, expectedVersion, ifMatchHeader } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as model from './model.service.ts';
import * as svc from './scoring.service.ts';

export function registerScoringRoutes(app: App, deps: Deps): void {
  const tags = ['scoring'];
  app.get(
    '/api/v1/scoring/settings',
    {
      schema: {
        tags,
        summary: 'The scoring settings (fit rules, touch points, half-life, grades, MQL threshold)',
        response: { 200: scoringSettingsDtoSchema, ...errorResponses },
      },
    },
    (request) => svc.getScoringSettings(deps, actorOf(request)),
  );
  app.put(
    '/api/v1/scoring/settings',
    {
      schema: {
        tags,
        summary: 'Replace the scoring settings (If-Match: version, 0 before the first save); open leads are rescored',
        headers: ifMatchHeader,
        body: scoringSettingsSchema,
        response: { 200: scoringSettingsDtoSchema, ...errorResponses },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return svc.updateScoringSettings(deps, actor, expectedVersion(request), request.body, (trx) =>
        model.enqueueRefit(deps, trx, actor.orgId, actor.userId),
      );
    },
  );
  app.get(
    '/api/v1/scoring/model',
    {
      schema: {
        tags,
        summary: 'The conversion model: held-out AUC, calibration table and weights (or why it is not used)',
        response: { 200: scoringModelSchema, ...errorResponses },
      },
    },
    (request) => model.getModelReport(deps, actorOf(request)),
  );
  app.post(
    '/api/v1/scoring/model/refit',
    {
      schema: {
        tags,
        summary: 'Refit the conversion model and rescore open leads now (a job)',
        response: { 202: refitRunSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await model.requestRefit(deps, actorOf(request))),
  );
  app.get(
    '/api/v1/scoring/inbox',
    {
      schema: {
        tags,
        summary: 'The lead inbox: open leads at a lifecycle stage with their scores, best engagement first',
        querystring: leadInboxQuery,
        response: { 200: pageSchema(leadInboxItemSchema), ...errorResponses },
      },
    },
    (request) => svc.leadInbox(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/leads/:id/score',
    {
      schema: {
        tags,
        summary: "A lead's fit and engagement scores, grade, MQL verdict, conversion probability and top factors",
        params: idParams,
        response: { 200: leadScoreSchema, ...errorResponses },
      },
    },
    (request) => svc.getLeadScore(deps, actorOf(request), request.params.id),
  );
}
