-- Units, their pricing, and every occupancy of their nights under one exclusion constraint.
-- Money is numeric, dates are date, instants are timestamptz. Never edit a landed migration: add a new one.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SEQUENCE accommodation_id_seq;

CREATE TABLE accommodation (
  id                   bigint PRIMARY KEY CHECK (id > 0),
  name                 text NOT NULL CHECK (btrim(name) <> ''),
  type                 text NOT NULL CHECK (type IN ('CABIN', 'APARTMENT', 'HOUSE', 'ROOM', 'OTHER')),
  capacity             integer NOT NULL CHECK (capacity >= 1),
  description          text NOT NULL DEFAULT '',
  amenities            text[] NOT NULL DEFAULT '{}',
  check_in_time        time NOT NULL,
  check_out_time       time NOT NULL,
  time_zone            text NOT NULL,
  active               boolean NOT NULL,
  currency             char(3) NOT NULL,
  base_nightly_rate    numeric(14, 2) NOT NULL CHECK (base_nightly_rate >= 0),
  -- ISO day numbers, 1 = Monday .. 7 = Sunday
  weekend_nights       smallint[] NOT NULL,
  -- unconstrained numeric keeps the scale the owner entered
  weekend_multiplier   numeric NOT NULL CHECK (weekend_multiplier > 0),
  min_nights           integer NOT NULL CHECK (min_nights >= 1),
  cleaning_fee         numeric(14, 2) NOT NULL CHECK (cleaning_fee >= 0),
  deposit_percentage   integer NOT NULL CHECK (deposit_percentage BETWEEN 0 AND 100),
  export_token_version integer NOT NULL DEFAULT 1 CHECK (export_token_version >= 1),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accommodation_season (
  accommodation_id bigint NOT NULL REFERENCES accommodation (id) ON DELETE CASCADE,
  position         integer NOT NULL,
  name             text NOT NULL,
  first_night      date NOT NULL,
  last_night       date NOT NULL,
  nightly_rate     numeric(14, 2) NOT NULL CHECK (nightly_rate >= 0),
  min_nights       integer CHECK (min_nights IS NULL OR min_nights >= 1),
  PRIMARY KEY (accommodation_id, position),
  CHECK (first_night <= last_night)
);

CREATE TABLE accommodation_holiday (
  accommodation_id bigint NOT NULL REFERENCES accommodation (id) ON DELETE CASCADE,
  position         integer NOT NULL,
  night            date NOT NULL,
  name             text NOT NULL DEFAULT '',
  rate             numeric(14, 2) CHECK (rate IS NULL OR rate >= 0),
  PRIMARY KEY (accommodation_id, position),
  UNIQUE (accommodation_id, night)
);

-- Guest holds, confirmed stays, owner blocks and imported OTA stays: one table, one rule.
CREATE TABLE reservation (
  code               text PRIMARY KEY CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
  accommodation_id   bigint NOT NULL REFERENCES accommodation (id),
  check_in           date NOT NULL,
  check_out          date NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('GUEST_BOOKING', 'OWNER_BLOCK', 'IMPORTED_STAY')),
  status             text NOT NULL CHECK (status IN
                       ('PRE_RESERVED', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'COMPLETED', 'BLOCKED')),
  guests             integer CHECK (guests IS NULL OR guests >= 1),
  guest_name         text,
  guest_whatsapp_id  text,
  guest_phone        text,
  guest_email        text,
  channel            text NOT NULL CHECK (channel IN
                       ('WHATSAPP', 'ADMIN', 'DIRECT', 'AIRBNB', 'BOOKING', 'VRBO', 'ICAL_OTHER')),
  currency           char(3),
  subtotal           numeric(14, 2) CHECK (subtotal >= 0),
  cleaning_fee       numeric(14, 2) CHECK (cleaning_fee >= 0),
  total              numeric(14, 2) CHECK (total >= 0),
  deposit_percentage integer CHECK (deposit_percentage BETWEEN 0 AND 100),
  deposit            numeric(14, 2) CHECK (deposit >= 0),
  balance            numeric(14, 2) CHECK (balance >= 0),
  amount_paid        numeric(14, 2) CHECK (amount_paid >= 0),
  hold_expires_at    timestamptz,
  external_uid       text,
  note               text NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CONSTRAINT reservation_check_in_before_check_out CHECK (check_in < check_out),
  CONSTRAINT reservation_hold_has_expiry CHECK (status <> 'PRE_RESERVED' OR hold_expires_at IS NOT NULL),
  CONSTRAINT reservation_guest_booking_has_quote CHECK (kind <> 'GUEST_BOOKING' OR (guests IS NOT NULL AND total IS NOT NULL)),
  -- The promise the product rests on: no night of a unit is ever held by two active occupancies.
  CONSTRAINT reservation_no_double_booking EXCLUDE USING gist (
    accommodation_id WITH =,
    daterange(check_in, check_out, '[)') WITH &&
  ) WHERE (status IN ('PRE_RESERVED', 'CONFIRMED', 'COMPLETED', 'BLOCKED'))
);

CREATE INDEX reservation_hold_expiry_idx ON reservation (hold_expires_at) WHERE status = 'PRE_RESERVED';
CREATE INDEX reservation_imported_uid_idx ON reservation (accommodation_id, external_uid) WHERE external_uid IS NOT NULL;
CREATE INDEX reservation_check_in_idx ON reservation (check_in DESC, code);

-- The agreed price of each night of a guest booking.
CREATE TABLE reservation_night (
  reservation_code text NOT NULL REFERENCES reservation (code) ON DELETE CASCADE,
  night            date NOT NULL,
  price            numeric(14, 2) NOT NULL CHECK (price >= 0),
  night_kind       text NOT NULL CHECK (night_kind IN ('WEEKDAY', 'WEEKEND', 'HOLIDAY')),
  season           text,
  PRIMARY KEY (reservation_code, night)
);

-- Audit of every status change (and creation), with who did it.
CREATE TABLE reservation_status_change (
  id               bigserial PRIMARY KEY,
  reservation_code text NOT NULL REFERENCES reservation (code) ON DELETE CASCADE,
  from_status      text,
  to_status        text NOT NULL,
  actor            text NOT NULL,
  changed_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX reservation_status_change_code_idx ON reservation_status_change (reservation_code, id);
