/** Trigram indexes for fuzzy search across accounts, contacts, leads and deals. */
export const search = String.raw`
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX accounts_name_trgm_idx ON accounts USING gin (name gin_trgm_ops);
CREATE INDEX contacts_name_trgm_idx ON contacts USING gin ((coalesce(first_name, '') || ' ' || last_name) gin_trgm_ops);
CREATE INDEX leads_name_trgm_idx ON leads USING gin ((coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(company, '')) gin_trgm_ops);
CREATE INDEX deals_name_trgm_idx ON deals USING gin (name gin_trgm_ops);
`;
