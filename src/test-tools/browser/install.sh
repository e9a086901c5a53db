#!/usr/bin/env bash
# Installs what the browser tests need beside Debian's chromium (apt-packages.txt): puppeteer-core,
# and dicomweb-client with xhr2 as its XMLHttpRequest in Node (pinned by package-lock.json) under
# node_modules/, and the OHIF viewer's built dist (npm package
# @ohif/app, version and integrity pinned below) under ohif/. Nothing is downloaded when both are
# already there. Used by `./harmony test`; safe to run by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

OHIF_VERSION=3.13.2
OHIF_INTEGRITY="sha512-WZdxmpmG7rqFgW9ZJLcbgr3XCtLi1KDNPoMaeY5PPe6j4G4fjEjjkycZM6C6Zk2F87BKxFfpq+jd5xXZB9E8EA=="

if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  echo "harmony: installing puppeteer-core and dicomweb-client (npm ci) ..." >&2
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp package-lock.json node_modules/.installed-lock.json
fi

if [[ ! -f ohif/.version || "$(cat ohif/.version)" != "$OHIF_VERSION" ]]; then
  echo "harmony: installing the OHIF viewer $OHIF_VERSION (npm pack @ohif/app) ..." >&2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  integrity=$(cd "$work" && npm pack "@ohif/app@$OHIF_VERSION" --json --loglevel=error | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].integrity))')
  if [[ "$integrity" != "$OHIF_INTEGRITY" ]]; then
    echo "harmony: @ohif/app@$OHIF_VERSION has integrity $integrity, expected $OHIF_INTEGRITY" >&2
    exit 1
  fi
  tar -xzf "$work"/ohif-app-"$OHIF_VERSION".tgz -C "$work" package/dist
  rm -rf ohif
  mv "$work/package/dist" ohif
  echo "$OHIF_VERSION" > ohif/.version
fi
