CREATE TABLE "amendment_proposers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"amendment_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"proposed_on_version_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"target_key" text NOT NULL,
	"target_number" text,
	"after_key" text,
	"deleted_text" text DEFAULT '' NOT NULL,
	"inserted_text" text DEFAULT '' NOT NULL,
	"result_text" text DEFAULT '' NOT NULL,
	"covers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"whole_part" boolean DEFAULT false NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"outdated" text,
	"origin" text DEFAULT 'form' NOT NULL,
	"copy_name" text,
	"tracked_authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by_user_id" uuid,
	"decided_by_user_id" uuid,
	"decided_by_label" text,
	"decided_on_behalf" boolean DEFAULT false NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"modified_text" text,
	"decided_at" timestamp with time zone,
	"applied_in_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"unit_key" text NOT NULL,
	"parent_id" uuid,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"organisation_id" uuid,
	"text" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "origin" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "renumbering" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "amendment_proposers" ADD CONSTRAINT "amendment_proposers_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposers" ADD CONSTRAINT "amendment_proposers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposed_on_version_id_document_versions_id_fk" FOREIGN KEY ("proposed_on_version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_applied_in_version_id_document_versions_id_fk" FOREIGN KEY ("applied_in_version_id") REFERENCES "public"."document_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_comments" ADD CONSTRAINT "unit_comments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_comments" ADD CONSTRAINT "unit_comments_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_comments" ADD CONSTRAINT "unit_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_comments" ADD CONSTRAINT "unit_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_comments" ADD CONSTRAINT "unit_comments_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "amendment_proposers_pair" ON "amendment_proposers" USING btree ("amendment_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "amendments_document_number" ON "amendments" USING btree ("document_id","number");--> statement-breakpoint
CREATE INDEX "amendments_version" ON "amendments" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "unit_comments_document_unit" ON "unit_comments" USING btree ("document_id","unit_key");