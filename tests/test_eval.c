/* zeitstrahl eval: TempEval-3 scoring of a hand-made gold/system pair with
 * known counts, TIMEX2 gold in the WikiWarsDE style, zeitstrahl itself on
 * small gold files (code-point offsets, creation time), errors, and the
 * reference HeidelTime figures on KRAUTS Dolomiten-42 (read from
 * ../shared/corpora when present). */
#include <dirent.h>
#include <setjmp.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "eval.h"
#include "fixture.h"
#include "zeitstrahl.h"

#define KRAUTS "../shared/corpora/krauts"

static char tmp[64]; /* a fresh folder per test */

/* Removes path and, if it is a folder, everything below it. */
static void remove_tree(const char *path)
{
    DIR *dh = opendir(path);
    if (dh) {
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            char sub[512];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            remove_tree(sub);
        }
        closedir(dh);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int make_tmp(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/zs_eval_XXXXXX");
    return mkdtemp(tmp) ? 0 : -1;
}

static int remove_tmp(void **state)
{
    (void)state;
    remove_tree(tmp);
    return 0;
}

/* Writes content to tmp/rel (its folder is created) and returns the full
 * path in a static buffer of n slots, rotating. */
static const char *put(const char *rel, const char *content)
{
    static char paths[4][512];
    static int slot;
    char *p = paths[slot++ % 4];
    snprintf(p, 512, "%s/%s", tmp, rel);
    char *slash = strrchr(p, '/');
    *slash = '\0';
    mkdir(p, 0700);
    *slash = '/';
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
    return p;
}

/* A TimeML document with creation time dct and TEXT body. New string. */
#define TIMEML_FMT                                                                  \
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>x</DOCID>\n"                       \
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" temporalFunction=\"false\" " \
    "functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n<TEXT>\n%s\n</TEXT>\n</TimeML>\n"
static char *timeml(const char *dct, const char *body)
{
    int n = snprintf(NULL, 0, TIMEML_FMT, dct, dct, body);
    assert_true(n > 0);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    snprintf(s, (size_t)n + 1, TIMEML_FMT, dct, dct, body);
    return s;
}

/* Runs eval with the given arguments (after "eval"); returns its status,
 * the report in *out (free it) and the error in *err. */
static int run(char **out, zs_error *err, int n, ...)
{
    char *argv[16] = {"eval"};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < 15; i++) argv[i + 1] = va_arg(ap, char *);
    va_end(ap);
    size_t len;
    FILE *f = open_memstream(out, &len);
    assert_non_null(f);
    *err = (zs_error){0};
    int rc = zs_eval_run(n + 1, argv, fixture_de, f, err);
    fclose(f);
    return rc;
}

typedef struct row {
    unsigned docs, gold, sys;
    double f[8]; /* strict P R F1, relaxed P R F1, value F1, type F1 */
} row;

/* Finds the table row of corpus name in report out (after the header line,
 * whose columns are checked). */
static row get_row(const char *out, const char *name)
{
    const char *h = strstr(out, "corpus ");
    assert_non_null(h);
    char cols[12][16];
    int n = sscanf(h, "%15s %15s %15s %15s %15s %15s %15s %15s %15s %15s %15s %15s", cols[0],
                   cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8],
                   cols[9], cols[10], cols[11]);
    assert_int_equal(n, 12);
    static const char *want[12] = {"corpus", "docs", "gold", "sys", "strict_P", "strict_R",
                                   "strict_F1", "relaxed_P", "relaxed_R", "relaxed_F1",
                                   "value_F1", "type_F1"};
    for (int i = 0; i < 12; i++) assert_string_equal(cols[i], want[i]);
    for (const char *l = strchr(h, '\n'); l && l[1]; l = strchr(l + 1, '\n')) {
        char label[256];
        row r;
        if (sscanf(l + 1, "%255s %u %u %u %lf %lf %lf %lf %lf %lf %lf %lf", label, &r.docs,
                   &r.gold, &r.sys, &r.f[0], &r.f[1], &r.f[2], &r.f[3], &r.f[4], &r.f[5],
                   &r.f[6], &r.f[7]) == 12 &&
            strcmp(label, name) == 0)
            return r;
    }
    fail_msg("no row '%s' in:\n%s", name, out);
    return (row){0};
}

