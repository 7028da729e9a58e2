CREATE TABLE "answer_choice_counts" (
	"question_id" uuid NOT NULL,
	"code" text NOT NULL,
	"stakeholder_group" text NOT NULL,
	"country_iso2" text NOT NULL,
	"respondents" integer NOT NULL,
	CONSTRAINT "answer_choice_counts_question_id_code_stakeholder_group_country_iso2_pk" PRIMARY KEY("question_id","code","stakeholder_group","country_iso2")
);
--> statement-breakpoint
ALTER TABLE "answer_choice_counts" ADD CONSTRAINT "answer_choice_counts_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The counts of the responses already submitted: each distinct chosen code, and '' once per answered question.
INSERT INTO "answer_choice_counts" ("question_id", "code", "stakeholder_group", "country_iso2", "respondents")
SELECT a."question_id", c."code", coalesce(r."stakeholder_group", ''), coalesce(r."country_iso2", ''), count(*)::int
FROM "responses" r
JOIN "answers" a ON a."response_id" = r."id"
JOIN "questions" q ON q."id" = a."question_id" AND q."kind" IN ('single_choice', 'multiple_choice', 'stakeholder_group', 'consent')
CROSS JOIN LATERAL (
	SELECT DISTINCT x AS "code" FROM jsonb_array_elements_text(a."choices") AS x
	UNION ALL
	SELECT '' WHERE jsonb_array_length(a."choices") > 0
) c
WHERE r."status" = 'submitted'
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Term counts recomputed from the terms kept per response, for databases whose responses predate them.
DELETE FROM "answer_term_counts";
--> statement-breakpoint
INSERT INTO "answer_term_counts" ("question_id", "scope", "term", "respondents")
SELECT t."question_id", s."scope", t."term", count(*)::int
FROM "answer_terms" t
CROSS JOIN LATERAL (VALUES ('*'), (coalesce(t."stakeholder_group", 'not_stated'))) AS s("scope")
GROUP BY 1, 2, 3;
