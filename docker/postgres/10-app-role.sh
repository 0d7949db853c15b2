#!/bin/sh
# First start of the PostgreSQL container: create the server's least-privilege role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_role=chengxin_app -v app_password="$CHENGXIN_APP_PASSWORD" -v owner="$POSTGRES_USER" -v owner_database="$POSTGRES_DB" \
  -f /chengxin/app-role.sql
