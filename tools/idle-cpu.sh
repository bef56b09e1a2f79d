#!/usr/bin/env bash
# Usage: tools/idle-cpu.sh ./target/release/eksplain [ARGS]  (needs Xvfb and xdotool)
# Measures the app's CPU use over 10 s of idleness on a virtual screen.
set -eu
Xvfb :77 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
X=$!
sleep 1
DISPLAY=:77 "$@" >/dev/null 2>&1 &
A=$!
sleep 3; DISPLAY=:77 xdotool mousemove 600 400 click 1 mousemove 650 450; sleep 1
t() { awk '{print $14+$15}' /proc/$A/stat; }
a=$(t); sleep 10; b=$(t)
hz=$(getconf CLK_TCK)
echo "idle CPU over 10 s: $(( (b-a) * 100 / hz / 10 ))% of a core ($((b-a)) ticks)"
kill $A $X 2>/dev/null || true
