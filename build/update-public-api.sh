#!/usr/bin/env bash
# Records the library's current public API in src/BreathPacing/PublicAPI.Unshipped.txt.
# PublicApiAnalyzers fails the build (RS0016/RS0017) when the API and these files disagree; run this after a
# deliberate API change, review the diff, and commit it. At a release, move the Unshipped lines to Shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/BreathPacing
unshipped=$lib/PublicAPI.Unshipped.txt
shipped=$lib/PublicAPI.Shipped.txt
[ -f "$shipped" ] || printf '#nullable enable\n' > "$shipped"
printf '#nullable enable\n' > "$unshipped"
log=$(mktemp)
dotnet build "$lib" -f net10.0 --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
grep -oE "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" \
  | sort -u >> "$unshipped"
rm -f "$log"
echo "$(($(wc -l < "$unshipped") - 1)) public API entries recorded in $unshipped"
