-- Runs once, when the postgres service starts on an empty volume. The Flyway migrations create the
-- extension too (CREATE EXTENSION IF NOT EXISTS); creating it here as the superuser means the
-- exclusion constraint never depends on the app's database role being allowed to.
CREATE EXTENSION IF NOT EXISTS btree_gist;
