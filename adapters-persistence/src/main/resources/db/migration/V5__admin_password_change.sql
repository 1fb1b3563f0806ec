-- Admin password changes: every change bumps the account's password version, which admin tokens
-- carry, so that tokens issued under an older password are refused.
ALTER TABLE admin_user
  ADD COLUMN password_version integer NOT NULL DEFAULT 1 CHECK (password_version >= 1);
