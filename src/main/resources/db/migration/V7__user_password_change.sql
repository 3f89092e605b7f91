-- A password set by an administrator (a new account, a reset) must be replaced by its owner at the
-- next login: the administrator knows it, and it travelled on paper or by phone.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
