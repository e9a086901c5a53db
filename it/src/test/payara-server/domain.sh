#!/usr/bin/env bash
# The deployment tests' Payara Server 6 domain, run by the build around the Payara Server tests.
#
#   domain.sh start PAYARA_HOME CONFIG_TOML LISTENER_COMMANDS
#       a fresh domain `harmony-it` on the ports the build reserved (PAYARA_*_PORT), started,
#       its default realm an LDAP realm over the test directory on 127.0.0.1:IT_LDAP_PORT
#       (server-config/payara/management-realm.sh ldap; the gateway runs with realm = "server"),
#       then prepared by server-config/payara/configure-domain.sh exactly as an operator would
#       (listeners, -Dharmony.config, restart). Any failure stops the domain before exiting.
#   domain.sh stop PAYARA_HOME
#       stops the domain, if it runs (the build calls it after the tests, passed or failed).
set -euo pipefail

domain=harmony-it
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
configure=$here/../../../../server-config/payara/configure-domain.sh
realm=$here/../../../../server-config/payara/management-realm.sh

die() { echo "domain.sh: $*" >&2; exit 1; }

stop() {
  if "$asadmin" list-domains 2>/dev/null | grep -q "^$domain running"; then
    "$asadmin" stop-domain "$domain"
  fi
}

start() {
  local config=$1 listeners=$2
  [[ -n ${IT_LDAP_PORT:-} ]] || die "IT_LDAP_PORT: the test directory's port is not set"
  stop
  rm -rf "$payara_home/glassfish/domains/$domain"
  trap 'echo "domain.sh: stopping $domain after a failed start" >&2; stop' ERR
  "$asadmin" create-domain --nopassword --adminport "$PAYARA_ADMIN_PORT" --instanceport "$PAYARA_HTTP_PORT" \
    --domainproperties "$(domain_ports)" "$domain"
  "$asadmin" start-domain "$domain"
  export AS_ADMIN_PORT=$PAYARA_ADMIN_PORT
  # The same heap as WildFly's in the tests (the domain's default is 512 MiB).
  "$asadmin" delete-jvm-options -Xmx512m
  "$asadmin" create-jvm-options -Xmx768m
  ASADMIN=$asadmin "$realm" ldap "ldap://127.0.0.1:$IT_LDAP_PORT" ou=people,dc=harmony,dc=test ou=groups,dc=harmony,dc=test
  ASADMIN=$asadmin "$configure" "$config" "$listeners" "$domain"
}

# Every other port a domain opens, so that nothing collides with the default domain or a peer.
domain_ports() {
  printf '%s' "http.ssl.port=$PAYARA_HTTPS_PORT:domain.jmxPort=$PAYARA_JMX_PORT:jms.port=$PAYARA_JMS_PORT" \
    ":orb.listener.port=$PAYARA_IIOP_PORT:orb.ssl.port=$PAYARA_IIOP_SSL_PORT" \
    ":orb.mutualauth.port=$PAYARA_IIOP_MUTUALAUTH_PORT:osgi.shell.telnet.port=$PAYARA_OSGI_SHELL_PORT" \
    ":hazelcast.das.port=$PAYARA_HAZELCAST_DAS_PORT:hazelcast.start.port=$PAYARA_HAZELCAST_START_PORT" \
    ":java.debugger.port=$PAYARA_DEBUGGER_PORT"
}

[[ $# -ge 2 ]] || die "usage: domain.sh start PAYARA_HOME CONFIG_TOML LISTENER_COMMANDS | stop PAYARA_HOME"
payara_home=$2
asadmin=$payara_home/bin/asadmin
[[ -x $asadmin ]] || die "$asadmin: Payara Server is not unpacked there"
case $1 in
  start) [[ $# -eq 4 ]] || die "usage: domain.sh start PAYARA_HOME CONFIG_TOML LISTENER_COMMANDS"; start "$3" "$4" ;;
  stop) stop ;;
  *) die "expected start or stop, got $1" ;;
esac
