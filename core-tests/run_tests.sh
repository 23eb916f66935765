#!/bin/sh
# Run every unit test program and every fuzz corpus regression found in BUILD (default
# build/), then print one summary line:  core-tests: N passed, M failed
# A program that dies without its RESULT line counts as one failure.
# Logs: BUILD/logs/<program>.log
set -u
BUILD=${1:-build}
cd "$(dirname "$0")" || exit 2

TESTS=${TESTS:-test_buf test_text test_addr test_loop test_net test_proc test_http test_multipart}
FUZZERS=${FUZZERS:-fuzz_text fuzz_buf fuzz_addr fuzz_http fuzz_multipart}

# Sanitizers: any report fails the test. SIGPIPE stays at its default so that a write
# path missing MSG_NOSIGNAL kills the test visibly.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:exitcode=66}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:exitcode=66}
export ASAN_OPTIONS UBSAN_OPTIONS

mkdir -p "$BUILD/logs"
total_pass=0
total_fail=0

account() { # name log rc
	line=$(grep -E "^RESULT $1: passed=[0-9]+ failed=[0-9]+" "$2" | tail -n 1)
	if [ -z "$line" ]; then
		echo "  FAIL $1: ended without a result (exit $3), see $2"
		total_fail=$((total_fail + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/.*passed=([0-9]+).*/\1/')
	f=$(echo "$line" | sed -E 's/.*failed=([0-9]+).*/\1/')
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "  FAIL $1: exit status $3 after its RESULT line, see $2"
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

for t in $TESTS; do
	if [ ! -x "$BUILD/$t" ]; then
		echo "== $t: not built"
		total_fail=$((total_fail + 1))
		continue
	fi
	echo "== $t"
	log="$BUILD/logs/$t.log"
	timeout 600 "$BUILD/$t" >"$log" 2>&1
	rc=$?
	# Show the per-test lines and every failure detail, not the noise of passing tests.
	grep -v -E '^RESULT ' "$log"
	account "$t" "$log" "$rc"
done

for f in $FUZZERS; do
	bin="$BUILD/standalone/$f"
	if [ ! -x "$bin" ]; then
		echo "== $f (corpus): not built"
		total_fail=$((total_fail + 1))
		continue
	fi
	echo "== $f (corpus regression + seeded mutations)"
	log="$BUILD/logs/$f.log"
	timeout 600 "$bin" --mutations=3000 "fuzz/corpus/$f" >"$log" 2>&1
	rc=$?
	grep -v -E '^RESULT ' "$log" | tail -n 30
	account "$f" "$log" "$rc"
done

echo "core-tests: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
