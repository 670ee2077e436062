-- CreateIndex
CREATE INDEX "Claim_teamId_checkWorthiness_id_idx" ON "Claim"("teamId", "checkWorthiness" DESC, "id");
