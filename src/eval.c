/* zeitstrahl eval: TempEval-3 task-A scoring of temporal expressions.
 *
 * Reading (the TimeML reader of timeml.c, shared with zs_doc_from_timeml).
 * A gold or system file is parsed with libxml2's xmlTextReader.
 * The document text is the character content of its first TEXT element
 * with all tags removed (entities decoded); offsets are Unicode code points
 * into it. Every TIMEX3 or TIMEX2 element inside TEXT is a temporal
 * expression with its type (TIMEX2 has none: DURATION for values "P<digit>",
 * "PX", "PT...", SET with set="YES" or a periodicity, TIME for a date with a
 * "T" part, else DATE), value ("value", or "val" for TIMEX2) and mod.
 * Elements without text (or only white space) and creation-time TIMEX3
 * (functionInDocument="CREATION_TIME") are not scored. The creation time is
 * that TIMEX3's value, else the value of a TIMEX2/TIMEX3 inside a DCT,
 * DATETIME or DATE_TIME element, else that element's text (WikiWarsDE:
 * <DATETIME><TIMEX2 val="2011-02-16T17:00:00">, the download date). A bare
 * "&" that starts no reference is read as a literal "&": WikiWarsDE's
 * inline files are SGML-ish and have some.
 *
 * Scoring (UzZaman et al. 2013, task A, as the official TempEval-3 scorer
 * counts it). Gold and system expressions of a document are paired one to
 * one: first those with identical extents, then each remaining gold
 * expression, in text order, with the first remaining system expression
 * that overlaps it. Strict P/R count pairs with identical extents, relaxed
 * P/R all pairs, over the number of system / gold expressions; F1 is their
 * harmonic mean. Value F1 (type F1) is relaxed F1 times the share of pairs
 * whose value (type) strings are equal; mod is not part of it. Counts are
 * summed over a corpus's documents (micro average). This reproduces the
 * reference HeidelTime figures on KRAUTS (corpora/README.md). */
#include "eval.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "doc.h"
#include "eval_events.h"
#include "timeml.h"
#include "tvalue.h"
#include "util.h"

/* ---- documents ---------------------------------------------------------- */

/* One temporal expression: code-point extent [c0, c1) and attributes (owned). */
typedef struct ev_timex {
    uint32_t c0, c1;
    char *type, *value, *mod;
    bool creation; /* functionInDocument="CREATION_TIME" */
} ev_timex;

/* One read document: its TEXT content and expressions in document order. */
typedef struct ev_doc {
    char *text;        /* TEXT content, UTF-8, NUL-terminated (owned) */
    size_t len;        /* bytes */
    uint32_t ncp;      /* code points */
    uint32_t *cpb;     /* byte offset of each code point, ncp + 1 (owned) */
    char *dct;         /* creation time value, or NULL (owned) */
    ev_timex *tx;
    size_t ntx, tx_cap;
} ev_doc;

/* Frees what d owns and zeroes it. Accepts a zeroed doc. */
static void doc_clear(ev_doc *d)
{
    for (size_t i = 0; i < d->ntx; i++) {
        free(d->tx[i].type);
        free(d->tx[i].value);
        free(d->tx[i].mod);
    }
    free(d->tx);
    free(d->text);
    free(d->cpb);
    free(d->dct);
    memset(d, 0, sizeof *d);
}

/* Appends an expression with copies of type, value, mod (NULL: ""). Returns
 * its index. */
static size_t doc_add(ev_doc *d, uint32_t c0, uint32_t c1, const char *type,
                      const char *value, const char *mod, bool creation)
{
    ZS_GROW(d->tx, d->tx_cap, d->ntx + 1);
    ev_timex *t = &d->tx[d->ntx];
    t->c0 = c0;
    t->c1 = c1;
    t->type = zs_xstrdup(type ? type : "");
    t->value = zs_xstrdup(value ? value : "");
    t->mod = zs_xstrdup(mod ? mod : "");
    t->creation = creation;
    return d->ntx++;
}