static void expect_figures(const row *r, const double want[8], double tol)
{
    static const char *names[8] = {"strict P", "strict R", "strict F1", "relaxed P",
                                   "relaxed R", "relaxed F1", "value F1", "type F1"};
    for (int i = 0; i < 8; i++)
        if (r->f[i] < want[i] - tol || r->f[i] > want[i] + tol)
            fail_msg("%s: %.2f, expected %.2f", names[i], r->f[i], want[i]);
}

/* Gold: "Mittwoch" (exact match), "Anfang April" (system "April" with a
 * wrong value), "drei Tage" (missed), an empty TIMEX3 (not scored). System:
 * those two plus spurious "heute" and "morgen". Multi-byte letters and an
 * entity come first, so byte offsets would not line up. */
static const char gold_body[] =
    "B\xc3\xbcrger & R\xc3\xa4te \xe2\x80\x9etagen\xe2\x80\x9c am "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-05-03\">Mittwoch</TIMEX3> und "
    "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017-04\" mod=\"START\">Anfang April</TIMEX3>, "
    "<TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P3D\">drei Tage</TIMEX3> lang; "
    "<TIMEX3 tid=\"t4\" type=\"DATE\" value=\"2017\" temporalFunction=\"false\" />"
    "heute wie morgen.";

static void sys_pair(const char **gold_dir, const char **sys_dir)
{
    char *g = timeml("2017-05-02", gold_body);
    char *s = timeml("2017-05-02",
                     "B\xc3\xbcrger &amp; R\xc3\xa4te \xe2\x80\x9etagen\xe2\x80\x9c am "
                     "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-05-03\">Mittwoch</TIMEX3> und "
                     "Anfang <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2018-04\">April</TIMEX3>, "
                     "drei Tage lang; "
                     "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2017-05-02\">heute</TIMEX3> wie "
                     "<TIMEX3 tid=\"t6\" type=\"DATE\" value=\"2017-05-03\">morgen</TIMEX3>.");
    /* gold_body has a bare "&": as in WikiWarsDE, read as a literal "&" */
    put("gold/a.tml", g);
    put("sys/a.tml", s);
    free(g);
    free(s);
    static char gd[sizeof tmp + 16], sd[sizeof tmp + 16];
    snprintf(gd, sizeof gd, "%s/gold", tmp);
    snprintf(sd, sizeof sd, "%s/sys", tmp);
    *gold_dir = gd;
    *sys_dir = sd;
}

static void test_known_counts(void **state)
{
    (void)state;
    const char *gd, *sd;
    sys_pair(&gd, &sd);
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 3, "--system", sd, gd), 0);
    row r = get_row(out, "gold");
    assert_int_equal(r.docs, 1);
    assert_int_equal(r.gold, 3);
    assert_int_equal(r.sys, 4);
    /* strict 1/4, 1/3; relaxed 2/4, 2/3; value right in 1 of 2 pairs, type in 2 */
    const double want[8] = {25.00, 33.33, 28.57, 50.00, 66.67, 57.14, 28.57, 57.14};
    expect_figures(&r, want, 0.005);
    row all = get_row(out, "overall");
    assert_int_equal(all.docs, 1);
    assert_int_equal(all.gold, 3);
    assert_int_equal(all.sys, 4);
    expect_figures(&all, want, 0.005);
    free(out);
}

static void test_errors_listing(void **state)
{
    (void)state;
    const char *gd, *sd;
    sys_pair(&gd, &sd);
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 4, "--errors", "--system", sd, gd), 0);
    char want[4][256];
    snprintf(want[0], sizeof want[0],
             "%s/a.tml: \"Anfang April\" gold=DATE:2017-04:START sys=DATE:2018-04 value "
             "sys_text=\"April\"\n", gd);
    snprintf(want[1], sizeof want[1], "%s/a.tml: \"drei Tage\" gold=DURATION:P3D sys=- missing\n", gd);
    snprintf(want[2], sizeof want[2], "%s/a.tml: \"heute\" gold=- sys=DATE:2017-05-02 spurious\n", gd);
    snprintf(want[3], sizeof want[3], "%s/a.tml: \"morgen\" gold=- sys=DATE:2017-05-03 spurious\n", gd);
    /* in text order, before the table, and nothing about "Mittwoch" */
    const char *at = out;
    for (int i = 0; i < 4; i++) {
        const char *p = strstr(at, want[i]);
        if (!p) fail_msg("missing line %s in:\n%s", want[i], out);
        at = p + 1;
    }
    assert_null(strstr(out, "Mittwoch"));
    assert_true(strstr(out, want[3]) < strstr(out, "corpus "));
    free(out);
}

