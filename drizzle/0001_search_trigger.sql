CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_tsv() RETURNS trigger AS $$
BEGIN
  NEW.tsv := setweight(to_tsvector(NEW.ts_config::regconfig, coalesce(NEW.label, '') || ' ' || coalesce(NEW.title, '')), 'B')
          || setweight(to_tsvector(NEW.ts_config::regconfig, NEW.text), 'A');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER search_entries_tsv_trigger BEFORE INSERT OR UPDATE ON search_entries
  FOR EACH ROW EXECUTE FUNCTION search_entries_tsv();
