#!/usr/bin/env bash
# Bring up pcscd with the vsmartcard vpcd virtual reader for the PC/SC end-to-end tests.
# Idempotent: installs the packages only when missing and starts pcscd only when none runs.
# Run it BEFORE mvn: SunPCSC keeps one JVM-wide context that never recovers from a pcscd
# that was down when the test JVM first touched javax.smartcardio.
# Facts behind each step: firmware-notes/pcscd-vpcd.md §1.
set -euo pipefail

cd "$(dirname "$0")/.."
mkdir -p target
PCSCD_LOG="${PCSCD_LOG:-target/pcscd.log}"
READER='Virtual PCD 00 00'
VPCD_DRIVER=/usr/lib/pcsc/drivers/serial/libifdvpcd.so

if ! command -v pcscd >/dev/null 2>&1 || ! command -v opensc-tool >/dev/null 2>&1 \
   || [ ! -e "$VPCD_DRIVER" ]; then
  echo "pcscd-up: installing pcscd + vsmartcard-vpcd + opensc"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # --no-install-recommends: vsmartcard-vpcd recommends the Python card emulator, which we do not use.
  apt-get install -y -qq --no-install-recommends \
      pcscd libpcsclite1 vsmartcard-vpcd opensc pcsc-tools >/dev/null
fi

# pcscd writes "PID\n\0" (trailing NUL) into its pid file.
pcscd_pid() {
  local p
  p=$( { tr -d '\0\n' < /run/pcscd/pcscd.pid; } 2>/dev/null || true)
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null && echo "$p"
}

reader_listed() {
  # opensc-tool -l exits 0 even when pcscd is down, so look at what it prints.
  opensc-tool -l 2>/dev/null | grep -q "$READER"
}

if p=$(pcscd_pid); then
  echo "pcscd-up: pcscd already running (pid $p)"
else
  # Foreground and NO -x/--auto-exit: without systemd nothing would restart it after the idle exit.
  # setsid + nohup: survive the end of the calling shell (CI step, terminal).
  setsid nohup pcscd --foreground >"$PCSCD_LOG" 2>&1 < /dev/null &
  echo $! > target/pcscd.pid
  echo "pcscd-up: started pcscd (pid $!), log in $PCSCD_LOG"
fi

for _ in $(seq 1 100); do   # the reader normally shows up ~50 ms after start
  reader_listed && break
  sleep 0.1
done
if ! reader_listed; then
  echo "pcscd-up: FAILED: reader '$READER' not listed by opensc-tool -l after 10 s" >&2
  echo "--- opensc-tool -l:" >&2
  opensc-tool -l >&2 || true
  echo "--- $PCSCD_LOG:" >&2
  tail -n 200 "$PCSCD_LOG" >&2 || true
  exit 1
fi
echo "pcscd-up: reader '$READER' is up"
