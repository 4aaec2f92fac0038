import type { ReactNode } from 'react';
import type { BulkPath } from '../../../src/contract/bulk.ts';
import type { Page, RuntimeQuery } from '../api.ts';
import type { ViewEntity } from '../types.ts';

/** A row of any record table: what paging, selection and bulk actions need. */
export interface TableRow {
  id: string;
  version: number;
  /** Whose record it is: with these the table offers in-place edits only where the actor may write. */
  ownerId?: string | null;
  partnerAccountId?: string | null;
}

/** The records a table can edit in place (PATCH with If-Match). */
export type EditPath = '/accounts/{id}' | '/contacts/{id}' | '/leads/{id}' | '/deals/{id}';

/** How a cell is edited in place: its value as the input shows it and the PATCH body of an edit. */
export interface CellEdit<T> {
  value: (row: T) => string;
  toPatch: (raw: string) => Record<string, unknown>;
  input?: 'text' | 'date' | 'email';
  options?: Option[];
}

export interface ColumnDef<T> {
  key: string;
  label: string;
  /** The list's sort key when the server can sort by this column. */
  sortKey?: string;
  /** Shown when no view chose the columns. */
  byDefault?: boolean;
  numeric?: boolean;
  render: (row: T) => ReactNode;
  /** Editable in place (simple fields only), through the table's `editPath`. */
  edit?: CellEdit<T>;
}

export interface Option {
  value: string;
  label: string;
}

export type FilterKind = 'text' | 'select' | 'date' | 'datetime' | 'number' | 'money';

/** One filter of the list endpoint, named exactly as its query parameter. */
export interface FilterDef {
  key: string;
  label: string;
  kind: FilterKind;
  options?: Option[];
  /** For datetime filters: the end of the chosen day instead of its start (an exclusive upper bound). */
  endOfDay?: boolean;
}

export interface TableConfig<T extends TableRow> {
  entity: ViewEntity;
  path: BulkPath;
  /** One page of the entity's list for the table's query (filters, sort, cursor): `getPage('/deals', query)`. */
  list: (query: RuntimeQuery) => Promise<Page<T>>;
  title: string;
  /** What a user calls one record, e.g. "deal". */
  noun: string;
  columns: ColumnDef<T>[];
  filters: FilterDef[];
  defaultSort: { key: string; order: 'asc' | 'desc' };
  /** The record's name, for selection labels and bulk results. */
  nameOf: (row: T) => string;
  /** Deals move between stages in bulk; other records do not have stages. */
  stageBulk?: boolean;
  /** Where the table's records are changed, for cells edited in place. */
  editPath?: EditPath;
  /** The "New …" button of the table (shown to roles that may create such records). */
  create?: 'deal' | 'account' | 'contact' | 'lead';
  /** What to say when the list has no records at all. */
  emptyHint: string;
}

export type Filters = Record<string, string>;
export type Sort = { key: string; order: 'asc' | 'desc' };
