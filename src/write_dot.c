/* Graphviz writer: the dated events of the graph as a left-to-right timeline.
 *
 * The graph is built with libcgraph and rendered with libgvc:
 *   - an axis of date nodes, one per day that a dated event begins on or a
 *     document was published on, in time order, joined by invisible heavy
 *     edges so that they line up;
 *   - per day a rank=same subgraph holding the date node and the events and
 *     publication markers of that day, stacked above it by thin connectors;
 *   - per month a cluster ("cluster_2017_07") around its days, or per year
 *     ("cluster_2017") when the axis spans two years or more;
 *   - vague events (coarser than a day, or with a mod) dashed; cancelled
 *     ones grey and dotted, the word of label "cancelled" under the title;
 *     undated events left out.
 * With the swimlanes layout each participant is a row of its own, a
 * cluster labelled with the name, instead of the month clusters; an event
 * goes into the row of the participant of it that was named first in the
 * timeline, events without participants and the publication markers into
 * a last row (label "lane.other"); the day columns cross the rows
 * (newrank).
 * Labels are localised with ICU (doc->locale). "dot" is the graph as built,
 * without layout, so it does not depend on the fonts installed; svg, png and
 * pdf are laid out by dot. */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>
#include <unicode/udateintervalformat.h>
#include <unicode/ustring.h>

#include "template.h"
#include "writers.h"

#define FONT "sans-serif"
/* A timeline spanning this many months or more is clustered by years. */
#define CLUSTER_YEARS_FROM 24

/* The words of the labels ("abends", "Anfang", "Veröffentlichung") are the
 * label lines of each document's templates (templates/<lang>/lang.zt):
 * pod.MO .. pod.DT, mod.START .. mod.MORE_THAN, published. */

/* ---- ICU date labels ---------------------------------------------------- */

/* Date skeletons, from coarse to fine; SK_AXIS labels the date nodes. */
enum { SK_YEAR, SK_MONTH, SK_WEEK, SK_DAY, SK_HOUR, SK_MINUTE, SK_AXIS, SK_N };
static const char *const skeletons[SK_N] = {
    "y", "yMMMM", "yMMMd", "yMMMEd", "yMMMEdH", "yMMMEdHm", "MMMEd",
};

/* Interval formatters of one locale, opened on first use. */
typedef struct labeler {
    char locale[sizeof ((zs_doc *)0)->locale];
    UDateIntervalFormat *fmt[SK_N];
} labeler;

/* Closes every formatter of lab and forgets its locale. */
static void labeler_reset(labeler *lab)
{
    for (int i = 0; i < SK_N; i++) {
        if (lab->fmt[i]) udtitvfmt_close(lab->fmt[i]);
        lab->fmt[i] = NULL;
    }
    lab->locale[0] = '\0';
}

/* The formatter for skeleton sk in locale (owned by lab), or NULL with err
 * filled. Switching locale closes the formatters of the previous one. */
static UDateIntervalFormat *labeler_get(labeler *lab, const char *locale, int sk,
                                        zs_error *err)
{
    if (strcmp(lab->locale, locale) != 0) {
        labeler_reset(lab);
        snprintf(lab->locale, sizeof lab->locale, "%s", locale);
    }
    if (!lab->fmt[sk]) {
        UChar skel[16], tz[8];
        UErrorCode st = U_ZERO_ERROR;
        u_uastrcpy(skel, skeletons[sk]);
        u_uastrcpy(tz, "Etc/UTC");
        lab->fmt[sk] = udtitvfmt_open(locale, skel, -1, tz, -1, &st);
        if (U_FAILURE(st)) {
            if (lab->fmt[sk]) udtitvfmt_close(lab->fmt[sk]);
            lab->fmt[sk] = NULL;
            zs_set_error(err, ZS_ERR_INTERNAL, "ICU date format %s for locale %s: %s",
                         skeletons[sk], locale, u_errorName(st));
        }
    }
    return lab->fmt[sk];
}

/* Appends the wall-clock span [from, to] (equal for an instant) formatted
 * with skeleton sk in locale to out. ICU prints a span within one unit of the
 * skeleton as a single date. Returns false with err filled if ICU fails. */
static bool put_span(labeler *lab, const char *locale, int sk, zs_lsec from,
                     zs_lsec to, zs_buf *out, zs_error *err)
{
    UDateIntervalFormat *f = labeler_get(lab, locale, sk, err);
    if (!f) return false;
    UChar u16[128];
    char u8[3 * 128];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = udtitvfmt_format(f, (UDate)from * 1000.0, (UDate)to * 1000.0, u16,
                                 128, NULL, &st);
    int32_t n8 = 0;
    if (U_SUCCESS(st)) u_strToUTF8(u8, sizeof u8, &n8, u16, n, &st);
    if (U_FAILURE(st)) {
        zs_set_error(err, ZS_ERR_INTERNAL, "ICU date format %s: %s", skeletons[sk],
                     u_errorName(st));
        return false;
    }
    zs_buf_put(out, u8, (size_t)n8);
    return true;
}

