#!/usr/bin/env bash
# The realm that checks the management API's HTTP Basic credentials on WildFly 39, when the
# gateway's config.toml has [management] realm = "server" (the gateway then logs callers in with
# HttpServletRequest.login, that is with the Elytron security domain behind the application
# security domain "other" of jboss-web.xml). Groups become roles (groups-to-roles), so a caller
# needs the group harmony-monitor or harmony-operator, or a mapping onto them (--map).
#
# Usage (WildFly is $WILDFLY_HOME; the server need not run: the operations apply to standalone.xml
# offline, or to $WILDFLY_CONFIG, e.g. standalone-full.xml):
#   management-realm.sh user USER GROUPS
#       a user of the default properties realm (ApplicationRealm, application-users.properties);
#       the password is $MANAGEMENT_PASSWORD, or a generated one printed once. GROUPS: comma-separated.
#   management-realm.sh ldap URL USER_BASE_DN GROUP_BASE_DN [--map DIRECTORY_GROUP=ROLE ...]
#       an LDAP realm: users found by uid under USER_BASE_DN and checked by a bind (no password
#       attribute is read), groups by (member={1}) under GROUP_BASE_DN, their cn as groups. The
#       search account is $LDAP_BIND_DN with $LDAP_BIND_PASSWORD (anonymous when unset).
#   management-realm.sh jdbc DATASOURCE [--map DATABASE_GROUP=ROLE ...]
#       a JDBC realm over an existing data source (java:jboss/datasources/DATASOURCE): tables
#       harmony_users(username, password as a modular-crypt string such as bcrypt's $2a$...) and
#       harmony_user_groups(username, groupname), one row per group.
# ldap and jdbc (re)create the security domain HarmonyManagementDomain and point "other" at it
# (replacing what an earlier run made); back to the properties realm with
#   /subsystem=undertow/application-security-domain=other:write-attribute(name=security-domain, value=ApplicationDomain)
set -euo pipefail

die() { echo "management-realm: $*" >&2; exit 1; }

[[ -n ${WILDFLY_HOME:-} && -x $WILDFLY_HOME/bin/jboss-cli.sh ]] || die "set WILDFLY_HOME to WildFly's directory"
config=${WILDFLY_CONFIG:-standalone.xml}

# The operations of one realm, then the domain that decodes groups to roles (mapped by --map),
# and the application security domain "other" on it; applied offline to $config.
apply() {
  local realm=$1 operations=$2; shift 2
  local mappings=() pair
  while [[ $# -gt 0 ]]; do
    [[ $1 == --map && $# -ge 2 && $2 == *=* ]] || die "expected --map GROUP=ROLE, got: $*"
    pair=$2; mappings+=("\"${pair%%=*}\" => [\"${pair#*=}\"]"); shift 2
  done
  local mapper=""
  if [[ ${#mappings[@]} -gt 0 ]]; then
    mapper="/subsystem=elytron/mapped-role-mapper=harmony-management-roles:add(keep-mapped=false, keep-non-mapped=true, role-map={$(IFS=,; echo "${mappings[*]}")})"
  fi
  script=$(mktemp --suffix=.cli)
  trap 'rm -f "$script"' EXIT
  cat > "$script" <<CLI
embed-server --server-config=$config --std-out=discard
if (outcome == success) of /subsystem=undertow/application-security-domain=other:read-attribute(name=security-domain)
  /subsystem=undertow/application-security-domain=other:write-attribute(name=security-domain, value=ApplicationDomain)
end-if
if (outcome == success) of /subsystem=elytron/security-domain=HarmonyManagementDomain:read-resource
  /subsystem=elytron/security-domain=HarmonyManagementDomain:remove
end-if
if (outcome == success) of /subsystem=elytron/mapped-role-mapper=harmony-management-roles:read-resource
  /subsystem=elytron/mapped-role-mapper=harmony-management-roles:remove
end-if
$operations
$mapper
/subsystem=elytron/security-domain=HarmonyManagementDomain:add(default-realm=$realm, permission-mapper=default-permission-mapper, realms=[{realm=$realm, role-decoder=groups-to-roles}]${mapper:+, role-mapper=harmony-management-roles})
/subsystem=undertow/application-security-domain=other:write-attribute(name=security-domain, value=HarmonyManagementDomain)
stop-embedded-server
CLI
  "$WILDFLY_HOME/bin/jboss-cli.sh" --file="$script"
}

case ${1:-} in
  user)
    [[ $# -eq 3 ]] || die "usage: management-realm.sh user USER GROUPS"
    password=${MANAGEMENT_PASSWORD:-}
    if [[ -z $password ]]; then
      password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
      echo "management user $2, password $password (shown once; set MANAGEMENT_PASSWORD to choose it)"
    fi
    "$WILDFLY_HOME/bin/add-user.sh" -a --silent --user "$2" --password "$password" --group "$3" >&2
    ;;
  ldap)
    [[ $# -ge 4 ]] || die "usage: management-realm.sh ldap URL USER_BASE_DN GROUP_BASE_DN [--map GROUP=ROLE ...]"
    url=$2 users=$3 groups=$4; shift 4
    bind=""
    if [[ -n ${LDAP_BIND_DN:-} ]]; then
      bind=", principal=\"$LDAP_BIND_DN\", credential-reference={clear-text=\"${LDAP_BIND_PASSWORD:-}\"}"
    fi
    apply harmony-ldap "
if (outcome == success) of /subsystem=elytron/ldap-realm=harmony-ldap:read-resource
  /subsystem=elytron/ldap-realm=harmony-ldap:remove
end-if
if (outcome == success) of /subsystem=elytron/dir-context=harmony-ldap:read-resource
  /subsystem=elytron/dir-context=harmony-ldap:remove
end-if
/subsystem=elytron/dir-context=harmony-ldap:add(url=\"$url\"$bind)
/subsystem=elytron/ldap-realm=harmony-ldap:add(dir-context=harmony-ldap, direct-verification=true, identity-mapping={rdn-identifier=uid, search-base-dn=\"$users\", attribute-mapping=[{filter-base-dn=\"$groups\", filter=\"(member={1})\", from=cn, to=groups}]})" "$@"
    ;;
  jdbc)
    [[ $# -ge 2 ]] || die "usage: management-realm.sh jdbc DATASOURCE [--map GROUP=ROLE ...]"
    datasource=$2; shift 2
    apply harmony-jdbc "
if (outcome == success) of /subsystem=elytron/jdbc-realm=harmony-jdbc:read-resource
  /subsystem=elytron/jdbc-realm=harmony-jdbc:remove
end-if
/subsystem=elytron/jdbc-realm=harmony-jdbc:add(principal-query=[{data-source=$datasource, sql=\"SELECT password FROM harmony_users WHERE username = ?\", modular-crypt-mapper={password-index=1}}, {data-source=$datasource, sql=\"SELECT groupname FROM harmony_user_groups WHERE username = ?\", attribute-mapping=[{index=1, to=groups}]}])" "$@"
    ;;
  *) die "usage: management-realm.sh user USER GROUPS | ldap URL USER_BASE_DN GROUP_BASE_DN [--map GROUP=ROLE ...] | jdbc DATASOURCE [--map GROUP=ROLE ...]" ;;
esac