/* Fills d->ncp and d->cpb from d->text. */
static void doc_index(ev_doc *d)
{
    uint32_t n = 0;
    for (size_t i = 0; i < d->len; i++)
        if (((unsigned char)d->text[i] & 0xC0) != 0x80) n++;
    d->cpb = zs_xreallocarray(NULL, (size_t)n + 1, sizeof *d->cpb);
    uint32_t k = 0;
    for (size_t i = 0; i < d->len; i++)
        if (((unsigned char)d->text[i] & 0xC0) != 0x80) d->cpb[k++] = (uint32_t)i;
    d->cpb[n] = (uint32_t)d->len;
    d->ncp = n;
}

/* True if the code points [c0, c1) of d are all white space (or none). */
static bool span_blank(const ev_doc *d, uint32_t c0, uint32_t c1)
{
    if (c1 > d->ncp) c1 = d->ncp;
    for (uint32_t b = c0 < c1 ? d->cpb[c0] : 0, e = c0 < c1 ? d->cpb[c1] : 0; b < e; b++) {
        char c = d->text[b];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

/* Orders expressions by start, then end. */
static int cmp_timex(const void *a, const void *b)
{
    const ev_timex *x = a, *y = b;
    if (x->c0 != y->c0) return x->c0 < y->c0 ? -1 : 1;
    if (x->c1 != y->c1) return x->c1 < y->c1 ? -1 : 1;
    return 0;
}

/* Drops the expressions that are not scored (blank extent, creation time)
 * and sorts the rest by extent. */
static void doc_finish_timexes(ev_doc *d)
{
    size_t k = 0;
    for (size_t i = 0; i < d->ntx; i++) {
        ev_timex *t = &d->tx[i];
        if (t->creation || t->c1 <= t->c0 || span_blank(d, t->c0, t->c1)) {
            free(t->type);
            free(t->value);
            free(t->mod);
            continue;
        }
        d->tx[k++] = *t;
    }
    d->ntx = k;
    if (k > 1) qsort(d->tx, k, sizeof *d->tx, cmp_timex);
}

/* ---- reading TimeML / TIMEX2 ------------------------------------------- */

/* Reads the annotated file path into d (zeroed by the caller) with the
 * TimeML reader (timeml.h). Returns 0, or a zs_status with err filled
 * ("path: message", "path:line:col: message"). */
static int read_doc(const char *path, ev_doc *d, zs_error *err)
{
    size_t len;
    char *raw = zs_read_file(path, &len, err);
    if (!raw) return err->code;
    zs_timeml t;
    int rc = zs_timeml_read(path, raw, len, 0, &t, err);
    free(raw);
    if (rc != 0) return rc;
    for (size_t i = 0; i < t.ntx; i++) {
        const zs_timeml_timex *x = &t.tx[i];
        doc_add(d, x->c0, x->c1, x->type, x->value, x->mod, x->creation);
    }
    d->text = t.text;
    d->len = t.len;
    d->dct = t.dct;
    t.text = t.dct = NULL;
    zs_timeml_clear(&t);
    doc_index(d);
    doc_finish_timexes(d);
    return 0;
}

/* ---- running zeitstrahl ------------------------------------------------- */

/* Fills sys (zeroed) with zeitstrahl's expressions on gold's text, anchored
 * to gold's creation time, in narrative mode if narrative. name labels
 * errors. Returns 0, or a zs_status with err filled. */
static int run_zeitstrahl(const zs_lang *lang, const char *name, const ev_doc *gold,
                          bool narrative, ev_doc *sys, zs_error *err)
{
    sys->text = zs_xstrndup(gold->text, gold->len);
    sys->len = gold->len;
    doc_index(sys);
    if (span_blank(gold, 0, gold->ncp)) return 0;
    char buf[16];
    zs_options opts = {.dct = zs_timeml_usable_dct(gold->dct, buf, sizeof buf), .timex_only = 1,
                       .narrative = narrative};
    zs_doc *zd = zs_doc_new(lang, name, gold->text, gold->len, &opts, err);
    if (!zd) return err->code ? (int)err->code : ZS_ERR_INTERNAL;
    for (size_t i = 0; i < zd->ntimexes; i++) {
        const zs_timex *x = &zd->timexes[i];
        if (x->is_dct) continue;
        doc_add(sys, x->c0, x->c1, zs_ttype_name(x->rv.type), x->rv.value,
                zs_mod_name(x->rv.mod), false);
    }
    zs_doc_free(zd);
    doc_finish_timexes(sys);
    return 0;
}

/* ---- scoring ------------------------------------------------------------ */

typedef struct ev_counts {
    size_t docs, gold, sys;
    size_t strict, relaxed; /* pairs with identical / overlapping extents */
    size_t value, type;     /* relaxed pairs with equal value / type */
} ev_counts;

/* Adds b to a. */
static void counts_add(ev_counts *a, const ev_counts *b)
{
    a->docs += b->docs;
    a->gold += b->gold;
    a->sys += b->sys;
    a->strict += b->strict;
    a->relaxed += b->relaxed;
    a->value += b->value;
    a->type += b->type;
}

/* "TYPE:VALUE" or "TYPE:VALUE:MOD" of t into buf; "-" for NULL. Returns buf. */
static const char *describe(const ev_timex *t, char *buf, size_t n)
{
    if (!t) snprintf(buf, n, "-");
    else if (*t->mod) snprintf(buf, n, "%s:%s:%s", t->type, t->value, t->mod);
    else snprintf(buf, n, "%s:%s", t->type, t->value);
    return buf;
}

/* Appends the text of code points [c0, c1) of d to b, white space as blanks. */
static void put_mention(zs_buf *b, const ev_doc *d, uint32_t c0, uint32_t c1)
{
    if (c1 > d->ncp) c1 = d->ncp;
    if (c0 >= c1) return;
    for (uint32_t i = d->cpb[c0]; i < d->cpb[c1]; i++) {
        char c = d->text[i];
        zs_buf_putc(b, (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
    }
}

/* One --errors line and where it sorts. */
typedef struct ev_line {
    uint32_t c0;
    size_t seq;
    char *text; /* owned */
} ev_line;

/* Orders lines by position, then by creation. */
static int cmp_line(const void *a, const void *b)
{
    const ev_line *x = a, *y = b;
    if (x->c0 != y->c0) return x->c0 < y->c0 ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Adds the line for gold g and system s (either may be NULL) of kind to
 * lines. */
static void add_line(ev_line **lines, size_t *n, size_t *cap, const char *file,
                     const ev_doc *gd, const ev_timex *g, const ev_doc *sd,
                     const ev_timex *s, const char *kind)
{
    char gb[160], sb[160];
    zs_buf b = {0};
    const ev_timex *m = g ? g : s;
    zs_buf_printf(&b, "%s: \"", file);
    put_mention(&b, g ? gd : sd, m->c0, m->c1);
    zs_buf_printf(&b, "\" gold=%s sys=%s %s", describe(g, gb, sizeof gb),
                  describe(s, sb, sizeof sb), kind);
    if (g && s && (g->c0 != s->c0 || g->c1 != s->c1)) {
        zs_buf_puts(&b, " sys_text=\"");
        put_mention(&b, sd, s->c0, s->c1);
        zs_buf_putc(&b, '"');
    }
    ZS_GROW(*lines, *cap, *n + 1);
    (*lines)[*n] = (ev_line){.c0 = m->c0, .seq = *n, .text = b.data};
    (*n)++;
}

/* Pairs the expressions of gold and sys (both sorted by extent), adds the
 * counts of one document to c and, if errs is not NULL, its mismatch lines
 * (labelled file) in text order. */
static void score_doc(const ev_doc *gold, const ev_doc *sys, const char *file,
                      ev_counts *c, zs_buf *errs)
{
    size_t ng = gold->ntx, ns = sys->ntx;
    size_t *gm = zs_xreallocarray(NULL, ng ? ng : 1, sizeof *gm);
    bool *used = zs_xcalloc(ns ? ns : 1, sizeof *used);
    const size_t none = SIZE_MAX;
    for (size_t i = 0; i < ng; i++) {
        gm[i] = none;
        for (size_t j = 0; j < ns; j++)
            if (!used[j] && sys->tx[j].c0 == gold->tx[i].c0 && sys->tx[j].c1 == gold->tx[i].c1) {
                gm[i] = j;
                used[j] = true;
                break;
            }
    }
    for (size_t i = 0; i < ng; i++) {
        if (gm[i] != none) continue;
        for (size_t j = 0; j < ns; j++)
            if (!used[j] && sys->tx[j].c0 < gold->tx[i].c1 && gold->tx[i].c0 < sys->tx[j].c1) {
                gm[i] = j;
                used[j] = true;
                break;
            }
    }
    ev_counts d = {.docs = 1, .gold = ng, .sys = ns};
    ev_line *lines = NULL;
    size_t nlines = 0, lines_cap = 0;
    for (size_t i = 0; i < ng; i++) {
        const ev_timex *g = &gold->tx[i];
        if (gm[i] == none) {
            if (errs) add_line(&lines, &nlines, &lines_cap, file, gold, g, sys, NULL, "missing");
            continue;
        }
        const ev_timex *s = &sys->tx[gm[i]];
        bool exact = g->c0 == s->c0 && g->c1 == s->c1;
        bool value = strcmp(g->value, s->value) == 0;
        bool type = strcmp(g->type, s->type) == 0;
        d.relaxed++;
        d.strict += exact;
        d.value += value;
        d.type += type;
        if (errs && !(exact && value && type))
            add_line(&lines, &nlines, &lines_cap, file, gold, g, sys, s,
                     !value ? "value" : !type ? "type" : "extent");
    }
    for (size_t j = 0; j < ns && errs; j++)
        if (!used[j])
            add_line(&lines, &nlines, &lines_cap, file, gold, NULL, sys, &sys->tx[j], "spurious");
    if (nlines > 1) qsort(lines, nlines, sizeof *lines, cmp_line);
    for (size_t k = 0; k < nlines; k++) {
        zs_buf_printf(errs, "%s\n", lines[k].text);
        free(lines[k].text);
    }
    free(lines);
    counts_add(c, &d);
    free(gm);
    free(used);
}

/* The eight figures of c as fractions: strict P, R, F1, relaxed P, R, F1,
 * value F1, type F1. Zero denominators give 0, as in the official scorer;
 * no gold and no system expressions at all score 1 throughout. */
static void figures(const ev_counts *c, double f[8])
{
    if (c->gold == 0 && c->sys == 0) {
        for (int i = 0; i < 8; i++) f[i] = 1.0;
        return;
    }
    double sp = c->sys ? (double)c->strict / (double)c->sys : 0;
    double sr = c->gold ? (double)c->strict / (double)c->gold : 0;
    double rp = c->sys ? (double)c->relaxed / (double)c->sys : 0;
    double rr = c->gold ? (double)c->relaxed / (double)c->gold : 0;
    double sf = sp + sr > 0 ? 2 * sp * sr / (sp + sr) : 0;
    double rf = rp + rr > 0 ? 2 * rp * rr / (rp + rr) : 0;
    f[0] = sp;
    f[1] = sr;
    f[2] = sf;
    f[3] = rp;
    f[4] = rr;
    f[5] = rf;
    f[6] = c->relaxed ? rf * (double)c->value / (double)c->relaxed : 0;
    f[7] = c->relaxed ? rf * (double)c->type / (double)c->relaxed : 0;
}

/* ---- corpora and arguments ---------------------------------------------- */

typedef struct ev_corpus {
    char *key;   /* gold folder + system (owned) */
    char *label; /* name in the table (owned) */
    ev_counts c;
    zs_evbc_counts bc; /* tasks B and C, where the gold has events */
} ev_corpus;

typedef struct ev_run {
    const zs_lang *const *langs; /* zeitstrahl's languages, one picked per file */
    size_t nlangs;
    bool errors, links, classes;
    FILE *pairs; /* eval --pairs: where the pair lines go */
    zs_buf err_lines;
    ev_corpus *corpora;
    size_t ncorpora, corpora_cap;
} ev_run;

/* The last path component of p (trailing slashes ignored) as a new string. */
static char *base_name(const char *p)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') n--;
    size_t b = n;
    while (b > 0 && p[b - 1] != '/') b--;
    return zs_xstrndup(p + b, n - b);
}

/* The folder part of file path p as a new string ("." if none). */
static char *dir_name(const char *p)
{
    const char *s = strrchr(p, '/');
    if (!s) return zs_xstrdup(".");
    if (s == p) return zs_xstrdup("/");
    return zs_xstrndup(p, (size_t)(s - p));
}

/* The corpus for gold folder dir scored against system (NULL: zeitstrahl,
 * in narrative mode if narrative), created on first use. */
static ev_corpus *corpus_for(ev_run *run, const char *dir, const char *system, bool narrative)
{
    char *real = realpath(dir, NULL);
    zs_buf key = {0};
    zs_buf_printf(&key, "%s\x1f%s\x1f%d", real ? real : dir, system ? system : "",
                  !system && narrative);
    for (size_t i = 0; i < run->ncorpora; i++)
        if (strcmp(run->corpora[i].key, key.data) == 0) {
            free(real);
            zs_buf_free(&key);
            return &run->corpora[i];
        }
    char *label = base_name(real ? real : dir);
    free(real);
    for (size_t i = 0; i < run->ncorpora; i++)
        if (strcmp(run->corpora[i].label, label) == 0) {
            char *sb = system      ? base_name(system)
                       : narrative ? zs_xstrdup("zeitstrahl-narrative")
                                   : zs_xstrdup("zeitstrahl");
            zs_buf l = {0};
            zs_buf_printf(&l, "%s@%s", label, sb);
            free(sb);
            free(label);
            label = l.data;
            break;
        }
    for (char *q = label; *q; q++)
        if (*q == ' ' || *q == '\t' || *q == '\n') *q = '_';
    ZS_GROW(run->corpora, run->corpora_cap, run->ncorpora + 1);
    ev_corpus *c = &run->corpora[run->ncorpora++];
    *c = (ev_corpus){.key = key.data, .label = label};
    return c;
}

/* Scores one gold file against system file sysfile (NULL: zeitstrahl, in
 * narrative mode if narrative) into corpus c. Returns 0, or a zs_status with
 * err filled. */
static int eval_file(ev_run *run, ev_corpus *c, const char *goldfile, const char *sysfile,
                     bool narrative, zs_error *err)
{
    ev_doc gold = {0}, sys = {0};
    int rc = read_doc(goldfile, &gold, err);
    if (rc == 0) {
        if (sysfile) {
            rc = read_doc(sysfile, &sys, err);
            if (rc == 0 && (gold.len != sys.len || memcmp(gold.text, sys.text, gold.len) != 0)) {
                uint32_t k = 0;
                while (k < gold.ncp && k < sys.ncp) {
                    uint32_t gb = gold.cpb[k], ge = gold.cpb[k + 1];
                    uint32_t sb = sys.cpb[k], se = sys.cpb[k + 1];
                    if (ge - gb != se - sb || memcmp(gold.text + gb, sys.text + sb, ge - gb) != 0)
                        break;
                    k++;
                }
                zs_set_error(err, ZS_ERR_INPUT,
                             "%s: TEXT differs from the gold file %s at code point %u",
                             sysfile, goldfile, (unsigned)k);
                rc = ZS_ERR_INPUT;
            }
        } else if (!run->nlangs) {
            zs_set_error(err, ZS_ERR_USAGE, "%s: no language loaded to run zeitstrahl on; "
                         "give --system", goldfile);
            rc = ZS_ERR_USAGE;
        } else {
            const zs_lang *lang = run->langs[zs_lang_detect(run->langs, run->nlangs, gold.text, gold.len)];
            rc = run_zeitstrahl(lang, goldfile, &gold, narrative, &sys, err);
            size_t len;
            char *raw = rc == 0 ? zs_read_file(goldfile, &len, err) : NULL;
            c->bc.pairs = run->pairs;
            if (raw) rc = zs_eval_events_file(lang, goldfile, raw, len, &c->bc, err);
            else if (rc == 0) rc = err->code;
            free(raw);
        }
    }
    if (rc == 0) score_doc(&gold, &sys, goldfile, &c->c, run->errors ? &run->err_lines : NULL);
    doc_clear(&gold);
    doc_clear(&sys);
    return rc;
}

/* Whether name is a gold file name: not hidden, ending .tml, .xml or .timeml. */
static bool gold_name(const char *name)
{
    if (name[0] == '.') return false;
    size_t n = strlen(name);
    static const char *ext[] = {".tml", ".xml", ".timeml"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcasecmp(name + n - e, ext[i]) == 0) return true;
    }
    return false;
}

/* Orders strings (qsort of char *). */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Joins dir and name with one "/" into a new string. */
static char *join(const char *dir, const char *name)
{
    zs_buf b = {0};
    size_t n = strlen(dir);
    zs_buf_puts(&b, dir);
    if (n == 0 || dir[n - 1] != '/') zs_buf_putc(&b, '/');
    zs_buf_puts(&b, name);
    return b.data;
}

/* Scores gold PATH (file or folder) against system (a folder, a file, or
 * NULL for zeitstrahl, in narrative mode if narrative). Returns 0, or a
 * zs_status with err filled. */
static int eval_path(ev_run *run, const char *path, const char *system, bool narrative,
                     zs_error *err)
{
    struct stat st, sst;
    if (stat(path, &st) != 0) {
        zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(errno));
        return ZS_ERR_IO;
    }
    bool sys_dir = false;
    if (system) {
        if (stat(system, &sst) != 0) {
            zs_set_error(err, ZS_ERR_IO, "%s: %s", system, strerror(errno));
            return ZS_ERR_IO;
        }
        sys_dir = S_ISDIR(sst.st_mode);
    }
    if (!S_ISDIR(st.st_mode)) {
        char *dir = dir_name(path);
        ev_corpus *c = corpus_for(run, dir, system, narrative);
        free(dir);
        char *sysfile = NULL;
        if (system) {
            char *b = base_name(path);
            sysfile = sys_dir ? join(system, b) : zs_xstrdup(system);
            free(b);
        }
        int rc = eval_file(run, c, path, sysfile, narrative, err);
        free(sysfile);
        return rc;
    }
    if (system && !sys_dir) {
        zs_set_error(err, ZS_ERR_USAGE, "%s: --system %s is a file; a gold folder needs a system folder",
                     path, system);
        return ZS_ERR_USAGE;
    }
    DIR *dh = opendir(path);
    if (!dh) {
        zs_set_error(err, ZS_ERR_IO, "%s: %s", path, strerror(errno));
        return ZS_ERR_IO;
    }
    char **names = NULL;
    size_t nnames = 0, names_cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (!gold_name(de->d_name)) continue;
        char *full = join(path, de->d_name);
        struct stat fst;
        bool reg = stat(full, &fst) == 0 && S_ISREG(fst.st_mode);
        free(full);
        if (!reg) continue;
        ZS_GROW(names, names_cap, nnames + 1);
        names[nnames++] = zs_xstrdup(de->d_name);
    }
    closedir(dh);
    int rc = 0;
    if (nnames == 0) {
        zs_set_error(err, ZS_ERR_INPUT, "%s: no gold files (*.tml, *.xml, *.timeml)", path);
        rc = ZS_ERR_INPUT;
    }
    if (nnames > 1) qsort(names, nnames, sizeof *names, cmp_str);
    ev_corpus *c = rc == 0 ? corpus_for(run, path, system, narrative) : NULL;
    for (size_t i = 0; i < nnames; i++) {
        if (rc == 0) {
            char *gf = join(path, names[i]);
            char *sf = system ? join(system, names[i]) : NULL;
            rc = eval_file(run, c, gf, sf, narrative, err);
            free(gf);
            free(sf);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Writes the table of run's corpora and the overall row to out. */
static void print_table(const ev_run *run, FILE *out)
{
    int w = (int)strlen("overall");
    for (size_t i = 0; i < run->ncorpora; i++)
        if ((int)strlen(run->corpora[i].label) > w) w = (int)strlen(run->corpora[i].label);
    fprintf(out, "%-*s %5s %6s %6s %8s %8s %9s %9s %9s %10s %8s %7s\n", w, "corpus", "docs",
            "gold", "sys", "strict_P", "strict_R", "strict_F1", "relaxed_P", "relaxed_R",
            "relaxed_F1", "value_F1", "type_F1");
    ev_counts all = {0};
    for (size_t i = 0; i <= run->ncorpora; i++) {
        const ev_counts *c = i < run->ncorpora ? &run->corpora[i].c : &all;
        if (i < run->ncorpora) counts_add(&all, c);
        double f[8];
        figures(c, f);
        fprintf(out, "%-*s %5zu %6zu %6zu %8.2f %8.2f %9.2f %9.2f %9.2f %10.2f %8.2f %7.2f\n", w,
                i < run->ncorpora ? run->corpora[i].label : "overall", c->docs, c->gold,
                c->sys, 100 * f[0], 100 * f[1], 100 * f[2], 100 * f[3], 100 * f[4],
                100 * f[5], 100 * f[6], 100 * f[7]);
    }
    zs_evbc_counts ball = {0};
    for (size_t i = 0; i < run->ncorpora; i++) zs_evbc_add(&ball, &run->corpora[i].bc);
    if (!ball.docs) return;
    for (int task_c = 0; task_c < 2; task_c++) {
        fputc('\n', out);
        zs_evbc_print(out, w, NULL, NULL, task_c);
        for (size_t i = 0; i < run->ncorpora; i++)
            if (run->corpora[i].bc.docs)
                zs_evbc_print(out, w, run->corpora[i].label, &run->corpora[i].bc, task_c);
        zs_evbc_print(out, w, "overall", &ball, task_c);
    }
    for (size_t i = 0; i < run->ncorpora && run->classes; i++)
        if (run->corpora[i].bc.docs) zs_evbc_print_classes(out, run->corpora[i].label, &run->corpora[i].bc);
    for (size_t i = 0; i < run->ncorpora && run->links; i++)
        if (run->corpora[i].bc.docs) zs_evbc_print_links(out, run->corpora[i].label, &run->corpora[i].bc);
}

static const char eval_usage[] =
    "Usage: zeitstrahl eval [--errors] [--classes] [--links] [--pairs] [--system DIR|FILE | --narrative | --news] PATH...\n"
    "Scores temporal expressions against annotated gold files (TimeML TIMEX3, or\n"
    "inline TIMEX2 as in WikiWarsDE) with the TempEval-3 task-A measures.\n"
    "\n"
    "  PATH            a gold file, or a folder of them (*.tml *.xml *.timeml): a corpus\n"
    "  --system DIR    score the TimeML files of the same names in DIR instead of\n"
    "                  running zeitstrahl (a FILE for one gold file)\n"
    "  --narrative     run zeitstrahl in narrative mode (history, biography: dates\n"
    "                  follow the last date mentioned)\n"
    "  --news          run zeitstrahl in news mode (the default)\n"
    "                  These three apply to the PATHs after them.\n"
    "  --errors        first list each mismatch: FILE: \"mention\" gold=... sys=... KIND\n"
    "  --classes       then list task B by gold class and zeitstrahl's, and by\n"
    "                  part of speech (TimeML gold with events)\n"
    "  --links         then list task C by source and kind of link (TimeML gold with events)\n"
    "  --pairs         first list each pair of neighbouring events of a sentence: pair FILE\n"
    "                  K GAP FORM CLASS FORM CLASS SOURCE GOLD SUB (tab-separated; the\n"
    "                  fields templates/en/tlinks.zt is keyed by, the source of\n"
    "                  zeitstrahl's link between them or -, the relation the gold\n"
    "                  closure implies, none or unmapped, the gold SLINK or ALINK\n"
    "                  type between them or -); then each of zeitstrahl's own\n"
    "                  links: link FILE SOURCE REL and per end FORM CLASS WORD (an\n"
    "                  event's aspect; 'timex', its type and the word before it;\n"
    "                  dct dct -) and every relation the gold closure implies,\n"
    "                  joined by |, or none or unmapped; then each event: dct\n"
    "                  FILE K FORM CLASS TIMED SOURCE GOLD; then each gold link\n"
    "                  of the reduced graph: gold FILE found|missed ENDS REL SYSREL\n"
    "                  and per end FORM CLASS WORDS, then the sentences between\n"
    "                  them (SYSREL: what zeitstrahl's closure implies, joined\n"
    "                  by |, or none)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Prints one row per corpus and one 'overall' row: docs, gold, sys, strict\n"
    "P R F1, relaxed P R F1, value F1, type F1 (percent).\n";

int zs_eval_run(int argc, char **argv, const zs_lang *lang, FILE *out, zs_error *err)
{
    return zs_eval_run_langs(argc, argv, &lang, lang ? 1 : 0, out, err);
}

int zs_eval_run_langs(int argc, char **argv, const zs_lang *const *langs, size_t nlangs,
                      FILE *out, zs_error *err)
{
    /* The PATHs with the --system / --narrative before them. */
    typedef struct { const char *path, *system; bool narrative; } item;
    item *items = zs_xcalloc(argc > 0 ? (size_t)argc : 1, sizeof *items);
    size_t nitems = 0;
    const char *system = NULL;
    bool errors = false, links = false, classes = false, pairs = false, opts_done = false, system_pending = false, narrative = false;
    int rc = 0;
    for (int i = 1; i < argc && rc == 0; i++) {
        const char *a = argv[i];
        if (!opts_done && a[0] == '-' && a[1]) {
            if (strcmp(a, "--") == 0) {
                opts_done = true;
            } else if (strcmp(a, "--errors") == 0) {
                errors = true;
            } else if (strcmp(a, "--links") == 0) {
                links = true;
            } else if (strcmp(a, "--classes") == 0) {
                classes = true;
            } else if (strcmp(a, "--pairs") == 0) {
                pairs = true;
            } else if (strcmp(a, "--narrative") == 0 || strcmp(a, "--news") == 0) {
                if (system_pending) break; /* a --system without PATHs */
                narrative = strcmp(a, "--narrative") == 0;
                system = NULL;
            } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
                fputs(eval_usage, out);
                free(items);
                return 0;
            } else if (strcmp(a, "--system") == 0 || strncmp(a, "--system=", 9) == 0) {
                if (system_pending) break; /* a --system without PATHs */
                if (a[8] == '=') {
                    system = a + 9;
                } else if (i + 1 < argc) {
                    system = argv[++i];
                } else {
                    zs_set_error(err, ZS_ERR_USAGE, "eval: --system needs a folder or file");
                    rc = ZS_ERR_USAGE;
                }
                if (system && !*system) {
                    zs_set_error(err, ZS_ERR_USAGE, "eval: --system needs a folder or file");
                    rc = ZS_ERR_USAGE;
                }
                system_pending = true;
            } else {
                zs_set_error(err, ZS_ERR_USAGE, "eval: unknown option '%s' (try 'zeitstrahl eval --help')", a);
                rc = ZS_ERR_USAGE;
            }
            continue;
        }
        items[nitems++] = (item){a, system, narrative};
        system_pending = false;
    }
    if (rc == 0 && system_pending) {
        zs_set_error(err, ZS_ERR_USAGE, "eval: --system %s applies to the PATHs after it; none follows",
                     system);
        rc = ZS_ERR_USAGE;
    }
    if (rc == 0 && nitems == 0) {
        zs_set_error(err, ZS_ERR_USAGE, "eval: no gold file or folder (try 'zeitstrahl eval --help')");
        rc = ZS_ERR_USAGE;
    }
    ev_run run = {.langs = langs, .nlangs = nlangs, .errors = errors, .links = links, .classes = classes,
                  .pairs = pairs ? out : NULL};
    for (size_t i = 0; i < nitems && rc == 0; i++)
        rc = eval_path(&run, items[i].path, items[i].system, items[i].narrative, err);
    if (rc == 0) {
        if (run.err_lines.len) fwrite(run.err_lines.data, 1, run.err_lines.len, out);
        print_table(&run, out);
        if (fflush(out) != 0 || ferror(out)) {
            zs_set_error(err, ZS_ERR_IO, "eval: cannot write the report: %s", strerror(errno));
            rc = ZS_ERR_IO;
        }
    }
    for (size_t i = 0; i < run.ncorpora; i++) {
        free(run.corpora[i].key);
        free(run.corpora[i].label);
    }
    free(run.corpora);
    zs_buf_free(&run.err_lines);
    free(items);
    return rc;
}

int zs_eval_main(int argc, char **argv, const zs_lang *const *langs, size_t nlangs)
{
    zs_error err = {0};
    int rc = zs_eval_run_langs(argc, argv, langs, nlangs, stdout, &err);
    if (rc != 0) fprintf(stderr, "zeitstrahl: %s\n", err.msg);
    return rc;
}
