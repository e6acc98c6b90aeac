/* The template language: loading, errors with file:line:col, matching, and
 * the example runner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "doc.h"
#include "template.h"
#include "zeitstrahl.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/zs_tpl_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes dir/name with text (removing other .zt files first). */
static void write_only(const char *name, const char *text)
{
    char cmd[128], path[128];
    snprintf(cmd, sizeof cmd, "rm -f '%s'/*.zt", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Writes one template file as the only one of dir and loads the folder. */
static zs_lang *loaded(const char *name, const char *text)
{
    write_only(name, text);
    zs_error err = {0};
    zs_lang *L = zs_lang_load(dir, &err);
    if (!L) fail_msg("%s", err.msg);
    return L;
}

/* Loading must fail with a message ending in want, located at where. */
static void expect_error(const char *text, const char *where, const char *want)
{
    write_only("t.zt", text);
    zs_error err = {0};
    zs_lang *L = zs_lang_load(dir, &err);
    assert_null(L);
    assert_int_equal(err.code, ZS_ERR_TEMPLATE);
    char loc[160];
    snprintf(loc, sizeof loc, "%s/t.zt:%s: ", dir, where);
    if (strncmp(err.msg, loc, strlen(loc)) != 0 || !strstr(err.msg, want))
        fail_msg("got \"%s\", want \"%s%s\"", err.msg, loc, want);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("lang xx\nrule a\n  match @nope\nend\n", "3:9", "unknown lexicon 'nope'");
    expect_error("lang xx\nlexicon event_suffix\n  iert = class=OCCURRENCE not_after=nope\nend\n", "2",
                 "not_after=nope names no lexicon");
    expect_error("lang xx\nlexicon event_verb\n  bestreiten = class=REPORTING not_with=nope\nend\n",
                 "2", "lexicon event_verb, 'bestreiten': not_with=nope names no lexicon");
    expect_error("lang xx\nrule a\n  match \"x\"\n", "2:1", "rule has no 'end'");
    expect_error("lang xx\nrule a\n  match \"x\nend\n", "3:9", "unterminated string");
    expect_error("lang xx\nrule a\n  match \"x\"\n  value date(color=3)\nend\n", "4:14",
                 "unknown field");
    expect_error("lang xx\nrule a\n  match \"x\"?\nend\n", "3:9", "can match no token");
    expect_error("lang xx\nrule a\n  match \"x\" (\"y\"\nend\n", "3:17", "expected ')'");
    expect_error("lang xx\nrule a\n  match x\nend\n", "3:9", "unknown item 'x'");
    expect_error("lang xx\nrule a\n  match n:int(1..9)\n  value date(pod=n.x, mod=SOON)\nend\n",
                 "4:27", "neither a capture nor a value");
    expect_error("lang xx\nrule a\n  match \"x\"\n  ex \"[a] [b]\" => 2017\nend\n", "4:6",
                 "number of values differs");
    expect_error("lang xx\nfrobnicate\n", "2:1", "expected lexicon, compound, rule");
    expect_error("lang xx\nrule a\n  match noun\nend\n", "3:9", "needs an item besides 'noun'");
    expect_error("lang xx\nrule a\n  genre poetry\n  match \"x\"\nend\n", "3:15", "genre news");
    expect_error("lang xx\nrule a\n  match n:int(1..9)\n  value date(day=n|x)\nend\n", "4:20",
                 "bad default");
    expect_error("lang xx\nzone Mars/Olympus\n", "2:6", "unknown time zone");
    expect_error("lang xx\ndecades often\n", "2:9", "expected 'decades units'");
    expect_error("lang xx\nnouns often\n", "2:7", "expected 'nouns tense'");
    expect_error("lang xx\nlexicon m\n  ex \"june\" => 6\nend\n", "3:3",
                 "examples belong in rules and participant lexicons");
    expect_error("lang xx\nlexicon participant\n  ex \"Anna met Bert\" Anna\nend\n", "3:22",
                 "expected '=>' and the participants");
    expect_error("lang xx\nlexicon participant\n  ex \"Anna met Bert\" => Anna,\nend\n", "3:30",
                 "expected a participant name");
    expect_error("lang xx\nlexicon participant\n  no \"Anna met Bert\" => Anna\nend\n", "3:22",
                 "a 'no' example takes no value");
    expect_error("lang xx\nlexicon m\n  mai = 5\nend\nlexicon m\nend\n", "5:9",
                 "lexicon defined twice");
    expect_error("lang xx\nlexicon m\n  mai = 5 case=lower\nend\n", "3:21",
                 "case= takes only 'upper'");

    write_only("t.zt", "rule a\n  match \"x\"\nend\n");
    zs_error err = {0};
    assert_null(zs_lang_load(dir, &err));
    assert_non_null(strstr(err.msg, "no 'lang' line"));
    assert_null(zs_lang_load("/nonexistent/templates", &err));
    assert_non_null(strstr(err.msg, "/nonexistent/templates"));
}

/* Runs L's examples: passed must pass and one fail, whose report line
 * goes to line. */
static void selftest_one_failure(const zs_lang *L, int passed_want, char *line, int n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/report.txt", dir);
    FILE *report = fopen(path, "w+");
    assert_non_null(report);
    int passed = 0, failed = 0;
    assert_int_equal(zs_lang_selftest(L, report, 0, &passed, &failed), 1);
    assert_int_equal(passed, passed_want);
    assert_int_equal(failed, 1);
    rewind(report);
    line[0] = '\0';
    assert_non_null(fgets(line, n, report));
    fclose(report);
}

static const char mini[] =
    "lang xx\n"
    "zone Europe/Berlin\n"
    "now 2020-06-15T12:00+02:00\n"
    "lexicon mon\n"
    "  may \"may.\" = 5\n"
    "  june = 6\n"
    "end\n"
    "lexicon verb_aux\n"
    "  was = tense=PAST\n"
    "end\n"
    "rule m.day_month\n"
    "  match \"on\"? [d:int(1..31) m:@mon]\n"
    "  value date(day=d, month=m)\n"
    "  ex \"on [3 june]\" => 2020-06-03\n"
    "  ex \"It [3 may.] was\" => 2020-05-03\n"
    "  no \"3 apples\"\n"
    "end\n"
    "rule m.month\n"
    "  match m:@mon\n"
    "  value date(month=m)\n"
    "  ex \"in [june] it was\" => 2020-06\n"
    "  ex \"june\" => 2020-05\n" /* wrong on purpose */
    "end\n";

/* doc of text tagged with L (publication time 2020-06-15), which finds
 * ntimexes timexes. */
static zs_doc *tagged(const zs_lang *L, const char *text, size_t ntimexes)
{
    zs_options opts = {.dct = "2020-06-15"};
    zs_error err = {0};
    zs_doc *d = zs_doc_new(L, "t", text, strlen(text), &opts, &err);
    if (!d) fail_msg("%s", err.msg);
    assert_int_equal(d->ntimexes, ntimexes);
    return d;
}

static void test_load_match_selftest(void **state)
{
    (void)state;
    zs_lang *L = loaded("mini.zt", mini);
    assert_string_equal(zs_lang_code(L), "xx");
    /* "may." is one entry of two tokens; folding makes case irrelevant */
    const zs_word *w = zs_lang_word(L, "may", 3);
    assert_non_null(w);
    /* both rules are indexed by their word list item, the rarest they
     * must contain: not by the optional "on" nor by the number */
    assert_int_equal(w->nrules, 2);
    assert_int_equal(zs_lang_word(L, "on", 2)->nrules, 0);
    assert_int_equal(L->nnum_rules, 0);
    assert_int_equal(L->rules[0].lead, 2); /* "on"? and the number before it */
    assert_int_equal(L->rules[1].lead, 0);

    char line[512];
    selftest_one_failure(L, 4, line, sizeof line);
    assert_non_null(strstr(line, "mini.zt:22: rule m.month"));
    assert_non_null(strstr(line, "expected \"june\" = 2020-05, got \"june\" = 2020-06"));

    zs_doc *d = tagged(L, "It happened on 4 JUNE and again in May.", 2);
    assert_string_equal(d->timexes[0].rv.value, "2020-06-04");
    assert_int_equal(d->timexes[0].c0, 15); /* "on" is context, not extent */
    assert_string_equal(d->timexes[1].rv.value, "2020-05");
    zs_doc_free(d);
    zs_lang_free(L);
}

/* case=upper: an entry matches only a token whose first letter is upper
 * case (sentence start or not); the other forms of its lexicon any case. */
static void test_case_upper(void **state)
{
    (void)state;
    zs_lang *L = loaded("t.zt", "lang xx\n"
                                "lexicon mon\n"
                                "  may = 5 case=upper\n"
                                "  june = 6\n"
                                "end\n"
                                "rule m.month\n"
                                "  match \"in\" [m:@mon]\n"
                                "  value date(month=m)\n"
                                "end\n");
    zs_doc *d = tagged(L, "It was in May, not in may or in june.", 2);
    assert_string_equal(d->timexes[0].rv.value, "2020-05");
    assert_string_equal(d->timexes[1].rv.value, "2020-06");
    zs_doc_free(d);
    zs_doc_free(tagged(L, "in may", 0));
    d = tagged(L, "IN MAY", 1);
    assert_string_equal(d->timexes[0].rv.value, "2020-05");
    zs_doc_free(d);
    zs_lang_free(L);
}

/* The examples of the participant lexicons run through the engine: the
 * participants of all events of the text, in any order. */
static void test_participant_examples(void **state)
{
    (void)state;
    zs_lang *L = loaded("p.zt", "lang xx\n"
                                "now 2020-06-15T12:00+02:00\n"
                                "lexicon event_verb\n"
                                "  met = OCCURRENCE\n"
                                "end\n"
                                "lexicon participant\n"
                                "  anna = Anna\n"
                                "  bert = Bert\n"
                                "  ex \"Then anna met bert.\" => Bert, Anna\n"
                                "  ex \"Then anna met bert.\" => Anna\n" /* wrong on purpose */
                                "  no \"Then nobody met.\"\n"
                                "end\n");
    char line[512];
    selftest_one_failure(L, 2, line, sizeof line);
    assert_non_null(strstr(line, "p.zt:10: participants: ex \"Then anna met bert.\""));
    assert_non_null(strstr(line, "expected participants Anna, got Anna, Bert"));
    zs_lang_free(L);
}

static const char filters[] =
    "lang xx\n"
    "zone UTC\n"
    "now 2020-06-15\n"
    "lexicon unit\n"
    "  day days = day\n"
    "  \"fiscal year\" = year\n"
    "end\n"
    "rule f.ago\n"
    "  match n:int(1..99) u:@unit \"ago\"\n"
    "  value date(offset=-n, unit=u)\n"
    "end\n"
    "rule f.year\n"
    "  match (\"the\" \"year\")? y:int(1000..2100)\n"
    "  value date(year=y)\n"
    "end\n"
    "rule f.noun\n"
    "  match \"dear\" noun \"day\"\n"
    "  value date(offset=0, unit=day)\n"
    "end\n";

static bool has_word(const zs_lang *L, const uint8_t *bits, const char *form)
{
    const zs_word *w = zs_lang_word(L, form, strlen(form));
    assert_non_null(w);
    return bits[w->rid / 8] >> (w->rid % 8) & 1;
}

/* What a match can start with, have second and third, have before and
 * after the item its rule is indexed by, and the words it needs: the
 * matcher tries a rule only where these fit. */
static void test_start_filters(void **state)
{
    (void)state;
    zs_lang *L = loaded("filters.zt", filters);
    const zs_rule *ago = &L->rules[0], *year = &L->rules[1], *noun = &L->rules[2];
    /* starts at a number of 1..99; second the first word of a unit entry */
    assert_true(ago->first.num);
    assert_int_equal(ago->first.lo, 1);
    assert_int_equal(ago->first.hi, 99);
    assert_false(ago->next[0].any);
    assert_false(ago->next[0].num);
    assert_true(has_word(L, ago->next[0].words, "days"));
    assert_true(has_word(L, ago->next[0].words, "fiscal"));
    assert_false(has_word(L, ago->next[0].words, "year")); /* second token of "fiscal year" */
    assert_false(has_word(L, ago->next[0].words, "ago"));
    /* third: "ago" after a one-token unit, "year" in "fiscal year" */
    assert_false(ago->next[1].any);
    assert_true(has_word(L, ago->next[1].words, "ago"));
    assert_true(has_word(L, ago->next[1].words, "year"));
    assert_false(has_word(L, ago->next[1].words, "days"));
    /* indexed by the unit, after the number; "ago" or the second token of
     * "fiscal year" after the unit's first token; needs "ago" */
    assert_int_equal(ago->lead, 1);
    assert_int_equal(ago->min_lead, 1);
    assert_false(ago->succ.any);
    assert_false(ago->succ.num);
    assert_true(has_word(L, ago->succ.words, "ago"));
    assert_true(has_word(L, ago->succ.words, "year"));
    assert_false(has_word(L, ago->succ.words, "days"));
    assert_true(ago->at_lo > ago->at_hi); /* a word, not a number */
    assert_true(ago->need == zs_lang_word(L, "ago", 3)->need_bit);
    assert_true(zs_lang_word(L, "days", 4)->rules_need & ago->need);
    /* the same over the rules a word indexes: here f.ago alone */
    const zs_tokset *after_days = zs_lang_word(L, "days", 4)->rules_succ;
    assert_non_null(after_days);
    assert_true(has_word(L, after_days->words, "ago"));
    assert_false(has_word(L, after_days->words, "days"));
    const zs_tokset *before_days = zs_lang_word(L, "days", 4)->rules_pred;
    assert_non_null(before_days); /* the number */
    assert_true(before_days->num);
    assert_int_equal(before_days->lo, 1);
    assert_int_equal(before_days->hi, 99);
    assert_false(ago->pred.any);
    assert_true(ago->pred.num);
    assert_int_equal(ago->pred.lo, 1);
    assert_int_equal(ago->pred.hi, 99);
    /* the unit lexicon's longest entry, "fiscal year" */
    uint32_t unit = 0;
    while (unit < L->nlexicons && strcmp(L->lexicons[unit].name, "unit") != 0) unit++;
    assert_true(unit < L->nlexicons);
    assert_int_equal(L->lexicons[unit].max_tokens, 2);
    /* a year alone is a whole match: any second token */
    assert_true(year->first.num);
    assert_int_equal(year->first.lo, 1000);
    assert_int_equal(year->first.hi, 2100);
    assert_true(has_word(L, year->first.words, "the"));
    assert_true(year->next[0].any);
    assert_true(year->next[1].any);
    assert_false(year->next[0].num); /* "the year 1990": a number third only */
    assert_true(year->next[1].num);
    /* indexed by the year, after up to two tokens; needs no word */
    assert_int_equal(year->lead, 2);
    assert_int_equal(year->min_lead, 0);
    assert_true(year->succ.any);
    assert_int_equal(year->at_lo, 1000);
    assert_int_equal(year->at_hi, 2100);
    assert_true(year->need == ZS_NEED_ANY);
    assert_true(L->num_rules_need & ZS_NEED_ANY);
    assert_null(L->num_rules_succ); /* a year can end a match */
    assert_null(L->num_rules_pred); /* and start one */
    /* any capitalized word second */
    assert_true(noun->next[0].any);

    zs_doc *d = tagged(L,
                       "It was 3 fiscal year ago, 150 days ago, 2 days ago and the year 1999; "
                       "2300 years, Dear John day.",
                       4);
    assert_string_equal(d->timexes[0].rv.value, "2017");
    assert_string_equal(d->timexes[1].rv.value, "2020-06-13");
    assert_string_equal(d->timexes[2].rv.value, "1999");
    assert_int_equal(d->timexes[2].c0, 55); /* "the year 1999" */
    assert_string_equal(d->timexes[3].rv.value, "2020-06-15");
    zs_doc_free(d);
    zs_lang_free(L);
}

/* Alternatives of one word each are one instruction that takes any of
 * them; other alternatives branch. */
static void test_word_sets(void **state)
{
    (void)state;
    zs_lang *L = loaded("sets.zt", "lang xx\n"
                                   "zone UTC\n"
                                   "now 2020-06-15\n"
                                   "rule s.span\n"
                                   "  match y:int(1900..2100) (\"-\" | \"/\" | \"to\") int(1900..2100)\n"
                                   "  value date(year=y)\n"
                                   "end\n"
                                   "rule s.pair\n"
                                   "  match \"x\" (\"a\" \"b\" | \"c\") y:int(1..9)\n"
                                   "  value date(year=y)\n"
                                   "end\n");
    int sets = 0, splits = 0;
    for (int pc = 0; pc < L->rules[0].nprog; pc++) {
        const zs_inst *in = &L->rules[0].prog[pc];
        if (in->op == ZS_OP_SET) {
            sets++;
            assert_int_equal(in->b, 3);
            assert_true(L->lit_pool[in->a + 2] == zs_lang_word(L, "to", 2)->id);
        }
        splits += in->op == ZS_OP_SPLIT;
    }
    assert_int_equal(sets, 1);
    assert_int_equal(splits, 0);
    assert_true(L->rules[0].need == ZS_NEED_ANY); /* none of the three is needed */
    sets = splits = 0;
    for (int pc = 0; pc < L->rules[1].nprog; pc++) {
        sets += L->rules[1].prog[pc].op == ZS_OP_SET;
        splits += L->rules[1].prog[pc].op == ZS_OP_SPLIT;
    }
    assert_int_equal(sets, 0);
    assert_int_equal(splits, 1);

    zs_doc *d = tagged(L, "From 1990-1995, 1991 to 1996 and 1992 + 1997; x a b 3, x c 4, x b 5.",
                       4);
    assert_string_equal(d->timexes[0].rv.value, "1990");
    assert_string_equal(d->timexes[1].rv.value, "1991");
    assert_string_equal(d->timexes[2].rv.value, "2003"); /* "x a b 3" */
    assert_string_equal(d->timexes[3].rv.value, "2004");
    zs_doc_free(d);
    zs_lang_free(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_load_match_selftest),
        cmocka_unit_test(test_case_upper),
        cmocka_unit_test(test_participant_examples),
        cmocka_unit_test(test_start_filters),
        cmocka_unit_test(test_word_sets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
