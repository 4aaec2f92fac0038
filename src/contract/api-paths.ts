import type { components, paths } from './api-types.gen.ts';

/**
 * The operations under /api/v1, keyed by their path below it ('/deals/{id}'), with the request and
 * response types generated from the OpenAPI document: what the typed clients (the web app's, the
 * tests') take as their path table, with `/api/v1` as their base URL.
 */
export type ApiPaths = { [P in keyof paths as P extends `/api/v1${infer Rest}` ? Rest : never]: paths[P] };

/** The named response schemas of the OpenAPI document (`ApiSchemas['Deal']`). */
export type ApiSchemas = components['schemas'];
