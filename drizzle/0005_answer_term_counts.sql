CREATE TABLE "answer_term_counts" (
	"question_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"term" text NOT NULL,
	"respondents" integer NOT NULL,
	CONSTRAINT "answer_term_counts_question_id_scope_term_pk" PRIMARY KEY("question_id","scope","term")
);
--> statement-breakpoint
ALTER TABLE "answer_term_counts" ADD CONSTRAINT "answer_term_counts_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_term_counts_frequent" ON "answer_term_counts" USING btree ("question_id","scope","respondents");