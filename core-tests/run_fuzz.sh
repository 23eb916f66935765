#!/bin/sh
# Build and run each libFuzzer target for FUZZ_SECONDS, and count each one on its own:
#   passed   built, ran its time (libFuzzer's "DONE" line), no crash/sanitizer report/leak
#   failed   did not build, did not finish, or reported anything
#   skipped  this machine has no clang with libFuzzer (nothing was tested: never a pass)
# Called by `make fuzz`, which passes CLANG, FUZZERS, FUZZ_SECONDS, FUZZ_MAXLEN_<target>,
# HAVE_LIBFUZZER (1/0) and MAKE. Ends with one line:
#   core-tests fuzz: N passed, M failed, K skipped
# A target fuzzes BUILD/fuzz/corpus/<t> (new inputs) + fuzz/corpus/<t> (seeds, never written).
set -u
BUILD=${1:-build}
cd "$(dirname "$0")" || exit 2
pass=0
fail=0
skip=0

for t in $FUZZERS; do
	if [ "${HAVE_LIBFUZZER:-0}" != 1 ]; then
		echo "== $t: skipped (no clang with libFuzzer, CLANG='${CLANG:-}')"
		skip=$((skip + 1))
		continue
	fi
	mkdir -p "$BUILD/fuzz/corpus/$t" "$BUILD/fuzz/crashes/$t"
	log="$BUILD/fuzz/$t.log"
	if ! $MAKE --no-print-directory -s "$BUILD/fuzz/$t" >"$log" 2>&1; then
		tail -n 20 "$log"
		echo "== $t: FAILED to build, see core-tests/$log"
		fail=$((fail + 1))
		continue
	fi
	dict=""
	if [ -f "fuzz/$t.dict" ]; then dict="-dict=fuzz/$t.dict"; fi
	eval "maxlen=\${FUZZ_MAXLEN_$t:-4096}"
	echo "== $t: ${FUZZ_SECONDS}s (new inputs: $BUILD/fuzz/corpus/$t, crashes: $BUILD/fuzz/crashes/$t/)"
	# shellcheck disable=SC2086 # $dict is empty or one word
	"$BUILD/fuzz/$t" -max_total_time="$FUZZ_SECONDS" -max_len="$maxlen" -print_final_stats=1 \
		-artifact_prefix="$BUILD/fuzz/crashes/$t/" $dict \
		"$BUILD/fuzz/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^SUMMARY|Test unit written' "$log"
	if [ "$rc" -ne 0 ] || ! grep -q -E '^#[0-9]+[[:space:]]+DONE' "$log" \
		|| grep -q -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error|Test unit written|fuzz check failed' "$log"; then
		echo "== $t: FAILED (exit $rc), see core-tests/$log"
		fail=$((fail + 1))
		continue
	fi
	echo "== $t: ok"
	pass=$((pass + 1))
done

if [ "$skip" -gt 0 ]; then
	echo "core-tests: install libFuzzer with: apt-get install -y clang libclang-rt-14-dev"
fi
echo "core-tests fuzz: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
