#!/usr/bin/env bash
# Cross-check of `mynadesk bench --oqs` with an external load generator (wrk, not a project dependency):
# starts `service start` on a free port, posts the benchmark's qualification query for 15 s over 8 connections
# (2 threads), prints wrk's figures, stops the service. Usage: scripts/bench-wrk-oqs.sh [DURATION] [CONNECTIONS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 3; }
work="$(mktemp -d)"
trap 'kill "$service" 2>/dev/null || true; rm -rf "$work"' EXIT
"$here/mynadesk" service start --port 0 > "$work/out" &
service=$!
for _ in $(seq 100); do grep -q '^port ' "$work/out" 2>/dev/null && break; sleep 0.2; done
port="$(sed -n 's/^port //p' "$work/out")"
cat > "$work/query.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/xml; charset=UTF-8"
wrk.body = [[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<XmlMsg><MessageHeader><QualificationConfirmationDate>20260415</QualificationConfirmationDate><MedicalInstitutionCode>1311111111</MedicalInstitutionCode><ArbitraryFileIdentifier>BENCH</ArbitraryFileIdentifier></MessageHeader>
<MessageBody><QualificationConfirmSearchInfo><InsurerNumber>01130012</InsurerNumber><InsuredCardSymbol>12345678</InsuredCardSymbol><InsuredIdentificationNumber>1</InsuredIdentificationNumber><InsuredBranchNumber>00</InsuredBranchNumber><Birthdate>19890510</Birthdate><LimitApplicationCertificateRelatedConsFlg>1</LimitApplicationCertificateRelatedConsFlg><ArbitraryIdentifier>pt</ArbitraryIdentifier></QualificationConfirmSearchInfo></MessageBody></XmlMsg>]]
LUA
echo "service on port $port; warm-up 8 s, then measured ${1:-15}s" >&2
wrk -t2 -c"${2:-8}" -d8s -s "$work/query.lua" "http://127.0.0.1:$port/oqs/qualification" > /dev/null
wrk -t2 -c"${2:-8}" -d"${1:-15}s" --latency -s "$work/query.lua" "http://127.0.0.1:$port/oqs/qualification"
