-- Calendar sync (ADR 0009): named uniqueness for feeds and imported events, miss counting, conflicts.

-- A unit imports a URL once; refusals are mapped by this name.
ALTER TABLE calendar_feed RENAME CONSTRAINT calendar_feed_accommodation_id_url_key TO calendar_feed_unit_url_unique;

-- One held event per (feed, UID), under a unique index with its own name, so a clash is never
-- mistaken for another refusal; and one event per imported stay.
ALTER TABLE calendar_imported_event DROP CONSTRAINT calendar_imported_event_pkey;
CREATE UNIQUE INDEX calendar_imported_event_feed_uid_unique ON calendar_imported_event (feed_id, uid);
CREATE UNIQUE INDEX calendar_imported_event_stay_unique ON calendar_imported_event (reservation_code)
  WHERE reservation_code IS NOT NULL;
-- While some of its nights are held by others, an event holds its free stretches with partial stays.
ALTER TABLE calendar_imported_event
  ADD COLUMN misses integer NOT NULL DEFAULT 0 CONSTRAINT calendar_imported_event_misses_non_negative CHECK (misses >= 0),
  ADD COLUMN partial_codes text[] NOT NULL DEFAULT '{}',
  ADD CONSTRAINT calendar_imported_event_whole_or_partial CHECK (reservation_code IS NULL OR cardinality(partial_codes) = 0),
  ADD CONSTRAINT calendar_imported_event_uid_present CHECK (uid <> ''),
  DROP COLUMN conflict;
ALTER TABLE calendar_imported_event RENAME COLUMN last_seen_at TO changed_at;

ALTER TABLE calendar_feed_sync
  ADD CONSTRAINT calendar_feed_sync_status_known CHECK (last_status IS NULL OR last_status IN
    ('NEVER', 'OK', 'NOT_MODIFIED', 'FAILED', 'SUSPICIOUS'));

-- A stay another platform sold on nights one of ours holds: both sides, until resolved. Kept
-- (resolved) when its feed is removed, so the feed is a plain number here.
CREATE TABLE calendar_conflict (
  id               bigserial PRIMARY KEY,
  feed_id          bigint NOT NULL,
  accommodation_id bigint NOT NULL REFERENCES accommodation (id) ON DELETE CASCADE,
  source           text NOT NULL CHECK (source IN ('AIRBNB', 'BOOKING', 'VRBO', 'ICAL_OTHER')),
  uid              text NOT NULL,
  check_in         date NOT NULL,
  check_out        date NOT NULL,
  summary          text NOT NULL DEFAULT '',
  our_codes        text[] NOT NULL CONSTRAINT calendar_conflict_has_our_side CHECK (cardinality(our_codes) > 0),
  detected_at      timestamptz NOT NULL,
  resolved_at      timestamptz,
  resolution       text,
  CONSTRAINT calendar_conflict_dates CHECK (check_in < check_out),
  CONSTRAINT calendar_conflict_resolution_said CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);
CREATE INDEX calendar_conflict_event_idx ON calendar_conflict (feed_id, uid, id DESC);
CREATE INDEX calendar_conflict_open_idx ON calendar_conflict (accommodation_id, id DESC) WHERE resolved_at IS NULL;
