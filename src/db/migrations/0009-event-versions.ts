/**
 * The version of its payload each event is stored with (the event catalog's version of its type
 * when written). Every event written before is version 1. The chain hash covers a version other
 * than 1, so existing chains verify unchanged.
 */
export const eventVersions = String.raw`
ALTER TABLE events ADD COLUMN version smallint NOT NULL DEFAULT 1;
ALTER TABLE events ADD CONSTRAINT events_version_positive CHECK (version >= 1);
`;
