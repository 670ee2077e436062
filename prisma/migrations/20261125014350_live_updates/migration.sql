-- CreateTable
CREATE TABLE "Presence" (
    "userId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("userId","claimId")
);

-- CreateIndex
CREATE INDEX "Presence_claimId_seenAt_idx" ON "Presence"("claimId", "seenAt");

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live updates: every audit event (every change writes one) is announced on a channel that
-- each app instance LISTENs to, so pages on any instance refresh within a second or two.
-- Written by hand: Prisma's schema has no triggers. On PGlite nobody listens; harmless.
CREATE OR REPLACE FUNCTION claimdesk_announce_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('claimdesk_events', json_build_object(
    'teamId', NEW."teamId", 'articleId', NEW."articleId", 'claimId', NEW."claimId",
    'type', NEW."type", 'actorId', NEW."actorId")::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_announce" AFTER INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION claimdesk_announce_change();
