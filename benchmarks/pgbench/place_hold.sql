-- What PlaceHold does, statement for statement, as one pgbench transaction (ceiling of the path).
\set unit random(1, 20)
BEGIN;
SELECT id, name FROM accommodation WHERE id = :unit;
SELECT 'S' FROM accommodation_season WHERE accommodation_id = :unit
  UNION ALL SELECT 'H' FROM accommodation_holiday WHERE accommodation_id = :unit;
SELECT nextval('bench_slot') AS v \gset
SELECT code FROM reservation WHERE accommodation_id = :unit
  AND status IN ('PRE_RESERVED', 'CONFIRMED', 'COMPLETED', 'BLOCKED')
  AND daterange(check_in, check_out, '[)') && daterange(date '2030-01-01' + (:v * 2)::int, date '2030-01-01' + (:v * 2 + 2)::int, '[)');
SAVEPOINT occupancy;
WITH r AS (
  INSERT INTO reservation (code, accommodation_id, check_in, check_out, kind, status, guests,
    guest_whatsapp_id, channel, currency, subtotal, cleaning_fee, total, deposit_percentage,
    deposit, balance, amount_paid, hold_expires_at, note, created_at, updated_at)
  SELECT lpad(upper(to_hex(:v)), 8, '0'), :unit, date '2030-01-01' + (:v * 2)::int,
    date '2030-01-01' + (:v * 2 + 2)::int, 'GUEST_BOOKING', 'PRE_RESERVED', 2, '5490000000000',
    'WHATSAPP', 'ARS', 20000, 0, 20000, 30, 6000, 14000, 0, now() + interval '30 minutes', '',
    now(), now() FROM (SELECT pg_advisory_xact_lock(7310, :unit)) unit_lock
  ON CONFLICT (code) DO NOTHING RETURNING code, check_in),
n AS (INSERT INTO reservation_night (reservation_code, night, price, night_kind)
  SELECT code, check_in + i, 10000, 'WEEKDAY' FROM r, generate_series(0, 1) i)
INSERT INTO reservation_status_change (reservation_code, to_status, actor)
  SELECT code, 'PRE_RESERVED', 'bench' FROM r;
COMMIT;
