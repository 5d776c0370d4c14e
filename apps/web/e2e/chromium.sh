#!/bin/sh
# Debian's Chromium for the e2e specs (and the render and enter benches), at a lower CPU
# priority than the game servers under test: CHROMIUM_NICE (default 10;
# playwright.config.ts sets it per project, the benches 0).
# The game specs keep ~4 game tabs open on a 2-core machine; at equal priority the
# tabs (renderer, GPU and browser processes: ~60% of the machine's CPU during a spec,
# measured) took turns with the sim's 20 Hz tick and the web's requests, and the
# servers fell behind (late snapshots, fights lost, timeouts). Niced, a busy tab draws
# fewer frames instead — the servers' timing is what the specs assert. Run as root
# (CI), Chromium raises its own display threads to nice -8, above the servers: without
# CAP_SYS_NICE (dropped here when setpriv is there) it cannot.
# CHROMIUM_BIN: another build to measure against (default Debian's /usr/bin/chromium; its
# chromium-headless-shell package, the old headless mode, took 13% less CPU over five game
# specs on 2026-11-27: 73 vs 84 s — not adopted, see docs/perf.md).
#
# The address bar's popup, off: since Chromium 151 every new window — each Playwright
# context is one, headless too — pre-renders chrome://omnibox-popup.top-chrome in a
# WebUI renderer of its own, ~2.5 CPU-s of a tab's first seconds (a third of them; a
# fresh context and /characters 4.3 → 2.0 CPU-s, docs/perf.md). Chromium reads only the
# last --disable-features, so Playwright's own list and this one are merged into one.
features="WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup"
for arg do
  shift
  case "$arg" in
    --disable-features=*) features="${arg#--disable-features=},$features" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
set -- "$@" "--disable-features=$features"

nice_by="${CHROMIUM_NICE:-10}"
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  exec nice -n "$nice_by" setpriv --bounding-set -sys_nice --inh-caps -sys_nice "${CHROMIUM_BIN:-/usr/bin/chromium}" "$@"
fi
exec nice -n "$nice_by" "${CHROMIUM_BIN:-/usr/bin/chromium}" "$@"
