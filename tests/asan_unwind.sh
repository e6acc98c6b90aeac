#!/bin/sh
# Runs a command of make asan (the zeitstrahl binary or a unit test program,
# with its arguments). ASan records allocation stacks by frame pointers,
# which Debian's Graphviz libraries do not keep, so the stack of a leak in a
# Graphviz layout would end inside Graphviz, where LeakSanitizer could not
# tell the layout's known leaks (tests/lsan.supp) from a graph of ours never
# closed. A run that lays a graph out (svg, png, pdf or html output, with
# its inline svg; the unit tests of those writers) therefore records them
# by the slower unwinder, which sees every frame; the others, most runs,
# keep the fast one.
case " $* " in
*svg* | *png* | *pdf* | *htm* | */test_write_*)
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
    export ASAN_OPTIONS
    ;;
esac
exec "$@"
