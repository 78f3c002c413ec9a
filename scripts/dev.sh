#!/usr/bin/env bash
# Installs what the dev portal needs and starts it: the backend on
# http://localhost:7007 and the frontend on http://localhost:3000.
#
# Works behind a registry mirror and without access to GitHub or
# nodejs.org: Yarn comes from the npm registry this machine uses, and
# better-sqlite3 compiles against the installed Node headers.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${COREPACK_NPM_REGISTRY:-}" ]; then
  COREPACK_NPM_REGISTRY="$(npm config get registry | sed 's#/$##')"
  export COREPACK_NPM_REGISTRY
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_DEFAULT_TO_LATEST=0
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
export SCARF_ANALYTICS=false

corepack enable
yarn install
exec yarn start
