# zeitstrahl: temporal expressions, events and timelines from news articles.
#
#   make            libzeitstrahl.a, libzeitstrahl.so, zeitstrahl
#   make demo       the sample article -> out/timeline.{ics,svg,jsonl}
#   make check      every test; ends with "N passed, N failed"
#   make install    PREFIX=/usr/local DESTDIR=
#   make eval       TempEval-3 scores on the German corpora in ../shared/corpora
#   make bench      throughput (MB/s) and peak memory on ../shared/corpora
#   make asan       the tests built with AddressSanitizer + UBSan
#   make leakcheck  the tests under valgrind
#
# demo and check install missing Debian packages first when run as root.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
LIBDIR     = $(PREFIX)/lib
INCDIR     = $(PREFIX)/include
DATADIR    = $(PREFIX)/share/zeitstrahl
PKGDIR     = $(LIBDIR)/pkgconfig

VERSION    = 0.1.0
SOVERSION  = 0

CC        ?= cc
PKGS       = icu-uc icu-i18n libical libcgraph libgvc libxml-2.0
TEST_PKGS  = cmocka
CFLAGS    ?= -O2 -g
WARN       = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
             -DZS_TEMPLATE_DIR='"$(DATADIR)/templates"'
DEP_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEP_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS  = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

BUILD      = build
LIB_SRC    = src/util.c src/tvalue.c src/text.c src/template.c src/match.c \
             src/resolve.c src/event.c src/graph.c src/doc.c src/selftest.c \
             src/write.c src/write_json.c src/write_text.c src/write_ics.c \
             src/write_dot.c src/write_timeml.c src/timeml.c src/eval.c
LIB_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
PIC_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/pic/%.o)
TESTS      = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
CORPORA   ?= ../shared/corpora

# Debian packages the build, the tests and the demo need.
DEBS = build-essential pkg-config libicu-dev libical-dev libgraphviz-dev \
       libcmocka-dev libxml2-dev libxml2-utils python3 python3-icalendar

all: libzeitstrahl.a libzeitstrahl.so zeitstrahl

$(BUILD)/%.o: src/%.c $(wildcard src/*.h include/*.h) | $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c $(wildcard src/*.h include/*.h) | $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -fPIC -c $< -o $@

$(BUILD):
	@mkdir -p $(BUILD)/pic $(BUILD)/tests

libzeitstrahl.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

libzeitstrahl.so: $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,libzeitstrahl.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

zeitstrahl: $(BUILD)/main.o libzeitstrahl.a
	$(CC) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BUILD)/tests/fixture.o: tests/fixture.c tests/fixture.h $(wildcard src/*.h) | $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(BUILD)/tests/%: tests/%.c $(BUILD)/tests/fixture.o libzeitstrahl.a tests/fixture.h
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -Itests $(DEP_CFLAGS) $(TEST_CFLAGS) -o $@ $< \
	    $(BUILD)/tests/fixture.o libzeitstrahl.a $(DEP_LIBS) $(TEST_LIBS)

# ---- dependencies --------------------------------------------------------
deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        echo "installing: $$missing"; \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	    else \
	        echo "missing packages; run as root:"; \
	        echo "  apt-get update && apt-get install -y $$missing"; exit 1; \
	    fi; \
	fi

print-debs:
	@echo $(DEBS)

# ---- the sample article --------------------------------------------------
demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	./zeitstrahl -o out/timeline.ics -o out/timeline.svg -o out/timeline.jsonl tests/golden/beispiel.txt
	./zeitstrahl tests/golden/beispiel.txt
	@echo "wrote out/timeline.ics out/timeline.svg out/timeline.jsonl"

# ---- tests ---------------------------------------------------------------
check: deps
	@$(MAKE) --no-print-directory all tests
	@ZS_BIN=./zeitstrahl sh tests/run.sh $(TESTS)

tests: $(TESTS)

# TempEval-3 task A on the German development corpora, zeitstrahl and the
# HeidelTime output shipped with KRAUTS
eval: all
	./zeitstrahl eval $(CORPORA)/krauts/KRAUTS_Dolomiten-100 $(CORPORA)/krauts/KRAUTS_Dolomiten-42 \
	    --narrative $(CORPORA)/wikiwarsde/keyinline
	@echo "HeidelTime (shipped output):"
	@./zeitstrahl eval --system $(CORPORA)/krauts/KRAUTS_Dolomiten-100_Heideltime $(CORPORA)/krauts/KRAUTS_Dolomiten-100 \
	    --system $(CORPORA)/krauts/KRAUTS_Dolomiten-42_Heideltime $(CORPORA)/krauts/KRAUTS_Dolomiten-42

bench: all $(BUILD)/tests/bench
	$(BUILD)/tests/bench $(CORPORA) 20

asan:
	$(MAKE) clean
	ASAN_OPTIONS=fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" check
	$(MAKE) clean

leakcheck: all tests
	ZS_VALGRIND=1 ZS_BIN=./zeitstrahl sh tests/run.sh $(TESTS)

# ---- install -------------------------------------------------------------
zeitstrahl.pc: Makefile
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' 'includedir=$${prefix}/include' '' \
	    'Name: zeitstrahl' 'Description: temporal expressions, events and timelines from news' \
	    'Version: $(VERSION)' 'Requires.private: $(PKGS)' \
	    'Libs: -L$${libdir} -lzeitstrahl' 'Cflags: -I$${includedir}' > $@

install: all zeitstrahl.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) $(DESTDIR)$(PKGDIR) $(DESTDIR)$(DATADIR)/templates
	install -m 755 zeitstrahl $(DESTDIR)$(BINDIR)/zeitstrahl
	install -m 644 libzeitstrahl.a $(DESTDIR)$(LIBDIR)/libzeitstrahl.a
	install -m 755 libzeitstrahl.so $(DESTDIR)$(LIBDIR)/libzeitstrahl.so.$(VERSION)
	ln -sf libzeitstrahl.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libzeitstrahl.so.$(SOVERSION)
	ln -sf libzeitstrahl.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libzeitstrahl.so
	install -m 644 include/zeitstrahl.h $(DESTDIR)$(INCDIR)/zeitstrahl.h
	install -m 644 zeitstrahl.pc $(DESTDIR)$(PKGDIR)/zeitstrahl.pc
	for d in templates/*/; do \
	    install -d $(DESTDIR)$(DATADIR)/$$d && install -m 644 $$d*.zt $(DESTDIR)$(DATADIR)/$$d; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/zeitstrahl $(DESTDIR)$(LIBDIR)/libzeitstrahl.* \
	    $(DESTDIR)$(INCDIR)/zeitstrahl.h $(DESTDIR)$(PKGDIR)/zeitstrahl.pc
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) libzeitstrahl.a libzeitstrahl.so zeitstrahl zeitstrahl.pc out

.PHONY: all deps print-debs demo check tests eval bench asan leakcheck install uninstall clean
