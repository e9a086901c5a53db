#!/usr/bin/env bash
# Adds a WildFly management user (ManagementRealm, mgmt-users.properties), which the management
# console at http://127.0.0.1:9990/console asks for. The server need not run; no restart needed.
#
# Usage: add-console-user.sh USER
#   the password is $CONSOLE_PASSWORD, or, when unset, a generated one printed once on stdout.
#   WildFly is $WILDFLY_HOME. Running it again for the same user sets a new password.
set -euo pipefail

die() { echo "add-console-user: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: add-console-user.sh USER (password from CONSOLE_PASSWORD, else generated)"
user=$1
[[ -n ${WILDFLY_HOME:-} && -x $WILDFLY_HOME/bin/add-user.sh ]] || die "set WILDFLY_HOME to WildFly's directory"

password=${CONSOLE_PASSWORD:-}
if [[ -z $password ]]; then
  password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  echo "console user $user, password $password (shown once; set CONSOLE_PASSWORD to choose it)"
fi
"$WILDFLY_HOME/bin/add-user.sh" --silent --user "$user" --password "$password" --realm ManagementRealm >&2
