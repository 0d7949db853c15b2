-- The least-privilege role the Chengxin server connects as (README "Database roles").
-- Run by the database owner, with psql variables: app_role, app_password, owner.
--   psql -v app_role=chengxin_app -v app_password=... -v owner=chengxin -f app-role.sql
-- The owner creates and migrates the tables (`chengxin migrate`); this role may read and write
-- rows, and nothing else: no DDL, no DELETE, no TRUNCATE (triggers refuse those too, and only the
-- owner could drop a trigger).
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"owner_database" TO :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
-- Tables the owner has made, and those later migrations make.
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
