-- Mercado Pago: each booking's payment link (reused, not recreated), its one hold extension for a
-- pending payment, the owner's flags on its money, and the processing state of notifications.
-- Orphan payments (no booking matches) live in payment with a NULL reservation_code (V4).

CREATE TABLE payment_link (
  reservation_code   text PRIMARY KEY REFERENCES reservation (code),
  url                text NOT NULL,
  provider_reference text,
  currency           char(3) NOT NULL,
  amount             numeric(14, 2) NOT NULL CHECK (amount >= 0),
  expires_at         timestamptz NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_link_expires_idx ON payment_link (expires_at);

CREATE TABLE payment_hold_extension (
  reservation_code text PRIMARY KEY REFERENCES reservation (code),
  used_at          timestamptz NOT NULL
);

CREATE TABLE payment_flag (
  reservation_code text NOT NULL REFERENCES reservation (code),
  reason           text NOT NULL,
  flagged_at       timestamptz NOT NULL,
  PRIMARY KEY (reservation_code, reason)
);

ALTER TABLE payment_notification ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
DROP INDEX payment_notification_pending_idx;
CREATE INDEX payment_notification_due_idx ON payment_notification (next_attempt_at, id) WHERE processed_at IS NULL;
