CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligibility" text DEFAULT 'members' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"languages" jsonb DEFAULT '["en"]'::jsonb NOT NULL,
	"compilation_title" text DEFAULT '' NOT NULL,
	"compilation_document_id" uuid,
	"annexes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source_name" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "contribution_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid,
	"revision" integer,
	"form_token" text NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_fingerprints" (
	"contribution_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"hash" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"source_text" text NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "categories_body_code";--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "contribution_items" ADD COLUMN "notes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contribution_submitters" ADD COLUMN "confirmed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "contribution_submitters" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contribution_submitters" ADD COLUMN "confirmed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "status" text DEFAULT 'submitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "source_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "received_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "submission_token" text;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_compilation_document_id_documents_id_fk" FOREIGN KEY ("compilation_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_files" ADD CONSTRAINT "contribution_files_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_fingerprints" ADD CONSTRAINT "contribution_fingerprints_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_revisions" ADD CONSTRAINT "contribution_revisions_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_fingerprints_body_hash" ON "contribution_fingerprints" USING btree ("body_id","hash","contribution_id");--> statement-breakpoint
CREATE INDEX "contribution_fingerprints_contribution" ON "contribution_fingerprints" USING btree ("contribution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_revisions_number" ON "contribution_revisions" USING btree ("contribution_id","number");--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_merged_into_id_contributions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."contributions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_body_call_code" ON "categories" USING btree ("body_id","call_id","code");--> statement-breakpoint
CREATE INDEX "contributions_call" ON "contributions" USING btree ("call_id");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_submission_token_unique" UNIQUE("submission_token");