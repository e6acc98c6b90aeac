# zeitstrahl: temporal expressions, events and timelines from news articles.
#
#   make            libzeitstrahl.a, libzeitstrahl.so, zeitstrahl
#   make demo       the sample article -> out/timeline.{ics,svg,jsonl}
#   make check      every test; ends with "N passed, N failed"
#   make install    PREFIX=/usr/local DESTDIR=
#   make eval       TempEval-3 scores on the German and English corpora in ../shared/corpora
#   make bench      throughput (MB/s) and peak memory on ../shared/corpora (German, English)
#   make asan       the tests built with AddressSanitizer + UBSan
#   make ubsan      the tests built with UBSan alone
#   make tsan       corpus mode on several threads under ThreadSanitizer
#   make leakcheck  the tests under valgrind
#   make fuzz       each libFuzzer target for FUZZ_TIME seconds (clang)
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
PKGS       = icu-uc icu-i18n libical libcgraph libgvc libxml-2.0 json-c
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
             src/resolve.c src/event.c src/closure.c src/graph.c src/doc.c src/selftest.c \
             src/write.c src/write_json.c src/write_text.c src/write_ics.c \
             src/write_dot.c src/write_timeml.c src/timeml.c src/eval.c src/eval_events.c \
             src/langid.c src/jsonl.c src/merge.c src/corpus.c \
             src/write_csv.c src/write_html.c
LIB_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
PIC_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/pic/%.o)
# libFuzzer targets (tests/fuzz/fuzz_NAME.c); make check replays their seeds
# and regression inputs through tests/fuzz/driver.c
FUZZ_TARGETS = doc template dct jsonl merge
TESTS      = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c)) \
             $(FUZZ_TARGETS:%=$(BUILD)/tests/regress_%)
CORPORA   ?= ../shared/corpora
# parallel builds inside make asan and make ubsan
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)

# Debian packages the build, the tests and the demo need.
DEBS = build-essential pkg-config libicu-dev libical-dev libgraphviz-dev \
       libcmocka-dev libxml2-dev libxml2-utils python3 python3-icalendar \
       valgrind clang libclang-rt-14-dev \
       libjson-c-dev parallel khal radicale chromium python3-pandas wordnet-base

all: libzeitstrahl.a libzeitstrahl.so zeitstrahl

