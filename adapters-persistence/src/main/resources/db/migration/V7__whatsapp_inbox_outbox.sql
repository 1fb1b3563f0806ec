-- The WhatsApp channel (ADR 0010): the durable inbox of what guests sent, the outbox of what we
-- promised to send (WhatsApp and e-mail) and the dialog state per guest. The V2 tables were never
-- used, so the inbox and outbox are re-created in the shape of the core ports.

DROP TABLE inbox_message;
DROP TABLE outbox_message;

-- Inbound messages, unique by the provider's message id. Workers claim only the oldest pending
-- message of each guest (FOR UPDATE SKIP LOCKED), leased through next_attempt_at: candidates in id
-- order from inbox_message_due_idx, each checked to be its guest's head on inbox_message_pending_idx.
CREATE TABLE inbox_message (
  id               bigserial PRIMARY KEY,
  channel          text NOT NULL DEFAULT 'WHATSAPP' CHECK (channel IN ('WHATSAPP', 'EMAIL')),
  message_id       text NOT NULL,
  sender           text NOT NULL,
  sender_name      text,
  kind             text NOT NULL,
  body             text,
  choice_id        text,
  media_id         text,
  media_mime_type  text,
  media_sha256     text,
  media_voice      boolean NOT NULL DEFAULT false,
  raw_payload      text NOT NULL,
  sent_at          timestamptz NOT NULL,
  received_at      timestamptz NOT NULL,
  status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PROCESSED', 'DEAD')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL,
  processed_at     timestamptz,
  transcript       text,
  last_error       text,
  CONSTRAINT inbox_message_unique UNIQUE (channel, message_id)
);
CREATE INDEX inbox_message_pending_idx ON inbox_message (sender, id) WHERE status = 'PENDING';
CREATE INDEX inbox_message_due_idx ON inbox_message (id) WHERE status = 'PENDING';
CREATE INDEX inbox_message_sender_idx ON inbox_message (sender, id);

-- Outbound messages, unique by a deterministic key. The content is stored in columns: kind
-- (TEXT, BUTTONS, LIST, EMAIL), body, extra (buttons footer, list button or e-mail subject),
-- html (e-mail), the choices as parallel arrays, e-mail attachments in outbox_attachment.
CREATE TABLE outbox_message (
  id               bigserial PRIMARY KEY,
  dedup_key        text NOT NULL CHECK (length(dedup_key) BETWEEN 1 AND 200),
  channel          text NOT NULL CHECK (channel IN ('WHATSAPP', 'EMAIL')),
  recipient        text NOT NULL,
  purpose          text NOT NULL,
  content_kind     text NOT NULL CHECK (content_kind IN ('TEXT', 'BUTTONS', 'LIST', 'EMAIL')),
  body             text,
  extra            text,
  html             text,
  choice_ids       text[] NOT NULL DEFAULT '{}',
  choice_titles    text[] NOT NULL DEFAULT '{}',
  choice_descriptions text[] NOT NULL DEFAULT '{}',
  plain_text       text NOT NULL,
  status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL,
  provider_message_id text,
  delivery_status  text CHECK (delivery_status IN ('ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED')),
  delivery_status_at timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  CONSTRAINT outbox_message_key_unique UNIQUE (dedup_key)
);
CREATE INDEX outbox_message_pending_idx ON outbox_message (channel, recipient, id) WHERE status = 'PENDING';
CREATE INDEX outbox_message_due_idx ON outbox_message (id) WHERE status = 'PENDING';
CREATE INDEX outbox_message_recipient_idx ON outbox_message (recipient, id);
CREATE INDEX outbox_message_status_idx ON outbox_message (status, id);
CREATE UNIQUE INDEX outbox_message_provider_idx ON outbox_message (provider_message_id)
  WHERE provider_message_id IS NOT NULL;

CREATE TABLE outbox_attachment (
  outbox_id        bigint NOT NULL REFERENCES outbox_message (id) ON DELETE CASCADE,
  position         integer NOT NULL,
  filename         text NOT NULL,
  content_type     text NOT NULL,
  data             bytea NOT NULL,
  PRIMARY KEY (outbox_id, position)
);

-- The dialog state: a person answering (handoff) silences the bot until handoff_until.
ALTER TABLE conversation ADD COLUMN handoff_until timestamptz;
ALTER TABLE conversation ALTER COLUMN updated_at DROP DEFAULT;
CREATE INDEX conversation_latest_idx ON conversation (updated_at DESC);
