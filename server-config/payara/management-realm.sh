#!/usr/bin/env bash
# The realm that checks the management API's HTTP Basic credentials on Payara Server 6, when the
# gateway's config.toml has [management] realm = "server" (the gateway then logs callers in with
# HttpServletRequest.login, that is with the domain's default realm, since the application names
# none). glassfish-web.xml maps the groups harmony-monitor and harmony-operator to the roles of the
# same name, so a caller needs one of those groups in the realm.
#
# Usage (asadmin is $ASADMIN, default asadmin on PATH, reaching the domain through its usual
# environment: AS_ADMIN_HOST, AS_ADMIN_PORT, AS_ADMIN_USER, AS_ADMIN_PASSWORDFILE):
#   management-realm.sh file-user USER GROUPS
#       a user of the file realm "file" (the default realm of a new domain), created or updated;
#       the password is $MANAGEMENT_PASSWORD, or a generated one printed once. GROUPS: comma-separated.
#   management-realm.sh ldap URL USER_BASE_DN GROUP_BASE_DN
#       an LDAP realm "harmony-ldap" made the default realm: users found by uid under USER_BASE_DN
#       and checked by a bind, groups by uniquemember under GROUP_BASE_DN (Payara's LDAPRealm
#       defaults), their cn as groups. The search account is $LDAP_BIND_DN with $LDAP_BIND_PASSWORD
#       (anonymous when unset).
#   management-realm.sh jdbc JNDI_NAME
#       a JDBC realm "harmony-jdbc" made the default realm, over the JDBC resource JNDI_NAME:
#       tables harmony_users(username, password as hex SHA-256) and
#       harmony_user_groups(username, groupname), one row per group.
# The default realm applies to every application of the domain that names no realm of its own;
# back to the file realm with  asadmin set configs.config.server-config.security-service.default-realm=file
# Restart the domain after ldap or jdbc (asadmin restart-domain).
set -euo pipefail

die() { echo "management-realm: $*" >&2; exit 1; }

asadmin=${ASADMIN:-asadmin}
command -v "$asadmin" >/dev/null || die "$asadmin: not found (set ASADMIN to Payara's bin/asadmin)"

# asadmin's --property separates pairs with ':' and names from values with '=': escape both in values.
escape() {
  local value=${1//:/\\:}
  printf '%s' "${value//=/\\=}"
}

# (Re)creates realm NAME of class CLASS with PROPERTIES and makes it the domain's default realm.
default_realm() {
  local name=$1 class=$2 properties=$3
  "$asadmin" set configs.config.server-config.security-service.default-realm=file
  if "$asadmin" list-auth-realms | grep -qx "$name"; then
    "$asadmin" delete-auth-realm "$name"
  fi
  "$asadmin" create-auth-realm --classname "$class" --property "$properties" "$name"
  "$asadmin" set configs.config.server-config.security-service.default-realm="$name"
}

case ${1:-} in
  file-user)
    [[ $# -eq 3 ]] || die "usage: management-realm.sh file-user USER GROUPS"
    user=$2 groups=${3//,/:}
    password=${MANAGEMENT_PASSWORD:-}
    if [[ -z $password ]]; then
      password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
      echo "management user $user, password $password (shown once; set MANAGEMENT_PASSWORD to choose it)"
    fi
    passwords=$(mktemp)
    trap 'rm -f "$passwords"' EXIT
    printf 'AS_ADMIN_USERPASSWORD=%s\n' "$password" > "$passwords"
    if "$asadmin" list-file-users --authrealmname file | grep -qx "$user"; then
      "$asadmin" update-file-user --authrealmname file --passwordfile "$passwords" --groups "$groups" "$user"
    else
      "$asadmin" create-file-user --authrealmname file --passwordfile "$passwords" --groups "$groups" "$user"
    fi
    ;;
  ldap)
    [[ $# -eq 4 ]] || die "usage: management-realm.sh ldap URL USER_BASE_DN GROUP_BASE_DN"
    properties="jaas-context=ldapRealm:directory=$(escape "$2"):base-dn=$(escape "$3"):group-base-dn=$(escape "$4")"
    if [[ -n ${LDAP_BIND_DN:-} ]]; then
      properties+=":search-bind-dn=$(escape "$LDAP_BIND_DN"):search-bind-password=$(escape "${LDAP_BIND_PASSWORD:-}")"
    fi
    default_realm harmony-ldap com.sun.enterprise.security.auth.realm.ldap.LDAPRealm "$properties"
    ;;
  jdbc)
    [[ $# -eq 2 ]] || die "usage: management-realm.sh jdbc JNDI_NAME"
    default_realm harmony-jdbc com.sun.enterprise.security.auth.realm.jdbc.JDBCRealm \
      "jaas-context=jdbcRealm:datasource-jndi=$(escape "$2"):user-table=harmony_users:user-name-column=username:password-column=password:group-table=harmony_user_groups:group-table-user-name-column=username:group-name-column=groupname:digest-algorithm=SHA-256:encoding=Hex"
    ;;
  *) die "usage: management-realm.sh file-user USER GROUPS | ldap URL USER_BASE_DN GROUP_BASE_DN | jdbc JNDI_NAME" ;;
esac