/* One gold file against one system file; the table names the folder. */
static void test_file_pair(void **state)
{
    (void)state;
    const char *gd, *sd;
    sys_pair(&gd, &sd);
    char gf[600], sf[600], *out;
    snprintf(gf, sizeof gf, "%s/a.tml", gd);
    snprintf(sf, sizeof sf, "%s/a.tml", sd);
    zs_error err;
    assert_int_equal(run(&out, &err, 3, "--system", sf, gf), 0);
    row r = get_row(out, "gold");
    assert_int_equal(r.sys, 4);
    assert_int_equal(r.gold, 3);
    free(out);
}

/* zeitstrahl itself: its code-point extents must meet the gold ones after
 * multi-byte letters, and relative dates need the creation time. */
static void test_zeitstrahl_timeml(void **state)
{
    (void)state;
    char *g = timeml("2017-05-02",
                     "\xe2\x80\x9e\xc3\x9c""berraschung\xe2\x80\x9c f\xc3\xbcr die B\xc3\xbcrgermeisterin: "
                     "Sie kam am <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-07-07\">7. Juli 2017</TIMEX3> "
                     "und war <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017-05-01\">gestern</TIMEX3> hier.");
    const char *gf = put("zs/a.tml", g);
    free(g);
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 1, gf), 0);
    row r = get_row(out, "zs");
    assert_int_equal(r.gold, 2);
    assert_int_equal(r.sys, 2);
    const double want[8] = {100, 100, 100, 100, 100, 100, 100, 100};
    expect_figures(&r, want, 0.005);
    free(out);
}

/* --pairs: one line per pair of neighbouring events of a sentence, with
 * the pair's fields, the relation of the first to the second that the
 * gold closure implies (here from the inverse link) and the SLINK joining
 * them; none for the event of the next sentence; then the links of
 * zeitstrahl's own, the events and the gold links. */
static void test_pairs_listing(void **state)
{
    (void)state;
    const char *g =
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>x</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-08-01\" "
        "functionInDocument=\"CREATION_TIME\">2017-08-01</TIMEX3></DCT>\n<TEXT>\n"
        "Die Minister <EVENT eid=\"e1\" class=\"OCCURRENCE\">berieten</EVENT> und "
        "<EVENT eid=\"e2\" class=\"OCCURRENCE\">verhandelten</EVENT>. Es gab einen "
        "<EVENT eid=\"e3\" class=\"OCCURRENCE\">Angriff</EVENT>.\n</TEXT>\n"
        "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\"/>\n<MAKEINSTANCE eventID=\"e2\" eiid=\"ei2\"/>\n"
        "<MAKEINSTANCE eventID=\"e3\" eiid=\"ei3\"/>\n"
        "<TLINK lid=\"l1\" relType=\"AFTER\" eventInstanceID=\"ei2\" relatedToEventInstance=\"ei1\"/>\n"
        "<SLINK lid=\"l2\" relType=\"MODAL\" eventInstanceID=\"ei2\" subordinatedEventInstance=\"ei1\"/>\n"
        "<TLINK lid=\"l3\" relType=\"IDENTITY\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
        "</TimeML>\n";
    const char *gf = put("pairs/a.tml", g);
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 2, "--pairs", gf), 0);
    char want[512];
    snprintf(want, sizeof want, "pair\t%s\t0\tnear\tpast\toccurrence\tpast\toccurrence\t-\tBEFORE\tMODAL^\n", gf);
    assert_true(strncmp(out, want, strlen(want)) == 0);
    assert_null(strstr(out + strlen(want), "pair\t"));
    /* and one line per event for its relation to the creation time */
    snprintf(want, sizeof want, "\ndct\t%s\t2\tnoun\toccurrence\tuntimed\t-\tnone\n", gf);
    assert_non_null(strstr(out, want));
    /* and one line per link of zeitstrahl's own with its ends and every
       relation the gold closure implies (IDENTITY: SIMULTANEOUS, both
       inclusions) */
    snprintf(want, sizeof want,
             "\nlink\t%s\ttense:berieten\tBEFORE\tpast\toccurrence\tNONE\tdct\tdct\t-\t"
             "INCLUDES|IS_INCLUDED|SIMULTANEOUS\n", gf);
    assert_non_null(strstr(out, want));
    /* and one line per gold link with what zeitstrahl's closure implies
       between its ends (berieten before the creation time, the gold's
       IDENTITY is SIMULTANEOUS: missed) */
    snprintf(want, sizeof want,
             "\ngold\t%s\tmissed\tevent-DCT\tSIMULTANEOUS\tBEFORE\tpast\toccurrence\tberieten\t"
             "dct\tdct\t-\t-\n", gf);
    assert_non_null(strstr(out, want));
    free(out);
    assert_int_equal(run(&out, &err, 1, gf), 0);
    assert_null(strstr(out, "pair\t"));
    free(out);
}

