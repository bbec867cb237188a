-- An Idempotency-Key is claimed before its case is opened: its row is inserted and committed first, without a case
-- number, and gets the number in the transaction that opens the case. A second request with the key finds the
-- claim and waits for that number instead of opening a case of its own. claim_token names the request holding the
-- claim, so that a retry may take over the claim of a request that died and the late request cannot then attach
-- a case to it. created_at is when the key was claimed (or taken over).
ALTER TABLE intake_idempotency ALTER COLUMN case_number DROP NOT NULL;
ALTER TABLE intake_idempotency ADD COLUMN claim_token VARCHAR(36);
