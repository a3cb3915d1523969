# siksdesa — build, run, test.
#   make run     build everything and open the program on a demo database
#   make test    unit tests, end-to-end tests and a short fuzz run (ASan + UBSan)
#   make bench   figures against bare SQLite (not a test)
#   make deps    install missing Debian packages (or print the command)

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/siksdesa
MANDIR   = $(PREFIX)/share/man/man1

CC      ?= cc
PKGS     = ncursesw sqlite3 libsodium xlsxwriter
# Debian packages: what the build, the tests and the demo need.
DEB_PKGS = build-essential pkg-config libncurses-dev libsqlite3-dev libsodium-dev \
           libxlsxwriter-dev libcrypt-dev libcmocka-dev gettext tmux sqlite3 clang libclang-rt-14-dev

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS = -Iinclude -D_DEFAULT_SOURCE -D_GNU_SOURCE -DSIKS_DATADIR='"$(DATADIR)"' $(PKG_CFLAGS)
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 $(WARN)
LDLIBS   = $(PKG_LIBS) -lcrypt -lm

LIB_SRC  = $(sort $(wildcard src/core/*.c src/db/*.c src/io/*.c src/sync/*.c src/platform/*.c))
UI_SRC   = $(sort $(wildcard src/tui/*.c) $(filter-out src/cli/main.c,$(wildcard src/cli/*.c)))
ALL_SRC  = $(LIB_SRC) $(UI_SRC)

OBJ      = $(ALL_SRC:%.c=build/rel/%.o)
ASAN_OBJ = $(ALL_SRC:%.c=build/asan/%.o)
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
BENCH_SRC= $(sort $(wildcard tests/bench/bench_*.c))
BENCH_BIN= $(BENCH_SRC:tests/bench/%.c=build/bench/%)

PO       = $(wildcard data/po/*.po)
MO       = $(PO:data/po/%.po=data/locale/%/LC_MESSAGES/siksdesa.mo)

DEMO_DB  = build/demo.db

.PHONY: crash all deps run test unit e2e fuzz-short fuzz bench install clean check-warnings pot

all: siksdesa $(MO)

siksdesa: $(OBJ) build/rel/src/cli/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/rel/%.o: %.c $(wildcard include/siks/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/asan/%.o: %.c $(wildcard include/siks/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -std=c11 $(WARN) -O1 -g $(SAN) -c -o $@ $<

# The program as the end-to-end tests run it: sanitizers on.
build/asan/siksdesa: $(ASAN_OBJ) build/asan/src/cli/main.o
	$(CC) $(SAN) -o $@ $^ $(LDLIBS)

build/tests/%: tests/unit/%.c tests/unit/testutil.h $(ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -std=c11 $(WARN) -O1 -g $(SAN) -o $@ $< $(ASAN_OBJ) $(LDLIBS) -lcmocka

build/fuzz/%: tests/fuzz/%.c $(LIB_SRC)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB_SRC) $(LDLIBS)

# The power-cut test (tests/crash/): kill -9 during saves, imports, backups.
build/crash/%: tests/crash/%.c $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(OBJ) $(LDLIBS)

crash: build/crash/crashloop $(MO)
	./build/crash/crashloop $${CRASH_ROUNDS:-500}

build/bench/%: tests/bench/%.c $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(OBJ) $(LDLIBS)

data/locale/%/LC_MESSAGES/siksdesa.mo: data/po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot:
	xgettext -k_ -kN_ --from-code=UTF-8 -o data/po/siksdesa.pot $(ALL_SRC) src/cli/main.c

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "siksdesa needs these Debian packages; run as root:"; echo "  apt-get install$$missing"; exit 1; fi

$(DEMO_DB): | siksdesa
	@mkdir -p build
	./siksdesa --db $@ demo

run: deps
	$(MAKE) all
	@test -f $(DEMO_DB) || ./siksdesa --db $(DEMO_DB) demo
	./siksdesa --db $(DEMO_DB)

unit: $(UNIT_BIN) $(MO)
	@sh tests/run-unit.sh $(UNIT_BIN)

e2e: build/asan/siksdesa $(MO)
	@sh tests/e2e/run.sh build/asan/siksdesa

fuzz-short: $(FUZZ_BIN)
	@sh tests/fuzz/run-short.sh

fuzz: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do mkdir -p build/corpus/$$(basename $$f); \
	  ./$$f -max_total_time=$${FUZZ_SECONDS:-600} build/corpus/$$(basename $$f) tests/fuzz/corpus/$$(basename $$f) || exit 1; done

# Builds every test program, then runs the suites; the last line is
# "N passed, N failed" over all of them.
test: deps
	$(MAKE) -j2 all build/asan/siksdesa $(UNIT_BIN) $(FUZZ_BIN)
	@sh tests/run-all.sh

bench: deps
	$(MAKE) all $(BENCH_BIN)
	@for b in $(BENCH_BIN); do ./$$b || exit 1; done

# Both compilers, warnings as errors, into their own folders (part of make test).
CLANG_OBJ = $(ALL_SRC:%.c=build/clang/%.o) build/clang/src/cli/main.o
GCCW_OBJ  = $(ALL_SRC:%.c=build/gccw/%.o) build/gccw/src/cli/main.o
build/clang/%.o: %.c $(wildcard include/siks/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=c11 $(WARN) -Werror -O2 -c -o $@ $<
build/gccw/%.o: %.c $(wildcard include/siks/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	gcc $(CPPFLAGS) -std=c11 $(WARN) -Werror -O2 -c -o $@ $<
check-warnings: $(CLANG_OBJ) $(GCCW_OBJ)
	@echo "warnings: 2 passed, 0 failed (gcc and clang, -Wall -Wextra -Werror)"

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 siksdesa $(DESTDIR)$(BINDIR)/siksdesa
	cd data && find . -type f ! -name '*.po' ! -name '*.pot' | while read f; do \
	  install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f"; done
	install -m 644 docs/siksdesa.1 $(DESTDIR)$(MANDIR)/siksdesa.1

clean:
	rm -rf build siksdesa data/locale
