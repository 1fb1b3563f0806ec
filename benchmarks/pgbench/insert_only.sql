-- The bare INSERT of one 2-night hold under the exclusion constraint; never overlapping.
\set n random(1, 1000000000)
INSERT INTO reservation (code, accommodation_id, check_in, check_out, kind, status, guests,
  guest_whatsapp_id, channel, currency, subtotal, cleaning_fee, total, deposit_percentage,
  deposit, balance, hold_expires_at, note, created_at, updated_at)
SELECT lpad(upper(to_hex(nextval('bench_seq'))), 8, '0') AS code, s.unit, s.day, s.day + 2,
  'GUEST_BOOKING', 'PRE_RESERVED', 2, '5490000000000', 'WHATSAPP', 'ARS', 20000, 0, 20000, 30,
  6000, 14000, now() + interval '30 minutes', '', now(), now()
FROM (SELECT (v % 20) + 1 AS unit, date '2030-01-01' + ((v / 20) * 2)::int AS day
      FROM (SELECT nextval('bench_slot') AS v) x) s;
