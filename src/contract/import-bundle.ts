import { z } from 'zod';
import { foldHeader, importEntities, type ImportEntity } from './import-fields.ts';
import { importPresets } from './import-presets.ts';
import { missingEmailChoices, onDuplicateChoices } from './imports.ts';

/**
 * The order a bundle is imported in: what a record names is imported before it (teams and users
 * before the records they own, accounts and products before the deals naming them).
 */
export const bundleOrder: readonly ImportEntity[] = [
  'teams',
  'users',
  'accounts',
  'partners',
  'products',
  'contacts',
  'leads',
  'deals',
  'activities',
  'touches',
  'registrations',
];

/** File names (folded, without extension) read as each entity when no mapping file names it. */
const fileNames: Record<ImportEntity, readonly string[]> = {
  teams: ['teams', 'team', 'salesteams'],
  users: ['users', 'user', 'salesagents', 'agents', 'employees', 'reps', 'owners'],
  accounts: ['accounts', 'account', 'companies', 'company', 'organizations', 'organisations'],
  products: ['products', 'product', 'catalog', 'catalogue', 'pricebook'],
  contacts: ['contacts', 'contact', 'people', 'persons'],
  leads: ['leads', 'lead'],
  deals: ['deals', 'deal', 'opportunities', 'opportunity', 'salespipeline', 'pipeline'],
  activities: ['activities', 'activity', 'tasks', 'calls', 'meetings'],
  touches: ['touches', 'touch', 'campaignmembers', 'campaignmember'],
  partners: ['partners', 'partner', 'partneraccounts', 'partnerprofiles'],
  registrations: ['registrations', 'registration', 'dealregistrations', 'dealregistration', 'dealreg', 'dealregs'],
};

/** The entity a file name says it holds (`sales_teams.csv` → teams), or null. */
export function entityOfFile(fileName: string): ImportEntity | null {
  const base = foldHeader(fileName.replace(/\.[^.]*$/, ''));
  const exact = importEntities.find((e) => fileNames[e].includes(base));
  if (exact) return exact;
  const inside = importEntities.filter((e) => fileNames[e].some((n) => n.length > 4 && base.includes(n)));
  return inside.length === 1 ? (inside[0] ?? null) : null;
}

const names = z.record(z.string(), z.string());

/** A mapping file: which file is which entity and how its columns and stages read; saved and reused. */
export const bundleMappingSchema = z.strictObject({
  preset: z.enum(importPresets).optional(),
  createMissing: z.boolean().default(true),
  missingEmail: z.enum(missingEmailChoices).default('reject'),
  onDuplicate: z.enum(onDuplicateChoices).default('skip'),
  dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
  files: z
    .array(
      z.strictObject({
        file: z.string().min(1),
        entity: z.enum(importEntities),
        /** Column → field, as `--map`; "" ignores the column. */
        map: names.optional(),
        /** Stage of the source system → stage of the pipeline, as `--stage-map`. */
        stageMap: names.optional(),
        /** Person as the file names them → user, as `--user-map`. */
        userMap: names.optional(),
      }),
    )
    .max(50)
    .default([]),
});
export type BundleMapping = z.output<typeof bundleMappingSchema>;
export type BundleMappingInput = z.input<typeof bundleMappingSchema>;