/* Tasks B and C: gold events and TLINKs; one event found with its class,
 * one missed, one spurious; the anchor link and, by closure over the
 * timexes' values, the one to the creation time. zeitstrahl's own
 * relation of the date to the creation time counts towards precision as
 * in the official scorer, and the gold does not imply it. */
static void test_events_and_links(void **state)
{
    (void)state;
    const char *g =
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>x</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-08-01\" "
        "functionInDocument=\"CREATION_TIME\">2017-08-01</TIMEX3></DCT>\n<TEXT>\n"
        "Das <EVENT eid=\"e1\" class=\"OCCURRENCE\">Treffen</EVENT> am "
        "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-07-07\">7. Juli 2017</TIMEX3> war lang. "
        "Die <EVENT eid=\"e2\" class=\"STATE\">Krise</EVENT> dauert an. Es gab eine Erkl\xc3\xa4rung.\n"
        "</TEXT>\n"
        "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\"/>\n<MAKEINSTANCE eventID=\"e2\" eiid=\"ei2\"/>\n"
        "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n"
        "<TLINK lid=\"l2\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
        "</TimeML>\n";
    const char *gf = put("ev/a.tml", g);
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 1, gf), 0);
    const char *b = strstr(out, "\ntask_B ");
    assert_non_null(b);
    b = strstr(b, "\nev ");
    assert_non_null(b);
    unsigned docs, gold, sys;
    double f[8];
    assert_int_equal(sscanf(b, " ev %u %u %u %lf %lf %lf %lf %lf %lf %lf", &docs, &gold, &sys, &f[0],
                            &f[1], &f[2], &f[3], &f[4], &f[5], &f[6]),
                     10);
    assert_int_equal(gold, 2);
    assert_int_equal(sys, 2);
    assert_true(fabs(f[5] - 50) < 0.01 && fabs(f[6] - 50) < 0.01);
    const char *c = strstr(out, "\ntask_C ");
    assert_non_null(c);
    c = strstr(c, "\nev ");
    assert_non_null(c);
    assert_int_equal(sscanf(c, " ev %u %u %u %lf %lf %lf", &docs, &gold, &sys, &f[0], &f[1], &f[2]), 6);
    assert_int_equal(gold, 2);
    assert_int_equal(sys, 2);
    assert_true(fabs(f[0] - 50) < 0.01 && fabs(f[1] - 100) < 0.01);
    assert_null(strstr(out, "links by source"));
    free(out);
    /* --links: the anchor is right, the date's relation to the creation
       time is one the gold leaves open; the gold has one link of each
       kind, both found */
    assert_int_equal(run(&out, &err, 2, "--links", gf), 0);
    c = strstr(out, "\ntask_C ev: links by source\n");
    assert_non_null(c);
    assert_non_null(strstr(c, "\nanchor     event-timex       1      1        0         0   100.00\n"));
    assert_non_null(strstr(c, "\ninterval   timex-DCT         1      0        0         1     0.00\n"));
    c = strstr(c, "\ntask_C ev: gold links by ends\n");
    assert_non_null(c);
    assert_non_null(strstr(c, "\nevent-timex                  1      1   100.00\n"));
    assert_non_null(strstr(c, "\nevent-DCT                    1      1   100.00\n"));
    assert_non_null(strstr(c, "\nevent-event                  0      0     0.00\n"));
    assert_null(strstr(out, "pairs by gold class"));
    free(out);
    /* --classes: the pairs by gold and zeitstrahl's class sum to the
       relaxed matches, the right ones to the class matches */
    assert_int_equal(run(&out, &err, 2, "--classes", gf), 0);
    c = strstr(out, "\ntask_B ev: pairs by gold class (rows) and zeitstrahl's\n");
    assert_non_null(c);
    unsigned n[7], pairs = 0, right = 0;
    const char *line = strstr(c, "\nOCCURRENCE ");
    assert_non_null(line);
    assert_int_equal(sscanf(line, " OCCURRENCE %u %u %u %u %u %u %u", &n[0], &n[1], &n[2], &n[3],
                            &n[4], &n[5], &n[6]), 7);
    for (int i = 0; i < 7; i++) pairs += n[i];
    right += n[0];
    line = strstr(c, "\nSTATE ");
    assert_non_null(line);
    assert_int_equal(sscanf(line, " STATE %u %u %u %u %u %u %u", &n[0], &n[1], &n[2], &n[3], &n[4],
                            &n[5], &n[6]), 7);
    for (int i = 0; i < 7; i++) pairs += n[i];
    right += n[2];
    assert_int_equal(pairs, 1); /* relaxed F1 50 of two gold and two events */
    assert_int_equal(right, 1); /* class F1 50: the one pair's class is right */
    assert_non_null(strstr(c, "\ntask_B ev: noun events "));
    free(out);
}

