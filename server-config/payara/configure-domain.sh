#!/usr/bin/env bash
# Prepares a running Payara Server 6 domain for the Harmony EE EAR, with asadmin:
#   - one HTTP listener per [network.NAME.http] of the configuration (the commands that
#     `harmony-cli listeners --server payara` prints; listeners of an earlier run are replaced),
#   - the JVM option -Dharmony.config=CONFIG (replacing an earlier one),
#   - the request thread pool of those listeners (16 - 200 threads),
# then restarts the domain, so that the JVM option applies. Deploy the EAR afterwards.
#
# Usage: configure-domain.sh CONFIG_TOML LISTENER_COMMANDS [DOMAIN]
#   CONFIG_TOML        absolute path of the gateway's config.toml, as the server will read it
#   LISTENER_COMMANDS  file with the output of `harmony-cli listeners --config CONFIG_TOML --server payara`
#   DOMAIN             the domain to restart (default: domain1), on this machine
# asadmin is $ASADMIN (default: asadmin on PATH); it reaches the domain through its usual
# environment (AS_ADMIN_HOST, AS_ADMIN_PORT, AS_ADMIN_USER, AS_ADMIN_PASSWORDFILE).
set -euo pipefail

die() { echo "configure-domain: $*" >&2; exit 1; }

[[ $# -eq 2 || $# -eq 3 ]] || die "usage: configure-domain.sh CONFIG_TOML LISTENER_COMMANDS [DOMAIN]"
config=$1 listeners=$2 domain=${3:-domain1}
[[ $config == /* ]] || die "$config: give the configuration as an absolute path (the server's working directory is its domain's config/)"
[[ -f $config ]] || die "$config: no such configuration file"
[[ -s $listeners ]] || die "$listeners: no listener commands (harmony-cli listeners --config $config --server payara > FILE)"
asadmin=${ASADMIN:-asadmin}
command -v "$asadmin" >/dev/null || die "$asadmin: not found (set ASADMIN to Payara's bin/asadmin)"

# An earlier run's listeners: the listener first, then its protocol (which also drops its http).
for listener in $("$asadmin" list-network-listeners | grep '^harmony-' || true); do
  "$asadmin" delete-network-listener --target server "$listener"
  "$asadmin" delete-protocol --target server "$listener"
done
"$asadmin" multimode --file "$listeners"

# asadmin separates JVM options with ':', so a ':' inside the value is escaped.
for option in $("$asadmin" list-jvm-options | grep '^-Dharmony\.config=' || true); do
  "$asadmin" delete-jvm-options "${option//:/\\:}"
done
"$asadmin" create-jvm-options "-Dharmony.config=${config//:/\\:}"

pool=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
"$asadmin" set "$pool.min-thread-pool-size=16" "$pool.max-thread-pool-size=200"

"$asadmin" restart-domain "$domain"
