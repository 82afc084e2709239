#!/usr/bin/env bash
# Publishes the mediarules CLI for the whole-process benchmarks into DIR, the fastest way this machine allows:
# Native AOT (`-p:NativeAot=true`; needs clang, or clang-14 as Debian names it), else ReadyToRun, else plain JIT.
# Writes which into DIR/.flavour and the build log into DIR.log. NATIVE=0 skips Native AOT (the dotnet tool's kind of
# build, ReadyToRun).
#
#   benchmarks/publish-cli.sh DIR
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
log="$out.log"
rid="linux-x64"
cc=""
if command -v clang >/dev/null 2>&1; then cc=clang; elif command -v clang-14 >/dev/null 2>&1; then cc=clang-14; fi
if [ "${NATIVE:-1}" != 0 ] && [ -n "$cc" ] && dotnet publish "$repo/src/MediaRules.Cli" -c Release -r "$rid" -p:NativeAot=true -p:CppCompilerAndLinker="$cc" -o "$out" >"$log" 2>&1; then
  echo "Native AOT" >"$out/.flavour"
elif dotnet publish "$repo/src/MediaRules.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out" >>"$log" 2>&1; then
  echo "ReadyToRun" >"$out/.flavour"
else
  dotnet publish "$repo/src/MediaRules.Cli" -c Release -o "$out" >>"$log" 2>&1
  echo "JIT" >"$out/.flavour"
fi
echo "published the CLI ($(cat "$out/.flavour")) into $out"