/* TIMEX2 gold as in WikiWarsDE: "val", no type, creation time in DATETIME,
 * a bare "&" in the text. */
/* Task C scores reduced graphs, as TempEval-3's scorer does: a link the
 * links before it imply is counted neither for recall (the gold's third
 * link) nor for precision (zeitstrahl's link of the report to the creation
 * time, after its anchor and the date's relation to the creation time).
 * The date right after the report is the report's: the other verb is
 * related by its tense, which the gold does not imply. */
static void test_reduced_graphs(void **state)
{
    (void)state;
    const char *g =
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>x</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-08-02\" "
        "functionInDocument=\"CREATION_TIME\">2017-08-02</TIMEX3></DCT>\n<TEXT>\n"
        "The company <EVENT eid=\"e1\" class=\"REPORTING\">said</EVENT> "
        "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-07-31\">Monday</TIMEX3> that it had "
        "<EVENT eid=\"e2\" class=\"OCCURRENCE\">sold</EVENT> the unit.\n</TEXT>\n"
        "<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\"/>\n<MAKEINSTANCE eventID=\"e2\" eiid=\"ei2\"/>\n"
        "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n"
        "<TLINK lid=\"l2\" relType=\"BEFORE\" timeID=\"t1\" relatedToTime=\"t0\"/>\n"
        "<TLINK lid=\"l3\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
        "</TimeML>\n";
    const char *gf = put("ev/a.tml", g);
    zs_error err = {0};
    zs_lang *en = zs_lang_load("templates/en", &err);
    assert_non_null(en);
    char *argv[] = {"eval", "--links", (char *)gf};
    char *out;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    assert_int_equal(zs_eval_run(3, argv, en, f, &err), 0);
    fclose(f);
    zs_lang_free(en);
    const char *c = strstr(out, "\ntask_C ");
    assert_non_null(c);
    c = strstr(c, "\nev ");
    assert_non_null(c);
    unsigned docs, gold, sys;
    double p, r;
    assert_int_equal(sscanf(c, " ev %u %u %u %lf %lf", &docs, &gold, &sys, &p, &r), 5);
    assert_int_equal(gold, 2);
    assert_int_equal(sys, 3);
    assert_true(fabs(p - 200.0 / 3) < 0.01 && fabs(r - 100) < 0.01);
    /* the anchor, the other verb's tense and the date's relation are
       scored; the report's link to the creation time is not */
    assert_non_null(strstr(out, "\nanchor     event-timex       1      1        0         0   100.00\n"));
    assert_non_null(strstr(out, "\ntense      event-DCT         1      0        0         1     0.00\n"));
    assert_non_null(strstr(out, "\ninterval   timex-DCT         1      1        0         0   100.00\n"));
    assert_null(strstr(out, "\ndct "));
    free(out);
}

