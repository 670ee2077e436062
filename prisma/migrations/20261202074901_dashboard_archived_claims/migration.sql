-- The few archived claims, listed apart: the dashboard's approvals per day leave them out
-- through this index instead of scanning every claim of the team (lib/data/dashboard.ts).
CREATE INDEX "Claim_archived_idx" ON "Claim" ("id") WHERE "archivedAt" IS NOT NULL;
