#!/usr/bin/env bash
# The deployment tests' LDAP directory: Debian's slapd with its configuration and database in a
# folder of the build, on a port the build reserved, as the user running the build (as Debian's
# openldap user when that is root). The Payara Server gateway runs with realm = "server" on an
# LDAP realm over it (server-config/payara/management-realm.sh ldap, src/test/payara-server/
# domain.sh), so the management API's test users are entries here.
#
#   directory.sh start FOLDER PORT
#       a fresh directory dc=harmony,dc=test in FOLDER (replacing an earlier one), loaded with
#       slapadd, then slapd serving ldap://127.0.0.1:PORT/ (it detaches; its pid in FOLDER/slapd.pid)
#   directory.sh stop FOLDER
#       stops that slapd, if it runs
#
# People under ou=people (uid, password it-UID-password), groups under ou=groups: their cn is the
# group's name, members both as member (WildFly's script reads that) and uniqueMember (Payara's
# LDAPRealm default). Anonymous reads are allowed (slapd's default), as the realm scripts assume
# when LDAP_BIND_DN is unset.
set -euo pipefail

die() { echo "directory.sh: $*" >&2; exit 1; }

base=dc=harmony,dc=test
# uid:group; the first four are ManagementSecurityIT's users, realm-* are known only to the server's realm.
users=(admin:harmony-operator monitor:harmony-monitor outsider:staff realm-monitor:harmony-monitor
  realm-operator:harmony-operator)

stop() {
  local pidfile=$1/slapd.pid pid
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
}

entries() {
  printf 'dn: %s\nobjectClass: dcObject\nobjectClass: organization\ndc: harmony\no: Harmony EE tests\n\n' "$base"
  printf 'dn: ou=people,%s\nobjectClass: organizationalUnit\nou: people\n\n' "$base"
  printf 'dn: ou=groups,%s\nobjectClass: organizationalUnit\nou: groups\n\n' "$base"
  local entry uid
  for entry in "${users[@]}"; do
    uid=${entry%%:*}
    printf 'dn: uid=%s,ou=people,%s\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\nsn: %s\nuserPassword: %s\n\n' \
      "$uid" "$base" "$uid" "$uid" "$uid" "$(/usr/sbin/slappasswd -s "it-$uid-password")"
  done
  local group
  for group in $(printf '%s\n' "${users[@]}" | cut -d: -f2 | sort -u); do
    printf 'dn: cn=%s,ou=groups,%s\nobjectClass: groupOfNames\nobjectClass: extensibleObject\ncn: %s\n' \
      "$group" "$base" "$group"
    for entry in "${users[@]}"; do
      [[ ${entry#*:} == "$group" ]] || continue
      printf 'member: uid=%s,ou=people,%s\nuniqueMember: uid=%s,ou=people,%s\n' "${entry%%:*}" "$base" "${entry%%:*}" "$base"
    done
    printf '\n'
  done
}

start() {
  local folder=$1 port=$2
  stop "$folder"
  rm -rf "$folder"
  mkdir -p "$folder/data"
  cat > "$folder/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $folder/slapd.pid
argsfile $folder/slapd.args
database mdb
maxsize 16777216
suffix "$base"
directory $folder/data
CONF
  entries > "$folder/entries.ldif"
  /usr/sbin/slapadd -q -f "$folder/slapd.conf" -l "$folder/entries.ldif"
  # As root, slapd drops to Debian's openldap user (which then owns the folder).
  local as=()
  if [[ $(id -u) -eq 0 ]] && id openldap >/dev/null 2>&1; then
    chown -R openldap:openldap "$folder"
    as=(-u openldap -g openldap)
  fi
  /usr/sbin/slapd -f "$folder/slapd.conf" -h "ldap://127.0.0.1:$port/" "${as[@]}"
  for _ in $(seq 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "directory.sh: slapd serves $base on ldap://127.0.0.1:$port/"
      return
    fi
    sleep 0.1
  done
  stop "$folder"
  die "slapd did not listen on 127.0.0.1:$port"
}

[[ -x /usr/sbin/slapd ]] || die "slapd is not installed (Debian packages slapd and ldap-utils, src/test-tools/apt-packages.txt)"
case ${1:-} in
  start) [[ $# -eq 3 ]] || die "usage: directory.sh start FOLDER PORT"; start "$2" "$3" ;;
  stop) [[ $# -eq 2 ]] || die "usage: directory.sh stop FOLDER"; stop "$2" ;;
  *) die "usage: directory.sh start FOLDER PORT | stop FOLDER" ;;
esac
