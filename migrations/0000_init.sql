CREATE TABLE "comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"post" text NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"website" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"is_author" boolean DEFAULT false NOT NULL,
	"client" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"key" text NOT NULL,
	"window" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "counters_key_window_pk" PRIMARY KEY("key","window")
);
--> statement-breakpoint
CREATE TABLE "post_settings" (
	"post" text PRIMARY KEY NOT NULL,
	"open" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_post_status" ON "comments" USING btree ("post","status","created_at");--> statement-breakpoint
CREATE INDEX "comments_status_created" ON "comments" USING btree ("status","created_at");