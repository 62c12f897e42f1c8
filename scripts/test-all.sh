#!/usr/bin/env bash
# `npm test`: the whole suite — lint, type check, the SERA emulator's own tests, unit and
# integration tests (embedded database; PostgreSQL too when DATABASE_URL is set), then the
# production build, the end-to-end tests in Chromium, and the reliability suite (money under
# SERA faults and app kills) on the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step "Lint"
npx eslint .
step "Type check"
npx tsc --noEmit
npm --prefix sera-emulator run --silent typecheck
step "SERA emulator tests"
npm --prefix sera-emulator test --silent
step "Unit and integration tests"
npx vitest run
step "Production build"
npx next build
step "End-to-end tests (Chromium)"
bash scripts/ensure-chromium.sh
npx playwright test
step "Reliability: labels and add-funds under SERA faults and app kills (embedded database)"
DATABASE_URL= npm run --silent test:reliability