static void test_timex2_gold(void **state)
{
    (void)state;
    const char *gf = put("ww/01_Test.key.xml",
                         "<DOC>\n<DOCID>01_Test</DOCID>\n"
                         "<DATETIME> <TIMEX2 val=\"2011-02-16T17:00:00\">2011-02-16T17:00:00</TIMEX2> </DATETIME>\n"
                         "<TEXT>\nDie Baltimore & Ohio-Eisenbahn wurde "
                         "<TIMEX2 val=\"2011-02-15\">gestern</TIMEX2> gesperrt, "
                         "<TIMEX2 val=\"P3D\">drei Tage</TIMEX2> lang.\n</TEXT>\n</DOC>\n");
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 2, "--errors", gf), 0);
    row r = get_row(out, "ww");
    assert_int_equal(r.gold, 2);
    assert_int_equal(r.sys, 2);
    /* "gestern" resolves against 2011-02-16; "drei Tage" is typed DURATION */
    const double want[8] = {100, 100, 100, 100, 100, 100, 100, 100};
    expect_figures(&r, want, 0.005);
    free(out);
}

/* --narrative reaches the library: a date without a year follows the last
 * year mentioned, not the creation time; --news and --system switch back. */
static void test_narrative_mode(void **state)
{
    (void)state;
    const char *gf = put("nar/a.xml",
                         "<DOC>\n<DATETIME> <TIMEX2 val=\"2011-02-16T17:00:00\">2011-02-16T17:00:00</TIMEX2> </DATETIME>\n"
                         "<TEXT>\nDer Krieg begann <TIMEX2 val=\"1939\">1939</TIMEX2>. Am "
                         "<TIMEX2 val=\"1939-09-01\">1. September</TIMEX2> marschierten Truppen ein.\n"
                         "</TEXT>\n</DOC>\n");
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 4, "--narrative", gf, "--news", gf), 0);
    row r = get_row(out, "nar");
    assert_int_equal(r.gold, 2);
    assert_true(r.f[5] > 99.99);
    assert_true(r.f[6] > 99.99); /* 1939-09-01 */
    r = get_row(out, "nar@zeitstrahl");
    assert_true(r.f[6] < 50.01); /* news: the September before 2011-02-16 */
    free(out);
    /* a --system that no PATH follows is an error, also when another option comes */
    assert_int_equal(run(&out, &err, 3, "--system", tmp, "--narrative"), ZS_ERR_USAGE);
    assert_non_null(strstr(err.msg, "none follows"));
    free(out);
}

static void test_malformed_xml(void **state)
{
    (void)state;
    char *g = timeml("2017-05-02", "Am <TIMEX3 tid=\"t1\" value=\"2017-05-03\">Mittwoch</TEXT>");
    const char *gf = put("bad/broken.tml", g);
    free(g);
    char *out;
    zs_error err;
    assert_int_equal(run(&out, &err, 1, gf), ZS_ERR_INPUT);
    assert_int_equal(err.code, ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, gf));
    assert_null(strchr(err.msg, '\n'));
    /* nothing is reported for a run that failed */
    assert_string_equal(out, "");
    free(out);
    /* the folder holding it fails the same way, naming the file */
    char dir[600];
    snprintf(dir, sizeof dir, "%s/bad", tmp);
    assert_int_equal(run(&out, &err, 1, dir), ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "broken.tml"));
    free(out);
}

