-- Money-safe writes, payments as records, durable domain events and the shared job schedule.

-- 1. Every reservation write is a compare-and-set on its version (ADR 0008).
ALTER TABLE reservation ADD COLUMN version bigint NOT NULL DEFAULT 1 CONSTRAINT reservation_version_positive CHECK (version >= 1);

-- 2. What a guest paid is derived from the payments; amounts entered by hand so far become
--    manual payments so that no money recorded before this migration is lost.
ALTER TABLE payment ALTER COLUMN reservation_code DROP NOT NULL;
ALTER TABLE payment ALTER COLUMN provider DROP DEFAULT;
UPDATE payment SET provider_payment_id = 'legacy-' || id WHERE provider_payment_id IS NULL;
ALTER TABLE payment ALTER COLUMN provider_payment_id SET NOT NULL;
ALTER TABLE payment RENAME CONSTRAINT payment_provider_provider_payment_id_key TO payment_provider_payment_unique;
ALTER TABLE payment
  ADD CONSTRAINT payment_provider_known CHECK (provider IN ('MERCADO_PAGO', 'MANUAL')),
  ADD CONSTRAINT payment_status_known CHECK (status IN
    ('PENDING', 'IN_PROCESS', 'APPROVED', 'REJECTED', 'CANCELLED', 'REFUNDED', 'CHARGED_BACK')),
  ADD CONSTRAINT payment_refund_within_amount CHECK (refunded_amount <= amount);

INSERT INTO payment (reservation_code, provider, provider_payment_id, status, currency, amount,
                     approved_at, created_at, updated_at)
SELECT code, 'MANUAL', 'migrated-' || code, 'APPROVED', currency, amount_paid, updated_at, updated_at, updated_at
  FROM reservation
 WHERE amount_paid > 0 AND currency IS NOT NULL;
ALTER TABLE reservation DROP COLUMN amount_paid;

-- 3. The transactional outbox: an event per committed change, a delivery per subscriber (ADR 0006).
CREATE TABLE domain_event (
  id          bigserial PRIMARY KEY,
  type        text NOT NULL,
  stream      text NOT NULL,
  data        jsonb NOT NULL DEFAULT '{}',
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX domain_event_stream_idx ON domain_event (stream, id);

CREATE TABLE event_subscriber (
  name          text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.:-]{1,100}$'),
  registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE event_delivery (
  event_id        bigint NOT NULL REFERENCES domain_event (id) ON DELETE CASCADE,
  subscriber      text NOT NULL REFERENCES event_subscriber (name) ON DELETE CASCADE,
  stream          text NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  delivered_at    timestamptz,
  PRIMARY KEY (event_id, subscriber)
);
CREATE INDEX event_delivery_pending_idx ON event_delivery (subscriber, stream, event_id) WHERE status = 'PENDING';
CREATE INDEX event_delivery_dead_idx ON event_delivery (event_id DESC) WHERE status = 'DEAD';

-- 4. Periodic jobs: one row per job, claimed atomically by one instance per interval (ADR 0007).
CREATE TABLE scheduled_job (
  name            text PRIMARY KEY,
  next_run_at     timestamptz NOT NULL,
  leased_until    timestamptz,
  run             bigint NOT NULL DEFAULT 0,
  owner           text,
  last_started_at timestamptz,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  last_error      text,
  runs            bigint NOT NULL DEFAULT 0,
  failures        bigint NOT NULL DEFAULT 0
);
