# Maintainer targets for the workerman extension. config.m4 appends this file to the Makefile
# that phpize/configure generate (PHP_ADD_MAKEFILE_FRAGMENT); $(srcdir) is replaced by the
# extension's source directory at configure time. Standard targets (all, test, clean, install)
# come from PHP's Makefile.global and are not redefined here.
#
#   make stubs          regenerate stubs/*_arginfo.h from stubs/*.stub.php
#   make check-stubs    fail if the committed arginfo headers are stale
#   make core-test      C unit tests of src/ (core-tests/)
#   make package-xml    regenerate package.xml
#   make package-check  fail if package.xml is stale/incomplete; pecl package-validate
#   make bench          build, then run the benchmark (bench/run)
#   make format-check   report clang-format differences in src/ and ext/ (report-only)

.PHONY: stubs check-stubs core-test package-xml package-check bench format-check

# PHP CLI for the tools: the one php-config reported, else whatever `php` is on PATH.
WM_PHP = $(or $(PHP_EXECUTABLE),php)

stubs:
	"$(srcdir)/tools/gen-stubs"

check-stubs:
	"$(srcdir)/tools/check-stubs"

core-test:
	@if test ! -f "$(srcdir)/core-tests/Makefile"; then \
		echo "core-test: $(srcdir)/core-tests/Makefile not found"; exit 1; \
	fi
	$(MAKE) -C "$(srcdir)/core-tests" test

package-xml:
	"$(WM_PHP)" "$(srcdir)/tools/gen-package-xml"

package-check:
	PHP="$(WM_PHP)" "$(srcdir)/tools/check-package"

bench: all
	WM_EXT_SO="$${WM_EXT_SO:-$(phplibdir)/workerman.so}" PHP="$${PHP:-$(WM_PHP)}" "$(srcdir)/bench/run"

format-check:
	"$(srcdir)/tools/check-format"