static void test_other_errors(void **state)
{
    (void)state;
    char *out, missing[600];
    zs_error err;
    snprintf(missing, sizeof missing, "%s/nothing.tml", tmp);
    assert_int_equal(run(&out, &err, 1, missing), ZS_ERR_IO);
    assert_non_null(strstr(err.msg, missing));
    free(out);
    /* a system file that is absent */
    char *g = timeml("2017-05-02", "Am Mittwoch.");
    const char *gf = put("g/a.tml", g);
    free(g);
    assert_int_equal(run(&out, &err, 3, "--system", tmp, gf), ZS_ERR_IO);
    assert_non_null(strstr(err.msg, "a.tml"));
    free(out);
    /* a system file whose text is not the gold text */
    char *s = timeml("2017-05-02", "Am Donnerstag.");
    const char *sf = put("s/a.tml", s);
    free(s);
    assert_int_equal(run(&out, &err, 3, "--system", sf, gf), ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, sf));
    assert_non_null(strstr(err.msg, "code point 4"));
    free(out);
    /* no TEXT element */
    const char *nt = put("n/a.tml", "<TimeML><DCT/></TimeML>");
    assert_int_equal(run(&out, &err, 1, nt), ZS_ERR_INPUT);
    assert_non_null(strstr(err.msg, "no <TEXT>"));
    free(out);
    /* usage */
    assert_int_equal(run(&out, &err, 1, "--bogus"), ZS_ERR_USAGE);
    free(out);
    assert_int_equal(run(&out, &err, 0), ZS_ERR_USAGE);
    free(out);
    assert_int_equal(run(&out, &err, 2, gf, "--system"), ZS_ERR_USAGE);
    free(out);
    assert_int_equal(run(&out, &err, 3, gf, "--system", tmp), ZS_ERR_USAGE);
    free(out);
    assert_int_equal(run(&out, &err, 1, "--help"), 0);
    assert_non_null(strstr(out, "Usage: zeitstrahl eval"));
    free(out);
}

/* The published F1 figures (strict, relaxed, value, type) to within 0.1. */
static void expect_f1s(const row *r, double strict, double relaxed, double value, double type)
{
    const double want[4] = {strict, relaxed, value, type}, got[4] = {r->f[2], r->f[5], r->f[6], r->f[7]};
    static const char *names[4] = {"strict F1", "relaxed F1", "value F1", "type F1"};
    for (int i = 0; i < 4; i++)
        if (got[i] < want[i] - 0.1 || got[i] > want[i] + 0.1)
            fail_msg("%s: %.2f, expected %.2f", names[i], got[i], want[i]);
}

/* The shipped HeidelTime output must score as corpora/README.md says. */
static void test_heideltime_reference(void **state)
{
    (void)state;
    const char *g42 = KRAUTS "/KRAUTS_Dolomiten-42", *h42 = KRAUTS "/KRAUTS_Dolomiten-42_Heideltime";
    const char *g100 = KRAUTS "/KRAUTS_Dolomiten-100", *h100 = KRAUTS "/KRAUTS_Dolomiten-100_Heideltime";
    struct stat st;
    if (stat(g42, &st) != 0 || stat(h42, &st) != 0) skip();
    bool both = stat(g100, &st) == 0 && stat(h100, &st) == 0;
    char *out;
    zs_error err;
    int rc = both ? run(&out, &err, 6, "--system", h42, g42, "--system", h100, g100)
                  : run(&out, &err, 3, "--system", h42, g42);
    if (rc != 0) fail_msg("%s", err.msg);
    row r = get_row(out, "KRAUTS_Dolomiten-42");
    assert_int_equal(r.docs, 42);
    assert_int_equal(r.gold, 186);
    expect_f1s(&r, 79.38, 83.08, 80.00, 82.46);
    if (both) {
        r = get_row(out, "KRAUTS_Dolomiten-100");
        assert_int_equal(r.docs, 100);
        assert_int_equal(r.gold, 401);
        expect_f1s(&r, 71.43, 81.32, 66.48, 76.92);
    }
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_known_counts, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_errors_listing, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_file_pair, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_zeitstrahl_timeml, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_events_and_links, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_reduced_graphs, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_timex2_gold, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_narrative_mode, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_malformed_xml, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_pairs_listing, make_tmp, remove_tmp),
        cmocka_unit_test_setup_teardown(test_other_errors, make_tmp, remove_tmp),
        cmocka_unit_test(test_heideltime_reference),
    };
    return cmocka_run_group_tests(tests, fixture_setup_de, fixture_teardown_de);
}
