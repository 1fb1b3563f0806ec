-- iCal feeds imported per unit, their sync state and the events they carried; admin users.

CREATE TABLE calendar_feed (
  id               bigserial PRIMARY KEY,
  accommodation_id bigint NOT NULL REFERENCES accommodation (id) ON DELETE CASCADE,
  source           text NOT NULL CHECK (source IN ('AIRBNB', 'BOOKING', 'VRBO', 'ICAL_OTHER')),
  url              text NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (accommodation_id, url)
);

CREATE TABLE calendar_feed_sync (
  feed_id          bigint PRIMARY KEY REFERENCES calendar_feed (id) ON DELETE CASCADE,
  last_attempt_at  timestamptz,
  last_success_at  timestamptz,
  last_status      text,
  last_error       text,
  etag             text,
  last_modified    text,
  consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  event_count      integer NOT NULL DEFAULT 0 CHECK (event_count >= 0)
);

-- Each event of a feed as last seen, and the occupancy it became (or the conflict it raised).
CREATE TABLE calendar_imported_event (
  feed_id          bigint NOT NULL REFERENCES calendar_feed (id) ON DELETE CASCADE,
  uid              text NOT NULL,
  check_in         date NOT NULL,
  check_out        date NOT NULL,
  summary          text NOT NULL DEFAULT '',
  reservation_code text REFERENCES reservation (code),
  conflict         boolean NOT NULL DEFAULT false,
  first_seen_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feed_id, uid),
  CHECK (check_in < check_out)
);

-- Owner accounts of the admin API, keyed by lower-case e-mail.
CREATE TABLE admin_user (
  email            text PRIMARY KEY CHECK (email = lower(email)),
  password_hash    text NOT NULL CHECK (password_hash <> ''),
  created_at       timestamptz NOT NULL
);
