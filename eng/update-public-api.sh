#!/usr/bin/env bash
# Rewrites src/MediaRules/PublicAPI.Unshipped.txt from the library's current public surface (PublicApiAnalyzers'
# own code fix, through `dotnet format`). Review the diff: every line is a promise to users.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '#nullable enable\n' > src/MediaRules/PublicAPI.Unshipped.txt
dotnet format analyzers src/MediaRules/MediaRules.csproj --diagnostics RS0016 --severity warn -v q
git --no-pager diff --stat -- src/MediaRules/PublicAPI.Unshipped.txt
