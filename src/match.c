/* A backtracking matcher over tokens for the programs template.c compiles.
 * Rules are short and the number of steps per start is capped, so a
 * pathological rule cannot make matching super-linear. */
#include "match.h"

#include <stdlib.h>
#include <string.h>

#define MAX_STEPS 4096
#define MAX_SLOTS 66

typedef struct atom {
    uint32_t pos;
    int32_t num;
    const zs_entry *entry;
} atom;

/* A slot's value before a SAVE, restored on backtracking. */
typedef struct undo {
    int32_t slot, old;
} undo;

typedef struct run {
    const zs_lang *L;
    const zs_doc *d;
    const zs_rule *r;
    uint32_t end;             /* token limit */
    uint64_t present;         /* need_bit of the words of the sentence */
    int32_t slots[MAX_SLOTS];
    atom path[64];
    int npath;
    int steps;
    int nslots;               /* slots the rule uses */
    undo trail[MAX_STEPS]; /* each SAVE is a step: never more */
    int ntrail;
    /* the best (longest) match so far */
    bool found;
    uint32_t best_end;
    int32_t best_slots[MAX_SLOTS];
    atom best_path[64];
    int best_npath;
} run;

static inline bool word_is(const zs_token *toks, uint32_t pos, uint32_t word_id)
{
    const zs_word *w = toks[pos].word;
    return w && w->id == word_id;
}

/* Whether the word of token pos is one of words[0..n). */
static inline bool word_in_set(const zs_token *toks, uint32_t pos, const uint32_t *words, int n)
{
    const zs_word *w = toks[pos].word;
    if (!w) return false;
    for (int i = 0; i < n; i++)
        if (words[i] == w->id) return true;
    return false;
}

/* Whether inst fails at once at pos, as its first step in exec would
 * (false when that takes more than a look at the token at pos). */
static inline bool fails_now(const run *R, const zs_token *toks, const zs_inst *in, uint32_t pos)
{
    switch ((zs_opcode)in->op) {
    case ZS_OP_LIT:
        return pos + (uint32_t)in->b > R->end ||
               (in->b > 0 && !word_is(toks, pos, R->L->lit_pool[in->a]));
    case ZS_OP_INT: {
        if (pos >= R->end || R->npath == 64) return true;
        const zs_token *t = &toks[pos];
        return t->kind != ZS_TOK_NUM || t->num < in->a || t->num > in->b ||
               (in->c && (int)(t->b1 - t->b0) != in->c);
    }
    case ZS_OP_LEX:
        return pos >= R->end || !toks[pos].word || R->npath == 64;
    case ZS_OP_SET:
        return pos >= R->end || !word_in_set(toks, pos, R->L->lit_pool + in->a, in->b);
    default:
        return false;
    }
}

