#!/usr/bin/env bash
# Smoke test of the review UI in a real terminal: tmux runs the app on a temporary copy
# of the corpus, we send keys (open 002, next undecided, accept, quit) and check the
# screen and the review file. The real corpus/reviews.jsonl is never touched.
# Skips (exit 0) with a message when tmux is not installed.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
    echo "smoke_tmux: tmux is not installed; skipping (apt-get install -y tmux)"
    exit 0
fi

here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
make --quiet install >/dev/null

work="$(mktemp -d)"
session="provenance-smoke-$$"
cp -r corpus "$work/corpus"
rm -f "$work/corpus/reviews.jsonl"

cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "smoke_tmux: FAIL: $1"
    echo "----- screen -----"
    tmux capture-pane -p -t "$session" 2>/dev/null || true
    exit 1
}

screen() { tmux capture-pane -p -t "$session"; }

wait_for() {  # wait_for EXTENDED-REGEX [SECONDS]
    local deadline=$((SECONDS + ${2:-15}))
    until screen | grep -qE -- "$1"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "never saw '$1'"
        sleep 0.2
    done
}

tmux new-session -d -s "$session" -x 100 -y 30 \
    "TERM=xterm-256color .venv/bin/provenance review '$work/corpus' --reviewer smoke; echo \$? > '$work/exit'"

wait_for "5 of 5 captures analysed"
tmux send-keys -t "$session" j j Enter           # open 002, the capture with divergences
wait_for "· 0 of [0-9]+ decided"
tmux send-keys -t "$session" n                   # step to the next undecided finding
wait_for "^ *2\\. divergence"
tmux send-keys -t "$session" a                   # accept it: saved at once
wait_for "· 1 of [0-9]+ decided"
screen | grep -qF "✓" || fail "no ✓ mark for the accepted finding"

python3 - "$work/corpus/reviews.jsonl" <<'PY' || fail "review file is not as expected"
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
decisions = [entry for entry in lines if "verdict" in entry]
assert len(decisions) == 1, decisions
[d] = decisions
assert d["verdict"] == "accepted" and d["reviewer"] == "smoke", d
assert d["source"].startswith("002_"), d
PY

tmux send-keys -t "$session" q                   # back to the corpus screen
wait_for " 1/[0-9]+"
tmux send-keys -t "$session" q                   # quit
deadline=$((SECONDS + 10))
until [ -s "$work/exit" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the app did not exit"
    sleep 0.2
done
[ "$(cat "$work/exit")" = "0" ] || fail "exit status $(cat "$work/exit")"
echo "smoke_tmux: ok (opened 002, accepted the second finding, decision on disk, clean exit)"
