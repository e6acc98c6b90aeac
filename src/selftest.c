/* Runs the ex/no examples of every rule through the full engine.
 *
 * ex: every [ ] mention (or the whole text) must be found with exactly that
 *     extent by the rule the example belongs to, with the stated value, mod
 *     and type; no other mention may overlap it. Mentions elsewhere in the
 *     example are context and are not checked.
 * no: the text must yield no mention at all.
 *
 * Examples of the participant lexicons: ex lists every participant of the
 * text's events (in any order), no says its events have none. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "template.h"

static bool overlaps(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    return a0 < b1 && b0 < a1;
}

/* Describes the timexes of d that overlap [b0, b1) into out. */
static void found(const zs_doc *d, uint32_t b0, uint32_t b1, zs_buf *out)
{
    int n = 0;
    for (size_t i = 0; i < d->ntimexes; i++) {
        const zs_timex *x = &d->timexes[i];
        if (!overlaps(x->b0, x->b1, b0, b1)) continue;
        zs_buf_printf(out, "%s\"%.*s\" = %s%s%s (%s, rule %s)", n++ ? "; " : "",
                      (int)(x->b1 - x->b0), d->text + x->b0, x->rv.value,
                      x->rv.mod ? " " : "", zs_mod_name(x->rv.mod), zs_ttype_name(x->rv.type),
                      x->rule);
    }
    if (!n) zs_buf_puts(out, "nothing");
}

static bool check_expect(const zs_doc *d, const zs_rule *r, const zs_expect *e, zs_buf *why)
{
    const zs_timex *hit = NULL;
    int overlapping = 0;
    for (size_t i = 0; i < d->ntimexes; i++) {
        const zs_timex *x = &d->timexes[i];
        if (!overlaps(x->b0, x->b1, e->b0, e->b1)) continue;
        overlapping++;
        if (x->b0 == e->b0 && x->b1 == e->b1) hit = x;
    }
    bool ok = hit && overlapping == 1 && strcmp(hit->rule, r->name) == 0 &&
              strcmp(hit->rv.value, e->value) == 0 && hit->rv.mod == e->mod &&
              (e->type < 0 || (int)hit->rv.type == e->type);
    if (!ok) {
        zs_buf_printf(why, "expected \"%.*s\" = %s%s%s", (int)(e->b1 - e->b0), d->text + e->b0,
                      e->value, e->mod ? " " : "", zs_mod_name(e->mod));
        if (e->type >= 0) zs_buf_printf(why, " %s", zs_ttype_name((zs_ttype)e->type));
        zs_buf_puts(why, ", got ");
        found(d, e->b0, e->b1, why);
    }
    return ok;
}

static bool run_example(const zs_lang *L, const zs_rule *r, const zs_example *x, zs_buf *why)
{
    zs_options opts = {.dct = x->dct ? x->dct : L->now, .narrative = r->genre == 2,
                       .date_order = r->order};
    zs_error err;
    zs_doc *d = zs_doc_new(L, "example", x->text, strlen(x->text), &opts, &err);
    if (!d) {
        zs_buf_puts(why, err.msg);
        return false;
    }
    bool ok = true;
    if (x->negative) {
        ok = d->ntimexes == 0;
        if (!ok) {
            zs_buf_puts(why, "expected nothing, got ");
            found(d, 0, (uint32_t)d->len, why);
        }
    } else {
        for (int i = 0; i < x->nexpects; i++) {
            if (i && !ok) zs_buf_puts(why, "; ");
            if (!check_expect(d, r, &x->expects[i], why)) ok = false;
        }
    }
    zs_doc_free(d);
    return ok;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void put_names(zs_buf *out, const char *const *names, size_t n)
{
    if (!n) zs_buf_puts(out, "none");
    for (size_t i = 0; i < n; i++) zs_buf_printf(out, "%s%s", i ? ", " : "", names[i]);
}

static bool run_pexample(const zs_lang *L, const zs_pexample *x, zs_buf *why)
{
    zs_options opts = {.dct = L->now};
    zs_error err;
    zs_doc *d = zs_doc_new(L, "example", x->text, strlen(x->text), &opts, &err);
    if (!d) {
        zs_buf_puts(why, err.msg);
        return false;
    }
    /* every participant of the events, once, sorted */
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < d->nevents; i++) cap += d->events[i].nparticipants;
    const char **got = zs_xmalloc((cap ? cap : 1) * sizeof *got);
    for (size_t i = 0; i < d->nevents; i++)
        for (uint32_t k = 0; k < d->events[i].nparticipants; k++) {
            const char *name = d->events[i].participants[k];
            size_t j = 0;
            while (j < n && strcmp(got[j], name) != 0) j++;
            if (j == n) got[n++] = name;
        }
    qsort(got, n, sizeof *got, cmp_name);
    bool ok = n == (size_t)x->nnames;
    for (size_t i = 0; ok && i < n; i++) ok = strcmp(got[i], x->names[i]) == 0;
    if (!ok) {
        zs_buf_puts(why, "expected participants ");
        put_names(why, (const char *const *)x->names, (size_t)x->nnames);
        zs_buf_puts(why, ", got ");
        put_names(why, got, n);
    }
    free(got);
    zs_doc_free(d);
    return ok;
}

int zs_lang_selftest(const zs_lang *L, FILE *report, int verbose, int *passed, int *failed)
{
    int fails = 0;
    zs_buf why = {0};
    for (uint32_t i = 0; i < L->nrules; i++) {
        const zs_rule *r = &L->rules[i];
        for (int k = 0; k < r->nexamples; k++) {
            const zs_example *x = &r->examples[k];
            zs_buf_reset(&why);
            bool ok = run_example(L, r, x, &why);
            if (ok) {
                (*passed)++;
                if (verbose && report)
                    fprintf(report, "ok   %s:%d: %s %s \"%s\"\n", x->file, x->line, r->name,
                            x->negative ? "no" : "ex", x->text);
            } else {
                (*failed)++;
                fails++;
                if (report)
                    fprintf(report, "FAIL %s:%d: rule %s: %s \"%s\": %s\n", x->file, x->line,
                            r->name, x->negative ? "no" : "ex", x->text, why.data);
            }
        }
    }
    for (uint32_t i = 0; i < L->npexamples; i++) {
        const zs_pexample *x = &L->pexamples[i];
        zs_buf_reset(&why);
        bool ok = run_pexample(L, x, &why);
        const char *kind = x->negative ? "no" : "ex";
        if (ok) {
            (*passed)++;
            if (verbose && report) fprintf(report, "ok   %s:%d: participants %s \"%s\"\n", x->file, x->line, kind, x->text);
        } else {
            (*failed)++;
            fails++;
            if (report)
                fprintf(report, "FAIL %s:%d: participants: %s \"%s\": %s\n", x->file, x->line, kind,
                        x->text, why.data);
        }
    }
    zs_buf_free(&why);
    return fails;
}