/* The skeleton that shows a value of granularity g. */
static int gran_skeleton(zs_gran g)
{
    switch (g) {
    case ZS_GRAN_CENTURY: case ZS_GRAN_DECADE: case ZS_GRAN_YEAR:
        return SK_YEAR;
    case ZS_GRAN_HALF: case ZS_GRAN_QUARTER: case ZS_GRAN_SEASON: case ZS_GRAN_MONTH:
        return SK_MONTH;
    case ZS_GRAN_WEEK:
        return SK_WEEK;
    case ZS_GRAN_HOUR:
        return SK_HOUR;
    case ZS_GRAN_MINUTE: case ZS_GRAN_SECOND:
        return SK_MINUTE;
    default:
        return SK_DAY;
    }
}

/* The locale to label d's dates in (German if unset). */
static const char *doc_locale(const zs_doc *d)
{
    return d->locale[0] ? d->locale : "de";
}

/* The part-of-day word of e (from the TIMEX3 value of its anchoring timex,
 * "2017-05-02TEV": label pod.EV; for an event that took its interval from
 * another, "teilte ... nach einem Telefonat ... mit", the timex of an event
 * of that interval), or NULL. */
static const char *pod_word(const zs_doc *d, const zs_event *e)
{
    if (e->gran != ZS_GRAN_PARTOFDAY) return NULL;
    const zs_event *a = e;
    for (size_t k = 0; k < d->nevents && a->time < 0; k++) {
        const zs_event *o = &d->events[k];
        if (o->time >= 0 && o->has_interval && o->gran == e->gran && o->begin == e->begin &&
            o->until == e->until)
            a = o;
    }
    if (a->time < 0) return NULL;
    const char *v = d->timexes[a->time].rv.value;
    size_t n = strlen(v);
    if (n < 3 || v[n - 3] != 'T') return NULL;
    char key[16];
    snprintf(key, sizeof key, "pod.%s", v + n - 2);
    return zs_lang_label(d->lang, key);
}

/* The word put before the date of a value with mod m (label mod.START), or
 * NULL. */
static const char *mod_word(const zs_doc *d, zs_mod m)
{
    if (m == ZS_MOD_NONE) return NULL;
    char key[32];
    snprintf(key, sizeof key, "mod.%s", zs_mod_name(m));
    return zs_lang_label(d->lang, key);
}

/* Appends the date label of dated event e of d: "Di., 2. Mai 2017, abends",
 * "Juli 2017", "Anfang April 2017", "Fr., 7. – Sa., 8. Juli 2017"; an
 * ongoing one by its beginning, "seit Anfang 2017". */
static bool put_event_date(labeler *lab, const zs_doc *d, const zs_event *e,
                           zs_buf *out, zs_error *err)
{
    zs_relkind rel;
    const zs_timex *x = zs_event_bound(d, e, &rel);
    zs_event at;
    if (x) { /* "vor 25.12.2025": the date of its bound, after that word */
        const char *key = zs_bound_word(rel), *word = zs_lang_label(d->lang, key);
        zs_buf_puts(out, word ? word : key);
        zs_buf_putc(out, ' ');
        at = *e;
        at.has_interval = true;
        at.begin = x->rv.begin;
        at.until = x->rv.until;
        at.gran = x->rv.gran;
        at.mod = x->rv.mod;
        at.ongoing = false;
        at.time = (int)(x - d->timexes);
        e = &at;
    }
    bool instant = e->gran >= ZS_GRAN_PARTOFDAY || e->ongoing;
    zs_lsec to = instant || e->until <= e->begin ? e->begin : e->until - 1;
    const char *since = e->ongoing ? zs_lang_label(d->lang, "since") : NULL;
    if (since) {
        zs_buf_puts(out, since);
        zs_buf_putc(out, ' ');
    }
    const char *mod = mod_word(d, e->mod);
    if (mod) {
        zs_buf_puts(out, mod);
        zs_buf_putc(out, ' ');
    }
    if (!put_span(lab, doc_locale(d), gran_skeleton(e->gran), e->begin, to, out, err))
        return false;
    const char *pod = pod_word(d, e);
    if (pod) {
        zs_buf_puts(out, ", ");
        zs_buf_puts(out, pod);
    }
    return true;
}

