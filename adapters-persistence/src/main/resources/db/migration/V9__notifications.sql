-- Notifications and the stay's timeline (ADR 0012).

-- What a guest needs to arrive; both optional.
ALTER TABLE accommodation
  ADD COLUMN address text,
  ADD COLUMN arrival_instructions text;

-- The owner's alert preferences (one row; absent until the owner saves them: the environment's
-- defaults apply).
CREATE TABLE alert_settings (
  id         smallint PRIMARY KEY DEFAULT 1 CONSTRAINT alert_settings_single CHECK (id = 1),
  whatsapp   text[] NOT NULL DEFAULT '{}',
  emails     text[] NOT NULL DEFAULT '{}',
  muted      text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Timeline steps done per reservation (hold_reminder, pre_arrival): marked in the unit of work
-- that queues the message, so each happens once across instances and restarts.
CREATE TABLE timeline_step (
  reservation_code text NOT NULL,
  step             text NOT NULL CONSTRAINT timeline_step_name CHECK (step ~ '^[a-z][a-z0-9_]{0,39}$'),
  done_at          timestamptz NOT NULL,
  PRIMARY KEY (reservation_code, step)
);
CREATE INDEX timeline_step_done_at ON timeline_step (done_at);

-- Pruning delivered events by age.
CREATE INDEX domain_event_occurred_at ON domain_event (occurred_at);