$(BUILD)/%.o: src/%.c $(wildcard src/*.h include/*.h) | $(BUILD)/.dirs
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c $(wildcard src/*.h include/*.h) | $(BUILD)/.dirs
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -fPIC -c $< -o $@

$(BUILD)/.dirs:
	@mkdir -p $(BUILD)/pic $(BUILD)/tests && touch $@

libzeitstrahl.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

libzeitstrahl.so: $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,libzeitstrahl.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

zeitstrahl: $(BUILD)/main.o libzeitstrahl.a
	$(CC) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BUILD)/tests/fixture.o: tests/fixture.c tests/fixture.h $(wildcard src/*.h) | $(BUILD)/.dirs
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(BUILD)/tests/%: tests/%.c $(BUILD)/tests/fixture.o libzeitstrahl.a tests/fixture.h
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -Itests $(DEP_CFLAGS) $(TEST_CFLAGS) -o $@ $< \
	    $(BUILD)/tests/fixture.o libzeitstrahl.a $(DEP_LIBS) $(TEST_LIBS)

$(BUILD)/tests/regress_%: tests/fuzz/driver.c tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h libzeitstrahl.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -Itests/fuzz -DFUZZ_NAME='"$*"' $(DEP_CFLAGS) -o $@ \
	    tests/fuzz/driver.c tests/fuzz/fuzz_$*.c libzeitstrahl.a $(DEP_LIBS)

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
# HeidelTime output shipped with KRAUTS, then on the English TempEval-3 data
eval: all
	./zeitstrahl eval $(CORPORA)/krauts/KRAUTS_Dolomiten-100 $(CORPORA)/krauts/KRAUTS_Dolomiten-42 \
	    --narrative $(CORPORA)/wikiwarsde/keyinline
	@echo "HeidelTime (shipped output):"
	@./zeitstrahl eval --system $(CORPORA)/krauts/KRAUTS_Dolomiten-100_Heideltime $(CORPORA)/krauts/KRAUTS_Dolomiten-100 \
	    --system $(CORPORA)/krauts/KRAUTS_Dolomiten-42_Heideltime $(CORPORA)/krauts/KRAUTS_Dolomiten-42
	@echo "English (TempEval-3 TBAQ-cleaned):"
	@./zeitstrahl eval --lang en $(CORPORA)/tempeval3/TBAQ-cleaned/AQUAINT $(CORPORA)/tempeval3/TBAQ-cleaned/TimeBank

bench: all $(BUILD)/tests/bench $(BUILD)/tests/linear
	$(BUILD)/tests/bench $(CORPORA) 20
	/usr/bin/python3 tests/bench_corpus.py ./zeitstrahl $(CORPORA) 20 200
	@# linear time on repetitive text, as ratios of CPU times (a measure: a
	@# ratio over its bound is reported and the bench goes on)
	-$(BUILD)/tests/linear

# corpus mode on several threads under ThreadSanitizer (its own objects in
# build/tsan, so the ordinary build stays)
TSAN_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/tsan/%.o) $(BUILD)/tsan/main.o
$(BUILD)/tsan/%.o: src/%.c $(wildcard src/*.h include/*.h)
	@mkdir -p $(BUILD)/tsan
	$(CC) $(WARN) -O1 -g -fsanitize=thread $(CPPFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(BUILD)/tsan/zeitstrahl: $(TSAN_OBJ)
	$(CC) -fsanitize=thread -o $@ $^ $(DEP_LIBS)

tsan: deps $(BUILD)/tsan/zeitstrahl
	ZS_BIN=$(BUILD)/tsan/zeitstrahl CORPORA=$(CORPORA) sh tests/tsan.sh

# ASan unwinds by frame pointers except where a graph is laid out
# (tests/asan_unwind.sh): the slow unwinder made every run eight times slower
asan:
	$(MAKE) clean
	ZS_WRAP=$(CURDIR)/tests/asan_unwind.sh \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ZS_CONSUMERS=0 \
	$(MAKE) -j$(JOBS) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" check
	$(MAKE) clean

ubsan:
	$(MAKE) clean
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) -j$(JOBS) CFLAGS="-O1 -g -fsanitize=undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=undefined" check
	$(MAKE) clean

leakcheck: all tests
	ZS_VALGRIND=1 ZS_BIN=./zeitstrahl sh tests/run.sh $(TESTS)

# ---- fuzzing ---------------------------------------------------------------
# make fuzz builds every target with clang's libFuzzer, ASan and UBSan and
# runs each for FUZZ_TIME seconds from its seeds (tests/fuzz/seeds/NAME),
# keeping what it learns in $(FUZZ_DIR)/corpus/NAME. A finding stops it and
# leaves the input in $(FUZZ_DIR)/; fixed, it goes to
# tests/fuzz/regressions/NAME, which make check replays.
FUZZ_CC    ?= clang
FUZZ_TIME  ?= 30
FUZZ_DIR   ?= $(BUILD)/fuzz
FUZZ_SAN    = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_OBJ    = $(LIB_SRC:src/%.c=$(BUILD)/fuzz/%.o)
FUZZ_BIN    = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
.SECONDARY: $(FUZZ_OBJ)

$(BUILD)/fuzz/%.o: src/%.c $(wildcard src/*.h include/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(CPPFLAGS) $(DEP_CFLAGS) -c $< -o $@

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(CPPFLAGS) -Itests/fuzz $(DEP_CFLAGS) \
	    -o $@ $< $(FUZZ_OBJ) $(DEP_LIBS)

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ_DIR)/corpus/$$t || exit 1; \
	    dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	    echo "fuzz_$$t: $(FUZZ_TIME) s"; \
	    ASAN_OPTIONS=allocator_may_return_null=1 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=2048 \
	        -print_final_stats=1 $$dict -artifact_prefix=$(FUZZ_DIR)/$$t- \
	        $(FUZZ_DIR)/corpus/$$t tests/fuzz/seeds/$$t >$(FUZZ_DIR)/$$t.log 2>&1; \
	    rc=$$?; \
	    grep -E '^stat::number_of_executed_units|^stat::new_units_added' $(FUZZ_DIR)/$$t.log | sed 's/^/  /'; \
	    if [ $$rc -ne 0 ]; then tail -n 40 $(FUZZ_DIR)/$$t.log; \
	        echo "fuzz_$$t: finding, see $(FUZZ_DIR)/$$t.log and $(FUZZ_DIR)/$$t-*"; exit 1; fi; \
	done

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

.PHONY: all deps print-debs demo check tests eval bench tsan asan ubsan leakcheck fuzz install uninstall clean
