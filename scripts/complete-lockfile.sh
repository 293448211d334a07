#!/usr/bin/env bash
# Restores the lock file entries of other platforms' optional native binaries (Astro's compiler
# bindings, Pagefind's), which npm leaves out when it rewrites package-lock.json on one machine;
# without them `npm ci` refuses the lock. Resolving the tree once per platform, lock file only,
# adds the missing entries and changes nothing else. test/unit/project/lockfile.test.ts checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in "linux x64 glibc" "linux x64 musl" "linux arm64 glibc" "linux arm64 musl" \
	"darwin arm64" "darwin x64" "win32 x64" "win32 arm64" "android arm64" "freebsd x64"; do
	set -- $target
	npm install --package-lock-only --ignore-scripts --no-audit --no-fund --os="$1" --cpu="$2" \
		${3:+--libc="$3"} >/dev/null 2>&1
done
echo "package-lock.json now records optional binaries for every platform."
