#!/usr/bin/env bash
# Prints an HS256 token the example accepts: sub=$1 (default "ann"), valid for an hour.
# Needs bash and openssl. JWT_SECRET must match the gateway's (the same default).
set -euo pipefail
secret="${JWT_SECRET:-harmony-example-secret-change-me-0123456789}"
subject="${1:-ann}"
now="$(date +%s)"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)"
payload="$(printf '{"sub":"%s","iss":"https://auth.example.org/","aud":"harmony","iat":%d,"exp":%d}' \
  "$subject" "$now" "$((now + 3600))" | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)"
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
