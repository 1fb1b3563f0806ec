-- Payments and their notifications; guest conversations; the inbound inbox and the outbound outbox.

CREATE TABLE payment (
  id               bigserial PRIMARY KEY,
  reservation_code text NOT NULL REFERENCES reservation (code),
  provider         text NOT NULL DEFAULT 'MERCADO_PAGO',
  provider_payment_id text,
  preference_id    text,
  payment_link     text,
  status           text NOT NULL,
  status_detail    text,
  currency         char(3) NOT NULL,
  amount           numeric(14, 2) NOT NULL CHECK (amount >= 0),
  refunded_amount  numeric(14, 2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  approved_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, provider_payment_id)
);
CREATE INDEX payment_reservation_idx ON payment (reservation_code);

-- Idempotent on (payment id, action/status): a duplicate delivery is stored once.
CREATE TABLE payment_notification (
  id               bigserial PRIMARY KEY,
  provider         text NOT NULL DEFAULT 'MERCADO_PAGO',
  provider_payment_id text NOT NULL,
  action           text NOT NULL,
  request_id       text,
  raw_body         text NOT NULL,
  received_at      timestamptz NOT NULL DEFAULT now(),
  processed_at     timestamptz,
  outcome          text,
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error       text,
  UNIQUE (provider, provider_payment_id, action)
);
CREATE INDEX payment_notification_pending_idx ON payment_notification (received_at) WHERE processed_at IS NULL;

CREATE TABLE conversation (
  guest_wa_id      text PRIMARY KEY,
  guest_name       text,
  state            text NOT NULL,
  state_data       jsonb NOT NULL DEFAULT '{}',
  reservation_code text REFERENCES reservation (code),
  last_inbound_at  timestamptz,
  version          bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Inbound messages, unique by the provider's message id; claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE inbox_message (
  id               bigserial PRIMARY KEY,
  channel          text NOT NULL DEFAULT 'WHATSAPP',
  message_id       text NOT NULL,
  sender           text NOT NULL,
  sender_name      text,
  message_type     text NOT NULL,
  body             text,
  media_id         text,
  raw_payload      text NOT NULL,
  sent_at          timestamptz,
  received_at      timestamptz NOT NULL DEFAULT now(),
  status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PROCESSED', 'FAILED')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  processed_at     timestamptz,
  last_error       text,
  UNIQUE (channel, message_id)
);
CREATE INDEX inbox_message_pending_idx ON inbox_message (next_attempt_at, id) WHERE status = 'PENDING';

-- Outbound messages, unique by a deterministic key; sent with backoff, dead-lettered at last.
CREATE TABLE outbox_message (
  id               bigserial PRIMARY KEY,
  dedup_key        text NOT NULL UNIQUE,
  channel          text NOT NULL DEFAULT 'WHATSAPP',
  recipient        text NOT NULL,
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  provider_message_id text,
  delivery_status  text,
  delivery_status_at timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX outbox_message_pending_idx ON outbox_message (next_attempt_at, id) WHERE status = 'PENDING';
