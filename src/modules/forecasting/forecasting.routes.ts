import { z } from 'zod';
import { idSchema } from '../../contract/common.ts';
import {
  attainmentReportSchema,
  forecastAccuracySchema,
  forecastDraftSchema,
  forecastPeriodQuery,
  forecastSubmissionSchema,
  listForecastSubmissionsQuery,
  quotaSchema,
  rollUpDraftSchema,
  rollUpForecastSchema,
  setQuotaSchema,
  submitForecastSchema,
  fiscalPeriodKeySchema,
} from '../../contract/forecasting.ts';
import { actorOf } from '../../server/auth.ts';
import { errorResponses } from '../../server/http.ts';
import type { App } from '../../server/types.ts';
import type { Deps } from '../context.ts';
import * as svc from './forecasting.service.ts';

export function registerForecastingRoutes(app: App, deps: Deps): void {
  const tags = ['forecasting'];
  app.get(
    '/api/v1/forecasts/draft',
    {
      schema: {
        tags,
        summary:
          "The figures a forecast submission is pre-filled with for a fiscal quarter (the caller's, or userId's in their scope), with the open deals and the system's own figure",
        querystring: z.strictObject({ period: fiscalPeriodKeySchema, userId: idSchema.optional() }),
        response: { 200: forecastDraftSchema, ...errorResponses },
      },
    },
    (request) => svc.forecastDraft(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/forecasts',
    {
      schema: {
        tags,
        summary:
          'Submit your forecast of a fiscal quarter (reps, managers): an immutable snapshot; figures left out are the pre-filled ones',
        body: submitForecastSchema,
        response: { 201: forecastSubmissionSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.submitForecast(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/forecasts/rollup/draft',
    {
      schema: {
        tags,
        summary: "A manager's roll-up before submitting: each team member's latest submission, or pre-filled figures",
        querystring: forecastPeriodQuery,
        response: { 200: rollUpDraftSchema, ...errorResponses },
      },
    },
    (request) => svc.rollUpDraft(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/forecasts/rollup',
    {
      schema: {
        tags,
        summary: "Submit the roll-up of your team's forecasts with overrides of members' figures and a note (managers)",
        body: rollUpForecastSchema,
        response: { 201: forecastSubmissionSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await svc.submitRollUp(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/forecasts',
    {
      schema: {
        tags,
        summary:
          'Forecast submissions of a fiscal quarter, newest first (reps their own, managers their team, admins and auditors all)',
        querystring: listForecastSubmissionsQuery,
        response: { 200: z.object({ items: z.array(forecastSubmissionSchema) }), ...errorResponses },
      },
    },
    (request) => svc.listSubmissions(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/forecasts/accuracy',
    {
      schema: {
        tags,
        summary:
          "Accuracy of each rep's last submission of a fiscal quarter: commit against actual won, and the Brier score of the deal probabilities",
        querystring: forecastPeriodQuery,
        response: { 200: forecastAccuracySchema, ...errorResponses },
      },
    },
    (request) => svc.forecastAccuracyReport(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/quotas',
    {
      schema: {
        tags,
        summary: 'Quotas of a fiscal quarter in your scope',
        querystring: forecastPeriodQuery,
        response: { 200: z.object({ items: z.array(quotaSchema) }), ...errorResponses },
      },
    },
    (request) => svc.listQuotas(deps, actorOf(request), request.query),
  );
  app.put(
    '/api/v1/quotas',
    {
      schema: {
        tags,
        summary: "Set a rep's or team's quota of a fiscal quarter (admins; managers for the people below them)",
        body: setQuotaSchema,
        response: { 200: quotaSchema, ...errorResponses },
      },
    },
    (request) => svc.setQuota(deps, actorOf(request), request.body),
  );
  app.get(
    '/api/v1/quotas/attainment',
    {
      schema: {
        tags,
        summary:
          'Quota vs forecast vs actual of a fiscal quarter, with attainment and pacing (expected by now linear in calendar days)',
        querystring: forecastPeriodQuery,
        response: { 200: attainmentReportSchema, ...errorResponses },
      },
    },
    (request) => svc.attainmentReport(deps, actorOf(request), request.query),
  );
}