/* See writers.h: the date labels for other writers. */
struct zs_date_labels {
    labeler lab;
};

zs_date_labels *zs_date_labels_new(void)
{
    return zs_xcalloc(1, sizeof(zs_date_labels));
}

void zs_date_labels_free(zs_date_labels *l)
{
    if (!l) return;
    labeler_reset(&l->lab);
    free(l);
}

bool zs_date_labels_event(zs_date_labels *l, const zs_doc *d, const zs_event *e,
                          zs_buf *out, zs_error *err)
{
    return put_event_date(&l->lab, d, e, out, err);
}

/* ---- Graphviz helpers ----------------------------------------------------- */

/* Graphviz 2.4x takes char * for names and values it only reads (it copies
 * them into its own string pool): the casts below are the one place that
 * bridges to our const strings. */

/* Sets attribute name of obj (graph, node or edge), declaring it with an
 * empty default if needed. */
static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* Sets the default of attribute name for objects of kind in root. */
static void set_default(Agraph_t *root, int kind, const char *name, const char *value)
{
    agattr(root, kind, (char *)name, (char *)value);
}

/* Appends s to a Graphviz label, escaping backslashes (which would start
 * \n, \N, ... escapes). */
static void put_label_text(zs_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\') zs_buf_putc(out, '\\');
        zs_buf_putc(out, *s);
    }
}

/* Appends a label line break. */
static void put_label_nl(zs_buf *out)
{
    zs_buf_puts(out, "\\n");
}

/* cgraph output discipline appending to the zs_buf passed as channel: agwrite
 * then writes DOT into memory. (libgvc's "canon" device would need a layout
 * first in 2.43.) */
static int buf_putstr(void *chan, const char *s)
{
    zs_buf_puts(chan, s);
    return 0;
}

static int buf_flush(void *chan)
{
    (void)chan;
    return 0;
}

/* cgraph ID discipline giving objects IDs in creation order. cgraph 2.4x's
 * default makes the address of the interned name the ID of a named object
 * and keeps subgraphs ordered by ID, so the order of the clusters in the
 * output and in the layout followed heap addresses and changed between two
 * renders in one process. (Declining to map names and leaving them to
 * cgraph's internal map would do too, but 2.4x leaks that map at agclose.)
 * As in the default, named objects get even IDs and anonymous ones odd IDs;
 * an object's name is names[id / 2 - 1], interned in cgraph's string pool
 * (agwrite expects that). Names stay until the graph closes.
 * Lookup by name is a linear scan: dot's layout of the graph costs more. */
typedef struct seq_ids {
    Agraph_t *root;
    char **names;       /* agstrdup'ed */
    size_t n, cap;
    IDTYPE anon;        /* anonymous objects so far */
} seq_ids;

static void *seq_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    seq_ids *s = zs_xcalloc(1, sizeof *s);
    s->root = g;
    return s;
}

static long seq_map(void *state, int objtype, char *name, IDTYPE *id, int createflag)
{
    seq_ids *s = state;
    (void)objtype;
    if (!name) {
        *id = 2 * s->anon++ + 1;
        return 1;
    }
    for (size_t i = 0; i < s->n; i++) {
        if (strcmp(s->names[i], name) == 0) {
            *id = 2 * (IDTYPE)i + 2;
            return 1;
        }
    }
    if (!createflag) return 0;
    ZS_GROW(s->names, s->cap, s->n + 1);
    s->names[s->n] = agstrdup(s->root, name);
    *id = 2 * (IDTYPE)s->n++ + 2;
    return 1;
}

/* IDs are never chosen by the caller. */
static long seq_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
    return 0;
}

/* Names are kept until seq_close: an object of another kind may share one. */
static void seq_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *seq_print(void *state, int objtype, IDTYPE id)
{
    seq_ids *s = state;
    (void)objtype;
    return id % 2 == 0 ? s->names[id / 2 - 1] : NULL;
}

static void seq_close(void *state)
{
    seq_ids *s = state;
    for (size_t i = 0; i < s->n; i++) agstrfree(s->root, s->names[i]);
    free(s->names);
    free(s);
}

static void seq_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiodisc_t buf_io = {NULL, buf_putstr, buf_flush};
static Agiddisc_t seq_id = {seq_open, seq_map, seq_alloc, seq_free, seq_print,
                            seq_close, seq_register};
static Agdisc_t timeline_disc = {&AgMemDisc, &seq_id, &buf_io};

/* ---- the timeline graph --------------------------------------------------- */

/* One day of the axis. */
typedef struct day_col {
    int64_t day;        /* days since 1970-01-01 */
    Agraph_t *rank;     /* its rank=same subgraph */
    Agnode_t *tail;     /* top node of its column so far */
} day_col;

