CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_tsv() RETURNS trigger AS $$
BEGIN
  -- Only the passage itself: a title or heading word would otherwise match every passage under it.
  NEW.tsv := to_tsvector(NEW.ts_config::regconfig, NEW.text);
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER search_entries_tsv_trigger BEFORE INSERT OR UPDATE ON search_entries
  FOR EACH ROW EXECUTE FUNCTION search_entries_tsv();
