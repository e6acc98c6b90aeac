#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libical/ical.h>
#include <libxml/parser.h>

static const char fixture_text[] =
    "Berlin, 2. Mai 2017, 21:06 Uhr\n\n"
    "Nach einem Telefonat am Dienstagabend wollen die Minister sich im Juli treffen. "
    "Der Gipfel findet am 7. und 8. Juli in Hamburg statt. "
    "Der Angriff Anfang April wird derzeit untersucht.";

/* Adds a sentence covering bytes [b0, b1) as one pseudo-token. */
static void add_sentence(zs_doc *d, uint32_t b0, uint32_t b1)
{
    ZS_GROW(d->toks, d->toks_cap, d->ntoks + 1);
    zs_token *t = &d->toks[d->ntoks];
    memset(t, 0, sizeof *t);
    t->b0 = t->c0 = b0;
    t->b1 = t->c1 = b1;
    t->num = -1;
    t->sent = (uint32_t)d->nsents;
    ZS_GROW(d->sents, d->sents_cap, d->nsents + 1);
    d->sents[d->nsents].t0 = (uint32_t)d->ntoks;
    d->sents[d->nsents].t1 = (uint32_t)d->ntoks + 1;
    d->ntoks++;
    d->nsents++;
}

static uint32_t find(const char *s)
{
    return (uint32_t)(strstr(fixture_text, s) - fixture_text);
}

static int add_timex(zs_doc *d, const char *mention, uint32_t sent, zs_ttype type,
                     const char *value, zs_mod mod, zs_gran gran, zs_lsec b, zs_lsec u)
{
    ZS_GROW(d->timexes, d->timexes_cap, d->ntimexes + 1);
    zs_timex *x = &d->timexes[d->ntimexes];
    memset(x, 0, sizeof *x);
    snprintf(x->id, sizeof x->id, "t%zu", d->ntimexes + 1);
    x->b0 = x->c0 = find(mention);
    x->b1 = x->c1 = x->b0 + (uint32_t)strlen(mention);
    x->sent = sent;
    x->rule = "fixture";
    zs_tv_init(&x->tv);
    x->rv.type = type;
    snprintf(x->rv.value, sizeof x->rv.value, "%s", value);
    x->rv.mod = mod;
    x->rv.gran = gran;
    x->rv.has_interval = b != u;
    x->rv.begin = b;
    x->rv.until = u;
    x->anchor = ZS_ANCHOR_DCT;
    x->group = -1;
    return (int)d->ntimexes++;
}

static void add_event(zs_doc *d, const char *trigger, const char *lemma,
                      const char *title, uint32_t sent, zs_eclass cls, int time)
{
    ZS_GROW(d->events, d->events_cap, d->nevents + 1);
    zs_event *e = &d->events[d->nevents];
    memset(e, 0, sizeof *e);
    snprintf(e->id, sizeof e->id, "e%zu", d->nevents + 1);
    e->b0 = e->c0 = find(trigger);
    e->b1 = e->c1 = e->b0 + (uint32_t)strlen(trigger);
    e->sent = sent;
    e->lemma = zs_xstrdup(lemma);
    e->title = zs_xstrdup(title);
    e->cls = cls;
    e->noun = true;
    e->coref = -1;
    e->time = time;
    e->coref = -1; /* no earlier mention of the same event */
    if (time >= 0) {
        const zs_timex *x = &d->timexes[time];
        e->has_interval = x->rv.has_interval;
        e->begin = x->rv.begin;
        e->until = x->rv.until;
        e->gran = x->rv.gran;
        e->mod = x->rv.mod;
    }
    d->nevents++;
}

static zs_lsec at(int y, int m, int day, int h, int mi)
{
    return zs_lsec_make(zs_days_from_civil(y, m, day), h, mi, 0);
}