/* What building the timeline needs. */
typedef struct builder {
    const zs_graph *g;
    Agraph_t *root;
    day_col *cols;
    size_t ncols;
    labeler lab;
    zs_buf label;       /* scratch for labels */
    bool lanes;         /* swimlanes: one row per lane */
    size_t nlanes;      /* lanes opened so far */
    Agraph_t **lane;    /* swimlanes: the cluster of each lane */
    const char **lane_name; /* its participant (borrowed), NULL: the last row */
    const zs_write_options *o;
    zs_error *err;
} builder;

static int cmp_day(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return (a > b) - (a < b);
}

/* Fills b->cols with the distinct days, in order, of the dated events' begin
 * and of the documents' publication time. */
static void collect_days(builder *b)
{
    const zs_graph *g = b->g;
    int64_t *days = zs_xreallocarray(NULL, g->nevents + g->ndocs, sizeof *days);
    size_t n = 0;
    for (size_t i = 0; i < g->nevents; i++) {
        const zs_event *e = zs_gnode_event(&g->events[i]);
        zs_relkind rel;
        const zs_timex *x = zs_event_bound(g->events[i].doc, e, &rel);
        if (e->negated) continue;
        if (e->has_interval) days[n++] = zs_lsec_days(e->begin);
        else if (x) days[n++] = zs_lsec_days(x->rv.begin);
    }
    for (size_t i = 0; i < g->ndocs; i++) days[n++] = zs_lsec_days(g->docs[i]->dct);
    qsort(days, n, sizeof *days, cmp_day);
    b->cols = zs_xcalloc(n, sizeof *b->cols);
    for (size_t i = 0; i < n; i++)
        if (b->ncols == 0 || b->cols[b->ncols - 1].day != days[i])
            b->cols[b->ncols++].day = days[i];
    free(days);
}

/* The column of day (which collect_days saw). */
static day_col *col_of(builder *b, zs_lsec t)
{
    int64_t day = zs_lsec_days(t);
    return bsearch(&day, b->cols, b->ncols, sizeof *b->cols, cmp_day);
}

/* Sets the look shared by the whole graph. */
static void set_graph_defaults(Agraph_t *root)
{
    set_default(root, AGRAPH, "rankdir", "LR");
    set_default(root, AGRAPH, "fontname", FONT);
    set_default(root, AGRAPH, "nodesep", "0.25");
    set_default(root, AGRAPH, "ranksep", "0.4");
    set_default(root, AGNODE, "fontname", FONT);
    set_default(root, AGNODE, "fontsize", "11");
    set_default(root, AGNODE, "shape", "box");
    set_default(root, AGEDGE, "color", "gray60");
    set_default(root, AGEDGE, "arrowhead", "none");
}

/* Opens the cluster of the month of day in root, labelled "Juli 2017", or
 * with by_year the cluster of its year, labelled "2017". */
static Agraph_t *open_cluster(builder *b, int64_t day, bool by_year, const char *locale)
{
    int y, m, d;
    zs_civil_from_days(day, &y, &m, &d);
    char name[32];
    if (by_year) snprintf(name, sizeof name, "cluster_%04d", y);
    else snprintf(name, sizeof name, "cluster_%04d_%02d", y, m);
    Agraph_t *c = agsubg(b->root, name, 1);
    zs_lsec first = zs_lsec_make(zs_days_from_civil(y, by_year ? 1 : m, 1), 0, 0, 0);
    zs_buf_reset(&b->label);
    if (!put_span(&b->lab, locale, by_year ? SK_YEAR : SK_MONTH, first, first, &b->label,
                  b->err))
        return NULL;
    set(c, "label", b->label.data);
    set(c, "style", "rounded");
    set(c, "color", "gray70");
    return c;
}

/* Adds the rank subgraph and the date node of col to month. */
static bool add_day(builder *b, Agraph_t *month, day_col *col, const char *locale)
{
    int y, m, d;
    zs_civil_from_days(col->day, &y, &m, &d);
    char name[40];
    snprintf(name, sizeof name, "rank_%04d_%02d_%02d", y, m, d);
    col->rank = agsubg(month, name, 1);
    set(col->rank, "rank", "same");
    snprintf(name, sizeof name, "day_%04d_%02d_%02d", y, m, d);
    col->tail = agnode(col->rank, name, 1);
    zs_lsec t = zs_lsec_make(col->day, 0, 0, 0);
    zs_buf_reset(&b->label);
    if (!put_span(&b->lab, locale, b->lanes ? SK_DAY : SK_AXIS, t, t, &b->label, b->err))
        return false;
    set(col->tail, "label", b->label.data);
    set(col->tail, "shape", "plaintext");
    return true;
}

