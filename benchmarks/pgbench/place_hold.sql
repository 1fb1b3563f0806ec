-- What PlaceHold sends now, as one pgbench transaction: the unit comes from the in-process
-- snapshot and the constraint decides first, so a free hold is ONE auto-committed statement:
-- the row, its nights, the audit entry, the domain event and one delivery per subscriber.
\set unit random(1, 20)
SELECT nextval('bench_slot') AS v \gset
WITH r AS (
  INSERT INTO reservation (code, accommodation_id, check_in, check_out, kind, status, guests,
    guest_whatsapp_id, channel, currency, subtotal, cleaning_fee, total, deposit_percentage,
    deposit, balance, hold_expires_at, note, created_at, updated_at, version)
  SELECT lpad(upper(to_hex(:v)), 8, '0'), :unit, date '2030-01-01' + (:v * 2)::int,
    date '2030-01-01' + (:v * 2 + 2)::int, 'GUEST_BOOKING', 'PRE_RESERVED', 2, '5490000000000',
    'WHATSAPP', 'ARS', 20000, 0, 20000, 30, 6000, 14000, now() + interval '30 minutes', '',
    now(), now(), 1 FROM (SELECT pg_advisory_xact_lock(7310, :unit)) unit_lock
  ON CONFLICT (code) DO NOTHING RETURNING code, check_in),
n AS (INSERT INTO reservation_night (reservation_code, night, price, night_kind)
  SELECT code, check_in + i, 10000, 'WEEKDAY' FROM r, generate_series(0, 1) i),
a AS (INSERT INTO reservation_status_change (reservation_code, to_status, actor)
  SELECT code, 'PRE_RESERVED', 'bench' FROM r),
ev AS (INSERT INTO domain_event (type, stream, data, occurred_at)
  SELECT 'HOLD_PLACED', code, jsonb_object(ARRAY['code', 'status'], ARRAY[code, 'PRE_RESERVED']), now()
  FROM r RETURNING id, stream, occurred_at)
INSERT INTO event_delivery (event_id, subscriber, stream, next_attempt_at)
  SELECT ev.id, s.name, ev.stream, ev.occurred_at FROM ev CROSS JOIN event_subscriber s;