static void exec(run *R, int pc, uint32_t pos)
{
    int saved_npath = R->npath, saved_ntrail = R->ntrail;
    /* read once: the stores below could alias them for the compiler */
    const zs_inst *prog = R->r->prog;
    const zs_token *toks = R->d->toks;
    const uint32_t *lits = R->L->lit_pool;
    const uint32_t end = R->end;
    for (;;) {
        if (++R->steps > MAX_STEPS) break;
        const zs_inst *in = &prog[pc];
        switch ((zs_opcode)in->op) {
        case ZS_OP_LIT: {
            if (pos + (uint32_t)in->b > end) goto done;
            for (int i = 0; i < in->b; i++)
                if (!word_is(toks, pos + (uint32_t)i, lits[in->a + i])) goto done;
            pos += (uint32_t)in->b;
            pc++;
            continue;
        }
        case ZS_OP_SET:
            if (pos >= end || !word_in_set(toks, pos, lits + in->a, in->b)) goto done;
            pos++;
            pc++;
            continue;
        case ZS_OP_INT: {
            if (pos >= end) goto done;
            const zs_token *t = &toks[pos];
            if (t->kind != ZS_TOK_NUM || t->num < in->a || t->num > in->b) goto done;
            if (in->c && (int)(t->b1 - t->b0) != in->c) goto done;
            if (R->npath == 64) goto done;
            R->path[R->npath++] = (atom){pos, t->num, NULL};
            pos++;
            pc++;
            continue;
        }
        case ZS_OP_NOUN: {
            if (pos >= end) goto done;
            const zs_token *t = &toks[pos];
            if (t->kind != ZS_TOK_WORD || !(t->flags & ZS_TF_UPPER) || (t->flags & ZS_TF_SSTART))
                goto done;
            pos++;
            pc++;
            continue;
        }
        case ZS_OP_LEX: {
            if (pos >= end || !toks[pos].word || R->npath == 64) goto done;
            const zs_word *w = toks[pos].word;
            /* every entry of the lexicon that starts here, longest first
             * (starts are sorted so), one per length */
            int last_len = 0;
            for (uint32_t i = 0; i < w->nstarts; i++) {
                const zs_entry *e = w->starts[i];
                if (e->lex != (uint32_t)in->a || e->ntok == last_len) continue;
                if (pos + e->ntok > end) continue;
                if (e->upper && !(toks[pos].flags & ZS_TF_UPPER)) continue;
                bool ok = true;
                for (int k = 1; k < e->ntok && ok; k++)
                    ok = word_is(toks, pos + (uint32_t)k, e->words[k]);
                if (!ok) continue;
                last_len = e->ntok;
                R->path[R->npath++] = (atom){pos, ZS_UNSET, e};
                exec(R, pc + 1, pos + e->ntok);
                R->npath--;
            }
            goto done;
        }
        case ZS_OP_SPLIT:
            /* a branch that fails at its first item costs one step, as it
             * would have in a call of its own */
            if (fails_now(R, toks, &prog[in->a], pos)) R->steps++;
            else exec(R, in->a, pos);
            pc = in->b;
            continue;
        case ZS_OP_JMP:
            pc = in->a;
            continue;
        case ZS_OP_SAVE: /* undone when this call returns */
            R->trail[R->ntrail++] = (undo){in->a, R->slots[in->a]};
            R->slots[in->a] = (int32_t)pos;
            pc++;
            continue;
        case ZS_OP_MATCH:
            if (!R->found || pos > R->best_end) {
                R->found = true;
                R->best_end = pos;
                memcpy(R->best_slots, R->slots, (size_t)R->nslots * sizeof *R->slots);
                memcpy(R->best_path, R->path, (size_t)R->npath * sizeof *R->path);
                R->best_npath = R->npath;
            }
            goto done;
        }
    }
done:
    R->npath = saved_npath;
    while (R->ntrail > saved_ntrail) {
        const undo *u = &R->trail[--R->ntrail];
        R->slots[u->slot] = u->old;
    }
}

static void record(run *R, uint32_t start, zs_matches *out)
{
    const zs_rule *r = R->r;
    ZS_GROW(out->m, out->cap, out->n + 1);
    zs_match *m = &out->m[out->n++];
    m->rule = r;
    m->t0 = start;
    m->t1 = R->best_end;
    m->x0 = start;
    m->x1 = R->best_end;
    if (r->ext_slot >= 0 && R->best_slots[r->ext_slot] >= 0 &&
        R->best_slots[r->ext_slot + 1] > R->best_slots[r->ext_slot]) {
        m->x0 = (uint32_t)R->best_slots[r->ext_slot];
        m->x1 = (uint32_t)R->best_slots[r->ext_slot + 1];
    }
    ZS_GROW(out->pool, out->poolcap, out->npool + (size_t)r->ncaps);
    m->caps = out->npool;
    for (int c = 0; c < r->ncaps; c++) {
        zs_capval *cv = &out->pool[out->npool++];
        cv->t0 = R->best_slots[2 * c];
        cv->t1 = R->best_slots[2 * c + 1];
        cv->num = ZS_UNSET;
        cv->entry = NULL;
        if (cv->t0 < 0 || cv->t1 < cv->t0) {
            cv->t0 = cv->t1 = -1;
            continue;
        }
        for (int i = 0; i < R->best_npath; i++)
            if (R->best_path[i].pos == (uint32_t)cv->t0) {
                cv->num = R->best_path[i].num;
                cv->entry = R->best_path[i].entry;
                break;
            }
    }
}

/* Whether token t is in ts. */
static inline bool tok_in(const zs_token *t, const zs_tokset *ts)
{
    if (t->kind == ZS_TOK_NUM && ts->num && t->num >= ts->lo && t->num <= ts->hi) return true;
    return t->word && (ts->words[t->word->rid / 8] >> (t->word->rid % 8) & 1);
}

