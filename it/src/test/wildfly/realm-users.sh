#!/usr/bin/env bash
# The management API's test users in WildFly's own realm (the Elytron properties realm
# ApplicationRealm of ApplicationDomain, behind the application security domain "other"), added
# as an operator does (server-config/wildfly/management-realm.sh): the deployment tests run the
# WildFly gateway with realm = "server", so ManagementSecurityIT authenticates against these.
#   realm-users.sh WILDFLY_HOME
set -euo pipefail
realm=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../../../../server-config/wildfly/management-realm.sh
for user in admin:harmony-operator monitor:harmony-monitor outsider:staff realm-monitor:harmony-monitor \
    realm-operator:harmony-operator; do
  WILDFLY_HOME=$1 MANAGEMENT_PASSWORD=it-${user%%:*}-password "$realm" user "${user%%:*}" "${user#*:}"
done