/* Builds the axis: month clusters, day ranks and date nodes, the date nodes
 * joined in time order by invisible heavy edges. Date labels use the locale
 * of the first document. */
static bool add_axis(builder *b)
{
    if (b->g->ndocs == 0) return true;
    const char *locale = doc_locale(b->g->docs[0]);
    Agraph_t *month = NULL;
    int month_key = 0;
    bool by_year = false;
    if (b->ncols > 0) {
        int y0, y1, m0, m1, d;
        zs_civil_from_days(b->cols[0].day, &y0, &m0, &d);
        zs_civil_from_days(b->cols[b->ncols - 1].day, &y1, &m1, &d);
        by_year = (y1 * 12 + m1) - (y0 * 12 + m0) >= CLUSTER_YEARS_FROM;
    }
    for (size_t i = 0; i < b->ncols; i++) {
        int y, m, d;
        zs_civil_from_days(b->cols[i].day, &y, &m, &d);
        int key = by_year ? y : y * 12 + m;
        if (b->lanes) {
            month = b->root; /* the lanes are the clusters */
        } else if (!month || key != month_key) {
            month = open_cluster(b, b->cols[i].day, by_year, locale);
            if (!month) return false;
            month_key = key;
        }
        if (!add_day(b, month, &b->cols[i], locale)) return false;
        if (i > 0) {
            Agedge_t *e = agedge(b->root, b->cols[i - 1].tail, b->cols[i].tail, NULL, 1);
            set(e, "style", "invis");
            set(e, "weight", "100");
        }
    }
    return true;
}

/* Adds node name (label from b->label) on top of the column of day t, or
 * with swimlanes into the cluster of lane and the rank of that day. */
static Agnode_t *stack_node(builder *b, zs_lsec t, const char *name, size_t lane)
{
    day_col *col = col_of(b, t);
    if (!b->lanes) {
        Agnode_t *n = agnode(col->rank, (char *)name, 1);
        set(n, "label", b->label.data);
        agedge(col->rank, col->tail, n, NULL, 1);
        col->tail = n;
        return n;
    }
    Agnode_t *n = agnode(b->lane[lane], (char *)name, 1);
    set(n, "label", b->label.data);
    agsubnode(col->rank, n, 1);
    return n;
}

/* Swimlanes: the lane of participant name (NULL: the row of events
 * without participants and of the publications), opened as a cluster
 * labelled with the name on first use, so that rows come in the order the
 * timeline first names them. */
static size_t lane_for(builder *b, const char *name, const zs_doc *d)
{
    for (size_t l = 0; l < b->nlanes; l++)
        if (name ? b->lane_name[l] && strcmp(b->lane_name[l], name) == 0 : !b->lane_name[l])
            return l;
    size_t l = b->nlanes++;
    b->lane = zs_xreallocarray(b->lane, b->nlanes, sizeof *b->lane);
    b->lane_name = zs_xreallocarray(b->lane_name, b->nlanes, sizeof *b->lane_name);
    char cname[48];
    snprintf(cname, sizeof cname, "cluster_lane_%zu", l + 1);
    b->lane[l] = agsubg(b->root, cname, 1);
    b->lane_name[l] = name;
    const char *other = zs_lang_label(d->lang, "lane.other");
    zs_buf_reset(&b->label);
    put_label_text(&b->label, name ? name : other ? other : "other");
    set(b->lane[l], "label", b->label.data);
    set(b->lane[l], "labeljust", "l");
    set(b->lane[l], "style", "rounded");
    set(b->lane[l], "color", "gray70");
    return l;
}

/* Swimlanes: the lane of event e: of its participants the one with the
 * earliest lane, else a new lane for its first; the last row for none. */
static size_t event_lane(builder *b, const zs_event *e, const zs_doc *d)
{
    if (!e->nparticipants) return lane_for(b, NULL, d);
    for (size_t l = 0; l < b->nlanes; l++)
        for (uint32_t k = 0; b->lane_name[l] && k < e->nparticipants; k++)
            if (strcmp(b->lane_name[l], e->participants[k]) == 0) return l;
    return lane_for(b, e->participants[0], d);
}

/* Writes the node name of an object of document docno ("e1", or "d2_e1"
 * when the graph has several documents) into name. */
static void node_name(const builder *b, uint32_t docno, const char *id, char *name,
                      size_t size)
{
    if (b->g->ndocs > 1) snprintf(name, size, "d%u_%s", (unsigned)docno + 1, id);
    else snprintf(name, size, "%s", id);
}

