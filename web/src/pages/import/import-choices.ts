import type { ImportEntity } from '../../../../src/contract/import-fields.ts';
import type { ImportPreset } from '../../../../src/contract/import-presets.ts';
import { CsvParser } from '../../../../src/contract/csv.ts';
import type { onDuplicateChoices } from '../../../../src/contract/imports.ts';

/** What the user chose on the import screen; sent as the query string of the preview and the import. */
export interface ImportChoices {
  entity: ImportEntity;
  preset: ImportPreset | '';
  /** Columns the user mapped by hand: header → field ('' ignores the column). */
  overrides: Record<string, string>;
  /** "Name in the file=Stage" lines (deals). */
  stageMap: string;
  /** "Person in the file=user email" lines (owners, managers). */
  userMap: string;
  onDuplicate: (typeof onDuplicateChoices)[number];
  createMissing: boolean;
  /** Users without an email address: rejected, or given a generated placeholder. */
  missingEmail: 'reject' | 'placeholder';
  dateOrder: 'mdy' | 'dmy';
  delimiter: string;
}

export const defaultChoices = (entity: ImportEntity): ImportChoices => ({
  entity,
  preset: '',
  overrides: {},
  stageMap: '',
  userMap: '',
  onDuplicate: 'skip',
  createMissing: false,
  missingEmail: 'reject',
  dateOrder: 'mdy',
  delimiter: ',',
});

const mapLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.includes('='));

/** The query string of POST /imports and /imports/preview for these choices. */
export function importQuery(
  c: ImportChoices,
  fileName: string,
  dryRun: boolean,
): Record<string, string | string[] | undefined> {
  return {
    entity: c.entity,
    preset: c.preset || undefined,
    map: Object.entries(c.overrides).map(([header, field]) => `${header}=${field}`),
    stageMap: mapLines(c.stageMap),
    userMap: mapLines(c.userMap),
    createMissing: c.createMissing ? 'true' : undefined,
    missingEmail: c.entity === 'users' && c.missingEmail === 'placeholder' ? 'placeholder' : undefined,
    onDuplicate: c.onDuplicate,
    dateOrder: c.dateOrder,
    delimiter: c.delimiter === ',' ? undefined : c.delimiter,
    dryRun: dryRun ? 'true' : undefined,
    fileName,
  };
}

/** Bytes of the file sent for a preview: enough for its first rows, so a large file is not uploaded at each change. */
const PREVIEW_BYTES = 256 * 1024;

/** The start of a file, cut after its last complete line (the whole file when small). */
export async function headOf(file: Blob): Promise<{ blob: Blob; text: string }> {
  if (file.size <= PREVIEW_BYTES) return { blob: file, text: await file.text() };
  const text = await file.slice(0, PREVIEW_BYTES).text();
  const cut = text.lastIndexOf('\n');
  const head = cut > 0 ? text.slice(0, cut + 1) : text;
  return { blob: new Blob([head], { type: 'text/csv' }), text: head };
}

/** The first cells of each column (by position), to show next to the mapping; empty when the text is not CSV. */
export function sampleCells(text: string, delimiter: string, rows = 3): string[][] {
  try {
    const parser = new CsvParser(delimiter);
    const records = [...parser.push(text), ...parser.end()].slice(1, rows + 1);
    const width = Math.max(0, ...records.map((r) => r.fields.length));
    return Array.from({ length: width }, (_, i) => records.map((r) => r.fields[i] ?? '').filter((v) => v !== ''));
  } catch {
    return [];
  }
}

/** Rejected rows of a job from its rejects CSV: line and reason (the last two columns). */
export function rejectReasons(csv: string): { line: string; reason: string }[] {
  const parser = new CsvParser(',');
  return [...parser.push(csv), ...parser.end()]
    .slice(1)
    .map((r) => ({ line: r.fields[r.fields.length - 2] ?? '', reason: r.fields[r.fields.length - 1] ?? '' }));
}

/** Where the imported records of an entity are listed. */
export const listPathOf: Record<ImportEntity, string> = {
  accounts: '/accounts',
  contacts: '/contacts',
  leads: '/leads',
  deals: '/deals',
  activities: '/activities',
  products: '/admin/products',
  users: '/admin/users',
  teams: '/admin/teams',
  touches: '/marketing',
  partners: '/channel',
  registrations: '/channel',
};
