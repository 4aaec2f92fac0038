// The HTTP API's types, generated from its OpenAPI document (GET /api/openapi.json) by
// openapi-typescript. Do not edit: change the route schemas, then run `npm run gen:api`.
// A test fails while this file differs from what the routes generate.

export interface paths {
  '/api/v1/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password; sets the session cookie and returns the CSRF token for writes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
            /** @description Id or name of the organization to sign in to, when the email and password open accounts in several */
            organization?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Session'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out (ends the session) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user and the CSRF token */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Session'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API tokens (own; admins: all) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApiToken'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create an API token; the token is returned once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** Format: uuid */
            userId?: string;
            expiresInDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: string;
              apiToken: components['schemas']['ApiToken'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether first-run set-up is needed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              needed: boolean;
            };
          };
        };
      };
    };
    put?: never;
    /** First run: create the organization and its admin (only when none exists) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            organization: {
              name: string;
              /** @default USD */
              baseCurrency?: string;
              /** @default UTC */
              timezone?: string;
              /** @default 1 */
              fiscalYearStartMonth?: number;
            };
            admin: {
              /** Format: email */
              email: string;
              name: string;
              password: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              organization: components['schemas']['Organization'];
              admin: components['schemas']['User'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organization of the signed-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organization'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'email' | 'created_at';
          role?: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
          teamId?: string;
          active?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['User'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a user (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            /** @enum {string} */
            role: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
            password?: string;
            teamId?: string | null;
            managerId?: string | null;
            partnerAccountId?: string | null;
            agentPartyId?: string | null;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a user (admin; anyone: own name and password) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email?: string;
            name?: string;
            /** @enum {string} */
            role?: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
            password?: string;
            currentPassword?: string;
            teamId?: string | null;
            managerId?: string | null;
            partnerAccountId?: string | null;
            agentPartyId?: string | null;
            externalId?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List teams */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Team'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a team (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            kind: 'inside_sales' | 'field_sales' | 'marketing' | 'channel' | 'management' | 'other';
            managerId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Team'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teams/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a team */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Team'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an empty team (admin) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a team (admin) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            kind?: 'inside_sales' | 'field_sales' | 'marketing' | 'channel' | 'management' | 'other';
            managerId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Team'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a user from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teams/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a team from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Walk the hash chain of the event log and report the first break (admin, auditor) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              checked: number;
              lastSeq: number;
              unsealed: number;
              firstBreak: {
                seq: number;
                eventId: number | null;
                reason: string;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The event log newest first, each event with its before/after; filters: entityType, entityId, actorId, type (deal.* for a kind), from, to (admin, auditor) */
    get: {
      parameters: {
        query?: {
          entityType?: string;
          entityId?: string;
          actorId?: string;
          type?: string;
          from?: string;
          to?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/bundle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the audit bundle of a period: its events with the chain proof, checked offline by `pipewright audit verify --bundle` (admin, auditor)
     * @description from (inclusive) and to (exclusive) are system time: a date YYYY-MM-DD (00:00 UTC) or a date-time with zone. JSON Lines: a header with the anchor (sequence and hash of the last event before the period), one line per event with every hashed field, and an end line (count, last sequence and hash).
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The bundle as JSON Lines */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/events/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export the deal event log for process mining as OCEL 2.0 JSON or XES (admin, auditor, manager), streamed
     * @description format=ocel answers application/json (OCEL 2.0: deals, accounts and users as objects, deal events as events); format=xes answers application/xml (one trace per deal; concept, time, lifecycle and org extensions). Optional pipelineId (deals currently in it), from and to (YYYY-MM-DD, business time, calendar days in the organization’s time zone, both inclusive). Managers get the deals of the people below them.
     */
    get: {
      parameters: {
        query: {
          format: 'ocel' | 'xes';
          pipelineId?: string;
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The OCEL 2.0 JSON document (format=ocel) or the XES XML document (format=xes) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              objectTypes: {
                name: string;
                attributes: {
                  name: string;
                  /** @enum {string} */
                  type: 'string' | 'integer' | 'float' | 'boolean' | 'time';
                }[];
              }[];
              eventTypes: {
                name: string;
                attributes: {
                  name: string;
                  /** @enum {string} */
                  type: 'string' | 'integer' | 'float' | 'boolean' | 'time';
                }[];
              }[];
              objects: {
                id: string;
                type: string;
                attributes: {
                  name: string;
                  time: string;
                  value: unknown;
                }[];
                relationships: {
                  objectId: string;
                  qualifier: string;
                }[];
              }[];
              events: {
                id: string;
                type: string;
                time: string;
                attributes: {
                  name: string;
                  value: unknown;
                }[];
                relationships: {
                  objectId: string;
                  qualifier: string;
                }[];
              }[];
            };
            'application/xml': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List accounts */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          type?:
            | 'prospect'
            | 'customer'
            | 'distributor'
            | 'reseller'
            | 'value_added_reseller'
            | 'agency'
            | 'competitor'
            | 'other';
          ownerId?: string;
          industry?: string;
          domain?: string;
          parentAccountId?: string;
          createdFrom?: string;
          createdTo?: string;
          employeesMin?: number;
          employeesMax?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Account'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create an account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            externalId?: string | null;
            domain?: string | null;
            industry?: string | null;
            employees?: number | null;
            annualRevenue?: string | null;
            revenueCurrency?: string | null;
            address?: {
              street?: string | null;
              city?: string | null;
              region?: string | null;
              postalCode?: string | null;
              country?: string | null;
            };
            /** @enum {string} */
            type?:
              | 'prospect'
              | 'customer'
              | 'distributor'
              | 'reseller'
              | 'value_added_reseller'
              | 'agency'
              | 'competitor'
              | 'other';
            ownerId?: string | null;
            parentAccountId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Account'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Account'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an account (soft; its history stays) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update an account (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            externalId?: string | null;
            domain?: string | null;
            industry?: string | null;
            employees?: number | null;
            annualRevenue?: string | null;
            revenueCurrency?: string | null;
            address?: {
              street?: string | null;
              city?: string | null;
              region?: string | null;
              postalCode?: string | null;
              country?: string | null;
            };
            /** @enum {string} */
            type?:
              | 'prospect'
              | 'customer'
              | 'distributor'
              | 'reseller'
              | 'value_added_reseller'
              | 'agency'
              | 'competitor'
              | 'other';
            ownerId?: string | null;
            parentAccountId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Account'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/accounts/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a account from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List contacts (hasAccount=false lists B2C consumers) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          accountId?: string;
          ownerId?: string;
          hasAccount?: 'true' | 'false';
          doNotContact?: 'true' | 'false';
          createdFrom?: string;
          createdTo?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Contact'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a contact (without accountId: a B2C consumer) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            accountId?: string | null;
            firstName?: string | null;
            lastName: string;
            title?: string | null;
            emails?: string[];
            phones?: string[];
            ownerId?: string | null;
            doNotContact?: boolean;
            emailOptOut?: boolean;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a contact */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a contact (soft; its history stays) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a contact (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            accountId?: string | null;
            firstName?: string | null;
            lastName?: string;
            title?: string | null;
            emails?: string[];
            phones?: string[];
            ownerId?: string | null;
            doNotContact?: boolean;
            emailOptOut?: boolean;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/contacts/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a contact from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List leads (status takes a comma list or repeats) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'created_at' | 'updated_at' | 'last_name';
          status?: ('new' | 'working' | 'qualified' | 'disqualified' | 'converted')[];
          ownerId?: string;
          source?: string;
          createdFrom?: string;
          createdTo?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Lead'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a lead */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            firstName?: string | null;
            lastName: string;
            email?: string | null;
            phone?: string | null;
            title?: string | null;
            company?: string | null;
            companyDomain?: string | null;
            industry?: string | null;
            source?: string | null;
            campaignId?: string | null;
            /** @enum {string} */
            status?: 'new' | 'working' | 'qualified' | 'disqualified';
            disqualifiedReason?: string | null;
            ownerId?: string | null;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a lead */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a lead (soft; its history stays; converted leads are kept) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a lead (If-Match: version; status converted is set only by conversion) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            firstName?: string | null;
            lastName?: string;
            email?: string | null;
            phone?: string | null;
            title?: string | null;
            company?: string | null;
            companyDomain?: string | null;
            industry?: string | null;
            source?: string | null;
            campaignId?: string | null;
            /** @enum {string} */
            status?: 'new' | 'working' | 'qualified' | 'disqualified';
            disqualifiedReason?: string | null;
            ownerId?: string | null;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/leads/{id}/lifecycle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a lead in the lifecycle: subscriber, lead, MQL, SQL (If-Match: version; back needs a recycle reason) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            stage: 'subscriber' | 'lead' | 'mql' | 'sql';
            recycleReason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/convert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Convert a lead into an account (or none, B2C), a contact and optionally a deal (If-Match: version)
     * @description Each of account and contact is linked by id or created (fields default from the lead); the deal is created or omitted. Everything happens in one transaction: when any part is refused, nothing is written. Refusals: 422 invalid_transition for a converted or disqualified lead; 422 validation_failed naming each bad field (e.g. contact.id at another account, deal.create.ownerId); 422 stage_gate_failed for the deal's first stage; 409 for a stale If-Match.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      /** @description Owners of created records default to the owner of the lead (or you, when the lead has none) */
      requestBody: {
        content: {
          'application/json': {
            /** @description The account the lead becomes (B2B). Null or absent: a B2C consumer, converted to a contact without an account */
            account?: {
              /**
               * Format: uuid
               * @description An existing account to link; you must be able to see it
               */
              id?: string;
              /** @description A new account; omitted fields default from the lead */
              create?: {
                /** @description Defaults to the lead's company */
                name?: string;
                externalId?: string | null;
                domain?: string | null;
                industry?: string | null;
                employees?: number | null;
                annualRevenue?: string | null;
                revenueCurrency?: string | null;
                address?: {
                  street?: string | null;
                  city?: string | null;
                  region?: string | null;
                  postalCode?: string | null;
                  country?: string | null;
                };
                /** @enum {string} */
                type?:
                  | 'prospect'
                  | 'customer'
                  | 'distributor'
                  | 'reseller'
                  | 'value_added_reseller'
                  | 'agency'
                  | 'competitor'
                  | 'other';
                ownerId?: string | null;
                parentAccountId?: string | null;
              };
            } | null;
            /** @description The person the lead becomes. Absent: a new contact made from the lead. A linked contact must be at the same account as the conversion (or at none for B2C) */
            contact?: {
              /**
               * Format: uuid
               * @description An existing contact to link; you must be able to see it
               */
              id?: string;
              /** @description A new contact; omitted fields default from the lead */
              create?: {
                firstName?: string | null;
                /** @description Defaults to the lead's last name */
                lastName?: string;
                title?: string | null;
                emails?: string[];
                phones?: string[];
                ownerId?: string | null;
                doNotContact?: boolean;
                emailOptOut?: boolean;
                externalId?: string | null;
              };
            };
            /** @description Null or absent: convert without a deal */
            deal?: {
              /** @description A new deal for the account and contact; omitted fields default from the lead */
              create: {
                /** @description Defaults to "<company or person> – new deal" */
                name?: string;
                externalId?: string | null;
                amount?: string | null;
                currency?: string;
                expectedCloseDate?: string | null;
                ownerId?: string | null;
                source?: string | null;
                /** @enum {string} */
                channel?: 'direct' | 'partner';
                partnerAccountId?: string | null;
                nextStep?: string | null;
                lineItems?: {
                  /** Format: uuid */
                  productId: string;
                  quantity: string;
                  unitPrice?: string;
                  discountPercent?: string;
                }[];
                /** Format: uuid */
                pipelineId?: string;
                /** Format: uuid */
                stageId?: string;
                /**
                 * @description The contact's role on the deal; without it the contact is only the primary contact
                 * @enum {string}
                 */
                contactRole?: 'decision_maker' | 'economic_buyer' | 'champion' | 'influencer' | 'user';
              };
            } | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ConvertLeadResult'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/account-matches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Existing accounts this lead may belong to, best first, each with why (for converting it)
     * @description The same web domain as the lead's company domain or work email (free mail providers aside) comes first, then a company name whose distinctive words (without legal forms such as Ltd or AS and trade words such as Logistics) are alike. Only accounts you can see are proposed; at most five.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                accountId: string;
                name: string;
                domain: string | null;
                /** @enum {string} */
                reason: 'domain' | 'name';
                explanation: string;
                score: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/call-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The next leads to call: a user's open leads ranked by due call back, SLA, score and age (paged)
     * @description Order: call backs that have come due (longest overdue first), then leads with an SLA running (soonest due first), then the rest by score (highest first, unscored last) and age (oldest first); leads whose call back is still ahead come last. The caller's own queue unless ownerId names a user whose leads the caller may work (a manager's team, anyone for an admin); roles that do not call leads get 403.
     */
    get: {
      parameters: {
        query?: {
          ownerId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CallQueue'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Claim an unassigned lead from the call queue: the caller becomes its owner (If-Match: version)
     * @description Inside sales and reps claim the open leads of a territory they work (as a member of it or of its pool) and those no territory holds; managers and admins any open unassigned lead. Of concurrent claims exactly one wins: the others get 409 conflict with the ownerId. Another territory's lead is 404; a lead that is not new or working 422 invalid_transition. Recorded as lead.assigned with the cause claim.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a lead from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Fuzzy search accounts, contacts, leads and deals you can see, best first */
    get: {
      parameters: {
        query: {
          q: string;
          types?: ('account' | 'contact' | 'lead' | 'deal')[];
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SearchResult'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List activities */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'occurred_at' | 'due_at' | 'created_at';
          type?: 'call' | 'meeting' | 'email' | 'task' | 'note';
          ownerId?: string;
          dealId?: string;
          contactId?: string;
          accountId?: string;
          leadId?: string;
          disposition?:
            | 'connected'
            | 'no_answer'
            | 'left_voicemail'
            | 'busy'
            | 'wrong_number'
            | 'not_interested'
            | 'call_back_later'
            | 'meeting_booked';
          from?: string;
          to?: string;
          completed?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Activity'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Log a call, meeting, email, task or note (a call may include the objections raised) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @enum {string} */
                type: 'call';
                subject?: string | null;
                body?: string | null;
                dealId?: string | null;
                contactId?: string | null;
                accountId?: string | null;
                leadId?: string | null;
                ownerId?: string | null;
                externalId?: string | null;
                agentSide?: ('buyer' | 'seller') | null;
                /** @enum {string} */
                direction: 'inbound' | 'outbound';
                /** @enum {string} */
                disposition:
                  | 'connected'
                  | 'no_answer'
                  | 'left_voicemail'
                  | 'busy'
                  | 'wrong_number'
                  | 'not_interested'
                  | 'call_back_later'
                  | 'meeting_booked';
                durationSeconds?: number | null;
                /** Format: date-time */
                occurredAt?: string;
                scriptId?: string | null;
                scriptVersion?: number | null;
                objections?: {
                  objectionId?: string | null;
                  /** @enum {string} */
                  category: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
                  buyerWords: string;
                  responseUsed?: string | null;
                  /** @enum {string} */
                  outcome: 'resolved' | 'unresolved';
                }[];
              }
            | {
                /** @enum {string} */
                type: 'meeting';
                subject?: string | null;
                body?: string | null;
                dealId?: string | null;
                contactId?: string | null;
                accountId?: string | null;
                leadId?: string | null;
                ownerId?: string | null;
                externalId?: string | null;
                agentSide?: ('buyer' | 'seller') | null;
                /** Format: date-time */
                start: string;
                end?: string | null;
                location?: string | null;
                attendees?: string[];
                outcome?: ('held' | 'no_show' | 'cancelled' | 'rescheduled') | null;
              }
            | {
                /** @enum {string} */
                type: 'email';
                subject?: string | null;
                body?: string | null;
                dealId?: string | null;
                contactId?: string | null;
                accountId?: string | null;
                leadId?: string | null;
                ownerId?: string | null;
                externalId?: string | null;
                agentSide?: ('buyer' | 'seller') | null;
                /** @enum {string} */
                direction: 'inbound' | 'outbound';
                /** Format: date-time */
                occurredAt?: string;
              }
            | {
                /** @enum {string} */
                type: 'task';
                subject: string;
                body?: string | null;
                dealId?: string | null;
                contactId?: string | null;
                accountId?: string | null;
                leadId?: string | null;
                ownerId?: string | null;
                externalId?: string | null;
                agentSide?: ('buyer' | 'seller') | null;
                dueAt?: string | null;
                completed?: boolean;
              }
            | {
                /** @enum {string} */
                type: 'note';
                subject?: string | null;
                body: string;
                dealId?: string | null;
                contactId?: string | null;
                accountId?: string | null;
                leadId?: string | null;
                ownerId?: string | null;
                externalId?: string | null;
                agentSide?: ('buyer' | 'seller') | null;
              };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              type: 'call' | 'meeting' | 'email' | 'task' | 'note';
              externalId: string | null;
              subject: string | null;
              body: string | null;
              dealId: string | null;
              contactId: string | null;
              accountId: string | null;
              leadId: string | null;
              ownerId: string | null;
              agentSide: ('buyer' | 'seller') | null;
              occurredAt: string | null;
              direction: ('inbound' | 'outbound') | null;
              disposition:
                | (
                    | 'connected'
                    | 'no_answer'
                    | 'left_voicemail'
                    | 'busy'
                    | 'wrong_number'
                    | 'not_interested'
                    | 'call_back_later'
                    | 'meeting_booked'
                  )
                | null;
              durationSeconds: number | null;
              scriptId: string | null;
              scriptVersion: number | null;
              start: string | null;
              end: string | null;
              location: string | null;
              attendees: string[];
              outcome: ('held' | 'no_show' | 'cancelled' | 'rescheduled') | null;
              dueAt: string | null;
              completed: boolean | null;
              completedAt: string | null;
              createdBy: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
              objections: components['schemas']['RaisedObjection'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tasks/agenda': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's open tasks by the organization's today: overdue, today, upcoming (the caller's by default) */
    get: {
      parameters: {
        query?: {
          ownerId?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              ownerId: string;
              timezone: string;
              todayStart: string;
              todayEnd: string;
              overdue: components['schemas']['Activity'][];
              today: components['schemas']['Activity'][];
              upcoming: components['schemas']['Activity'][];
              counts: {
                overdue: number;
                today: number;
                upcoming: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/attention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Next activity and rotting of deals: the given deals, or the open deals that need attention */
    get: {
      parameters: {
        query?: {
          dealId?: string[];
          rotting?: 'true';
          ownerId?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                dealId: string;
                name: string;
                status: string;
                /** Format: uuid */
                pipelineId: string;
                /** Format: uuid */
                stageId: string;
                ownerId: string | null;
                amount: string | null;
                currency: string;
                stageEnteredAt: string;
                stageExpectedDays: number | null;
                nextActivity: {
                  /** Format: uuid */
                  id: string;
                  subject: string | null;
                  dueAt: string | null;
                  ownerId: string | null;
                } | null;
                rotting: ('no_next_activity' | 'stuck')[];
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an activity */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Activity'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an activity (soft; its history stays) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update an activity (If-Match: version); its type stays */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            subject?: string | null;
            body?: string | null;
            dealId?: string | null;
            contactId?: string | null;
            accountId?: string | null;
            leadId?: string | null;
            ownerId?: string | null;
            externalId?: string | null;
            agentSide?: ('buyer' | 'seller') | null;
            /** @enum {string} */
            direction?: 'inbound' | 'outbound';
            /** @enum {string} */
            disposition?:
              | 'connected'
              | 'no_answer'
              | 'left_voicemail'
              | 'busy'
              | 'wrong_number'
              | 'not_interested'
              | 'call_back_later'
              | 'meeting_booked';
            durationSeconds?: number | null;
            /** Format: date-time */
            occurredAt?: string;
            scriptId?: string | null;
            scriptVersion?: number | null;
            /** Format: date-time */
            start?: string;
            end?: string | null;
            location?: string | null;
            attendees?: string[];
            outcome?: ('held' | 'no_show' | 'cancelled' | 'rescheduled') | null;
            dueAt?: string | null;
            completed?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Activity'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/activities/{id}/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Objections raised on an activity (a call) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RaisedObjection'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/activities/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a activity from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the objection library */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'title' | 'created_at' | 'updated_at';
          category?: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
          active?: 'true' | 'false' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Objection'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add an objection to the library */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            category: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
            title: string;
            description?: string | null;
            recommendedResponses?: string[];
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Objection'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/objections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a library objection */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Objection'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Retire a library objection (it stays for objections already raised) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a library objection (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            category?: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
            title?: string;
            description?: string | null;
            recommendedResponses?: string[];
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Objection'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/objections/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a objection from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Objections raised on a deal, oldest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RaisedObjection'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Log an objection raised on a deal outside a call */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            objectionId?: string | null;
            /** @enum {string} */
            category: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
            buyerWords: string;
            responseUsed?: string | null;
            /** @enum {string} */
            outcome: 'resolved' | 'unresolved';
            /** Format: date-time */
            raisedAt?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RaisedObjection'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scripts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List pitch scripts (active ones unless active=false|all), e.g. for a stage */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          stageId?: string;
          pipelineId?: string;
          productId?: string;
          active?: 'true' | 'false' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Script'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a pitch script */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            body: string;
            pipelineId?: string | null;
            stageId?: string | null;
            productId?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Script'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scripts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a pitch script */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Script'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Deactivate a pitch script (it and its versions stay) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a pitch script (If-Match: version); a new body starts a new script version */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            body?: string;
            pipelineId?: string | null;
            stageId?: string | null;
            productId?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Script'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/scripts/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Versions of a pitch script, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ScriptVersion'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/scripts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pitch scripts for a deal: its stage's first, then its pipeline's, then its products'
     * @description Active scripts whose every target fits the deal (stage, pipeline, products on its lines), most specific first. 404 when the deal is not visible to you.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DealScript'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scripts/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a script from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cadences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List cadences (active ones unless active=false|all) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          active?: 'true' | 'false' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Cadence'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Define a cadence: its steps and the rule of each call disposition (admins and managers)
     * @description Rules not named take the defaults (see docs/inside-sales.md).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            steps: {
              /** @enum {string} */
              kind: 'call' | 'email' | 'task';
              delay: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'days';
                /** @enum {string} */
                clock: 'business' | 'calendar';
              };
              /** @default  */
              instruction?: string;
            }[];
            rules?: {
              connected?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              no_answer?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              left_voicemail?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              busy?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              wrong_number?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              not_interested?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              call_back_later?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              meeting_booked?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
            };
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cadence'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cadences/performance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per cadence and step: enrolled, reached, converted (meeting or opportunity) and ended */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CadenceFigures'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cadences/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a cadence with the steps and rules of its newest version */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cadence'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update a cadence (If-Match: version); new steps or rules start a new cadence version
     * @description Open enrolments keep the version they were enrolled in; new enrolments follow the newest.
     */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            steps?: {
              /** @enum {string} */
              kind: 'call' | 'email' | 'task';
              delay: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'days';
                /** @enum {string} */
                clock: 'business' | 'calendar';
              };
              /** @default  */
              instruction?: string;
            }[];
            rules?: {
              connected?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              no_answer?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              left_voicemail?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              busy?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              wrong_number?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              not_interested?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              call_back_later?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
              meeting_booked?:
                | {
                    /** @enum {string} */
                    action: 'advance';
                  }
                | {
                    /** @enum {string} */
                    action: 'pause';
                    days: number;
                  }
                | {
                    /** @enum {string} */
                    action: 'pause_until_call_back';
                  }
                | {
                    /** @enum {string} */
                    action: 'end';
                    reason: string;
                  };
            };
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cadence'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/leads/{id}/cadence-enrolments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A lead's cadence enrolments, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CadenceEnrolment'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Enrol a lead in a cadence (409 when it already has an open enrolment)
     * @description Inside sales and reps enrol their own leads, managers their team’s, admins any. The lead must be new or working.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            cadenceId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CadenceEnrolment'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cadence-enrolments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a cadence enrolment */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CadenceEnrolment'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cadence-enrolments/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End an open enrolment with a reason (If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CadenceEnrolment'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'sku' | 'created_at' | 'updated_at';
          family?: string;
          active?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Product'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a product (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sku: string;
            name: string;
            family?: string | null;
            description?: string | null;
            listPrice: string;
            cost?: string | null;
            currency?: string;
            active?: boolean;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Product'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a product */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Product'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Deactivate a product (admin; deal lines keep it) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a product (admin; If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sku?: string;
            name?: string;
            family?: string | null;
            description?: string | null;
            listPrice?: string;
            cost?: string | null;
            currency?: string;
            active?: boolean;
            externalId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Product'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/products/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a product from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pipelines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List pipelines with their stages */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          active?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Pipeline'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a pipeline with its stages (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            description?: string | null;
            enforceStageOrder?: boolean;
            isDefault?: boolean;
            active?: boolean;
            stages: {
              name: string;
              /**
               * @default open
               * @enum {string}
               */
              kind?: 'open' | 'won' | 'lost';
              probability?: number;
              /** @enum {string} */
              forecastCategory?: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
              expectedDays?: number | null;
              requiredFields?: (
                | 'amount'
                | 'expectedCloseDate'
                | 'accountId'
                | 'primaryContactId'
                | 'nextStep'
                | 'lineItems'
                | 'contactRoles'
                | 'source'
                | 'partnerAccountId'
              )[];
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Pipeline'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pipelines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a pipeline with its stages in order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Pipeline'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a pipeline (admin; If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            description?: string | null;
            enforceStageOrder?: boolean;
            isDefault?: boolean;
            active?: boolean;
            heldMeeting?: {
              /** @enum {string} */
              action: 'none' | 'create_deal' | 'advance_deal' | 'create_or_advance';
              stageId?: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Pipeline'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/pipelines/{id}/stages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the ordered stage list (admin; If-Match: pipeline version). Stages with an id are kept, without one added, left out removed. */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            stages: {
              /** Format: uuid */
              id?: string;
              name: string;
              /**
               * @default open
               * @enum {string}
               */
              kind?: 'open' | 'won' | 'lost';
              probability?: number;
              /** @enum {string} */
              forecastCategory?: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
              expectedDays?: number | null;
              requiredFields?: (
                | 'amount'
                | 'expectedCloseDate'
                | 'accountId'
                | 'primaryContactId'
                | 'nextStep'
                | 'lineItems'
                | 'contactRoles'
                | 'source'
                | 'partnerAccountId'
              )[];
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Pipeline'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/pipelines/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a pipeline from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List deals (contactId: deals the contact is on, as primary contact or with a role) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'created_at' | 'updated_at' | 'name' | 'amount' | 'expected_close_date';
          pipelineId?: string;
          stageId?: string;
          status?: 'open' | 'won' | 'lost';
          ownerId?: string;
          teamId?: string;
          accountId?: string;
          contactId?: string;
          channel?: 'direct' | 'partner';
          partnerAccountId?: string;
          amountMin?: string;
          amountMax?: string;
          expectedCloseFrom?: string;
          expectedCloseTo?: string;
          createdFrom?: string;
          createdTo?: string;
          closedFrom?: string;
          closedTo?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Deal'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a deal (a partner registers one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            externalId?: string | null;
            accountId?: string | null;
            primaryContactId?: string | null;
            contactRoles?: {
              /** Format: uuid */
              contactId: string;
              /** @enum {string} */
              role: 'decision_maker' | 'economic_buyer' | 'champion' | 'influencer' | 'user';
            }[];
            amount?: string | null;
            currency?: string;
            expectedCloseDate?: string | null;
            ownerId?: string | null;
            source?: string | null;
            /** @enum {string} */
            channel?: 'direct' | 'partner';
            partnerAccountId?: string | null;
            nextStep?: string | null;
            lineItems?: {
              /** Format: uuid */
              productId: string;
              quantity: string;
              unitPrice?: string;
              discountPercent?: string;
            }[];
            /** Format: uuid */
            pipelineId?: string;
            /** Format: uuid */
            stageId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Deal'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pipeline board's column heads: per stage, the count, sums and weighted sums of the deals passing the filters (closed stages: the current period only) */
    get: {
      parameters: {
        query: {
          pipelineId: string;
          closedPeriod?: 'month' | 'quarter' | 'year' | 'all';
          ownerId?: string;
          teamId?: string;
          channel?: 'direct' | 'partner';
          expectedCloseFrom?: string;
          expectedCloseTo?: string;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BoardSummary'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a deal */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Deal'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a deal (soft; its history stays) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a deal (If-Match: version); the stage moves through POST /deals/:id/stage. A change an approval rule holds answers 202 with the approval and changes nothing until approved. */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            externalId?: string | null;
            accountId?: string | null;
            primaryContactId?: string | null;
            contactRoles?: {
              /** Format: uuid */
              contactId: string;
              /** @enum {string} */
              role: 'decision_maker' | 'economic_buyer' | 'champion' | 'influencer' | 'user';
            }[];
            amount?: string | null;
            currency?: string;
            expectedCloseDate?: string | null;
            ownerId?: string | null;
            source?: string | null;
            /** @enum {string} */
            channel?: 'direct' | 'partner';
            partnerAccountId?: string | null;
            nextStep?: string | null;
            lineItems?: {
              /** Format: uuid */
              productId: string;
              quantity: string;
              unitPrice?: string;
              discountPercent?: string;
            }[];
            lostReason?: string | null;
            forecastCategory?: ('pipeline' | 'best_case' | 'commit' | 'omitted') | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Deal'];
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HeldForApproval'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/deals/{id}/stage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a deal to a stage (If-Match or expectedVersion). Refusals: 422 stage_gate_failed, stage_order_violation, invalid_transition; 403 reopening without permission. A move an approval rule holds answers 202 with the approval. */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            stageId: string;
            /** Format: uuid */
            pipelineId?: string;
            lostReason?: string;
            expectedVersion?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Deal'];
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HeldForApproval'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a deal from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent imports (admins: all; managers: their own) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ImportJob'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Upload a CSV file (Content-Type: text/csv, the file as the body) and import it in the background; options as query parameters */
    post: {
      parameters: {
        query: {
          entity:
            | 'accounts'
            | 'contacts'
            | 'leads'
            | 'deals'
            | 'products'
            | 'activities'
            | 'users'
            | 'teams'
            | 'touches'
            | 'partners'
            | 'registrations';
          preset?: 'salesforce' | 'hubspot' | 'pipedrive' | 'twenty';
          map?: string | string[];
          stageMap?: string | string[];
          userMap?: string | string[];
          createMissing?: 'true' | 'false';
          missingEmail?: 'reject' | 'placeholder';
          onDuplicate?: 'skip' | 'update' | 'new';
          dryRun?: 'true' | 'false';
          dateOrder?: 'mdy' | 'dmy';
          delimiter?: string;
          batchSize?: number;
          fileName?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImportJob'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The header, proposed column mapping and first rows of a CSV file as the import would take them (writes nothing) */
    post: {
      parameters: {
        query: {
          entity:
            | 'accounts'
            | 'contacts'
            | 'leads'
            | 'deals'
            | 'products'
            | 'activities'
            | 'users'
            | 'teams'
            | 'touches'
            | 'partners'
            | 'registrations';
          preset?: 'salesforce' | 'hubspot' | 'pipedrive' | 'twenty';
          map?: string | string[];
          stageMap?: string | string[];
          userMap?: string | string[];
          createMissing?: 'true' | 'false';
          missingEmail?: 'reject' | 'placeholder';
          onDuplicate?: 'skip' | 'update' | 'new';
          dryRun?: 'true' | 'false';
          dateOrder?: 'mdy' | 'dmy';
          delimiter?: string;
          batchSize?: number;
          fileName?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImportPreview'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status, progress and summary of an import */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImportJob'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{id}/rejects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rejected and skipped rows of an import as CSV: the original cells, the line and the reason */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV: the original header and cells, then the line number and the reason */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Background jobs of the organization, newest first (admin); filter by status and kind */
    get: {
      parameters: {
        query?: {
          status?: ('queued' | 'running' | 'succeeded' | 'failed' | 'canceled')[];
          kind?: string[];
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                kind: string;
                /** @enum {string} */
                status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
                payload: {
                  [key: string]: unknown;
                };
                attempts: number;
                maxAttempts: number;
                runAt: string;
                runningOn: string | null;
                heartbeatAt: string | null;
                lastError: string | null;
                createdBy: string | null;
                createdAt: string;
                startedAt: string | null;
                finishedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One background job: status, attempts, last error, where it runs (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              kind: string;
              /** @enum {string} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
              payload: {
                [key: string]: unknown;
              };
              attempts: number;
              maxAttempts: number;
              runAt: string;
              runningOn: string | null;
              heartbeatAt: string | null;
              lastError: string | null;
              createdBy: string | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a failed or canceled job again with fresh attempts; an import resumes after its committed rows (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              kind: string;
              /** @enum {string} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
              payload: {
                [key: string]: unknown;
              };
              attempts: number;
              maxAttempts: number;
              runAt: string;
              runningOn: string | null;
              heartbeatAt: string | null;
              lastError: string | null;
              createdBy: string | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a queued or running job; a running one stops at its next commit (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              kind: string;
              /** @enum {string} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
              payload: {
                [key: string]: unknown;
              };
              attempts: number;
              maxAttempts: number;
              runAt: string;
              runningOn: string | null;
              heartbeatAt: string | null;
              lastError: string | null;
              createdBy: string | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge another account (mergeId) into this one: its references move here, it is soft-deleted, and this account's timeline shows both histories */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            mergeId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              keptId: string;
              /** Format: uuid */
              mergedId: string;
              moved: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge another contact (mergeId) into this one: its references move here, it is soft-deleted, and this contact's timeline shows both histories */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            mergeId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              keptId: string;
              /** Format: uuid */
              mergedId: string;
              moved: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge another lead (mergeId) into this one: its references move here, it is soft-deleted, and this lead's timeline shows both histories */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            mergeId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              keptId: string;
              /** Format: uuid */
              mergedId: string;
              moved: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge another deal (mergeId) into this one: its references move here, it is soft-deleted, and this deal's timeline shows both histories */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            mergeId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              keptId: string;
              /** Format: uuid */
              mergedId: string;
              moved: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the analyses */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AnalysisInfo'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Funnel: deals reaching each stage and converting to the next (strict and any-order), win rate by count and value, per creation-month cohort
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FunnelReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/stage-durations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stage durations: days per visit of each stage (P50, P75, P90, mean) and cycle time to won and to lost
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StageDurationsReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/velocity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Velocity (open deals × average won amount × win rate / cycle days) against a comparison window, with each factor’s contribution (LMDI), and pipeline coverage against a target
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          compareFrom?: string;
          compareTo?: string;
          target?: string;
          targetCurrency?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VelocityReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/forecast': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Weighted pipeline (Σ amount × stage probability) and forecast by month or quarter per forecast category, with cumulative commit / best case / pipeline
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          period?: 'month' | 'quarter';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ForecastReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/waterfall': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Waterfall: how the open pipeline changed between two dates (created, pulled in, amount up, won, lost, pushed out, amount down), with the deals behind each bar
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          closeFrom?: string;
          closeTo?: string;
          dealLimit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WaterfallReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/process-map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Process map: directly-follows graph of stages (and optionally activity types), or with scope=journey of leads from marketing touches and lifecycle through sales activities to the deal stages, with counts and P50/P90 times, start/end counts, and variants with share, win rate and median cycle time
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          scope?: 'deals' | 'journey';
          activities?: 'true' | 'false';
          campaignTypes?: 'true' | 'false';
          variantLimit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProcessMapReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/conformance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Conformance: skips, backward moves and repeats against the designed stage order, alignment fitness, totals per owner, team and partner with the deviating deals; with scope=journey each lead's marketing and sales journey against the designed journey (lead, MQL, SQL accepted, meetings as the pipeline places them, opportunity, stages, outcome) with skipped and out-of-order steps, counts per deviation and the deviating journeys
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          scope?: 'deals' | 'journey';
          dealLimit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ConformanceReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/bottlenecks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bottlenecks: per open stage arrivals per week, WIP over time, mean sojourn with a Little's law check, and stale deals (in the stage longer than won deals' P75)
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          dealLimit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BottlenecksReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/markov': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Absorbing Markov chain of stage moves: win probability and expected days to close from every stage; what-if on one stage (conversion points, days shorter) for the open pipeline; with scope=journey the chain of the joint marketing and sales journey (lead, MQL, SQL, meeting booked, meeting held, opportunity to won, lost or dropped)
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          scope?: 'deals' | 'journey';
          stageId?: string;
          conversionPoints?: number;
          shortenDays?: number;
          currency?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MarkovReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/monte-carlo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Monte Carlo forecast (seeded, ≥ 10,000 runs) of the revenue the open deals win in a period: P10 / P50 / P90, probability of a target, weekly bands
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          runs?: number;
          seed?: number;
          target?: string;
          currency?: string;
          horizonDays?: number;
          chainFrom?: 'filtered' | 'all_owners';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MonteCarloReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/attribution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Attribution: pipeline created and won revenue credited to campaigns by first touch, last touch, linear, U, W, full path, time decay, Markov removal effect (bootstrap interval) and Shapley; ROI per campaign; as of a day
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          asOf?: string;
          halfLifeDays?: number;
          resamples?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AttributionReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/campaign-funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Campaign funnel: per campaign, its touches and the people touched, and how many became leads, MQLs, SQLs, opportunities and won customers; as of a day
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          asOf?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CampaignFunnelReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/quota-attainment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Quota vs forecast vs actual per rep and team of a fiscal quarter, with attainment and pacing (linear in calendar days); spans pipelines
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          period?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['QuotaAttainmentReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/mql-handoff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * MQL → SQL hand-off per lead owner and per team: MQLs, SQLs, conversion, and minutes from MQL to the first sales touch (median, 90th percentile)
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MqlHandoffReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/calling-funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Outbound calling funnel over leads called: dials → connects → conversations → objections → meetings booked → opportunities → won, per rep, team, script version or month, with median hours between steps
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          groupBy?: 'rep' | 'team' | 'script' | 'period';
          conversationSeconds?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CallingFunnelReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/objections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Objections raised: frequency by category × stage × product, resolution rate per category and progress after each recommended response, with 95 % Wilson intervals
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ObjectionsReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/script-experiment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pitch-script versions compared as an experiment: meetings booked per connected call per version, a two-proportion z-test against the control, and the calls still needed for a minimum detectable effect at 80 % power and 5 % alpha
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          minimumDetectableEffect?: number;
          control?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ScriptExperimentReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/analytics/speed-to-lead': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Minutes from a lead’s creation to its first outbound call, per rep and team: buckets, ECDF, median, p90, share first called within the SLA target and leads never called
     * @description Shared filters: pipelineId (default: the default pipeline), from/to (YYYY-MM-DD, both inclusive, organization time zone), ownerId, teamId (comma-separated lists), channel, partnerId, productId, segment (b2b|b2c), source. See docs/analytics.md.
     */
    get: {
      parameters: {
        query?: {
          pipelineId?: string;
          from?: string;
          to?: string;
          ownerId?: string[];
          teamId?: string[];
          channel?: 'direct' | 'partner';
          partnerId?: string;
          productId?: string;
          segment?: 'b2b' | 'b2c';
          source?: string;
          slaMinutes?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SpeedToLeadReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/views': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List your saved table views (optionally of one entity) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          entity?: 'deal' | 'account' | 'contact' | 'lead' | 'activity';
          sort?: 'name' | 'created_at' | 'updated_at';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['View'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Save a table view: the list filters, sort and columns of an entity (yours only) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            entity: 'deal' | 'account' | 'contact' | 'lead' | 'activity';
            name: string;
            /** @default {} */
            filters?: {
              [key: string]: string;
            };
            /** @default null */
            sort?: {
              key: string;
              /** @enum {string} */
              order: 'asc' | 'desc';
            } | null;
            /** @default [] */
            columns?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['View'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/views/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one of your saved views */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['View'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete one of your saved views (If-Match: version) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update one of your saved views (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            filters?: {
              [key: string]: string;
            };
            sort?: {
              key: string;
              /** @enum {string} */
              order: 'asc' | 'desc';
            } | null;
            columns?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['View'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/deals/bulk/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign deals to an owner. Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
            ownerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/bulk/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete deals (soft). Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/bulk/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign accounts to an owner. Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
            ownerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/bulk/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete accounts (soft). Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts/bulk/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign contacts to an owner. Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
            ownerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts/bulk/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete contacts (soft). Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/bulk/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign leads to an owner. Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
            ownerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/bulk/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete leads (soft). Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/activities/bulk/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign activities to an owner. Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
            ownerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/activities/bulk/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete activities (soft). Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/bulk/stage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move deals to a stage (stage gates, order and closing rights apply). Each record in its own transaction, with the rules of the single action; 200 with a result per record (refusals carry their code and reason). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            records: {
              /** Format: uuid */
              id: string;
              version: number | '*';
            }[];
            /** Format: uuid */
            stageId: string;
            lostReason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResponse'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the deals of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed */
    get: {
      parameters: {
        query?: {
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'created_at' | 'updated_at' | 'name' | 'amount' | 'expected_close_date';
          pipelineId?: string;
          stageId?: string;
          status?: 'open' | 'won' | 'lost';
          ownerId?: string;
          teamId?: string;
          accountId?: string;
          contactId?: string;
          channel?: 'direct' | 'partner';
          partnerAccountId?: string;
          amountMin?: string;
          amountMax?: string;
          expectedCloseFrom?: string;
          expectedCloseTo?: string;
          createdFrom?: string;
          createdTo?: string;
          closedFrom?: string;
          closedTo?: string;
          format?: 'csv' | 'jsonl';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV with a header row (nested values as JSON; format=csv), or one JSON object per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the accounts of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed */
    get: {
      parameters: {
        query?: {
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          type?:
            | 'prospect'
            | 'customer'
            | 'distributor'
            | 'reseller'
            | 'value_added_reseller'
            | 'agency'
            | 'competitor'
            | 'other';
          ownerId?: string;
          industry?: string;
          domain?: string;
          parentAccountId?: string;
          createdFrom?: string;
          createdTo?: string;
          employeesMin?: number;
          employeesMax?: number;
          format?: 'csv' | 'jsonl';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV with a header row (nested values as JSON; format=csv), or one JSON object per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the contacts of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed */
    get: {
      parameters: {
        query?: {
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'updated_at';
          accountId?: string;
          ownerId?: string;
          hasAccount?: 'true' | 'false';
          doNotContact?: 'true' | 'false';
          createdFrom?: string;
          createdTo?: string;
          format?: 'csv' | 'jsonl';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV with a header row (nested values as JSON; format=csv), or one JSON object per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the leads of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed */
    get: {
      parameters: {
        query?: {
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'created_at' | 'updated_at' | 'last_name';
          status?: ('new' | 'working' | 'qualified' | 'disqualified' | 'converted')[];
          ownerId?: string;
          source?: string;
          createdFrom?: string;
          createdTo?: string;
          format?: 'csv' | 'jsonl';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV with a header row (nested values as JSON; format=csv), or one JSON object per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/activities/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the activities of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed */
    get: {
      parameters: {
        query?: {
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'occurred_at' | 'due_at' | 'created_at';
          type?: 'call' | 'meeting' | 'email' | 'task' | 'note';
          ownerId?: string;
          dealId?: string;
          contactId?: string;
          accountId?: string;
          leadId?: string;
          disposition?:
            | 'connected'
            | 'no_answer'
            | 'left_voicemail'
            | 'busy'
            | 'wrong_number'
            | 'not_interested'
            | 'call_back_later'
            | 'meeting_booked';
          from?: string;
          to?: string;
          completed?: 'true' | 'false';
          format?: 'csv' | 'jsonl';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV with a header row (nested values as JSON; format=csv), or one JSON object per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the products of a list query (same filters and sort, no paging) as CSV or JSON lines, streamed */
    get: {
      parameters: {
        query?: {
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'sku' | 'created_at' | 'updated_at';
          family?: string;
          active?: 'true' | 'false';
          format?: 'csv' | 'jsonl';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV with a header row (nested values as JSON; format=csv), or one JSON object per line */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/x-ndjson': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the webhook endpoints (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                url: string;
                description: string | null;
                eventTypes: string[];
                enabled: boolean;
                disabledReason: string | null;
                cursorSeq: number;
                backlog: number;
                failedAttempts: number;
                nextAttemptAt: string | null;
                failingSince: string | null;
                lastSuccessAt: string | null;
                previousSecretExpiresAt: string | null;
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Register a webhook endpoint (admin); the answer carries its signing secret, shown only here
     * @description eventTypes takes exact types (lead.converted), an entity with .* (deal.*) or *. Delivery starts with the events written after registration. Unless private receivers are allowed, a URL that resolves to a loopback, private or link-local address is refused.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url: string;
            description?: string | null;
            eventTypes: string[];
            enabled?: boolean;
            secret?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              eventTypes: string[];
              enabled: boolean;
              disabledReason: string | null;
              cursorSeq: number;
              backlog: number;
              failedAttempts: number;
              nextAttemptAt: string | null;
              failingSince: string | null;
              lastSuccessAt: string | null;
              previousSecretExpiresAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
              secret: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook endpoint with its delivery state (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              eventTypes: string[];
              enabled: boolean;
              disabledReason: string | null;
              cursorSeq: number;
              backlog: number;
              failedAttempts: number;
              nextAttemptAt: string | null;
              failingSince: string | null;
              lastSuccessAt: string | null;
              previousSecretExpiresAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a webhook endpoint and its attempt log (admin; If-Match: version) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a webhook endpoint: URL, description, event types, enabled (admin; If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url?: string;
            description?: string | null;
            eventTypes?: string[];
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              eventTypes: string[];
              enabled: boolean;
              disabledReason: string | null;
              cursorSeq: number;
              backlog: number;
              failedAttempts: number;
              nextAttemptAt: string | null;
              failingSince: string | null;
              lastSuccessAt: string | null;
              previousSecretExpiresAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the signing secret (admin); the old one keeps signing too for overlapHours (default 24) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            overlapHours?: number;
            secret?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              eventTypes: string[];
              enabled: boolean;
              disabledReason: string | null;
              cursorSeq: number;
              backlog: number;
              failedAttempts: number;
              nextAttemptAt: string | null;
              failingSince: string | null;
              lastSuccessAt: string | null;
              previousSecretExpiresAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
              secret: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deliver again from a time (admin): the cursor moves to the first event written at or after `from` */
    post: {
      parameters: {
        query: {
          from: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              eventTypes: string[];
              enabled: boolean;
              disabledReason: string | null;
              cursorSeq: number;
              backlog: number;
              failedAttempts: number;
              nextAttemptAt: string | null;
              failingSince: string | null;
              lastSuccessAt: string | null;
              previousSecretExpiresAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a webhook.test message now and answer the attempt (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              messageId: string;
              eventType: string;
              eventSeq: number | null;
              attempt: number;
              attemptedAt: string;
              /** @enum {string} */
              outcome: 'delivered' | 'failed' | 'refused' | 'gone';
              status: number | null;
              durationMs: number;
              responseExcerpt: string | null;
              error: string | null;
              nextAttemptAt: string | null;
              test: boolean;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery attempts of a webhook endpoint, newest first (admin; kept 30 days) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                messageId: string;
                eventType: string;
                eventSeq: number | null;
                attempt: number;
                attemptedAt: string;
                /** @enum {string} */
                outcome: 'delivered' | 'failed' | 'refused' | 'gone';
                status: number | null;
                durationMs: number;
                responseExcerpt: string | null;
                error: string | null;
                nextAttemptAt: string | null;
                test: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rep's booking settings: working hours in their time zone, buffers, notice, daily maximum */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Availability'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Save a rep's booking settings (If-Match: the version shown, 0 before the first save) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            timezone: string;
            workingHours: {
              weekday: number;
              start: string;
              end: string;
            }[];
            /** @default 0 */
            bufferBeforeMinutes?: number;
            /** @default 0 */
            bufferAfterMinutes?: number;
            /** @default 0 */
            minNoticeMinutes?: number;
            /** @default 8 */
            maxPerDay?: number;
            /** @default true */
            bookable?: boolean;
            /** @default 1 */
            routingWeight?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Availability'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/time-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rep's out-of-office ranges that have not ended */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimeOff'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add an out-of-office range to a rep’s calendar */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            reason?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TimeOff'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/time-off/{timeOffId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove an out-of-office range */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          timeOffId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/busy-times': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import busy times from an .ics file into a rep's calendar (as out-of-office ranges)
     * @description The events of the next 180 days that are not free or cancelled, recurring ones expanded; floating times in the rep's time zone. Ranges the rep already has are skipped, so importing the same file twice adds nothing. 422 names `ics` when the text is not an iCalendar file or holds more than 1,000 busy times.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ics: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              imported: number;
              skipped: number;
              items: components['schemas']['TimeOff'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/busy-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A rep's busy-time feed and how its last sync went
     * @description The URL in full only for the rep themselves; for a manager or admin only its scheme and host. `feed` is null when none is set.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              feed: {
                /** Format: uuid */
                userId: string;
                url: string;
                urlHidden: boolean;
                lastAttemptAt: string | null;
                lastSuccessAt: string | null;
                lastError: string | null;
                ranges: number;
                updatedAt: string;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Set a rep's private calendar feed URL: its busy times are synced now and every hour
     * @description https only. The feed is read by a job on the queue (10 s, 2 MB, hosts on private or loopback addresses refused); busy ranges new in it are added as out-of-office ranges, the ones it added that left it are removed, ranges added by hand are never touched. Failures are recorded on the feed (`lastError`). Replacing the URL starts over.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              url: string;
              urlHidden: boolean;
              lastAttemptAt: string | null;
              lastSuccessAt: string | null;
              lastError: string | null;
              ranges: number;
              updatedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /** Remove a rep's busy-time feed (the ranges it added stay) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/slots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Free meeting slots across the bookable outside reps (or one), soonest first */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          durationMinutes?: number;
          stepMinutes?: number;
          repId?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Slot'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Set rate, show rate, meeting → opportunity and booking-to-meeting time per inside rep, outside rep and pair */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              total: {
                booked: number;
                cancelled: number;
                held: number;
                noShow: number;
                connectedCalls: number | null;
                setRate: number | null;
                showRate: number | null;
                meetingToOpportunity: number | null;
                medianHoursToMeeting: number | null;
              };
              byInsideRep: {
                /** Format: uuid */
                userId: string;
                booked: number;
                cancelled: number;
                held: number;
                noShow: number;
                connectedCalls: number | null;
                setRate: number | null;
                showRate: number | null;
                meetingToOpportunity: number | null;
                medianHoursToMeeting: number | null;
              }[];
              byOutsideRep: {
                /** Format: uuid */
                userId: string;
                booked: number;
                cancelled: number;
                held: number;
                noShow: number;
                connectedCalls: number | null;
                setRate: number | null;
                showRate: number | null;
                meetingToOpportunity: number | null;
                medianHoursToMeeting: number | null;
              }[];
              byPair: {
                /** Format: uuid */
                bookedBy: string;
                /** Format: uuid */
                ownerId: string;
                booked: number;
                cancelled: number;
                held: number;
                noShow: number;
                connectedCalls: number | null;
                setRate: number | null;
                showRate: number | null;
                meetingToOpportunity: number | null;
                medianHoursToMeeting: number | null;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Booked meetings the caller is a party to (or manages), soonest first */
    get: {
      parameters: {
        query?: {
          ownerId?: string;
          bookedBy?: string;
          leadId?: string;
          dealId?: string;
          contactId?: string;
          status?: 'booked' | 'held' | 'no_show' | 'cancelled';
          from?: string;
          to?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Booking'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Book a meeting in an outside rep’s calendar for a lead, contact or deal
     * @description Refusals: 422 naming each bad field; 409 conflict when the rep cannot take the time (outside working hours, out of office, too little notice, the day is full, or another meeting with its travel buffers overlaps, also when a concurrent booking took the slot first).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            ownerId?: string;
            /** Format: date-time */
            start: string;
            durationMinutes: number;
            title?: string;
            location?: string | null;
            leadId?: string | null;
            contactId?: string | null;
            dealId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Booking'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a booking */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Booking'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{id}/reschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a booked meeting (If-Match: version; with a reason) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            start: string;
            durationMinutes: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Booking'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a booked meeting (If-Match: version; with a reason) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Booking'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{id}/outcome': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that a meeting was held or the buyer did not show (If-Match: version)
     * @description A held meeting also creates or advances the deal as the pipeline's held-meeting setting says (the first held meeting of the deal, lead or contact only), as the field rep; `dealEffect` says what it did: created, advanced, pending_approval (an approval rule holds the move), refused (a stage requirement or permission: the message says which) or unchanged. The outcome is recorded in every case.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            outcome: 'held' | 'no_show';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              ownerId: string;
              /** Format: uuid */
              bookedBy: string;
              leadId: string | null;
              contactId: string | null;
              accountId: string | null;
              dealId: string | null;
              title: string;
              location: string | null;
              start: string;
              end: string;
              timezone: string;
              /** @enum {string} */
              status: 'booked' | 'held' | 'no_show' | 'cancelled';
              cancelReason: string | null;
              routing: {
                rule: string;
                reasons: string[];
              } | null;
              sequence: number;
              createdAt: string;
              updatedAt: string;
              version: number;
              dealEffect: {
                /** @enum {string} */
                result: 'created' | 'advanced' | 'pending_approval' | 'refused' | 'unchanged';
                dealId: string | null;
                stageId: string | null;
                approvalId: string | null;
                message: string;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{id}/invitation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The invitation of a booking as an .ics file (METHOD:REQUEST with SEQUENCE, or CANCEL once cancelled) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 5545 calendar with one event, the organizer and the attendees */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/calendar': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/calendar-feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue the rep's private calendar feed URL (replaces and so revokes any earlier one); shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              path: string;
              token: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Revoke the rep's calendar feed URL */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar-feeds/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rep's meetings as a calendar feed for any calendar client (the token in the URL is the key) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description RFC 5545 calendar (METHOD:PUBLISH) with VTIMEZONE */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/calendar': string;
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bookings/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a booking from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approval-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The approval rules of the organization */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApprovalRule'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add an approval rule (admins) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'discount_above' | 'amount_above' | 'reopen_won' | 'locked_period';
            threshold?: string;
            currency?: string;
            /**
             * @default manager_chain
             * @enum {string}
             */
            approverKind?: 'manager_chain' | 'role';
            /** @enum {string} */
            approverRole?: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
            /** @default 1 */
            levels?: number;
            /** @default null */
            escalateAfterMinutes?: number | null;
            /**
             * @default business_hours
             * @enum {string}
             */
            escalateIn?: 'business_hours' | 'elapsed';
            /** @default true */
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApprovalRule'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approval-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Switch an approval rule on or off (If-Match: version; admins) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApprovalRule'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/period-locks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The closed (locked) fiscal periods */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                startsOn: string;
                endsOn: string;
                /** Format: uuid */
                lockedBy: string;
                lockedAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Close a fiscal period: its won/lost outcomes and amounts then change only with approval (admins) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            startsOn: string;
            /** Format: date */
            endsOn: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              startsOn: string;
              endsOn: string;
              /** Format: uuid */
              lockedBy: string;
              lockedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Approvals, newest first (mine=true: those waiting for your decision) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'pending' | 'approved' | 'rejected';
          mine?: 'true' | 'false';
          dealId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Approval'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an approval */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Approval'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve or reject the current step with a note; the last approval applies the held change (409 if the deal changed since) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'approve' | 'reject';
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Approval'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a approval from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Findings of the detectors (the oversight queue), newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'open' | 'confirmed' | 'dismissed';
          detector?:
            | 'backdating'
            | 'discount_outlier'
            | 'stage_skip'
            | 'stage_regression'
            | 'bulk_change'
            | 'quarter_end_gaming'
            | 'registration_hoarding'
            | 'duplicate_registration'
            | 'dual_agency_unconsented';
          personId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Finding'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/findings/exception-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Findings per person against the deal changes they made */
    get: {
      parameters: {
        query?: {
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                personId: string;
                name: string;
                findings: number;
                changes: number;
                rate: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/findings/detect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the detectors now (a job; they also run daily once started) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              jobId: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/findings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a finding */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Finding'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Assign, confirm or dismiss (with a reason) a finding (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'confirmed' | 'dismissed';
            reason?: string;
            assigneeId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Finding'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/findings/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a finding from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecasts/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The figures a forecast submission is pre-filled with for a fiscal quarter (the caller's, or userId's in their scope), with the open deals and the system's own figure */
    get: {
      parameters: {
        query: {
          period: string;
          userId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              period: string;
              startsOn: string;
              endsOn: string;
              currency: string;
              userId: string;
              won: string;
              prefilled: {
                commit: string;
                bestCase: string;
                pipeline: string;
              };
              deals: {
                dealId: string;
                name: string;
                amount: string;
                /** @enum {string} */
                category: 'pipeline' | 'best_case' | 'commit' | 'omitted';
                probability: number;
                expectedCloseDate: string;
              }[];
              otherCurrencyDeals: number;
              system: {
                expected: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecasts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Forecast submissions of a fiscal quarter, newest first (reps their own, managers their team, admins and auditors all) */
    get: {
      parameters: {
        query: {
          period: string;
          userId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                period: string;
                startsOn: string;
                endsOn: string;
                currency: string;
                /** @enum {string} */
                kind: 'rep' | 'rollup';
                userId: string;
                userName: string;
                figures: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
                prefilled: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
                won: string;
                deals: {
                  dealId: string;
                  name: string;
                  amount: string;
                  /** @enum {string} */
                  category: 'pipeline' | 'best_case' | 'commit' | 'omitted';
                  probability: number;
                  expectedCloseDate: string;
                }[];
                members: {
                  userId: string;
                  name: string;
                  submissionId: string | null;
                  figures: {
                    commit: string;
                    bestCase: string;
                    pipeline: string;
                  };
                  override: {
                    commit?: string;
                    bestCase?: string;
                    pipeline?: string;
                  };
                  counted: {
                    commit: string;
                    bestCase: string;
                    pipeline: string;
                  };
                }[];
                note: string | null;
                submittedAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Submit your forecast of a fiscal quarter (reps, managers): an immutable snapshot; figures left out are the pre-filled ones */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            period: string;
            commit?: string;
            bestCase?: string;
            pipeline?: string;
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              period: string;
              startsOn: string;
              endsOn: string;
              currency: string;
              /** @enum {string} */
              kind: 'rep' | 'rollup';
              userId: string;
              userName: string;
              figures: {
                commit: string;
                bestCase: string;
                pipeline: string;
              };
              prefilled: {
                commit: string;
                bestCase: string;
                pipeline: string;
              };
              won: string;
              deals: {
                dealId: string;
                name: string;
                amount: string;
                /** @enum {string} */
                category: 'pipeline' | 'best_case' | 'commit' | 'omitted';
                probability: number;
                expectedCloseDate: string;
              }[];
              members: {
                userId: string;
                name: string;
                submissionId: string | null;
                figures: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
                override: {
                  commit?: string;
                  bestCase?: string;
                  pipeline?: string;
                };
                counted: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
              }[];
              note: string | null;
              submittedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecasts/rollup/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A manager's roll-up before submitting: each team member's latest submission, or pre-filled figures */
    get: {
      parameters: {
        query: {
          period: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              period: string;
              startsOn: string;
              endsOn: string;
              currency: string;
              members: {
                userId: string;
                name: string;
                submissionId: string | null;
                figures: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
                override: {
                  commit?: string;
                  bestCase?: string;
                  pipeline?: string;
                };
                counted: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
              }[];
              total: {
                commit: string;
                bestCase: string;
                pipeline: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecasts/rollup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit the roll-up of your team's forecasts with overrides of members' figures and a note (managers) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            period: string;
            /** @default [] */
            overrides?: {
              /** Format: uuid */
              userId: string;
              commit?: string;
              bestCase?: string;
              pipeline?: string;
            }[];
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              period: string;
              startsOn: string;
              endsOn: string;
              currency: string;
              /** @enum {string} */
              kind: 'rep' | 'rollup';
              userId: string;
              userName: string;
              figures: {
                commit: string;
                bestCase: string;
                pipeline: string;
              };
              prefilled: {
                commit: string;
                bestCase: string;
                pipeline: string;
              };
              won: string;
              deals: {
                dealId: string;
                name: string;
                amount: string;
                /** @enum {string} */
                category: 'pipeline' | 'best_case' | 'commit' | 'omitted';
                probability: number;
                expectedCloseDate: string;
              }[];
              members: {
                userId: string;
                name: string;
                submissionId: string | null;
                figures: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
                override: {
                  commit?: string;
                  bestCase?: string;
                  pipeline?: string;
                };
                counted: {
                  commit: string;
                  bestCase: string;
                  pipeline: string;
                };
              }[];
              note: string | null;
              submittedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forecasts/accuracy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accuracy of each rep's last submission of a fiscal quarter: commit against actual won, and the Brier score of the deal probabilities */
    get: {
      parameters: {
        query: {
          period: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              period: string;
              startsOn: string;
              endsOn: string;
              currency: string;
              closed: boolean;
              items: {
                userId: string;
                name: string;
                submissionId: string;
                commit: string;
                actualWon: string;
                error: string;
                absolutePercentError: number | null;
                brierScore: number | null;
                deals: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/quotas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Quotas of a fiscal quarter in your scope */
    get: {
      parameters: {
        query: {
          period: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                period: string;
                startsOn: string;
                endsOn: string;
                currency: string;
                userId: string | null;
                teamId: string | null;
                name: string;
                amount: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Set a rep's or team's quota of a fiscal quarter (admins; managers for the people below them) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            period: string;
            /** Format: uuid */
            userId?: string;
            /** Format: uuid */
            teamId?: string;
            amount: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              period: string;
              startsOn: string;
              endsOn: string;
              currency: string;
              userId: string | null;
              teamId: string | null;
              name: string;
              amount: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/quotas/attainment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Quota vs forecast vs actual of a fiscal quarter, with attainment and pacing (expected by now linear in calendar days) */
    get: {
      parameters: {
        query: {
          period: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['QuotaAttainmentReport'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partner-tiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tiers of the partner programme */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                rank: number;
                discountPercent: string;
                protectionDays: number;
                developmentFunds: string;
                currency: string;
                leadCapacity: number | null;
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add a partner tier with its benefits */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            rank?: number;
            discountPercent?: string;
            protectionDays: number;
            developmentFunds?: string;
            currency?: string;
            leadCapacity?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              rank: number;
              discountPercent: string;
              protectionDays: number;
              developmentFunds: string;
              currency: string;
              leadCapacity: number | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partner-tiers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a partner tier (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            rank?: number;
            discountPercent?: string;
            protectionDays?: number;
            developmentFunds?: string;
            currency?: string;
            leadCapacity?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              rank: number;
              discountPercent: string;
              protectionDays: number;
              developmentFunds: string;
              currency: string;
              leadCapacity: number | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/partners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Partner accounts with their type and tier */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                accountId: string;
                name: string;
                domain: string | null;
                /** @enum {string} */
                partnerType:
                  'distributor' | 'reseller' | 'value_added_reseller' | 'referral' | 'managed_service_provider';
                tierId: string | null;
                tierName: string | null;
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partners/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A partner account in the programme (a partner reads its own) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              accountId: string;
              name: string;
              domain: string | null;
              /** @enum {string} */
              partnerType:
                'distributor' | 'reseller' | 'value_added_reseller' | 'referral' | 'managed_service_provider';
              tierId: string | null;
              tierName: string | null;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Put an account in the partner programme, or change its type or tier */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            partnerType: 'distributor' | 'reseller' | 'value_added_reseller' | 'referral' | 'managed_service_provider';
            tierId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              accountId: string;
              name: string;
              domain: string | null;
              /** @enum {string} */
              partnerType:
                'distributor' | 'reseller' | 'value_added_reseller' | 'referral' | 'managed_service_provider';
              tierId: string | null;
              tierName: string | null;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partner-resellers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which resellers each distributor serves (a partner sees the links it is on) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                distributorAccountId: string;
                distributorName: string;
                /** Format: uuid */
                resellerAccountId: string;
                resellerName: string;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/partners/{id}/resellers/{resellerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record that a distributor serves a reseller (two-tier distribution) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          resellerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              distributorAccountId: string;
              distributorName: string;
              /** Format: uuid */
              resellerAccountId: string;
              resellerName: string;
              createdAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /** Record that a distributor no longer serves a reseller */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          resellerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel/reseller-work': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A distributor's resellers with their registrations and deals that name it (reading only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              resellers: {
                /** Format: uuid */
                distributorAccountId: string;
                distributorName: string;
                /** Format: uuid */
                resellerAccountId: string;
                resellerName: string;
                createdAt: string;
              }[];
              registrations: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                partnerAccountId: string;
                partnerName: string;
                registeredBy: string | null;
                customerName: string;
                customerDomain: string | null;
                productIds: string[];
                amount: string | null;
                currency: string;
                expectedCloseDate: string | null;
                notes: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'expired';
                dealId: string | null;
                protectionDays: number | null;
                protectedUntil: string | null;
                decidedBy: string | null;
                decidedAt: string | null;
                rejectionReason: string | null;
                distributorAccountId: string | null;
                distributorName: string | null;
                registeredAt: string;
                approvalBusinessDays: number;
                slaBreached: boolean;
                escalatedAt: string | null;
                openConflicts: number;
                version: number;
              }[];
              deals: {
                /** Format: uuid */
                registrationId: string;
                /** Format: uuid */
                resellerAccountId: string;
                resellerName: string;
                /** Format: uuid */
                dealId: string;
                name: string;
                /** @enum {string} */
                status: 'open' | 'won' | 'lost';
                stageName: string | null;
                amount: string | null;
                currency: string;
                expectedCloseDate: string | null;
                closedAt: string | null;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conflict policy and approval SLA */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              conflictPolicy: 'first_to_register' | 'evidence_based';
              approvalSlaDays: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the conflict policy or the approval SLA (If-Match: version, 0 before the first change) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            conflictPolicy?: 'first_to_register' | 'evidence_based';
            approvalSlaDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              conflictPolicy: 'first_to_register' | 'evidence_based';
              approvalSlaDays: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deal registrations, newest first (a partner sees its own) */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected' | 'expired';
          partnerAccountId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                partnerAccountId: string;
                partnerName: string;
                registeredBy: string | null;
                customerName: string;
                customerDomain: string | null;
                productIds: string[];
                amount: string | null;
                currency: string;
                expectedCloseDate: string | null;
                notes: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'expired';
                dealId: string | null;
                protectionDays: number | null;
                protectedUntil: string | null;
                decidedBy: string | null;
                decidedAt: string | null;
                rejectionReason: string | null;
                distributorAccountId: string | null;
                distributorName: string | null;
                registeredAt: string;
                approvalBusinessDays: number;
                slaBreached: boolean;
                escalatedAt: string | null;
                openConflicts: number;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Register a deal (conflicts are found and recorded with it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            customerName: string;
            customerDomain?: string | null;
            productIds?: string[];
            amount?: string | null;
            currency?: string;
            expectedCloseDate?: string | null;
            notes?: string | null;
            /** Format: uuid */
            partnerAccountId?: string;
            distributorAccountId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              registeredBy: string | null;
              customerName: string;
              customerDomain: string | null;
              productIds: string[];
              amount: string | null;
              currency: string;
              expectedCloseDate: string | null;
              notes: string | null;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              dealId: string | null;
              protectionDays: number | null;
              protectedUntil: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectionReason: string | null;
              distributorAccountId: string | null;
              distributorName: string | null;
              registeredAt: string;
              approvalBusinessDays: number;
              slaBreached: boolean;
              escalatedAt: string | null;
              openConflicts: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Whether registrations or deals for this customer already exist (before registering) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            customerName: string;
            customerDomain?: string | null;
            productIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              matches: {
                /** @enum {string} */
                kind: 'registration' | 'deal';
                reasons: {
                  /** @enum {string} */
                  kind: 'domain' | 'name' | 'similar_name' | 'products';
                  detail: string;
                }[];
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A deal registration */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              registeredBy: string | null;
              customerName: string;
              customerDomain: string | null;
              productIds: string[];
              amount: string | null;
              currency: string;
              expectedCloseDate: string | null;
              notes: string | null;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              dealId: string | null;
              protectionDays: number | null;
              protectedUntil: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectionReason: string | null;
              distributorAccountId: string | null;
              distributorName: string | null;
              registeredAt: string;
              approvalBusinessDays: number;
              slaBreached: boolean;
              escalatedAt: string | null;
              openConflicts: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a registration (a deal is created or linked and protected) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            dealId?: string;
            /** Format: uuid */
            pipelineId?: string;
            ownerId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              registeredBy: string | null;
              customerName: string;
              customerDomain: string | null;
              productIds: string[];
              amount: string | null;
              currency: string;
              expectedCloseDate: string | null;
              notes: string | null;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              dealId: string | null;
              protectionDays: number | null;
              protectedUntil: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectionReason: string | null;
              distributorAccountId: string | null;
              distributorName: string | null;
              registeredAt: string;
              approvalBusinessDays: number;
              slaBreached: boolean;
              escalatedAt: string | null;
              openConflicts: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a registration with a reason */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              registeredBy: string | null;
              customerName: string;
              customerDomain: string | null;
              productIds: string[];
              amount: string | null;
              currency: string;
              expectedCloseDate: string | null;
              notes: string | null;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              dealId: string | null;
              protectionDays: number | null;
              protectedUntil: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectionReason: string | null;
              distributorAccountId: string | null;
              distributorName: string | null;
              registeredAt: string;
              approvalBusinessDays: number;
              slaBreached: boolean;
              escalatedAt: string | null;
              openConflicts: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Extend the protection window of an approved registration */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            days: number;
            reason?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              registeredBy: string | null;
              customerName: string;
              customerDomain: string | null;
              productIds: string[];
              amount: string | null;
              currency: string;
              expectedCloseDate: string | null;
              notes: string | null;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              dealId: string | null;
              protectionDays: number | null;
              protectedUntil: string | null;
              decidedBy: string | null;
              decidedAt: string | null;
              rejectionReason: string | null;
              distributorAccountId: string | null;
              distributorName: string | null;
              registeredAt: string;
              approvalBusinessDays: number;
              slaBreached: boolean;
              escalatedAt: string | null;
              openConflicts: number;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a deal_registration from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel-conflicts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Channel conflicts, newest first */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'resolved';
          registrationId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                subjectKind: 'registration' | 'deal';
                /** Format: uuid */
                subjectId: string;
                /** @enum {string} */
                matchKind: 'registration' | 'deal';
                /** Format: uuid */
                matchId: string;
                reasons: {
                  /** @enum {string} */
                  kind: 'domain' | 'name' | 'similar_name' | 'products';
                  detail: string;
                }[];
                evidence: {
                  subject: {
                    /** @enum {string} */
                    kind: 'registration' | 'deal';
                    /** Format: uuid */
                    id: string;
                    customerName: string;
                    /** @enum {string} */
                    channel: 'direct' | 'partner';
                    partnerAccountId: string | null;
                    since: string;
                  };
                  match: {
                    /** @enum {string} */
                    kind: 'registration' | 'deal';
                    /** Format: uuid */
                    id: string;
                    customerName: string;
                    /** @enum {string} */
                    channel: 'direct' | 'partner';
                    partnerAccountId: string | null;
                    since: string;
                  };
                  subjectEvents: {
                    type: string;
                    at: string;
                  }[];
                  matchEvents: {
                    type: string;
                    at: string;
                  }[];
                };
                /** @enum {string} */
                policy: 'first_to_register' | 'evidence_based';
                /** @enum {string} */
                suggestedWinner: 'subject' | 'match' | 'undecided';
                /** @enum {string} */
                status: 'open' | 'resolved';
                winner: ('subject' | 'match' | 'shared') | null;
                resolutionNote: string | null;
                resolvedBy: string | null;
                resolvedAt: string | null;
                detectedAt: string;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel-conflicts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel conflict with its evidence */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              subjectKind: 'registration' | 'deal';
              /** Format: uuid */
              subjectId: string;
              /** @enum {string} */
              matchKind: 'registration' | 'deal';
              /** Format: uuid */
              matchId: string;
              reasons: {
                /** @enum {string} */
                kind: 'domain' | 'name' | 'similar_name' | 'products';
                detail: string;
              }[];
              evidence: {
                subject: {
                  /** @enum {string} */
                  kind: 'registration' | 'deal';
                  /** Format: uuid */
                  id: string;
                  customerName: string;
                  /** @enum {string} */
                  channel: 'direct' | 'partner';
                  partnerAccountId: string | null;
                  since: string;
                };
                match: {
                  /** @enum {string} */
                  kind: 'registration' | 'deal';
                  /** Format: uuid */
                  id: string;
                  customerName: string;
                  /** @enum {string} */
                  channel: 'direct' | 'partner';
                  partnerAccountId: string | null;
                  since: string;
                };
                subjectEvents: {
                  type: string;
                  at: string;
                }[];
                matchEvents: {
                  type: string;
                  at: string;
                }[];
              };
              /** @enum {string} */
              policy: 'first_to_register' | 'evidence_based';
              /** @enum {string} */
              suggestedWinner: 'subject' | 'match' | 'undecided';
              /** @enum {string} */
              status: 'open' | 'resolved';
              winner: ('subject' | 'match' | 'shared') | null;
              resolutionNote: string | null;
              resolvedBy: string | null;
              resolvedAt: string | null;
              detectedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel-conflicts/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve a channel conflict (If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            winner: 'subject' | 'match' | 'shared';
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              subjectKind: 'registration' | 'deal';
              /** Format: uuid */
              subjectId: string;
              /** @enum {string} */
              matchKind: 'registration' | 'deal';
              /** Format: uuid */
              matchId: string;
              reasons: {
                /** @enum {string} */
                kind: 'domain' | 'name' | 'similar_name' | 'products';
                detail: string;
              }[];
              evidence: {
                subject: {
                  /** @enum {string} */
                  kind: 'registration' | 'deal';
                  /** Format: uuid */
                  id: string;
                  customerName: string;
                  /** @enum {string} */
                  channel: 'direct' | 'partner';
                  partnerAccountId: string | null;
                  since: string;
                };
                match: {
                  /** @enum {string} */
                  kind: 'registration' | 'deal';
                  /** Format: uuid */
                  id: string;
                  customerName: string;
                  /** @enum {string} */
                  channel: 'direct' | 'partner';
                  partnerAccountId: string | null;
                  since: string;
                };
                subjectEvents: {
                  type: string;
                  at: string;
                }[];
                matchEvents: {
                  type: string;
                  at: string;
                }[];
              };
              /** @enum {string} */
              policy: 'first_to_register' | 'evidence_based';
              /** @enum {string} */
              suggestedWinner: 'subject' | 'match' | 'undecided';
              /** @enum {string} */
              status: 'open' | 'resolved';
              winner: ('subject' | 'match' | 'shared') | null;
              resolutionNote: string | null;
              resolvedBy: string | null;
              resolvedAt: string | null;
              detectedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Partner funnel, approval times, conflict rate, win rate and cycle time by partner, tier and type; channel vs direct */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              funnel: {
                registered: number;
                approved: number;
                won: number;
              };
              overall: {
                key: string;
                registered: number;
                approved: number;
                rejected: number;
                expired: number;
                won: number;
                conflictRate: number | null;
                meanApprovalBusinessDays: number | null;
                winRate: number | null;
                meanCycleDays: number | null;
                revenueWon: string;
              };
              byPartner: {
                key: string;
                registered: number;
                approved: number;
                rejected: number;
                expired: number;
                won: number;
                conflictRate: number | null;
                meanApprovalBusinessDays: number | null;
                winRate: number | null;
                meanCycleDays: number | null;
                revenueWon: string;
              }[];
              byTier: {
                key: string;
                registered: number;
                approved: number;
                rejected: number;
                expired: number;
                won: number;
                conflictRate: number | null;
                meanApprovalBusinessDays: number | null;
                winRate: number | null;
                meanCycleDays: number | null;
                revenueWon: string;
              }[];
              byType: {
                key: string;
                registered: number;
                approved: number;
                rejected: number;
                expired: number;
                won: number;
                conflictRate: number | null;
                meanApprovalBusinessDays: number | null;
                winRate: number | null;
                meanCycleDays: number | null;
                revenueWon: string;
              }[];
              byDistributor: {
                key: string;
                registered: number;
                approved: number;
                rejected: number;
                expired: number;
                won: number;
                conflictRate: number | null;
                meanApprovalBusinessDays: number | null;
                winRate: number | null;
                meanCycleDays: number | null;
                revenueWon: string;
              }[];
              channelVsDirect: {
                direct: {
                  deals: number;
                  won: number;
                  lost: number;
                  winRate: number | null;
                  meanCycleDays: number | null;
                  revenueWon: string;
                };
                partner: {
                  deals: number;
                  won: number;
                  lost: number;
                  winRate: number | null;
                  meanCycleDays: number | null;
                  revenueWon: string;
                };
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel/protection-what-if': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What if the protection window of a tier were N days: registrations that would have expired or closed, revenue, conflicts */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            windows: {
              tierId: string | null;
              protectionDays: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byTier: {
                registrations: number;
                expiredInsteadOfClosed: number;
                closedInsteadOfExpired: number;
                revenueLosingProtection: {
                  currency: string;
                  amount: string;
                }[];
                revenueGainingProtection: {
                  currency: string;
                  amount: string;
                }[];
                conflictsArising: number;
                conflictsVanishing: number;
                tierId: string | null;
                tierName: string | null;
                currentDays: number;
                candidateDays: number;
              }[];
              overall: {
                registrations: number;
                expiredInsteadOfClosed: number;
                closedInsteadOfExpired: number;
                revenueLosingProtection: {
                  currency: string;
                  amount: string;
                }[];
                revenueGainingProtection: {
                  currency: string;
                  amount: string;
                }[];
                conflictsArising: number;
                conflictsVanishing: number;
              };
              asOf: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channel/scorecard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A partner's scorecard (a partner reads its own) */
    get: {
      parameters: {
        query?: {
          partnerAccountId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              registered: number;
              pending: number;
              approved: number;
              rejected: number;
              expired: number;
              meanApprovalBusinessDays: number | null;
              winRate: number | null;
              dealsWon: number;
              revenueWon: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lead-offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leads offered to partners, newest first (a partner sees the offers made to it) */
    get: {
      parameters: {
        query?: {
          status?: 'offered' | 'accepted' | 'declined' | 'expired';
          partnerAccountId?: string;
          leadId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                leadId: string;
                /** Format: uuid */
                partnerAccountId: string;
                partnerName: string;
                /** @enum {string} */
                status: 'offered' | 'accepted' | 'declined' | 'expired';
                /** @enum {string} */
                chosenBy: 'manager' | 'rule';
                ruleDetail: string | null;
                offeredBy: string | null;
                offeredAt: string;
                expiresAt: string;
                respondedBy: string | null;
                respondedAt: string | null;
                declineReason: string | null;
                lead: {
                  firstName: string | null;
                  lastName: string;
                  company: string | null;
                  companyDomain: string | null;
                  title: string | null;
                  industry: string | null;
                  source: string | null;
                  email: string | null;
                  phone: string | null;
                };
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Offer a lead to a partner (named, or chosen by tier and capacity) with a time limit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            leadId: string;
            /** Format: uuid */
            partnerAccountId?: string;
            hoursToAnswer?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              leadId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              /** @enum {string} */
              status: 'offered' | 'accepted' | 'declined' | 'expired';
              /** @enum {string} */
              chosenBy: 'manager' | 'rule';
              ruleDetail: string | null;
              offeredBy: string | null;
              offeredAt: string;
              expiresAt: string;
              respondedBy: string | null;
              respondedAt: string | null;
              declineReason: string | null;
              lead: {
                firstName: string | null;
                lastName: string;
                company: string | null;
                companyDomain: string | null;
                title: string | null;
                industry: string | null;
                source: string | null;
                email: string | null;
                phone: string | null;
              };
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lead-offers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A lead offered to a partner */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              leadId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              /** @enum {string} */
              status: 'offered' | 'accepted' | 'declined' | 'expired';
              /** @enum {string} */
              chosenBy: 'manager' | 'rule';
              ruleDetail: string | null;
              offeredBy: string | null;
              offeredAt: string;
              expiresAt: string;
              respondedBy: string | null;
              respondedAt: string | null;
              declineReason: string | null;
              lead: {
                firstName: string | null;
                lastName: string;
                company: string | null;
                companyDomain: string | null;
                title: string | null;
                industry: string | null;
                source: string | null;
                email: string | null;
                phone: string | null;
              };
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lead-offers/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an offered lead (the partner it is offered to; If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              leadId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              /** @enum {string} */
              status: 'offered' | 'accepted' | 'declined' | 'expired';
              /** @enum {string} */
              chosenBy: 'manager' | 'rule';
              ruleDetail: string | null;
              offeredBy: string | null;
              offeredAt: string;
              expiresAt: string;
              respondedBy: string | null;
              respondedAt: string | null;
              declineReason: string | null;
              lead: {
                firstName: string | null;
                lastName: string;
                company: string | null;
                companyDomain: string | null;
                title: string | null;
                industry: string | null;
                source: string | null;
                email: string | null;
                phone: string | null;
              };
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lead-offers/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline an offered lead, with a reason (the partner it is offered to; If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              leadId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              /** @enum {string} */
              status: 'offered' | 'accepted' | 'declined' | 'expired';
              /** @enum {string} */
              chosenBy: 'manager' | 'rule';
              ruleDetail: string | null;
              offeredBy: string | null;
              offeredAt: string;
              expiresAt: string;
              respondedBy: string | null;
              respondedAt: string | null;
              declineReason: string | null;
              lead: {
                firstName: string | null;
                lastName: string;
                company: string | null;
                companyDomain: string | null;
                title: string | null;
                industry: string | null;
                source: string | null;
                email: string | null;
                phone: string | null;
              };
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lead-offers/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a partner_lead_offer from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-budgets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Development fund budgets with what is committed, pending and left (a partner sees its own) */
    get: {
      parameters: {
        query?: {
          partnerAccountId?: string;
          on?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                partnerAccountId: string;
                partnerName: string;
                periodStart: string;
                periodEnd: string;
                amount: string;
                currency: string;
                committed: string;
                pending: string;
                remaining: string;
                paid: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Set a partner's development fund budget for a period (channel managers; default: the tier's funds) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            partnerAccountId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            amount?: string;
            currency?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              periodStart: string;
              periodEnd: string;
              amount: string;
              currency: string;
              committed: string;
              pending: string;
              remaining: string;
              paid: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-budgets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A development fund budget */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              periodStart: string;
              periodEnd: string;
              amount: string;
              currency: string;
              committed: string;
              pending: string;
              remaining: string;
              paid: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a budget's amount, not below what is approved or claimed (channel managers; If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              periodStart: string;
              periodEnd: string;
              amount: string;
              currency: string;
              committed: string;
              pending: string;
              remaining: string;
              paid: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/fund-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Development fund requests, newest first (a partner sees its own) */
    get: {
      parameters: {
        query?: {
          status?: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
          partnerAccountId?: string;
          budgetId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                budgetId: string;
                /** Format: uuid */
                partnerAccountId: string;
                partnerName: string;
                activity: string;
                amount: string;
                currency: string;
                /** @enum {string} */
                status: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
                requestedBy: string | null;
                requestedAt: string;
                decidedBy: string | null;
                decidedAt: string | null;
                decisionNote: string | null;
                claimedAmount: string | null;
                claimProof: string | null;
                claimedBy: string | null;
                claimedAt: string | null;
                paidBy: string | null;
                paidAt: string | null;
                paymentReference: string | null;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Ask for development funds from a budget for an activity (the partner, or a channel manager for it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            budgetId: string;
            activity: string;
            amount: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              budgetId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              activity: string;
              amount: string;
              currency: string;
              /** @enum {string} */
              status: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
              requestedBy: string | null;
              requestedAt: string;
              decidedBy: string | null;
              decidedAt: string | null;
              decisionNote: string | null;
              claimedAmount: string | null;
              claimProof: string | null;
              claimedBy: string | null;
              claimedAt: string | null;
              paidBy: string | null;
              paidAt: string | null;
              paymentReference: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A development fund request */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              budgetId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              activity: string;
              amount: string;
              currency: string;
              /** @enum {string} */
              status: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
              requestedBy: string | null;
              requestedAt: string;
              decidedBy: string | null;
              decidedAt: string | null;
              decisionNote: string | null;
              claimedAmount: string | null;
              claimProof: string | null;
              claimedBy: string | null;
              claimedAt: string | null;
              paidBy: string | null;
              paidAt: string | null;
              paymentReference: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-requests/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve or reject a fund request, a note required to reject (channel managers; If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'approve' | 'reject';
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              budgetId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              activity: string;
              amount: string;
              currency: string;
              /** @enum {string} */
              status: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
              requestedBy: string | null;
              requestedAt: string;
              decidedBy: string | null;
              decidedAt: string | null;
              decisionNote: string | null;
              claimedAmount: string | null;
              claimProof: string | null;
              claimedBy: string | null;
              claimedAt: string | null;
              paidBy: string | null;
              paidAt: string | null;
              paymentReference: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-requests/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Claim what was spent on an approved request, with proof (the partner, or a channel manager; If-Match) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount: string;
            proof: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              budgetId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              activity: string;
              amount: string;
              currency: string;
              /** @enum {string} */
              status: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
              requestedBy: string | null;
              requestedAt: string;
              decidedBy: string | null;
              decidedAt: string | null;
              decisionNote: string | null;
              claimedAmount: string | null;
              claimProof: string | null;
              claimedBy: string | null;
              claimedAt: string | null;
              paidBy: string | null;
              paidAt: string | null;
              paymentReference: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-requests/{id}/payment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the payment of a claim with its reference (admins; If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              budgetId: string;
              /** Format: uuid */
              partnerAccountId: string;
              partnerName: string;
              activity: string;
              amount: string;
              currency: string;
              /** @enum {string} */
              status: 'requested' | 'approved' | 'rejected' | 'claimed' | 'paid';
              requestedBy: string | null;
              requestedAt: string;
              decidedBy: string | null;
              decidedAt: string | null;
              decisionNote: string | null;
              claimedAmount: string | null;
              claimProof: string | null;
              claimedBy: string | null;
              claimedAt: string | null;
              paidBy: string | null;
              paidAt: string | null;
              paymentReference: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-requests/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a partner_fund_request from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/fund-budgets/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a partner_fund_budget from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List campaigns */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          order?: 'asc' | 'desc';
          q?: string;
          sort?: 'name' | 'created_at' | 'start_date';
          type?:
            | 'advertising'
            | 'sales_promotion'
            | 'publicity'
            | 'public_relations'
            | 'event'
            | 'email'
            | 'content'
            | 'partner_co_marketing'
            | 'product_launch'
            | 'new_channel';
          status?: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
          parentId?: string;
          topLevel?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                type:
                  | 'advertising'
                  | 'sales_promotion'
                  | 'publicity'
                  | 'public_relations'
                  | 'event'
                  | 'email'
                  | 'content'
                  | 'partner_co_marketing'
                  | 'product_launch'
                  | 'new_channel';
                channel: string | null;
                /** @enum {string} */
                status: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
                startDate: string | null;
                endDate: string | null;
                ownerId: string | null;
                parentId: string | null;
                budget: string | null;
                expectedRevenue: string | null;
                currency: string;
                actualCost: string | null;
                utmSource: string | null;
                utmMedium: string | null;
                utmCampaign: string | null;
                utmContent: string | null;
                utmTerm: string | null;
                description: string | null;
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a campaign */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            type:
              | 'advertising'
              | 'sales_promotion'
              | 'publicity'
              | 'public_relations'
              | 'event'
              | 'email'
              | 'content'
              | 'partner_co_marketing'
              | 'product_launch'
              | 'new_channel';
            channel?: string | null;
            /** @enum {string} */
            status?: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
            startDate?: string | null;
            endDate?: string | null;
            ownerId?: string | null;
            parentId?: string | null;
            budget?: string | null;
            expectedRevenue?: string | null;
            currency?: string;
            utmSource?: string | null;
            utmMedium?: string | null;
            utmCampaign?: string | null;
            utmContent?: string | null;
            utmTerm?: string | null;
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              type:
                | 'advertising'
                | 'sales_promotion'
                | 'publicity'
                | 'public_relations'
                | 'event'
                | 'email'
                | 'content'
                | 'partner_co_marketing'
                | 'product_launch'
                | 'new_channel';
              channel: string | null;
              /** @enum {string} */
              status: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
              startDate: string | null;
              endDate: string | null;
              ownerId: string | null;
              parentId: string | null;
              budget: string | null;
              expectedRevenue: string | null;
              currency: string;
              actualCost: string | null;
              utmSource: string | null;
              utmMedium: string | null;
              utmCampaign: string | null;
              utmContent: string | null;
              utmTerm: string | null;
              description: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a campaign */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              type:
                | 'advertising'
                | 'sales_promotion'
                | 'publicity'
                | 'public_relations'
                | 'event'
                | 'email'
                | 'content'
                | 'partner_co_marketing'
                | 'product_launch'
                | 'new_channel';
              channel: string | null;
              /** @enum {string} */
              status: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
              startDate: string | null;
              endDate: string | null;
              ownerId: string | null;
              parentId: string | null;
              budget: string | null;
              expectedRevenue: string | null;
              currency: string;
              actualCost: string | null;
              utmSource: string | null;
              utmMedium: string | null;
              utmCampaign: string | null;
              utmContent: string | null;
              utmTerm: string | null;
              description: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a campaign (If-Match: version; its touches and costs stay for attribution) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a campaign (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            type?:
              | 'advertising'
              | 'sales_promotion'
              | 'publicity'
              | 'public_relations'
              | 'event'
              | 'email'
              | 'content'
              | 'partner_co_marketing'
              | 'product_launch'
              | 'new_channel';
            channel?: string | null;
            /** @enum {string} */
            status?: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
            startDate?: string | null;
            endDate?: string | null;
            ownerId?: string | null;
            parentId?: string | null;
            budget?: string | null;
            expectedRevenue?: string | null;
            utmSource?: string | null;
            utmMedium?: string | null;
            utmCampaign?: string | null;
            utmContent?: string | null;
            utmTerm?: string | null;
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              type:
                | 'advertising'
                | 'sales_promotion'
                | 'publicity'
                | 'public_relations'
                | 'event'
                | 'email'
                | 'content'
                | 'partner_co_marketing'
                | 'product_launch'
                | 'new_channel';
              channel: string | null;
              /** @enum {string} */
              status: 'planned' | 'active' | 'paused' | 'completed' | 'cancelled';
              startDate: string | null;
              endDate: string | null;
              ownerId: string | null;
              parentId: string | null;
              budget: string | null;
              expectedRevenue: string | null;
              currency: string;
              actualCost: string | null;
              utmSource: string | null;
              utmMedium: string | null;
              utmCampaign: string | null;
              utmContent: string | null;
              utmTerm: string | null;
              description: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/campaigns/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a campaign from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/campaigns/{id}/costs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cost entries of a campaign, by date (their sum is its actual cost) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                campaignId: string;
                incurredOn: string;
                amount: string;
                description: string | null;
                createdBy: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add a dated cost entry to a campaign */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            incurredOn: string;
            amount: string;
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              campaignId: string;
              incurredOn: string;
              amount: string;
              description: string | null;
              createdBy: string | null;
              createdAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/campaigns/{id}/costs/{costId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a cost entry of a campaign */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          costId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/campaigns/{id}/touches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Touches of a campaign, newest first (of the leads and contacts you may see) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                campaignId: string;
                leadId: string | null;
                contactId: string | null;
                /** @enum {string} */
                kind: 'responded' | 'attended' | 'clicked' | 'submitted_form' | 'visited';
                touchedAt: string;
                utmSource: string | null;
                utmMedium: string | null;
                utmCampaign: string | null;
                utmContent: string | null;
                utmTerm: string | null;
                recordedBy: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Record that a lead or contact interacted with a campaign */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            leadId?: string;
            /** Format: uuid */
            contactId?: string;
            /** @enum {string} */
            kind: 'responded' | 'attended' | 'clicked' | 'submitted_form' | 'visited';
            /** Format: date-time */
            touchedAt?: string;
            utmSource?: string | null;
            utmMedium?: string | null;
            utmCampaign?: string | null;
            utmContent?: string | null;
            utmTerm?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              campaignId: string;
              leadId: string | null;
              contactId: string | null;
              /** @enum {string} */
              kind: 'responded' | 'attended' | 'clicked' | 'submitted_form' | 'visited';
              touchedAt: string;
              utmSource: string | null;
              utmMedium: string | null;
              utmCampaign: string | null;
              utmContent: string | null;
              utmTerm: string | null;
              recordedBy: string | null;
              createdAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/campaigns/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of a campaign with their status (of the leads and contacts you may see) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'targeted' | 'sent' | 'responded' | 'attended' | 'unsubscribed';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                campaignId: string;
                /** Format: uuid */
                personId: string;
                /** @enum {string} */
                personType: 'lead' | 'contact';
                name: string;
                /** @enum {string} */
                status: 'targeted' | 'sent' | 'responded' | 'attended' | 'unsubscribed';
                touches: number;
                firstTouchAt: string | null;
                lastTouchAt: string | null;
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add a person to a campaign or move their status on (statuses only climb) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            leadId?: string;
            /** Format: uuid */
            contactId?: string;
            /** @enum {string} */
            status: 'targeted' | 'sent' | 'responded' | 'attended' | 'unsubscribed';
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/touches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaign touches of a lead, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                campaignId: string;
                leadId: string | null;
                contactId: string | null;
                /** @enum {string} */
                kind: 'responded' | 'attended' | 'clicked' | 'submitted_form' | 'visited';
                touchedAt: string;
                utmSource: string | null;
                utmMedium: string | null;
                utmCampaign: string | null;
                utmContent: string | null;
                utmTerm: string | null;
                recordedBy: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contacts/{id}/touches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaign touches of a contact, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                campaignId: string;
                leadId: string | null;
                contactId: string | null;
                /** @enum {string} */
                kind: 'responded' | 'attended' | 'clicked' | 'submitted_form' | 'visited';
                touchedAt: string;
                utmSource: string | null;
                utmMedium: string | null;
                utmCampaign: string | null;
                utmContent: string | null;
                utmTerm: string | null;
                recordedBy: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forms/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A published form as a page renders it (no sign-in: the key is public; unknown or disabled: 404) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              name: string;
              fields: {
                /** @enum {string} */
                name: 'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
                label: string;
                required: boolean;
                /** @enum {string} */
                type: 'email' | 'tel' | 'text';
              }[];
              consentText: string | null;
              submitLabel: string;
              thankYouMessage: string;
              /** @enum {string} */
              honeypotField: 'website';
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/forms/{key}/submissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a published form (no sign-in; JSON or application/x-www-form-urlencoded). Matches the lead or contact with the same email or creates a lead, records consent and the touch; rate limited (429 with Retry-After) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            firstName?: string;
            lastName?: string;
            email?: string;
            phone?: string;
            title?: string;
            company?: string;
            companyDomain?: string;
            industry?: string;
            consent?: boolean | string;
            website?: string;
            pageUrl?: string;
            utm_source?: string;
            utm_medium?: string;
            utm_campaign?: string;
            utm_content?: string;
            utm_term?: string;
          };
          'application/x-www-form-urlencoded': {
            firstName?: string;
            lastName?: string;
            email?: string;
            phone?: string;
            title?: string;
            company?: string;
            companyDomain?: string;
            industry?: string;
            consent?: boolean | string;
            website?: string;
            pageUrl?: string;
            utm_source?: string;
            utm_medium?: string;
            utm_campaign?: string;
            utm_content?: string;
            utm_term?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              received: true;
              message: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/capture-forms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbound capture forms, by name (marketing and admins) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          campaignId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                publicKey: string;
                /** Format: uuid */
                campaignId: string;
                fields: {
                  /** @enum {string} */
                  leadField:
                    'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
                  label: string;
                  required: boolean;
                }[];
                consentText: string | null;
                routing:
                  | {
                      /** @enum {string} */
                      kind: 'owner';
                      /** Format: uuid */
                      ownerId: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'round_robin';
                      /** Format: uuid */
                      teamId: string;
                    };
                submitLabel: string;
                thankYouMessage: string;
                enabled: boolean;
                submissions: number;
                lastSubmittedAt: string | null;
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create an inbound capture form (published under a new public key) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** Format: uuid */
            campaignId: string;
            fields: {
              /** @enum {string} */
              leadField:
                'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
              label: string;
              required: boolean;
            }[];
            consentText?: string | null;
            routing:
              | {
                  /** @enum {string} */
                  kind: 'owner';
                  /** Format: uuid */
                  ownerId: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'round_robin';
                  /** Format: uuid */
                  teamId: string;
                };
            submitLabel?: string;
            thankYouMessage?: string;
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              publicKey: string;
              /** Format: uuid */
              campaignId: string;
              fields: {
                /** @enum {string} */
                leadField:
                  'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
                label: string;
                required: boolean;
              }[];
              consentText: string | null;
              routing:
                | {
                    /** @enum {string} */
                    kind: 'owner';
                    /** Format: uuid */
                    ownerId: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'round_robin';
                    /** Format: uuid */
                    teamId: string;
                  };
              submitLabel: string;
              thankYouMessage: string;
              enabled: boolean;
              submissions: number;
              lastSubmittedAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/capture-forms/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an inbound capture form */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              publicKey: string;
              /** Format: uuid */
              campaignId: string;
              fields: {
                /** @enum {string} */
                leadField:
                  'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
                label: string;
                required: boolean;
              }[];
              consentText: string | null;
              routing:
                | {
                    /** @enum {string} */
                    kind: 'owner';
                    /** Format: uuid */
                    ownerId: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'round_robin';
                    /** Format: uuid */
                    teamId: string;
                  };
              submitLabel: string;
              thankYouMessage: string;
              enabled: boolean;
              submissions: number;
              lastSubmittedAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update an inbound capture form (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** Format: uuid */
            campaignId?: string;
            fields?: {
              /** @enum {string} */
              leadField:
                'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
              label: string;
              required: boolean;
            }[];
            consentText?: string | null;
            routing?:
              | {
                  /** @enum {string} */
                  kind: 'owner';
                  /** Format: uuid */
                  ownerId: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'round_robin';
                  /** Format: uuid */
                  teamId: string;
                };
            submitLabel?: string;
            thankYouMessage?: string;
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              publicKey: string;
              /** Format: uuid */
              campaignId: string;
              fields: {
                /** @enum {string} */
                leadField:
                  'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
                label: string;
                required: boolean;
              }[];
              consentText: string | null;
              routing:
                | {
                    /** @enum {string} */
                    kind: 'owner';
                    /** Format: uuid */
                    ownerId: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'round_robin';
                    /** Format: uuid */
                    teamId: string;
                  };
              submitLabel: string;
              thankYouMessage: string;
              enabled: boolean;
              submissions: number;
              lastSubmittedAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/capture-forms/{id}/rotate-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the public key of a form (If-Match: version); the old key answers 404 from then on */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              publicKey: string;
              /** Format: uuid */
              campaignId: string;
              fields: {
                /** @enum {string} */
                leadField:
                  'firstName' | 'lastName' | 'email' | 'phone' | 'title' | 'company' | 'companyDomain' | 'industry';
                label: string;
                required: boolean;
              }[];
              consentText: string | null;
              routing:
                | {
                    /** @enum {string} */
                    kind: 'owner';
                    /** Format: uuid */
                    ownerId: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'round_robin';
                    /** Format: uuid */
                    teamId: string;
                  };
              submitLabel: string;
              thankYouMessage: string;
              enabled: boolean;
              submissions: number;
              lastSubmittedAt: string | null;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/capture-forms/{id}/submissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stored submissions of a form, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                formId: string;
                /** @enum {string} */
                outcome: 'created_lead' | 'matched_lead' | 'matched_contact';
                leadId: string | null;
                contactId: string | null;
                email: string;
                values: {
                  [key: string]: string;
                };
                consentText: string | null;
                consentedAt: string | null;
                utmSource: string | null;
                utmMedium: string | null;
                utmCampaign: string | null;
                utmContent: string | null;
                utmTerm: string | null;
                pageUrl: string | null;
                /** Format: uuid */
                touchId: string;
                submittedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/capture-forms/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a form from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scoring/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The scoring settings (fit rules, touch points, half-life, grades, MQL threshold) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fitRules: {
                /** @enum {string} */
                field: 'industry' | 'title' | 'source' | 'company' | 'companyDomain' | 'emailDomain';
                /** @enum {string} */
                op: 'in' | 'contains';
                values: string[];
                points: number;
              }[];
              touchPoints: {
                responded: number;
                attended: number;
                clicked: number;
                submitted_form: number;
                visited: number;
              };
              halfLifeDays: number;
              gradeThresholds: {
                a: number;
                b: number;
                c: number;
              };
              mqlEngagement: number;
              /** @enum {string} */
              mqlMinGrade: 'A' | 'B' | 'C' | 'D';
              version: number;
              updatedAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Replace the scoring settings (If-Match: version, 0 before the first save); open leads are rescored */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fitRules: {
              /** @enum {string} */
              field: 'industry' | 'title' | 'source' | 'company' | 'companyDomain' | 'emailDomain';
              /** @enum {string} */
              op: 'in' | 'contains';
              values: string[];
              points: number;
            }[];
            touchPoints: {
              responded: number;
              attended: number;
              clicked: number;
              submitted_form: number;
              visited: number;
            };
            halfLifeDays: number;
            gradeThresholds: {
              a: number;
              b: number;
              c: number;
            };
            mqlEngagement: number;
            /** @enum {string} */
            mqlMinGrade: 'A' | 'B' | 'C' | 'D';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fitRules: {
                /** @enum {string} */
                field: 'industry' | 'title' | 'source' | 'company' | 'companyDomain' | 'emailDomain';
                /** @enum {string} */
                op: 'in' | 'contains';
                values: string[];
                points: number;
              }[];
              touchPoints: {
                responded: number;
                attended: number;
                clicked: number;
                submitted_form: number;
                visited: number;
              };
              halfLifeDays: number;
              gradeThresholds: {
                a: number;
                b: number;
                c: number;
              };
              mqlEngagement: number;
              /** @enum {string} */
              mqlMinGrade: 'A' | 'B' | 'C' | 'D';
              version: number;
              updatedAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scoring/model': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The conversion model: held-out AUC, calibration table and weights (or why it is not used) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'fitted' | 'insufficient_history' | 'not_fitted';
              fittedAt: string | null;
              trainingLeads: number;
              testLeads: number;
              converted: number;
              auc: number | null;
              calibration: {
                from: number;
                to: number;
                leads: number;
                meanPredicted: number | null;
                observedRate: number | null;
              }[];
              coefficients: {
                feature: string;
                weight: number;
              }[];
              message: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scoring/model/refit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refit the conversion model and rescore open leads now (a job) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobId: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scoring/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The lead inbox: open leads at a lifecycle stage with their scores, best engagement first */
    get: {
      parameters: {
        query?: {
          stage?: 'subscriber' | 'lead' | 'mql' | 'sql';
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                leadId: string;
                name: string;
                company: string | null;
                ownerId: string | null;
                lifecycleStage: string;
                fitScore: number;
                engagementScore: number;
                /** @enum {string} */
                grade: 'A' | 'B' | 'C' | 'D';
                conversionProbability: number | null;
                mqlAt: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/score': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A lead's fit and engagement scores, grade, MQL verdict, conversion probability and top factors */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              leadId: string;
              fitScore: number;
              engagementScore: number;
              /** @enum {string} */
              grade: 'A' | 'B' | 'C' | 'D';
              qualifies: boolean;
              conversionProbability: number | null;
              factors: {
                label: string;
                weight: number;
              }[];
              computedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sla-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organization's hand-off SLA policy (business hours, response minutes, escalation); admins */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SlaPolicy'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Replace the organization's hand-off SLA policy (If-Match: version, 0 before the first save) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            weekdays: number[];
            start: string;
            end: string;
            timeZone: string;
            businessMinutes: number;
            otherMinutes: number;
            /** @enum {string} */
            escalation: 'notify_manager' | 'reassign_to_manager';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SlaPolicy'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/teams/{id}/sla-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A team's hand-off SLA policy (the organization's, marked inherited, until the team has its own) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SlaPolicy'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Replace a team's own hand-off SLA policy (If-Match: version, 0 before the first save) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            weekdays: number[];
            start: string;
            end: string;
            timeZone: string;
            businessMinutes: number;
            otherMinutes: number;
            /** @enum {string} */
            escalation: 'notify_manager' | 'reassign_to_manager';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SlaPolicy'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Hand-offs of MQLs to sales the caller reads, by due time, with score, grade, timer and decision */
    get: {
      parameters: {
        query?: {
          status?: ('open' | 'accepted' | 'rejected' | 'withdrawn')[];
          ownerId?: string;
          teamId?: string;
          leadId?: string;
          order?: 'asc' | 'desc';
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Handoff'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A hand-off */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Handoff'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept a handed-off lead (If-Match: the hand-off version): the lead becomes SQL */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Handoff'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/handoffs/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a handed-off lead with a reason (If-Match: the hand-off version): it goes back to marketing */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Handoff'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The commission plans (admins, managers, auditors) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                basis: 'amount' | 'margin';
                currency: string;
                rates: {
                  family: string | null;
                  ratePercent: string;
                }[];
                tiers: {
                  from: string;
                  multiplier: string;
                }[];
                cap: string | null;
                clawbackDays: number;
                overridePercent: string | null;
                overrideLevels: number;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Make a commission plan (admins; plans do not change afterwards) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /**
             * @default amount
             * @enum {string}
             */
            basis?: 'amount' | 'margin';
            currency?: string;
            /** @default [] */
            rates?: {
              family: string | null;
              ratePercent: string;
            }[];
            /** @default [] */
            tiers?: {
              from: string;
              multiplier: string;
            }[];
            /** @default null */
            cap?: string | null;
            /** @default 90 */
            clawbackDays?: number;
            /** @default null */
            overridePercent?: string | null;
            /** @default 0 */
            overrideLevels?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              basis: 'amount' | 'margin';
              currency: string;
              rates: {
                family: string | null;
                ratePercent: string;
              }[];
              tiers: {
                from: string;
                multiplier: string;
              }[];
              cap: string | null;
              clawbackDays: number;
              overridePercent: string | null;
              overrideLevels: number;
              createdAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-assignments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Plan assignments of the payees whose statements you read */
    get: {
      parameters: {
        query?: {
          payeeKind?: 'user' | 'partner';
          payeeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                planName: string;
                /** @enum {string} */
                payeeKind: 'user' | 'partner';
                /** Format: uuid */
                payeeId: string;
                payeeName: string;
                startsOn: string;
                endsOn: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Give a plan to a user or partner account for a span of days (admins) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            /**
             * @default user
             * @enum {string}
             */
            payeeKind?: 'user' | 'partner';
            /** Format: uuid */
            payeeId: string;
            /** Format: date */
            startsOn: string;
            /** @default null */
            endsOn?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              planName: string;
              /** @enum {string} */
              payeeKind: 'user' | 'partner';
              /** Format: uuid */
              payeeId: string;
              payeeName: string;
              startsOn: string;
              endsOn: string | null;
              createdAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/commission-split': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A deal's commission split (no members: the owner is credited alone) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              dealId: string;
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                percent: string;
              }[];
              updatedAt: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Split a deal's credit between reps (managers, admins; If-Match: the split's version, 0 at first) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            members: {
              /** Format: uuid */
              userId: string;
              percent: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              dealId: string;
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                percent: string;
              }[];
              updatedAt: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-bonuses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Grant a one-off bonus (admins; managers for their team's people and for partners) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default user
             * @enum {string}
             */
            payeeKind?: 'user' | 'partner';
            /** Format: uuid */
            payeeId: string;
            amount: string;
            currency?: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              payeeKind: 'user' | 'partner';
              /** Format: uuid */
              payeeId: string;
              amount: string;
              currency: string;
              reason: string;
              grantedBy: string | null;
              grantedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A statement for a month, computed from the log up to its end (yours unless a payee is named) */
    get: {
      parameters: {
        query: {
          period: string;
          payeeKind?: 'user' | 'partner' | 'agent';
          payeeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              payee: {
                /** @enum {string} */
                kind: 'user' | 'partner' | 'agent';
                /** Format: uuid */
                id: string;
                name: string;
              };
              period: string;
              plan: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              lines: {
                id: string;
                period: string;
                day: string;
                /** @enum {string} */
                kind: 'commission' | 'partner' | 'agent' | 'override' | 'clawback' | 'bonus' | 'adjustment';
                dealId: string | null;
                dealName: string | null;
                family: string | null;
                basis: string | null;
                ratePercent: string | null;
                multiplier: string | null;
                amount: string;
                currency: string;
                capped: boolean;
                note: string;
                eventIds: string[];
              }[];
              totals: {
                currency: string;
                amount: string;
              }[];
              disputes: {
                /** Format: uuid */
                id: string;
                payee: {
                  /** @enum {string} */
                  kind: 'user' | 'partner';
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                period: string;
                lineId: string;
                reason: string;
                /** @enum {string} */
                status: 'open' | 'accepted' | 'rejected';
                answerNote: string | null;
                adjustment: string | null;
                currency: string;
                /** Format: uuid */
                raisedBy: string;
                raisedAt: string;
                answeredBy: string | null;
                answeredAt: string | null;
                version: number;
              }[];
              asOf: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-statements/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The month's statements of the people you read (managers, admins, auditors) */
    get: {
      parameters: {
        query: {
          period: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                payee: {
                  /** @enum {string} */
                  kind: 'user' | 'partner' | 'agent';
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                lines: number;
                totals: {
                  currency: string;
                  amount: string;
                }[];
                openDisputes: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-disputes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Disputes of the statements you read, newest first */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'accepted' | 'rejected';
          period?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                payee: {
                  /** @enum {string} */
                  kind: 'user' | 'partner';
                  /** Format: uuid */
                  id: string;
                  name: string;
                };
                period: string;
                lineId: string;
                reason: string;
                /** @enum {string} */
                status: 'open' | 'accepted' | 'rejected';
                answerNote: string | null;
                adjustment: string | null;
                currency: string;
                /** Format: uuid */
                raisedBy: string;
                raisedAt: string;
                answeredBy: string | null;
                answeredAt: string | null;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Dispute a line of your statement */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            period: string;
            lineId: string;
            reason: string;
            /** @enum {string} */
            payeeKind?: 'user' | 'partner';
            /** Format: uuid */
            payeeId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              payee: {
                /** @enum {string} */
                kind: 'user' | 'partner';
                /** Format: uuid */
                id: string;
                name: string;
              };
              period: string;
              lineId: string;
              reason: string;
              /** @enum {string} */
              status: 'open' | 'accepted' | 'rejected';
              answerNote: string | null;
              adjustment: string | null;
              currency: string;
              /** Format: uuid */
              raisedBy: string;
              raisedAt: string;
              answeredBy: string | null;
              answeredAt: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-disputes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a dispute */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              payee: {
                /** @enum {string} */
                kind: 'user' | 'partner';
                /** Format: uuid */
                id: string;
                name: string;
              };
              period: string;
              lineId: string;
              reason: string;
              /** @enum {string} */
              status: 'open' | 'accepted' | 'rejected';
              answerNote: string | null;
              adjustment: string | null;
              currency: string;
              /** Format: uuid */
              raisedBy: string;
              raisedAt: string;
              answeredBy: string | null;
              answeredAt: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-disputes/{id}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept (maybe with an adjustment line) or reject a dispute (If-Match: version) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'accepted' | 'rejected';
            note: string;
            /** @default null */
            adjustment?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              payee: {
                /** @enum {string} */
                kind: 'user' | 'partner';
                /** Format: uuid */
                id: string;
                name: string;
              };
              period: string;
              lineId: string;
              reason: string;
              /** @enum {string} */
              status: 'open' | 'accepted' | 'rejected';
              answerNote: string | null;
              adjustment: string | null;
              currency: string;
              /** Format: uuid */
              raisedBy: string;
              raisedAt: string;
              answeredBy: string | null;
              answeredAt: string | null;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/commission-disputes/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a commission_dispute from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent-parties': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agents: people and firms (filters: q, kind) */
    get: {
      parameters: {
        query?: {
          q?: string;
          kind?: 'person' | 'firm';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AgentParty'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Record an agent: a person (optionally of a firm) or a firm, with licence and jurisdiction */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'person' | 'firm';
            name: string;
            firmId?: string | null;
            licenceNumber?: string | null;
            jurisdiction?: string | null;
            email?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentParty'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent-parties/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agent party */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentParty'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an agent party (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            firmId?: string | null;
            licenceNumber?: string | null;
            jurisdiction?: string | null;
            email?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgentParty'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/agent-parties/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a agent_party from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agency-agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agency agreements (filters: agentPartyId, side) */
    get: {
      parameters: {
        query?: {
          agentPartyId?: string;
          side?: 'buyer' | 'seller';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AgencyAgreement'][];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Record an agency agreement: the agent, the side and party it represents, its term and compensation */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            agentPartyId: string;
            /** @enum {string} */
            side: 'buyer' | 'seller';
            representedAccountId?: string | null;
            representedContactId?: string | null;
            /** Format: date */
            effectiveFrom: string;
            effectiveTo?: string | null;
            exclusive?: boolean;
            /** @enum {string} */
            compensationKind: 'percent' | 'amount';
            compensationPercent?: string | null;
            compensationAmount?: string | null;
            currency?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgencyAgreement'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agency-agreements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency agreement */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgencyAgreement'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an agency agreement (If-Match: version) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            side?: 'buyer' | 'seller';
            representedAccountId?: string | null;
            representedContactId?: string | null;
            /** Format: date */
            effectiveFrom?: string;
            effectiveTo?: string | null;
            exclusive?: boolean;
            /** @enum {string} */
            compensationKind?: 'percent' | 'amount';
            compensationPercent?: string | null;
            compensationAmount?: string | null;
            currency?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AgencyAgreement'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/agency-agreements/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a agency_agreement from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A deal's agents with their side and agreement, disclosures, consents and dual agency */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DealAgency'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Put an agent on a deal under an agreement in effect on the deal's date. Refusals: 409 dual_agency_consent_required (the same agent or firm on both sides without both written consents), 422 dual_agency_forbidden (a forbidden jurisdiction), 409 duplicate */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            agentPartyId: string;
            /** Format: uuid */
            agreementId: string;
            /** @enum {string} */
            role: 'buyer_agent' | 'seller_agent' | 'co_agent';
            /** @enum {string} */
            side?: 'buyer' | 'seller';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DealAgency'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/agents/{dealAgentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take an agent off a deal */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          dealAgentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/agent-disclosures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that an agent on the deal disclosed whom it represents (to whom, when, the document) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            agentPartyId: string;
            disclosedTo: string;
            disclosedToContactId?: string | null;
            /** Format: date-time */
            disclosedAt: string;
            documentRef: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              dealId: string;
              /** Format: uuid */
              agentPartyId: string;
              agentName: string;
              disclosedTo: string;
              disclosedToContactId: string | null;
              disclosedAt: string;
              documentRef: string;
              recordedBy: string | null;
              recordedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/deals/{id}/dual-agency-consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a party's written consent to dual agency on the deal (one per side) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            side: 'buyer' | 'seller';
            givenBy: string;
            givenByContactId?: string | null;
            /** Format: date-time */
            consentedAt: string;
            documentRef: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              dealId: string;
              /** @enum {string} */
              side: 'buyer' | 'seller';
              givenBy: string;
              givenByContactId: string | null;
              consentedAt: string;
              documentRef: string;
              recordedBy: string | null;
              recordedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agency-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Jurisdictions that forbid dual agency, and the stage disclosures are due before (per pipeline) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              forbiddenJurisdictions: string[];
              disclosureGates: {
                /** Format: uuid */
                pipelineId: string;
                /** Format: uuid */
                stageId: string;
              }[];
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Change the agency settings (admins; If-Match: version) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            forbiddenJurisdictions?: string[];
            disclosureGates?: {
              /** Format: uuid */
              pipelineId: string;
              /** Format: uuid */
              stageId: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              forbiddenJurisdictions: string[];
              disclosureGates: {
                /** Format: uuid */
                pipelineId: string;
                /** Format: uuid */
                stageId: string;
              }[];
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/analytics/sides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deals by the side of their agents: count, open, won, lost, win rate and amounts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: {
                /** @enum {string} */
                side: 'buyer' | 'seller';
                deals: number;
                open: number;
                won: number;
                lost: number;
                winRate: number | null;
                amounts: {
                  currency: string;
                  amount: string;
                }[];
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agents/my-work': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agent user's own work: the deals its parties are on, disclosure, and the compensation its agreements pay (earned when won, expected while open) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                dealAgentId: string;
                /** Format: uuid */
                dealId: string;
                dealName: string;
                stageName: string;
                status: string;
                amount: string | null;
                currency: string;
                expectedCloseDate: string | null;
                closedAt: string | null;
                agentName: string;
                /** @enum {string} */
                role: 'buyer_agent' | 'seller_agent' | 'co_agent';
                /** @enum {string} */
                side: 'buyer' | 'seller';
                disclosed: boolean;
                /** @enum {string} */
                compensationKind: 'percent' | 'amount';
                compensationPercent: string | null;
                compensation: string | null;
                compensationCurrency: string;
                earned: boolean;
              }[];
              totals: {
                currency: string;
                earned: string;
                expected: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Territories with their criteria, parent, pool, members and how many accounts and leads they hold */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                parentId: string | null;
                poolId: string | null;
                criteria: {
                  countries: string[];
                  regions: string[];
                  postalPrefixes: string[];
                  industries: string[];
                  employeesMin: number | null;
                  employeesMax: number | null;
                  accountIds: string[];
                };
                members: {
                  /** Format: uuid */
                  userId: string;
                  name: string;
                  /** @enum {string} */
                  role: 'outside' | 'inside' | 'manager';
                }[];
                accounts: number;
                leads: number;
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Set up a territory; every account and lead is resolved again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default null */
            parentId?: string | null;
            /** @default null */
            poolId?: string | null;
            criteria: {
              /** @default [] */
              countries?: string[];
              /** @default [] */
              regions?: string[];
              /** @default [] */
              postalPrefixes?: string[];
              /** @default [] */
              industries?: string[];
              /** @default null */
              employeesMin?: number | null;
              /** @default null */
              employeesMax?: number | null;
              /** @default [] */
              accountIds?: string[];
            };
            /** @default [] */
            members?: {
              /** Format: uuid */
              userId: string;
              /** @enum {string} */
              role: 'outside' | 'inside' | 'manager';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              parentId: string | null;
              poolId: string | null;
              criteria: {
                countries: string[];
                regions: string[];
                postalPrefixes: string[];
                industries: string[];
                employeesMin: number | null;
                employeesMax: number | null;
                accountIds: string[];
              };
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                /** @enum {string} */
                role: 'outside' | 'inside' | 'manager';
              }[];
              accounts: number;
              leads: number;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories/overlaps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pairs of territories some record could match both (ambiguous: only the name order decides) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                territoryIds: [string, string];
                ambiguous: boolean;
                message: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/territories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A territory */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              parentId: string | null;
              poolId: string | null;
              criteria: {
                countries: string[];
                regions: string[];
                postalPrefixes: string[];
                industries: string[];
                employeesMin: number | null;
                employeesMax: number | null;
                accountIds: string[];
              };
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                /** @enum {string} */
                role: 'outside' | 'inside' | 'manager';
              }[];
              accounts: number;
              leads: number;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a territory without children or routing decisions */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a territory (If-Match: version); changed criteria or parent resolve every record again */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            parentId?: string | null;
            poolId?: string | null;
            criteria?: {
              /** @default [] */
              countries?: string[];
              /** @default [] */
              regions?: string[];
              /** @default [] */
              postalPrefixes?: string[];
              /** @default [] */
              industries?: string[];
              /** @default null */
              employeesMin?: number | null;
              /** @default null */
              employeesMax?: number | null;
              /** @default [] */
              accountIds?: string[];
            };
            members?: {
              /** Format: uuid */
              userId: string;
              /** @enum {string} */
              role: 'outside' | 'inside' | 'manager';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              parentId: string | null;
              poolId: string | null;
              criteria: {
                countries: string[];
                regions: string[];
                postalPrefixes: string[];
                industries: string[];
                employeesMin: number | null;
                employeesMax: number | null;
                accountIds: string[];
              };
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                /** @enum {string} */
                role: 'outside' | 'inside' | 'manager';
              }[];
              accounts: number;
              leads: number;
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/territories/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a territory from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/routing-pools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Routing pools with their algorithm, required skill and members (weights, caps, skills) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                algorithm: 'weighted_round_robin' | 'count_based';
                requiredSkill: string | null;
                periodDays: number;
                members: {
                  /** Format: uuid */
                  userId: string;
                  name: string;
                  weight: number;
                  capPerDay: number | null;
                  capPerWeek: number | null;
                  joinedAt: string;
                  skills: string[];
                }[];
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Set up a routing pool */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            algorithm: 'weighted_round_robin' | 'count_based';
            /** @default null */
            requiredSkill?: string | null;
            /** @default 7 */
            periodDays?: number;
            /** @default [] */
            members?: {
              /** Format: uuid */
              userId: string;
              /** @default 1 */
              weight?: number;
              /** @default null */
              capPerDay?: number | null;
              /** @default null */
              capPerWeek?: number | null;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              algorithm: 'weighted_round_robin' | 'count_based';
              requiredSkill: string | null;
              periodDays: number;
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                weight: number;
                capPerDay: number | null;
                capPerWeek: number | null;
                joinedAt: string;
                skills: string[];
              }[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/routing-pools/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A routing pool */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              algorithm: 'weighted_round_robin' | 'count_based';
              requiredSkill: string | null;
              periodDays: number;
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                weight: number;
                capPerDay: number | null;
                capPerWeek: number | null;
                joinedAt: string;
                skills: string[];
              }[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a routing pool nothing uses */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a routing pool (If-Match: version); members sent replace the members */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            algorithm?: 'weighted_round_robin' | 'count_based';
            /** @default null */
            requiredSkill?: string | null;
            /** @default 7 */
            periodDays?: number;
            /** @default [] */
            members?: {
              /** Format: uuid */
              userId: string;
              /** @default 1 */
              weight?: number;
              /** @default null */
              capPerDay?: number | null;
              /** @default null */
              capPerWeek?: number | null;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              algorithm: 'weighted_round_robin' | 'count_based';
              requiredSkill: string | null;
              periodDays: number;
              members: {
                /** Format: uuid */
                userId: string;
                name: string;
                weight: number;
                capPerDay: number | null;
                capPerWeek: number | null;
                joinedAt: string;
                skills: string[];
              }[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/routing-pools/{id}/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pool's fairness ledger over its period: assignments − no-shows − cancellations, pro-rated */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              poolId: string;
              from: string;
              to: string;
              periodDays: number;
              spread: number;
              rows: {
                /** Format: uuid */
                repId: string;
                name: string;
                assignments: number;
                noShows: number;
                cancellations: number;
                net: number;
                daysPresent: number;
                balance: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/routing-pools/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a routing_pool from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/routing/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The routing rules: their order, the fallback pool, whether arriving leads are routed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fallbackPoolId: string | null;
              routeLeads: boolean;
              order: ('account_owner' | 'territory' | 'fallback_pool')[];
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Change the fallback pool or lead routing (If-Match: version, 0 before the first save) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fallbackPoolId?: string | null;
            routeLeads?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fallbackPoolId: string | null;
              routeLeads: boolean;
              order: ('account_owner' | 'territory' | 'fallback_pool')[];
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/routing/backtest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay the last N days of leads through a candidate rule set (nothing is saved) and compare */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            days: number;
            candidate?: {
              territories: {
                id: string;
                name: string;
                /** @default null */
                parentId?: string | null;
                /** @default null */
                poolId?: string | null;
                criteria: {
                  /** @default [] */
                  countries?: string[];
                  /** @default [] */
                  regions?: string[];
                  /** @default [] */
                  postalPrefixes?: string[];
                  /** @default [] */
                  industries?: string[];
                  /** @default null */
                  employeesMin?: number | null;
                  /** @default null */
                  employeesMax?: number | null;
                  /** @default [] */
                  accountIds?: string[];
                };
                /** @default [] */
                members?: {
                  /** Format: uuid */
                  userId: string;
                  /** @enum {string} */
                  role: 'outside' | 'inside' | 'manager';
                }[];
              }[];
              pools: {
                id: string;
                name: string;
                /** @enum {string} */
                algorithm: 'weighted_round_robin' | 'count_based';
                /** @default null */
                requiredSkill?: string | null;
                members: {
                  /** Format: uuid */
                  userId: string;
                  /** @default 1 */
                  weight?: number;
                  /** @default null */
                  capPerDay?: number | null;
                  /** @default null */
                  capPerWeek?: number | null;
                }[];
              }[];
              /** @default null */
              fallbackPoolId?: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              leads: number;
              changed: number;
              unrouted: number;
              reps: {
                /** Format: uuid */
                repId: string;
                name: string;
                actual: number;
                predicted: number;
                actualValue: number;
                predictedValue: number;
              }[];
              fairness: {
                actualSpread: number;
                predictedSpread: number;
              };
              byRule: {
                account_owner: number;
                territory: number;
                pool: number;
                none: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/skills': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rep's skills (pools requiring a skill choose only reps who have it) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              skills: string[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Set a rep's skills */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            skills: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              skills: string[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/routing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A lead's territory and routing decisions with their reasons */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              territory: {
                territoryId: string | null;
                territoryName: string | null;
                reasons: string[];
              };
              decisions: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                entityType: 'booking' | 'lead';
                /** Format: uuid */
                entityId: string;
                repId: string | null;
                repName: string | null;
                /** @enum {string} */
                rule: 'account_owner' | 'territory' | 'pool' | 'none';
                territoryId: string | null;
                poolId: string | null;
                reasons: string[];
                decidedAt: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/accounts/{id}/territory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An account's territory with the reasons */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              territoryId: string | null;
              territoryName: string | null;
              reasons: string[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holiday-calendars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Holiday calendars with their holidays and the territories and reps they apply to */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                isDefault: boolean;
                holidays: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  start: string;
                  end: string;
                  recurring: boolean;
                }[];
                territoryIds: string[];
                userIds: string[];
                createdAt: string;
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Set up a holiday calendar (admins)
     * @description A holiday is a local date or range of dates (inclusive), optionally recurring every year; it blocks the whole local day(s) of each rep it applies to, in the rep's own time zone. The default calendar applies to every rep (making this one the default takes that off the current one); otherwise it applies to the members of its territories and to its reps.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default false */
            isDefault?: boolean;
            /** @default [] */
            holidays?: {
              name: string;
              /** Format: date */
              start: string;
              /** Format: date */
              end?: string;
              /** @default false */
              recurring?: boolean;
            }[];
            /** @default [] */
            territoryIds?: string[];
            /** @default [] */
            userIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              isDefault: boolean;
              holidays: {
                /** Format: uuid */
                id: string;
                name: string;
                start: string;
                end: string;
                recurring: boolean;
              }[];
              territoryIds: string[];
              userIds: string[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holiday-calendars/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A holiday calendar */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              isDefault: boolean;
              holidays: {
                /** Format: uuid */
                id: string;
                name: string;
                start: string;
                end: string;
                recurring: boolean;
              }[];
              territoryIds: string[];
              userIds: string[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a holiday calendar with its holidays (If-Match: version) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a holiday calendar, make it the default, or change its territories and reps (If-Match: version; lists sent replace) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Version of the record you edited, or * to overwrite */
          'if-match'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            isDefault?: boolean;
            territoryIds?: string[];
            userIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              isDefault: boolean;
              holidays: {
                /** Format: uuid */
                id: string;
                name: string;
                start: string;
                end: string;
                recurring: boolean;
              }[];
              territoryIds: string[];
              userIds: string[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/holiday-calendars/{id}/holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add holidays to a calendar (one with the same name and dates already there is not added twice) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            holidays: {
              name: string;
              /** Format: date */
              start: string;
              /** Format: date */
              end?: string;
              /** @default false */
              recurring?: boolean;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              isDefault: boolean;
              holidays: {
                /** Format: uuid */
                id: string;
                name: string;
                start: string;
                end: string;
                recurring: boolean;
              }[];
              territoryIds: string[];
              userIds: string[];
              createdAt: string;
              updatedAt: string;
              version: number;
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holiday-calendars/{id}/holidays/{holidayId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a holiday from a calendar */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          holidayId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holiday-calendars/{id}/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add the holidays of an .ics file to a calendar
     * @description Each event that is not cancelled, by its local dates (an all-day event ends the day before its DTEND). A yearly event on a fixed date becomes one recurring holiday; other recurring events give their dates from the start of this year for three years. Holidays already in the calendar are skipped, so importing the same file twice adds nothing. 422 names `ics` when the text is not an iCalendar file.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ics: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              imported: number;
              skipped: number;
              calendar: {
                /** Format: uuid */
                id: string;
                name: string;
                isDefault: boolean;
                holidays: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  start: string;
                  end: string;
                  recurring: boolean;
                }[];
                territoryIds: string[];
                userIds: string[];
                createdAt: string;
                updatedAt: string;
                version: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holiday-calendars/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Timeline of a holiday_calendar from the event log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineEntry'][];
              nextCursor: string | null;
              references: components['schemas']['EventReferences'];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The holidays a user keeps (default calendar, their territories', their own), as they fall
     * @description Dates are local to the user's time zone. Without `from`, from today in that zone; without `to`, a year on. Whoever may see the user may read them.
     */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              timezone: string;
              calendars: {
                /** Format: uuid */
                id: string;
                name: string;
              }[];
              from: string;
              to: string;
              items: {
                /** Format: uuid */
                calendarId: string;
                calendarName: string;
                name: string;
                start: string;
                end: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description RFC 9457 problem+json with a stable `code` (and, for validation, every bad field in `errors`) */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      code: string;
      detail: string;
      instance?: string;
      errors?: {
        field: string;
        message: string;
      }[];
    } & {
      [key: string]: unknown;
    };
    Session: {
      user: components['schemas']['User'];
      organizationId: string;
      csrfToken: string | null;
      teamUserIds: string[];
    };
    User: {
      /** Format: uuid */
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
      teamId: string | null;
      managerId: string | null;
      partnerAccountId: string | null;
      agentPartyId: string | null;
      externalId: string | null;
      active: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Team: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      kind: 'inside_sales' | 'field_sales' | 'marketing' | 'channel' | 'management' | 'other';
      managerId: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Organization: {
      /** Format: uuid */
      id: string;
      name: string;
      baseCurrency: string;
      timezone: string;
      fiscalYearStartMonth: number;
      createdAt: string;
      version: number;
    };
    ApiToken: {
      id: string;
      userId: string;
      name: string;
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string | null;
      revokedAt: string | null;
    };
    Account: {
      /** Format: uuid */
      id: string;
      externalId: string | null;
      name: string;
      domain: string | null;
      industry: string | null;
      employees: number | null;
      annualRevenue: string | null;
      revenueCurrency: string | null;
      address: {
        street: string | null;
        city: string | null;
        region: string | null;
        postalCode: string | null;
        country: string | null;
      };
      /** @enum {string} */
      type:
        | 'prospect'
        | 'customer'
        | 'distributor'
        | 'reseller'
        | 'value_added_reseller'
        | 'agency'
        | 'competitor'
        | 'other';
      ownerId: string | null;
      parentAccountId: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Contact: {
      /** Format: uuid */
      id: string;
      externalId: string | null;
      accountId: string | null;
      firstName: string | null;
      lastName: string;
      title: string | null;
      emails: string[];
      phones: string[];
      ownerId: string | null;
      doNotContact: boolean;
      emailOptOut: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Lead: {
      /** Format: uuid */
      id: string;
      externalId: string | null;
      firstName: string | null;
      lastName: string;
      email: string | null;
      phone: string | null;
      title: string | null;
      company: string | null;
      companyDomain: string | null;
      industry: string | null;
      source: string | null;
      campaignId: string | null;
      /** @enum {string} */
      status: 'new' | 'working' | 'qualified' | 'disqualified' | 'converted';
      disqualifiedReason: string | null;
      ownerId: string | null;
      convertedAt: string | null;
      convertedAccountId: string | null;
      convertedContactId: string | null;
      convertedDealId: string | null;
      lastTouchedAt: string | null;
      /** @enum {string} */
      lifecycleStage: 'subscriber' | 'lead' | 'mql' | 'sql' | 'opportunity' | 'customer';
      recycleReason: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    ConvertLeadResult: {
      lead: components['schemas']['Lead'];
      account: components['schemas']['Account'] | null;
      contact: components['schemas']['Contact'];
      deal: components['schemas']['Deal'] | null;
    };
    Deal: {
      /** Format: uuid */
      id: string;
      externalId: string | null;
      name: string;
      accountId: string | null;
      primaryContactId: string | null;
      contactRoles: {
        /** Format: uuid */
        contactId: string;
        /** @enum {string} */
        role: 'decision_maker' | 'economic_buyer' | 'champion' | 'influencer' | 'user';
      }[];
      /** Format: uuid */
      pipelineId: string;
      /** Format: uuid */
      stageId: string;
      /** @enum {string} */
      status: 'open' | 'won' | 'lost';
      amount: string | null;
      currency: string;
      expectedCloseDate: string | null;
      closedAt: string | null;
      ownerId: string | null;
      source: string | null;
      /** @enum {string} */
      channel: 'direct' | 'partner';
      partnerAccountId: string | null;
      distributorAccountId: string | null;
      lostReason: string | null;
      nextStep: string | null;
      forecastCategory: ('pipeline' | 'best_case' | 'commit' | 'omitted') | null;
      stageEnteredAt: string;
      lineItems: components['schemas']['LineItem'][];
      lineItemsTotal: string;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    BoardSummary: {
      /** Format: uuid */
      pipelineId: string;
      /** @enum {string} */
      closedPeriod: 'month' | 'quarter' | 'year' | 'all';
      closedFrom: string | null;
      closedTo: string | null;
      stages: {
        /** Format: uuid */
        stageId: string;
        /** @enum {string} */
        kind: 'open' | 'won' | 'lost';
        count: number;
        totals: {
          currency: string;
          sum: string;
          weighted: string;
        }[];
      }[];
    };
    LineItem: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      productId: string;
      position: number;
      quantity: string;
      unitPrice: string;
      discountPercent: string;
      netTotal: string;
    };
    Activity: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type: 'call' | 'meeting' | 'email' | 'task' | 'note';
      externalId: string | null;
      subject: string | null;
      body: string | null;
      dealId: string | null;
      contactId: string | null;
      accountId: string | null;
      leadId: string | null;
      ownerId: string | null;
      agentSide: ('buyer' | 'seller') | null;
      occurredAt: string | null;
      direction: ('inbound' | 'outbound') | null;
      disposition:
        | (
            | 'connected'
            | 'no_answer'
            | 'left_voicemail'
            | 'busy'
            | 'wrong_number'
            | 'not_interested'
            | 'call_back_later'
            | 'meeting_booked'
          )
        | null;
      durationSeconds: number | null;
      scriptId: string | null;
      scriptVersion: number | null;
      start: string | null;
      end: string | null;
      location: string | null;
      attendees: string[];
      outcome: ('held' | 'no_show' | 'cancelled' | 'rescheduled') | null;
      dueAt: string | null;
      completed: boolean | null;
      completedAt: string | null;
      createdBy: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Pipeline: {
      /** Format: uuid */
      id: string;
      name: string;
      description: string | null;
      enforceStageOrder: boolean;
      isDefault: boolean;
      active: boolean;
      heldMeeting: {
        /** @enum {string} */
        action: 'none' | 'create_deal' | 'advance_deal' | 'create_or_advance';
        stageId: string | null;
      };
      stages: components['schemas']['Stage'][];
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Stage: {
      /** Format: uuid */
      id: string;
      name: string;
      position: number;
      probability: number;
      /** @enum {string} */
      forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
      /** @enum {string} */
      kind: 'open' | 'won' | 'lost';
      expectedDays: number | null;
      requiredFields: (
        | 'amount'
        | 'expectedCloseDate'
        | 'accountId'
        | 'primaryContactId'
        | 'nextStep'
        | 'lineItems'
        | 'contactRoles'
        | 'source'
        | 'partnerAccountId'
      )[];
    };
    Product: {
      /** Format: uuid */
      id: string;
      externalId: string | null;
      sku: string;
      name: string;
      family: string | null;
      description: string | null;
      listPrice: string;
      cost: string | null;
      currency: string;
      active: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Objection: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      category: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
      title: string;
      description: string | null;
      recommendedResponses: string[];
      active: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    RaisedObjection: {
      /** Format: uuid */
      id: string;
      dealId: string | null;
      activityId: string | null;
      objectionId: string | null;
      objectionTitle: string | null;
      /** @enum {string} */
      category: 'price' | 'budget' | 'timing' | 'authority' | 'need' | 'competitor' | 'trust' | 'other';
      buyerWords: string;
      responseUsed: string | null;
      /** @enum {string} */
      outcome: 'resolved' | 'unresolved';
      raisedAt: string;
      raisedBy: string | null;
      createdAt: string;
    };
    Script: {
      /** Format: uuid */
      id: string;
      name: string;
      pipelineId: string | null;
      stageId: string | null;
      productId: string | null;
      body: string;
      scriptVersion: number;
      active: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Cadence: {
      /** Format: uuid */
      id: string;
      name: string;
      cadenceVersion: number;
      steps: {
        /** @enum {string} */
        kind: 'call' | 'email' | 'task';
        delay: {
          amount: number;
          /** @enum {string} */
          unit: 'hours' | 'days';
          /** @enum {string} */
          clock: 'business' | 'calendar';
        };
        /** @default  */
        instruction: string;
      }[];
      rules: {
        connected:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        no_answer:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        left_voicemail:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        busy:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        wrong_number:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        not_interested:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        call_back_later:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
        meeting_booked:
          | {
              /** @constant */
              action: 'advance';
            }
          | {
              /** @constant */
              action: 'pause';
              days: number;
            }
          | {
              /** @constant */
              action: 'pause_until_call_back';
            }
          | {
              /** @constant */
              action: 'end';
              reason: string;
            };
      };
      active: boolean;
      openEnrolments: number;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    CadenceEnrolment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      cadenceId: string;
      cadenceName: string;
      cadenceVersion: number;
      /** Format: uuid */
      leadId: string;
      /** @enum {string} */
      status: 'active' | 'paused' | 'ended';
      stepIndex: number;
      stepCount: number;
      step: {
        /** @enum {string} */
        kind: 'call' | 'email' | 'task';
        delay: {
          amount: number;
          /** @enum {string} */
          unit: 'hours' | 'days';
          /** @enum {string} */
          clock: 'business' | 'calendar';
        };
        /** @default  */
        instruction: string;
      };
      dueAt: string | null;
      stepTaskId: string | null;
      pausedUntil: string | null;
      pauseReason: string | null;
      endedReason: string | null;
      endedAt: string | null;
      enrolledBy: string | null;
      enrolledAt: string;
      updatedAt: string;
      version: number;
    };
    CadenceFigures: {
      /** Format: uuid */
      cadenceId: string;
      name: string;
      enrolled: number;
      reached: number;
      converted: number;
      ended: number;
      open: number;
      steps: {
        stepIndex: number;
        kind: ('call' | 'email' | 'task') | null;
        enrolled: number;
        reached: number;
        converted: number;
        ended: number;
      }[];
    };
    ScriptVersion: {
      /** Format: uuid */
      scriptId: string;
      scriptVersion: number;
      body: string;
      createdBy: string | null;
      createdAt: string;
    };
    DealScript: {
      /** Format: uuid */
      id: string;
      name: string;
      pipelineId: string | null;
      stageId: string | null;
      productId: string | null;
      body: string;
      scriptVersion: number;
      active: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
      /** @enum {string} */
      appliesBy: 'stage' | 'pipeline' | 'product';
    };
    View: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      entity: 'deal' | 'account' | 'contact' | 'lead' | 'activity';
      name: string;
      filters: {
        [key: string]: string;
      };
      sort: {
        key: string;
        /** @enum {string} */
        order: 'asc' | 'desc';
      } | null;
      columns: string[];
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    SearchResult: {
      /** @enum {string} */
      type: 'account' | 'contact' | 'lead' | 'deal';
      /** Format: uuid */
      id: string;
      title: string;
      subtitle: string | null;
      score: number;
    };
    BulkResult: {
      /** Format: uuid */
      id: string;
      ok: boolean;
      version?: number;
      code?: string;
      message?: string;
      errors?: {
        field: string;
        message: string;
      }[];
      missingFields?: string[];
      currentVersion?: number;
    };
    BulkResponse: {
      succeeded: number;
      failed: number;
      results: components['schemas']['BulkResult'][];
    };
    ImportJob: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      entity:
        | 'accounts'
        | 'contacts'
        | 'leads'
        | 'deals'
        | 'products'
        | 'activities'
        | 'users'
        | 'teams'
        | 'touches'
        | 'partners'
        | 'registrations';
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed';
      fileName: string | null;
      fileBytes: number;
      bytesRead: number;
      rowsRead: number;
      percent: number;
      summary: {
        rows: number;
        inserted: number;
        updated: number;
        unchanged: number;
        rejected: number;
        duplicates: number;
        createdReferences: number;
        generated?: number;
        pathUnknown?: number;
        noCreationDate?: number;
        dryRun: boolean;
      } | null;
      error: string | null;
      options: {
        [key: string]: unknown;
      };
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
    };
    ImportPreview: {
      headers: string[];
      mapping: {
        column: string;
        field: string | null;
        via: ('map' | 'preset' | 'name') | null;
      }[];
      problems: string[];
      fields: {
        name: string;
        required: boolean;
        help: string | null;
      }[];
      rows: {
        line: number;
        values: {
          [key: string]: string;
        };
        /** @enum {string} */
        action: 'insert' | 'update' | 'reject';
        problems: string[];
      }[];
    };
    TimelineEntry: {
      id: number;
      seq: number | null;
      type: string;
      entityType: string;
      entityId: string;
      occurredAt: string;
      businessTime: string | null;
      imported: boolean;
      actor: {
        id: string;
        name: string | null;
      } | null;
      version: number;
      data: {
        [key: string]: unknown;
      };
    };
    EventReferences: {
      [key: string]: {
        /** @enum {string} */
        kind:
          | 'account'
          | 'contact'
          | 'lead'
          | 'deal'
          | 'activity'
          | 'user'
          | 'team'
          | 'pipeline'
          | 'stage'
          | 'product'
          | 'campaign'
          | 'touch'
          | 'agent_party'
          | 'agency_agreement'
          | 'territory'
          | 'routing_pool';
        name: string;
      };
    };
    AnalysisInfo: {
      name: string;
      summary: string;
      path: string;
      params: string[];
    };
    Booking: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      ownerId: string;
      /** Format: uuid */
      bookedBy: string;
      leadId: string | null;
      contactId: string | null;
      accountId: string | null;
      dealId: string | null;
      title: string;
      location: string | null;
      start: string;
      end: string;
      timezone: string;
      /** @enum {string} */
      status: 'booked' | 'held' | 'no_show' | 'cancelled';
      cancelReason: string | null;
      routing: {
        rule: string;
        reasons: string[];
      } | null;
      sequence: number;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Availability: {
      /** Format: uuid */
      userId: string;
      timezone: string;
      workingHours: {
        weekday: number;
        start: string;
        end: string;
      }[];
      bufferBeforeMinutes: number;
      bufferAfterMinutes: number;
      minNoticeMinutes: number;
      maxPerDay: number;
      bookable: boolean;
      routingWeight: number;
      updatedAt: string | null;
      version: number;
    };
    Slot: {
      /** Format: uuid */
      repId: string;
      repName: string;
      start: string;
      end: string;
      timezone: string;
    };
    TimeOff: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      userId: string;
      start: string;
      end: string;
      reason: string | null;
    };
    Approval: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      dealId: string;
      dealName: string;
      /** @enum {string} */
      action: 'update_deal' | 'move_stage';
      change: {
        [key: string]: unknown;
      };
      expectedVersion: number;
      reasons: {
        /** Format: uuid */
        ruleId: string;
        /** @enum {string} */
        kind: 'discount_above' | 'amount_above' | 'reopen_won' | 'locked_period';
        message: string;
      }[];
      approvers: (
        | {
            /** @constant */
            kind: 'user';
            /** Format: uuid */
            userId: string;
            name: string;
          }
        | {
            /** @constant */
            kind: 'role';
            /** @enum {string} */
            role: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
          }
      )[];
      step: number;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected';
      /** Format: uuid */
      requestedBy: string;
      ownerId: string | null;
      decisions: {
        step: number;
        /** Format: uuid */
        userId: string;
        /** @enum {string} */
        decision: 'approved' | 'rejected';
        note: string | null;
        at: string;
      }[];
      escalation: {
        minutes: number;
        /** @enum {string} */
        clock: 'business_hours' | 'elapsed';
      } | null;
      stepStartedAt: string;
      escalatesAt: string | null;
      escalations: {
        step: number;
        from:
          | {
              /** @constant */
              kind: 'user';
              /** Format: uuid */
              userId: string;
              name: string;
            }
          | {
              /** @constant */
              kind: 'role';
              /** @enum {string} */
              role: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
            };
        to:
          | {
              /** @constant */
              kind: 'user';
              /** Format: uuid */
              userId: string;
              name: string;
            }
          | {
              /** @constant */
              kind: 'role';
              /** @enum {string} */
              role: 'admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent';
            };
        at: string;
      }[];
      createdAt: string;
      decidedAt: string | null;
      canDecide: boolean;
      version: number;
    };
    HeldForApproval: {
      /** @constant */
      status: 'pending_approval';
      approval: components['schemas']['Approval'];
    };
    ApprovalRule: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'discount_above' | 'amount_above' | 'reopen_won' | 'locked_period';
      threshold: string | null;
      currency: string | null;
      /** @enum {string} */
      approverKind: 'manager_chain' | 'role';
      approverRole:
        ('admin' | 'manager' | 'rep' | 'inside_sales' | 'marketing' | 'partner' | 'auditor' | 'agent') | null;
      levels: number;
      escalateAfterMinutes: number | null;
      /** @enum {string} */
      escalateIn: 'business_hours' | 'elapsed';
      active: boolean;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    Finding: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      detector:
        | 'backdating'
        | 'discount_outlier'
        | 'stage_skip'
        | 'stage_regression'
        | 'bulk_change'
        | 'quarter_end_gaming'
        | 'registration_hoarding'
        | 'duplicate_registration'
        | 'dual_agency_unconsented';
      /** @enum {string} */
      severity: 'low' | 'medium' | 'high';
      summary: string;
      subjectType: string;
      /** Format: uuid */
      subjectId: string;
      personId: string | null;
      evidence: string[];
      score: string | null;
      assigneeId: string | null;
      /** @enum {string} */
      status: 'open' | 'confirmed' | 'dismissed';
      reason: string | null;
      detectedAt: string;
      updatedAt: string;
      canWork: boolean;
      version: number;
    };
    Handoff: {
      id: string;
      leadId: string;
      leadName: string;
      company: string | null;
      ownerId: string;
      ownerName: string | null;
      teamId: string | null;
      /** @enum {string} */
      status: 'open' | 'accepted' | 'rejected' | 'withdrawn';
      openedAt: string;
      dueAt: string;
      inBusinessHours: boolean;
      firstTouchAt: string | null;
      minutesToTouch: number | null;
      breachedAt: string | null;
      escalation: ('notified' | 'reassigned') | null;
      escalatedTo: string | null;
      decidedAt: string | null;
      decidedBy: string | null;
      rejectReason: string | null;
      fitScore: number;
      engagementScore: number;
      /** @enum {string} */
      grade: 'A' | 'B' | 'C' | 'D';
      version: number;
    };
    SlaPolicy: {
      weekdays: number[];
      start: string;
      end: string;
      timeZone: string;
      businessMinutes: number;
      otherMinutes: number;
      /** @enum {string} */
      escalation: 'notify_manager' | 'reassign_to_manager';
      teamId: string | null;
      inherited: boolean;
      version: number;
      updatedAt: string | null;
    };
    CallQueue: {
      /** Format: uuid */
      ownerId: string;
      rankedAt: string;
      total: number;
      unassigned: number;
      items: components['schemas']['CallQueueItem'][];
      nextCursor: string | null;
    };
    CallQueueItem: {
      lead: components['schemas']['Lead'];
      /** @enum {string} */
      reason: 'call_back_due' | 'sla' | 'cadence_step_due' | 'ready' | 'cadence_later' | 'call_back_later';
      score: number | null;
      grade: ('A' | 'B' | 'C' | 'D') | null;
      slaDueAt: string | null;
      callBack: {
        /** Format: uuid */
        taskId: string;
        subject: string | null;
        dueAt: string;
      } | null;
      firstCallAt: string | null;
      minutesToFirstCall: number | null;
      unassigned: {
        territoryId: string | null;
        territoryName: string | null;
        territoryMemberIds: string[];
      } | null;
      cadence: components['schemas']['CadenceEnrolment'] | null;
    };
    AgentParty: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'person' | 'firm';
      name: string;
      firmId: string | null;
      firmName: string | null;
      licenceNumber: string | null;
      jurisdiction: string | null;
      email: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    AgencyAgreement: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      agentPartyId: string;
      agentName: string;
      /** @enum {string} */
      side: 'buyer' | 'seller';
      representedAccountId: string | null;
      representedContactId: string | null;
      representedName: string;
      effectiveFrom: string;
      effectiveTo: string | null;
      exclusive: boolean;
      /** @enum {string} */
      compensationKind: 'percent' | 'amount';
      compensationPercent: string | null;
      compensationAmount: string | null;
      currency: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    DealAgency: {
      /** Format: uuid */
      dealId: string;
      agents: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        dealId: string;
        /** Format: uuid */
        agentPartyId: string;
        agentName: string;
        firmId: string | null;
        firmName: string | null;
        jurisdiction: string | null;
        /** Format: uuid */
        agreementId: string;
        agreementFrom: string;
        agreementTo: string | null;
        /** @enum {string} */
        role: 'buyer_agent' | 'seller_agent' | 'co_agent';
        /** @enum {string} */
        side: 'buyer' | 'seller';
        assignedAt: string;
        disclosed: boolean;
      }[];
      disclosures: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        dealId: string;
        /** Format: uuid */
        agentPartyId: string;
        agentName: string;
        disclosedTo: string;
        disclosedToContactId: string | null;
        disclosedAt: string;
        documentRef: string;
        recordedBy: string | null;
        recordedAt: string;
      }[];
      consents: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        dealId: string;
        /** @enum {string} */
        side: 'buyer' | 'seller';
        givenBy: string;
        givenByContactId: string | null;
        consentedAt: string;
        documentRef: string;
        recordedBy: string | null;
        recordedAt: string;
      }[];
      detections: {
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        agentPartyId: string;
        /** Format: uuid */
        otherPartyId: string;
        /** @enum {string} */
        basis: 'same_agent' | 'same_firm';
        firmId: string | null;
        /** @enum {string} */
        outcome: 'blocked' | 'consented' | 'forbidden';
        detectedAt: string;
      }[];
      /** @enum {string} */
      dualAgency: 'none' | 'blocked' | 'consented';
      consentedSides: ('buyer' | 'seller')[];
      missingDisclosures: string[];
    };
    FunnelReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      deals: number;
      open: number;
      won: number;
      lost: number;
      winRate: number | null;
      byCurrency: {
        currency: string;
        wonAmount: string;
        lostAmount: string;
        openAmount: string;
        winRateByValue: number | null;
      }[];
      unknownPathDeals: number;
      stages: {
        stageId: string | null;
        name: string;
        /** @enum {string} */
        kind: 'open' | 'won';
        strict: {
          reached: number;
          advanced: number | null;
          exited: number | null;
          censored: number | null;
          conversion: number | null;
        };
        anyOrder: {
          reached: number;
          advanced: number | null;
          exited: number | null;
          censored: number | null;
          conversion: number | null;
        };
      }[];
      cohorts: {
        month: string;
        deals: number;
        open: number;
        won: number;
        lost: number;
        winRate: number | null;
        byCurrency: {
          currency: string;
          wonAmount: string;
          lostAmount: string;
          openAmount: string;
          winRateByValue: number | null;
        }[];
      }[];
    };
    StageDurationsReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      stages: {
        count: number;
        p50: number | null;
        p75: number | null;
        p90: number | null;
        mean: number | null;
        stageId: string;
        name: string;
        inProgress: number;
      }[];
      cycle: {
        won: {
          count: number;
          p50: number | null;
          p75: number | null;
          p90: number | null;
          mean: number | null;
        };
        lost: {
          count: number;
          p50: number | null;
          p75: number | null;
          p90: number | null;
          mean: number | null;
        };
      };
    };
    VelocityReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      /** @enum {string} */
      windowBasis: 'requested' | 'recent' | 'dataRange';
      dataEnd: string | null;
      comparison: {
        from: string;
        to: string;
      };
      byCurrency: {
        currency: string;
        current: {
          openDeals: number;
          openAmount: string;
          won: number;
          lost: number;
          winRate: number | null;
          avgWonAmount: string | null;
          avgCycleDays: number | null;
          velocity: string | null;
        };
        comparison: {
          openDeals: number;
          openAmount: string;
          won: number;
          lost: number;
          winRate: number | null;
          avgWonAmount: string | null;
          avgCycleDays: number | null;
          velocity: string | null;
        };
        change: number | null;
        factors: {
          /** @enum {string} */
          factor: 'openDeals' | 'avgWonAmount' | 'winRate' | 'cycleSpeed';
          logRatio: number | null;
          share: number | null;
          contribution: number | null;
        }[];
      }[];
      coverage: {
        target: string;
        currency: string;
        openAmount: string;
        ratio: number | null;
      } | null;
    };
    ForecastReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      /** @enum {string} */
      period: 'month' | 'quarter';
      weighted: {
        stages: {
          stageId: string;
          name: string;
          probability: number;
          /** @enum {string} */
          forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
          byCurrency: {
            currency: string;
            deals: number;
            amount: string;
            weighted: string;
          }[];
        }[];
        totals: {
          currency: string;
          deals: number;
          amount: string;
          weighted: string;
        }[];
      };
      periods: {
        period: string | null;
        byCurrency: {
          currency: string;
          closed: string;
          commit: string;
          bestCase: string;
          pipeline: string;
          omitted: string;
          rollup: {
            commit: string;
            bestCase: string;
            pipeline: string;
          };
          weightedOpen: string;
        }[];
      }[];
    };
    WaterfallReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      closeFrom: string | null;
      closeTo: string | null;
      currencies: {
        currency: string;
        start: {
          amount: string;
          count: number;
        };
        bars: {
          /** @enum {string} */
          reason: 'created' | 'pulled_in' | 'amount_up' | 'won' | 'lost' | 'pushed_out' | 'amount_down';
          label: string;
          amount: string;
          count: number;
          deals: {
            dealId: string;
            name: string;
            startAmount: string | null;
            endAmount: string | null;
            change: string;
          }[];
          truncated: boolean;
        }[];
        end: {
          amount: string;
          count: number;
        };
        unchanged: {
          amount: string;
          count: number;
        };
      }[];
    };
    ProcessMapReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      /** @enum {string} */
      scope: 'deals' | 'journey';
      cases: number;
      nodes: {
        key: string;
        label: string;
        /** @enum {string} */
        kind: 'stage' | 'activity' | 'touch' | 'lifecycle' | 'lead' | 'handoff';
        /** @enum {string} */
        side: 'marketing' | 'sales';
        position: number | null;
        events: number;
        cases: number;
        starts: number;
        ends: number;
        open: number;
      }[];
      edges: {
        from: string;
        to: string;
        count: number;
        cases: number;
        p50Days: number;
        p90Days: number;
      }[];
      variants: {
        sequence: string[];
        labels: string[];
        count: number;
        share: number;
        won: number;
        lost: number;
        winRate: number | null;
        medianCycleDays: number | null;
      }[];
      otherVariants: {
        variants: number;
        count: number;
        share: number;
      };
    };
    ConformanceReport:
      | {
          pipeline: {
            id: string;
            name: string;
          };
          from: string | null;
          to: string | null;
          /** @constant */
          scope: 'deals';
          overall: {
            deals: number;
            deviatingDeals: number;
            skips: number;
            backwardMoves: number;
            repeats: number;
            meanFitness: number | null;
          };
          byOwner: {
            id: string | null;
            name: string | null;
            deals: number;
            deviatingDeals: number;
            skips: number;
            backwardMoves: number;
            repeats: number;
            meanFitness: number | null;
          }[];
          byTeam: {
            id: string | null;
            name: string | null;
            deals: number;
            deviatingDeals: number;
            skips: number;
            backwardMoves: number;
            repeats: number;
            meanFitness: number | null;
          }[];
          byPartner: {
            id: string | null;
            name: string | null;
            deals: number;
            deviatingDeals: number;
            skips: number;
            backwardMoves: number;
            repeats: number;
            meanFitness: number | null;
          }[];
          deals: {
            dealId: string;
            name: string;
            trace: string[];
            modelPath: string[];
            ownerId: string | null;
            teamId: string | null;
            partnerId: string | null;
            skips: number;
            backwardMoves: number;
            repeats: number;
            cost: number;
            fitness: number;
          }[];
        }
      | {
          pipeline: {
            id: string;
            name: string;
          };
          from: string | null;
          to: string | null;
          /** @constant */
          scope: 'journey';
          design: {
            steps: {
              id: string;
              label: string;
              /** @enum {string} */
              side: 'marketing' | 'sales';
            }[];
            outcomes: {
              id: string;
              label: string;
              /** @enum {string} */
              kind: 'won' | 'lost';
            }[];
          };
          overall: {
            journeys: number;
            deviatingJourneys: number;
            skips: number;
            outOfOrder: number;
            repeats: number;
            meanFitness: number | null;
          };
          byOwner: {
            id: string | null;
            name: string | null;
            journeys: number;
            deviatingJourneys: number;
            skips: number;
            outOfOrder: number;
            repeats: number;
            meanFitness: number | null;
          }[];
          byTeam: {
            id: string | null;
            name: string | null;
            journeys: number;
            deviatingJourneys: number;
            skips: number;
            outOfOrder: number;
            repeats: number;
            meanFitness: number | null;
          }[];
          deviations: {
            /** @enum {string} */
            kind: 'skipped' | 'out_of_order' | 'repeated';
            step: string;
            after: string | null;
            journeys: number;
            occurrences: number;
          }[];
          journeys: {
            leadId: string;
            name: string;
            dealId: string | null;
            dealName: string | null;
            ownerId: string | null;
            teamId: string | null;
            trace: string[];
            modelPath: string[];
            deviations: {
              /** @enum {string} */
              kind: 'skipped' | 'out_of_order' | 'repeated';
              step: string;
              after: string | null;
            }[];
            skips: number;
            outOfOrder: number;
            repeats: number;
            cost: number;
            fitness: number;
          }[];
        };
    BottlenecksReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      /** @enum {string} */
      windowBasis: 'requested' | 'recent' | 'dataRange';
      dataEnd: string | null;
      periodStart: string;
      periodEnd: string;
      periodDays: number;
      bottleneckStageId: string | null;
      stages: {
        stageId: string;
        name: string;
        arrivals: number;
        arrivalsPerWeek: number;
        meanSojournDays: number | null;
        completed: number;
        littlesLaw: {
          averageWip: number;
          arrivalRatePerDay: number;
          predictedWip: number | null;
          discrepancy: number | null;
          relativeDiscrepancy: number | null;
        };
        wipNow: number;
        staleThresholdDays: number | null;
        staleCount: number;
        staleDeals: {
          dealId: string;
          name: string;
          ownerId: string | null;
          enteredAt: string;
          ageDays: number;
        }[];
        weekly: {
          weekStart: string;
          arrivals: number;
          wip: number;
        }[];
      }[];
    };
    MarkovReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      /** @enum {string} */
      scope: 'deals' | 'journey';
      currency: string;
      unknownMoves: number;
      stages: {
        stageId: string;
        name: string;
        exits: number;
        sojournDays: number;
        toWon: number;
        toLost: number;
        next: {
          stageId: string;
          probability: number;
        }[];
        winProbability: number | null;
        lossProbability: number | null;
        expectedDaysToClose: number | null;
        expectedDaysToWin: number | null;
      }[];
      openPipeline: {
        openDeals: number;
        estimatedDeals: number;
        expectedWins: number;
        winProbability: number | null;
        expectedWonRevenue: string;
        expectedDaysToClose: number | null;
      };
      whatIf: {
        stageId: string;
        conversionPoints: number;
        shortenDays: number;
        stages: {
          stageId: string;
          winProbability: number | null;
          lossProbability: number | null;
          expectedDaysToClose: number | null;
          expectedDaysToWin: number | null;
        }[];
        openPipeline: {
          openDeals: number;
          estimatedDeals: number;
          expectedWins: number;
          winProbability: number | null;
          expectedWonRevenue: string;
          expectedDaysToClose: number | null;
        };
        delta: {
          winProbability: number | null;
          expectedWins: number;
          expectedWonRevenue: string;
          expectedDaysToClose: number | null;
        };
      } | null;
      model: {
        stages: {
          id: string;
          name: string;
          /** @enum {string} */
          kind: 'open' | 'won' | 'lost';
        }[];
        exits: number[];
        q: number[][];
        won: number[];
        lost: number[];
        sojournDays: number[];
      };
      openLoad: {
        stageId: string;
        deals: number;
        amountCents: number;
      }[];
      journey: {
        journeys: number;
        states: {
          stageId: string;
          openJourneys: number;
          toDropped: number;
          dropProbability: number | null;
        }[];
      } | null;
    };
    MonteCarloReport: {
      pipeline: {
        id: string;
        name: string;
      };
      from: string | null;
      to: string | null;
      /** @enum {string} */
      windowBasis: 'requested' | 'recent' | 'dataRange';
      dataEnd: string | null;
      asOf: string;
      currency: string;
      period: {
        startDays: number;
        endDays: number;
      };
      runs: number;
      seed: number;
      /** @enum {string} */
      chainFrom: 'filtered' | 'all_owners';
      simulatedDeals: number;
      skippedDeals: number;
      mean: string;
      p10: string;
      p50: string;
      p90: string;
      meanWonDeals: number;
      target: string | null;
      probabilityOfTarget: number | null;
      bucketDays: number;
      bands: {
        dayEnd: number;
        p10: string;
        p50: string;
        p90: string;
      }[];
    };
    AttributionReport: {
      asOf: string;
      currency: string;
      halfLifeDays: number;
      models: (
        | 'first_touch'
        | 'last_touch'
        | 'linear'
        | 'u_shaped'
        | 'w_shaped'
        | 'full_path'
        | 'time_decay'
        | 'markov'
        | 'shapley'
      )[];
      pipeline: {
        deals: number;
        amount: string;
      };
      won: {
        deals: number;
        amount: string;
      };
      journeysWithoutDeal: number;
      otherCurrencyDeals: number;
      campaigns: {
        campaignId: string;
        name: string;
        type: string;
        cost: string;
        pipeline: {
          first_touch: string;
          last_touch: string;
          linear: string;
          u_shaped: string;
          w_shaped: string;
          full_path: string;
          time_decay: string;
          markov: string;
          shapley: string;
        };
        won: {
          first_touch: string;
          last_touch: string;
          linear: string;
          u_shaped: string;
          w_shaped: string;
          full_path: string;
          time_decay: string;
          markov: string;
          shapley: string;
        };
        roi: {
          first_touch: number | null;
          last_touch: number | null;
          linear: number | null;
          u_shaped: number | null;
          w_shaped: number | null;
          full_path: number | null;
          time_decay: number | null;
          markov: number | null;
          shapley: number | null;
        };
        markov: {
          pipeline: {
            removalEffect: number;
            low: string;
            high: string;
          };
          won: {
            removalEffect: number;
            low: string;
            high: string;
          };
        };
      }[];
    };
    CampaignFunnelReport: {
      asOf: string;
      campaigns: {
        campaignId: string;
        name: string;
        steps: {
          touches: number;
          people: number;
          leads: number;
          mql: number;
          sql: number;
          opportunities: number;
          won: number;
        };
      }[];
    };
    QuotaAttainmentReport: {
      period: string;
      startsOn: string;
      endsOn: string;
      currency: string;
      today: string;
      daysTotal: number;
      daysElapsed: number;
      items: {
        /** @enum {string} */
        kind: 'rep' | 'team';
        id: string;
        name: string;
        quota: string;
        forecastCommit: string | null;
        actual: string;
        attainment: number | null;
        expectedByNow: string;
        pacing: number | null;
      }[];
    };
    MqlHandoffReport: {
      byOwner: {
        id: string | null;
        name: string | null;
        mqls: number;
        sqls: number;
        conversionRate: number | null;
        touched: number;
        medianMinutesToTouch: number | null;
        p90MinutesToTouch: number | null;
        handoffs: number;
        slaMet: number;
        slaMissed: number;
        slaMetRate: number | null;
      }[];
      byTeam: {
        id: string | null;
        name: string | null;
        mqls: number;
        sqls: number;
        conversionRate: number | null;
        touched: number;
        medianMinutesToTouch: number | null;
        p90MinutesToTouch: number | null;
        handoffs: number;
        slaMet: number;
        slaMissed: number;
        slaMetRate: number | null;
      }[];
    };
    CallingFunnelReport: {
      /** @enum {string} */
      groupBy: 'rep' | 'team' | 'script' | 'period';
      conversationSeconds: number;
      from: string | null;
      to: string | null;
      total: {
        dials: number;
        steps: {
          /** @enum {string} */
          step: 'dial' | 'connect' | 'conversation' | 'objection' | 'meeting' | 'opportunity' | 'won';
          reached: number;
          observed: number;
          conversion: number | null;
          medianHoursFromPrevious: number | null;
        }[];
      };
      groups: {
        key: string | null;
        name: string | null;
        dials: number;
        steps: {
          /** @enum {string} */
          step: 'dial' | 'connect' | 'conversation' | 'objection' | 'meeting' | 'opportunity' | 'won';
          reached: number;
          observed: number;
          conversion: number | null;
          medianHoursFromPrevious: number | null;
        }[];
      }[];
    };
    ObjectionsReport: {
      from: string | null;
      to: string | null;
      total: number;
      frequency: {
        category: string;
        stageId: string | null;
        stageName: string | null;
        productId: string | null;
        productName: string | null;
        raised: number;
      }[];
      byCategory: {
        category: string;
        raised: number;
        resolved: number;
        rate: number | null;
        interval: {
          low: number;
          high: number;
        } | null;
      }[];
      responses: {
        category: string;
        response: string | null;
        used: number;
        progressed: number;
        rate: number | null;
        interval: {
          low: number;
          high: number;
        } | null;
      }[];
    };
    ScriptExperimentReport: {
      from: string | null;
      to: string | null;
      /** @constant */
      test: 'two-proportion z-test (pooled, two-sided)';
      control: string | null;
      minimumDetectableEffect: number;
      alpha: number;
      power: number;
      requiredPerArm: number | null;
      winner: string | null;
      arms: {
        arm: string;
        scriptId: string;
        scriptVersion: number;
        name: string;
        control: boolean;
        calls: number;
        conversions: number;
        rate: number | null;
        interval: {
          low: number;
          high: number;
        } | null;
        difference: number | null;
        z: number | null;
        pValue: number | null;
        significant: boolean;
        stillNeeded: number | null;
      }[];
    };
    SpeedToLeadReport: {
      from: string | null;
      to: string | null;
      slaMinutes: number;
      /** @enum {string} */
      slaSource: 'parameter' | 'policy';
      buckets: string[];
      total: {
        leads: number;
        called: number;
        neverCalled: number;
        buckets: number[];
        medianMinutes: number | null;
        p90Minutes: number | null;
        withinSla: number;
        withinSlaShare: number | null;
        ecdf: {
          minutes: number;
          share: number;
        }[];
      };
      byRep: {
        leads: number;
        called: number;
        neverCalled: number;
        buckets: number[];
        medianMinutes: number | null;
        p90Minutes: number | null;
        withinSla: number;
        withinSlaShare: number | null;
        ecdf: {
          minutes: number;
          share: number;
        }[];
        id: string | null;
        name: string | null;
      }[];
      byTeam: {
        leads: number;
        called: number;
        neverCalled: number;
        buckets: number[];
        medianMinutes: number | null;
        p90Minutes: number | null;
        withinSla: number;
        withinSlaShare: number | null;
        ecdf: {
          minutes: number;
          share: number;
        }[];
        id: string | null;
        name: string | null;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