/* Adds the dated events, in time order, to the columns of their begin,
 * and those that lie before or after a date (zs_event_bound), dashed, to
 * the column of that date. */
static bool add_events(builder *b)
{
    for (size_t i = 0; i < b->g->nevents; i++) {
        const zs_gnode *gn = &b->g->events[i];
        const zs_event *e = zs_gnode_event(gn);
        zs_relkind rel;
        const zs_timex *bound = zs_event_bound(gn->doc, e, &rel);
        if ((!e->has_interval && !bound) || !zs_graph_listed(b->g, i)) continue;
        size_t lane = b->lanes ? event_lane(b, e, gn->doc) : 0; /* uses b->label */
        zs_buf_reset(&b->label);
        put_label_text(&b->label, e->title ? e->title : e->lemma);
        put_label_nl(&b->label);
        bool cancelled = e->modality == ZS_MODAL_CANCELLED;
        if (cancelled) {
            const char *word = zs_lang_label(gn->doc->lang, "cancelled");
            put_label_text(&b->label, word ? word : "cancelled");
            put_label_nl(&b->label);
        }
        if (!put_event_date(&b->lab, gn->doc, e, &b->label, b->err)) return false;
        char name[48];
        node_name(b, gn->docno, e->id, name, sizeof name);
        Agnode_t *n = stack_node(b, bound ? bound->rv.begin : e->begin, name, lane);
        if (cancelled) { /* grey and dotted, its state on a line of its own */
            set(n, "style", "dotted");
            set(n, "color", "gray50");
            set(n, "fontcolor", "gray50");
        } else if (bound || e->gran < ZS_GRAN_DAY || e->mod != ZS_MOD_NONE) {
            set(n, "style", "dashed");
        }
    }
    return true;
}

/* Adds a red note for the publication time of each document, labelled
 * "Veröffentlichung", the date and time, and with several documents the
 * document's name. */
static bool add_publications(builder *b)
{
    for (size_t i = 0; i < b->g->ndocs; i++) {
        const zs_doc *d = b->g->docs[i];
        int sk = d->dct_gran > ZS_GRAN_DAY ? SK_MINUTE : SK_DAY;
        size_t lane = b->lanes ? lane_for(b, NULL, d) : 0; /* uses b->label */
        zs_buf_reset(&b->label);
        const char *pub = zs_lang_label(d->lang, "published");
        put_label_text(&b->label, pub ? pub : "published");
        put_label_nl(&b->label);
        if (!put_span(&b->lab, doc_locale(d), sk, d->dct, d->dct, &b->label, b->err))
            return false;
        if (b->g->ndocs > 1) {
            put_label_nl(&b->label);
            put_label_text(&b->label, d->name);
        }
        char name[48];
        node_name(b, (uint32_t)i, "pub", name, sizeof name);
        Agnode_t *n = stack_node(b, d->dct, name, lane);
        set(n, "shape", "note");
        set(n, "color", "red");
        set(n, "fontcolor", "red");
    }
    return true;
}

/* The drawn node of the object id ("e7", "t0") of document docno: the
 * node of the event's shown mention, or the publication marker for the
 * creation time; NULL if it is not drawn. */
static Agnode_t *drawn_node(builder *b, uint32_t docno, const char *id)
{
    const zs_doc *d = b->g->docs[docno];
    char name[48];
    if (id[0] == 'e') {
        for (size_t j = 0; j < d->nevents; j++) {
            if (strcmp(d->events[j].id, id) != 0) continue;
            const zs_gnode *n = b->g->slot_of ? zs_graph_node_of(b->g, docno, j) : NULL;
            if (!n) return NULL;
            const zs_gnode *s = &b->g->events[zs_graph_shown(b->g, (size_t)(n - b->g->events))];
            const zs_event *e = zs_gnode_event(s);
            zs_relkind rel;
            if (e->negated || (!e->has_interval && !zs_event_bound(s->doc, e, &rel))) return NULL;
            node_name(b, s->docno, e->id, name, sizeof name);
            return agnode(b->root, name, 0);
        }
        return NULL;
    }
    bool dct = strcmp(id, "t0") == 0 ||
               (d->dct_timex >= 0 && strcmp(d->timexes[d->dct_timex].id, id) == 0);
    if (!dct) return NULL;
    node_name(b, docno, "pub", name, sizeof name);
    return agnode(b->root, name, 0);
}

/* Draws link k of document docno in red between the drawn nodes of its
 * ends (dashed for a link that takes part in a contradiction, solid for
 * the contradicted one), labelled with its relation; marks both ends red.
 * Links between mentions of one drawn node are left out. */