/* Whether the tokens before and after token i of the sentence [t0, t1) are
 * in pred and succ (NULL: any token, or none). */
static inline bool may_neighbour(const zs_doc *d, uint32_t i, uint32_t t0, uint32_t t1,
                                 const zs_tokset *pred, const zs_tokset *succ)
{
    return (!pred || (i > t0 && tok_in(&d->toks[i - 1], pred))) &&
           (!succ || (i + 1 < t1 && tok_in(&d->toks[i + 1], succ)));
}

/* Whether a match of r can start at token s (its first words, numbers, and
 * what can follow them) of a sentence ending before token end. */
static bool can_start(const zs_rule *r, const zs_token *toks, uint32_t s, uint32_t end)
{
    const zs_token *t = &toks[s];
    if (!r->first.any && !tok_in(t, &r->first)) return false;
    for (uint32_t k = 0; k < ZS_NEXT_TOKENS; k++)
        if (!r->next[k].any && (s + 1 + k >= end || !tok_in(&toks[s + 1 + k], &r->next[k])))
            return false;
    return true;
}

/* Whether the number at token t fits the rule's first item, when that is
 * a number (most tries of number rules end there). */
static bool first_int_fits(const zs_rule *r, const zs_token *t)
{
    const zs_inst *in = r->prog;
    while (in->op == ZS_OP_SAVE) in++;
    if (in->op != ZS_OP_INT) return true;
    return t->kind == ZS_TOK_NUM && t->num >= in->a && t->num <= in->b &&
           (!in->c || (int)(t->b1 - t->b0) == in->c);
}

static void try_rule(run *R, const zs_rule *r, uint32_t start, zs_matches *out)
{
    if (!first_int_fits(r, &R->d->toks[start])) return;
    if (r->genre && r->genre != (R->d->narrative ? 2 : 1)) return;
    if (r->order && r->order != R->d->order) return;
    R->r = r;
    R->npath = 0;
    R->ntrail = 0;
    R->steps = 0;
    R->found = false;
    int nslots = 2 * r->ncaps + (r->ext_slot >= 0 ? 2 : 0);
    R->nslots = nslots < MAX_SLOTS ? nslots : MAX_SLOTS;
    for (int k = 0; k < R->nslots; k++) R->slots[k] = -1; /* few: no call */
    exec(R, 0, start);
    if (R->found && R->best_end > start) record(R, start, out);
}

/* Tries the rules indexed at token i (ids[0..n)) at every start they can
 * have; by_num: they are indexed by its number. */
static void try_rules(run *R, const uint32_t *ids, uint32_t n, uint32_t t0, uint32_t i,
                      bool by_num, uint32_t *next_start, zs_matches *out)
{
    for (uint32_t k = 0; k < n; k++) {
        const zs_rule *r = &R->L->rules[ids[k]];
        if (!(r->need & R->present)) continue; /* cannot match here */
        if (by_num && (R->d->toks[i].num < r->at_lo || R->d->toks[i].num > r->at_hi))
            continue; /* a number the rule's item cannot be */
        /* not at this item: its starts stay for the next (next_start
         * unchanged) */
        if (!r->pred.any && (i == t0 || !tok_in(&R->d->toks[i - 1], &r->pred)))
            continue;
        if (!r->succ.any && (i + 1 >= R->end || !tok_in(&R->d->toks[i + 1], &r->succ)))
            continue;
        if (i - t0 < (uint32_t)r->min_lead) continue; /* no room before it */
        /* starts from lead to min_lead tokens before the item; a later
         * start is tried at a later item */
        uint32_t last = i - (uint32_t)r->min_lead;
        uint32_t s = i - t0 >= (uint32_t)r->lead ? i - (uint32_t)r->lead : t0;
        if (s < next_start[r->id]) s = next_start[r->id];
        for (; s <= last; s++)
            if (can_start(r, R->d->toks, s, R->end)) try_rule(R, r, s, out);
        if (next_start[r->id] < last + 1) next_start[r->id] = last + 1;
    }
}

