-- The employment service officer: publishes job demands for enterprises, matches trainees
-- to demands and records referrals (issue 19). Scoped to the province or one city. Owned
-- by the account module.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_ck;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_ck CHECK (role IN ('PROVINCE_ADMIN','LINE_DEPARTMENT','CITY_OFFICER',
  'PROVIDER_STAFF','EVALUATOR','ENTERPRISE','TRAINEE','AUDITOR','INSPECTOR','EMPLOYMENT_OFFICER'));
