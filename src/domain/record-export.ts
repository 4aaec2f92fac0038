import { z } from 'zod';
import { accountSchema, listAccountsQuery } from '../contract/accounts.ts';
import { activitySchema, listActivitiesQuery } from '../contract/activities.ts';
import { contactSchema, listContactsQuery } from '../contract/contacts.ts';
import { formatCsvRow } from '../contract/csv.ts';
import { dealSchema, listDealsQuery } from '../contract/deals.ts';
import { leadSchema, listLeadsQuery } from '../contract/leads.ts';
import { listProductsQuery, productSchema } from '../contract/products.ts';

export const exportFormats = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The lists that can be exported: each with its list query (the export's filters) and its record (the columns). */
export const exportables = {
  deals: { listQuery: listDealsQuery, record: dealSchema },
  accounts: { listQuery: listAccountsQuery, record: accountSchema },
  contacts: { listQuery: listContactsQuery, record: contactSchema },
  leads: { listQuery: listLeadsQuery, record: leadSchema },
  activities: { listQuery: listActivitiesQuery, record: activitySchema },
  products: { listQuery: listProductsQuery, record: productSchema },
} as const;
export type ExportEntity = keyof typeof exportables;
export const exportEntities = Object.keys(exportables) as ExportEntity[];

/** The list query of an entity without paging, plus the file format: the same filters and sort as the list. */
export function exportQuery<S extends z.ZodObject>(listQuery: S) {
  return listQuery.omit({ cursor: true, limit: true }).extend({ format: z.enum(exportFormats).default('csv') });
}

/** The columns of an export file: the record's fields in schema order. */
export function exportColumns(entity: ExportEntity): string[] {
  return Object.keys(exportables[entity].record.shape);
}

/** A cell of the CSV file: nested values (addresses, line items, lists) as JSON, null as empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/**
 * Lines of an export file, one call per record: for CSV the header (the DTO's fields, in schema
 * order) comes before the first record, so an empty export still has its header.
 */
export function exportLines(format: ExportFormat, columns: readonly string[]) {
  return {
    header: format === 'csv' ? `${formatCsvRow([...columns])}\r\n` : '',
    line(record: Record<string, unknown>): string {
      return format === 'csv'
        ? `${formatCsvRow(columns.map((c) => cell(record[c])))}\r\n`
        : `${JSON.stringify(record)}\n`;
    },
  };
}