zs_doc *fixture_doc(void)
{
    zs_doc *d = zs_xcalloc(1, sizeof *d);
    d->name = zs_xstrdup("fixture.txt");
    d->text = zs_xstrdup(fixture_text);
    d->len = strlen(fixture_text);
    d->dct = at(2017, 5, 2, 21, 6);
    d->dct_gran = ZS_GRAN_MINUTE;
    snprintf(d->dct_iso, sizeof d->dct_iso, "2017-05-02T21:06+02:00");
    snprintf(d->tz, sizeof d->tz, "Europe/Berlin");
    snprintf(d->locale, sizeof d->locale, "de");
    /* the German templates give the output words ("Quelle", "abends");
     * loaded once per test program and kept until it exits */
    static zs_lang *de;
    if (!de) de = fixture_lang_de();
    d->lang = de;

    add_sentence(d, 0, find("\n\n"));
    add_sentence(d, find("Nach"), find(" Der Gipfel"));
    add_sentence(d, find("Der Gipfel"), find(" Der Angriff"));
    add_sentence(d, find("Der Angriff"), (uint32_t)d->len);

    d->dct_timex = add_timex(d, "2. Mai 2017, 21:06 Uhr", 0, ZS_TIME, "2017-05-02T21:06",
                             ZS_MOD_NONE, ZS_GRAN_MINUTE, d->dct, d->dct + 60);
    d->timexes[d->dct_timex].is_dct = true;
    int tev = add_timex(d, "Dienstagabend", 1, ZS_TIME, "2017-05-02TEV", ZS_MOD_NONE,
                        ZS_GRAN_PARTOFDAY, at(2017, 5, 2, 18, 0), at(2017, 5, 2, 22, 0));
    int tjul = add_timex(d, "Juli", 1, ZS_DATE, "2017-07", ZS_MOD_NONE, ZS_GRAN_MONTH,
                         at(2017, 7, 1, 0, 0), at(2017, 8, 1, 0, 0));
    int t7 = add_timex(d, "7.", 2, ZS_DATE, "2017-07-07", ZS_MOD_NONE, ZS_GRAN_DAY,
                       at(2017, 7, 7, 0, 0), at(2017, 7, 8, 0, 0));
    int t8 = add_timex(d, "8. Juli", 2, ZS_DATE, "2017-07-08", ZS_MOD_NONE, ZS_GRAN_DAY,
                       at(2017, 7, 8, 0, 0), at(2017, 7, 9, 0, 0));
    d->timexes[t7].group = d->timexes[t8].group = t7;
    int tapr = add_timex(d, "Anfang April", 3, ZS_DATE, "2017-04", ZS_MOD_START,
                         ZS_GRAN_MONTH, at(2017, 4, 1, 0, 0), at(2017, 4, 11, 0, 0));
    add_timex(d, "derzeit", 3, ZS_DATE, "PRESENT_REF", ZS_MOD_NONE, ZS_GRAN_MINUTE,
              d->dct, d->dct);

    add_event(d, "Telefonat", "telefonat", "Telefonat", 1, ZS_EC_OCCURRENCE, tev);
    add_event(d, "treffen", "treffen", "Treffen", 1, ZS_EC_OCCURRENCE, tjul);
    add_event(d, "Gipfel", "gipfel", "Gipfel in Hamburg", 2, ZS_EC_OCCURRENCE, t7);
    /* the summit spans both coordinated days */
    d->events[d->nevents - 1].until = at(2017, 7, 9, 0, 0);
    add_event(d, "Angriff", "angriff", "Angriff", 3, ZS_EC_OCCURRENCE, tapr);
    add_event(d, "untersucht", "untersuchen", "Untersuchung", 3, ZS_EC_OCCURRENCE, -1);
    d->events[d->nevents - 1].noun = false;
    return d;
}

void fixture_doc_free(zs_doc *d)
{
    zs_doc_free(d); /* built from the same heap blocks as a real doc */
}

/* The templates of language code (tests run from the repository root),
 * or NULL after printing why. */
static zs_lang *lang_of(const char *code)
{
    char dir[64];
    snprintf(dir, sizeof dir, "templates/%s", code);
    zs_error err;
    zs_lang *L = zs_lang_load(dir, &err);
    if (!L) fprintf(stderr, "%s\n", err.msg);
    return L;
}

zs_lang *fixture_lang_de(void)
{
    return lang_of("de");
}

zs_lang *fixture_de;

int fixture_setup_de(void **state)
{
    *state = fixture_de = fixture_lang_de();
    return *state ? 0 : -1;
}

int fixture_teardown_de(void **state)
{
    zs_lang_free(*state);
    fixture_de = NULL;
    xmlCleanupParser();
    icaltimezone_free_builtin_timezones();
    return 0;
}

zs_lang *fixture_en;

int fixture_setup_en_de(void **state)
{
    fixture_en = lang_of("en");
    return fixture_en ? fixture_setup_de(state) : -1;
}

int fixture_teardown_en_de(void **state)
{
    zs_lang_free(fixture_en);
    fixture_en = NULL;
    return fixture_teardown_de(state);
}

zs_graph *fixture_graph(const zs_doc *d)
{
    zs_graph *g = zs_graph_new();
    zs_graph_add(g, d);
    zs_graph_finish(g);
    return g;
}

zs_doc *fixture_read(const zs_lang *lang, const char *text, const char *dct)
{
    zs_options o = {.dct = dct};
    zs_error err;
    zs_doc *d = zs_doc_new(lang, "t", text, strlen(text), &o, &err);
    assert_non_null(d);
    return d;
}

const zs_event *fixture_event(const zs_doc *d, const char *text)
{
    size_t n = strlen(text);
    for (size_t k = 0; k < d->nevents; k++) {
        const zs_event *e = &d->events[k];
        if (e->b1 - e->b0 == n && memcmp(d->text + e->b0, text, n) == 0) return e;
    }
    fail_msg("no event \"%s\"", text);
    return NULL;
}