/* Longer first, then higher prio, then earlier rule, then earlier start. */
static int cmp_quality(const void *pa, const void *pb)
{
    const zs_match *a = pa, *b = pb;
    uint32_t la = a->t1 - a->t0, lb = b->t1 - b->t0;
    if (la != lb) return la > lb ? -1 : 1;
    if (a->rule->prio != b->rule->prio) return a->rule->prio > b->rule->prio ? -1 : 1;
    if (a->t0 != b->t0) return a->t0 < b->t0 ? -1 : 1;
    return a->rule->id < b->rule->id ? -1 : a->rule->id > b->rule->id;
}

static int cmp_pos(const void *pa, const void *pb)
{
    const zs_match *a = pa, *b = pb;
    return a->t0 < b->t0 ? -1 : a->t0 > b->t0;
}

/* Sorts m[0..n) by cmp: by insertion when n is small (the matches of one
 * sentence, most often), else with qsort. cmp orders the matches totally
 * (no two tie), so both give the same order. */
static void sort_matches(zs_match *m, size_t n, int (*cmp)(const void *, const void *))
{
    if (n > 16) {
        qsort(m, n, sizeof *m, cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        zs_match x = m[i];
        size_t j = i;
        for (; j > 0 && cmp(&m[j - 1], &x) > 0; j--) m[j] = m[j - 1];
        m[j] = x;
    }
}

void zs_match_tokens(const zs_lang *L, const zs_doc *d, uint32_t t0, uint32_t t1,
                     zs_matches *out)
{
    if (t1 <= t0) return;
    if (!out->run) {
        out->run = zs_xmalloc(sizeof *out->run);
        out->next_start = zs_xcalloc(L->nrules ? L->nrules : 1, sizeof *out->next_start);
    }
    run *R = out->run;
    R->L = L;
    R->d = d;
    R->end = t1;
    /* a rule is indexed by an item that may follow optional ones: at that
     * item, try every start up to r->lead tokens before it, once each
     * (token positions only grow from call to call, so next_start needs no
     * reset for the next sentence of the same doc) */
    uint32_t *next_start = out->next_start;
    size_t first = out->n;
    /* the words of the sentence, and the tokens rules are indexed by */
    ZS_GROW(out->at, out->at_cap, t1 - t0);
    uint32_t *at = out->at, nat = 0;
    uint64_t present = ZS_NEED_ANY;
    for (uint32_t i = t0; i < t1; i++) {
        const zs_token *t = &d->toks[i];
        if (t->word) {
            present |= t->word->need_bit;
            if (t->word->nrules) {
                at[nat++] = i;
                continue;
            }
        }
        if (t->kind == ZS_TOK_NUM) at[nat++] = i;
    }
    R->present = present;
    for (uint32_t k = 0; k < nat; k++) {
        uint32_t i = at[k];
        const zs_token *t = &d->toks[i];
        const zs_word *w = t->word;
        if (w && (w->rules_need & present) &&
            may_neighbour(d, i, t0, t1, w->rules_pred, w->rules_succ))
            try_rules(R, w->rules, w->nrules, t0, i, false, next_start, out);
        if (t->kind == ZS_TOK_NUM && (L->num_rules_need & present) &&
            may_neighbour(d, i, t0, t1, L->num_rules_pred, L->num_rules_succ))
            try_rules(R, L->num_rules, L->nnum_rules, t0, i, true, next_start, out);
    }
    size_t n = out->n - first;
    if (n < 2) return;
    zs_match *m = out->m + first;
    sort_matches(m, n, cmp_quality);
    /* greedy: keep a match if none of its tokens is taken */
    ZS_GROW(out->taken, out->taken_cap, t1 - t0);
    uint8_t *taken = out->taken;
    memset(taken, 0, t1 - t0);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        bool free_span = true;
        for (uint32_t k = m[i].t0; k < m[i].t1 && free_span; k++) free_span = !taken[k - t0];
        if (!free_span) continue;
        for (uint32_t k = m[i].t0; k < m[i].t1; k++) taken[k - t0] = 1;
        m[kept++] = m[i];
    }
    out->n = first + kept;
    sort_matches(m, kept, cmp_pos);
}

void zs_matches_reset(zs_matches *ms)
{
    ms->n = 0;
    ms->npool = 0;
}

void zs_matches_free(zs_matches *ms)
{
    free(ms->m);
    free(ms->pool);
    free(ms->run);
    free(ms->next_start);
    free(ms->taken);
    free(ms->at);
    memset(ms, 0, sizeof *ms);
}
