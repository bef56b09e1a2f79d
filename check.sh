#!/usr/bin/env bash
# Local pre-push check, the same steps as CI.
exec "$(dirname "$0")/.ci/run"