static void add_red_link(builder *b, uint32_t docno, size_t k, bool contradicted)
{
    const zs_tlink *l = &b->g->docs[docno]->tlinks[k];
    Agnode_t *from = drawn_node(b, docno, l->from), *to = drawn_node(b, docno, l->to);
    if (from) set(from, "color", "red");
    if (to) set(to, "color", "red");
    if (!from || !to || from == to) return;
    Agedge_t *e = agedge(b->root, from, to, NULL, 1);
    set(e, "color", "red");
    set(e, "fontcolor", "red");
    set(e, "fontname", FONT);
    set(e, "fontsize", "9");
    set(e, "constraint", "false");
    set(e, "arrowhead", "normal");
    set(e, "label", zs_rel_name(l->rel));
    set(e, "style", contradicted ? "bold" : "dashed");
}

/* Draws every contradiction of every document in red: the contradicted
 * link and the links that imply the opposite. */
static void add_contradictions(builder *b)
{
    for (size_t i = 0; i < b->g->ndocs; i++) {
        const zs_doc *d = b->g->docs[i];
        for (size_t c = 0; c < d->ncontras; c++) {
            add_red_link(b, (uint32_t)i, d->contras[c].link, true);
            for (size_t w = 0; w < d->contras[c].nwith; w++)
                add_red_link(b, (uint32_t)i, d->contras[c].with[w], false);
        }
    }
}

/* Builds the timeline of g as a new cgraph graph (caller agcloses), or NULL
 * with err filled. Needs gv_context (which sets the default label). */
static Agraph_t *build_graph(const zs_graph *g, const zs_write_options *o, zs_error *err)
{
    builder b = {.g = g, .o = o, .err = err};
    b.root = agopen((char *)"zeitstrahl", Agdirected, &timeline_disc);
    set_graph_defaults(b.root);
    collect_days(&b);
    b.lanes = o->layout && strcmp(o->layout, "swimlanes") == 0;
    if (b.lanes) set(b.root, "newrank", "true");
    bool ok = add_axis(&b) && add_events(&b) && add_publications(&b);
    if (ok) add_contradictions(&b);
    free(b.lane);
    free(b.lane_name);
    labeler_reset(&b.lab);
    zs_buf_free(&b.label);
    free(b.cols);
    if (ok) return b.root;
    agclose(b.root);
    return NULL;
}

/* ---- rendering ------------------------------------------------------------ */

/* Graphviz is not thread-safe (global layout and error state): one render
 * at a time. Its messages go to gv_msg instead of stderr meanwhile.
 * gv_context is made on first use and kept for the life of the process: the
 * pango plugin of Graphviz 2.4x caches a pointer to a font name owned by the
 * context (static fontname in pango_textlayout), so laying out in a second
 * context after gvFreeContext of the first reads freed memory. */
static pthread_mutex_t gv_lock = PTHREAD_MUTEX_INITIALIZER;
static char gv_msg[256];
static GVC_t *gv_context;

/* agerr hook: keeps the messages (one line) for our error. */
static int gv_capture(char *piece)
{
    size_t n = strlen(gv_msg);
    for (; *piece && n + 1 < sizeof gv_msg; piece++)
        gv_msg[n++] = *piece == '\n' ? ' ' : *piece;
    gv_msg[n] = '\0';
    return 0;
}

/* Last occurrence of the n bytes of key in the len bytes of s, or NULL. */
static char *find_last(char *s, size_t len, const char *key, size_t n)
{
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (memcmp(s + i, key, n) == 0) return s + i;
    return NULL;
}

/* Writes "/CreationDate (D:...Z)" for SOURCE_DATE_EPOCH into buf and returns
 * its length, or 0 if the variable is unset or not a number of seconds. */
static size_t source_date_entry(char *buf, size_t size)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || *s < '0' || *s > '9') return 0;
    char *end;
    long long t = strtoll(s, &end, 10);
    if (*end) return 0;
    int y, mo, d, h, mi, sec;
    zs_lsec_split((zs_lsec)t, &y, &mo, &d, &h, &mi, &sec);
    int n = snprintf(buf, size, "/CreationDate (D:%04d%02d%02d%02d%02d%02dZ)", y, mo, d,
                     h, mi, sec);
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* Subtracts d from every in-use offset beyond pos in the cross-reference
 * table at xref ("xref\n0 N\n" and N entries of 20 bytes, as cairo writes
 * it), which ends before limit. Returns false, changing nothing, if the
 * table looks otherwise. */
static bool pdf_shift_xref(char *xref, const char *limit, size_t pos, size_t d)
{
    char *p = xref + 5, *end;
    strtoul(p, &end, 10);
    if (end == p || *end != ' ') return false;
    unsigned long count = strtoul(end + 1, &end, 10);
    if (*end != '\n' || end >= limit || count > (size_t)(limit - end - 1) / 20)
        return false;
    for (char *e = end + 1; count-- > 0; e += 20) {
        unsigned long off = strtoul(e, NULL, 10);
        if (e[17] != 'n' || off <= pos) continue;
        char num[24];
        snprintf(num, sizeof num, "%010lu", off - d);
        memcpy(e, num, 10);
    }
    return true;
}

/* cairo 1.16 stamps the PDF's /CreationDate with the clock in the local zone
 * and ignores SOURCE_DATE_EPOCH. Replaces the entry with SOURCE_DATE_EPOCH's
 * date if set, else removes its line, and moves the cross-reference table
 * and startxref to match. Leaves a PDF without cairo's layout as it is.
 * Returns the new length (never more than len). */
static size_t pdf_fix_date(char *pdf, size_t len)
{
    char *start = find_last(pdf, len, "/CreationDate (", 15);
    char *xref = find_last(pdf, len, "\nxref\n", 6);
    char *sx = find_last(pdf, len, "\nstartxref\n", 11);
    if (!start || !xref || !sx || start > xref || xref > sx) return len;
    char *stop = memchr(start, ')', (size_t)(xref - start));
    if (!stop) return len;
    stop++;
    char stamp[64];
    size_t k = source_date_entry(stamp, sizeof stamp);
    if (k == 0 || k > (size_t)(stop - start)) {
        k = 0;
        while (start > pdf && start[-1] == ' ') start--;
        if (*stop == '\n') stop++;
    }
    size_t pos = (size_t)(start - pdf), d = (size_t)(stop - start) - k;
    if (!pdf_shift_xref(xref + 1, sx, pos, d)) return len;
    memcpy(start, stamp, k);
    memmove(start + k, stop, len - (size_t)(stop - pdf));
    xref -= d;
    sx -= d;
    char tail[48];
    int n = snprintf(tail, sizeof tail, "\nstartxref\n%zu\n%%%%EOF\n",
                     (size_t)(xref + 1 - pdf));
    memcpy(sx, tail, (size_t)n);
    return (size_t)(sx - pdf) + (size_t)n;
}

/* True if format is one this writer knows. */
static bool known_format(const char *format)
{
    static const char *const formats[] = {"dot", "svg", "png", "pdf"};
    for (size_t i = 0; format && i < sizeof formats / sizeof *formats; i++)
        if (strcmp(format, formats[i]) == 0) return true;
    return false;
}

/* Appends ag to out: as DOT without layout for "dot" (so the file does not
 * depend on the fonts installed), else laid out by dot and rendered with
 * libgvc. Returns 0, or -1 with err filled. */
static int render(GVC_t *gvc, Agraph_t *ag, const char *format, zs_buf *out,
                  zs_error *err)
{
    if (strcmp(format, "dot") == 0) {
        agwrite(ag, out); /* cannot fail: buf_putstr never does */
        return 0;
    }
    if (gvLayout(gvc, ag, "dot") != 0) {
        zs_set_error(err, ZS_ERR_INTERNAL, "Graphviz layout failed: %s", gv_msg);
        return -1;
    }
    char *data = NULL;
    unsigned int len = 0;
    int rc = gvRenderData(gvc, ag, format, &data, &len);
    if (rc == 0 && data) {
        if (strcmp(format, "pdf") == 0) len = (unsigned int)pdf_fix_date(data, len);
        zs_buf_put(out, data, len);
    } else {
        zs_set_error(err, ZS_ERR_INTERNAL, "Graphviz cannot render %s: %s", format, gv_msg);
        rc = -1;
    }
    gvFreeRenderData(data);
    gvFreeLayout(gvc, ag);
    return rc;
}

/* See writers.h. Builds, lays out and renders under gv_lock. */
int zs_write_graphviz(const zs_graph *g, const char *format, const zs_write_options *o,
                      zs_buf *out, zs_error *err)
{
    if (!known_format(format)) {
        zs_set_error(err, ZS_ERR_USAGE, "unknown Graphviz format \"%s\" (dot, svg, png, pdf)",
                     format ? format : "");
        return -1;
    }
    pthread_mutex_lock(&gv_lock);
    gv_msg[0] = '\0';
    agusererrf old_errf = agseterrf(gv_capture);
    int rc = -1;
    if (!gv_context) gv_context = gvContext();
    Agraph_t *ag = build_graph(g, o, err);
    if (ag) {
        rc = render(gv_context, ag, format, out, err);
        agclose(ag);
    }
    agseterrf(old_errf);
    pthread_mutex_unlock(&gv_lock);
    return rc;
}
