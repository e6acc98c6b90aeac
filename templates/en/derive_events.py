"""Derives the English event trigger lexicon (templates/en/events.zt,
between its "# --- derived" markers) from TimeML training data: every word
form annotated as an EVENT at least MIN_EVENTS times, and as an EVENT in at
least MIN_SHARE of its occurrences, with its most frequent TimeML class
(a form seen fewer than POOL times as an EVENT takes the most frequent class
of all the forms that share a stem with it: "offered" as "offer", "offers";
OCCURRENCE where that class is rare and OCCURRENCE not much rarer)
and part of speech, and dct=REL where at least MIN_DCT of its TLINKs to the
document creation time, and DCT_SHARE of them, say "event REL DCT" (one of
BEFORE, AFTER, INCLUDES, IS_INCLUDED: "is" INCLUDES the DCT). For words
the training data does not know it writes word endings (event_suffix): an
ending of three to five letters that at least SUFFIX_MIN occurrences of
rare words (seen at most RARE times) share, SUFFIX_SHARE of them as
EVENTs, as OCCURRENCE; and the words the data knows as
no event that have such an ending (event_not). Of the words the training
data has not seen at all it lists those WordNet (the wordnet-base package,
under WORDNET) calls events: every form of a verb that is no noun or
adjective, and nouns (with their plural) whose most frequent sense, and
half of all their senses, are in the lexicographer files noun.act,
noun.event or noun.process, each lemma
with at least WN_MIN_TAGGED senses tagged in WordNet's semantic
concordance (the rarest words left out keep the lexicon small), as
OCCURRENCE. Five-fold cross-validation on
TimeBank (held-out event F1 / class F1): no WordNet 77.96 / 62.95; verbs
only 78.68 / 63.50; verbs and act, event, process nouns 78.78 / 63.75
(state nouns too 78.48 / 63.50; any verb form, nouns and verbs alike,
77.22 / 62.44); with WN_MIN_TAGGED 1 78.76 / 63.66 at a third of the
entries, 2: 78.61 / 63.50; half of a noun's senses too (WN_NOUN_SHARE)
78.87 / 63.70; as OCCURRENCE, not the class of their ending, 78.87 /
63.78. A trigger's tense is not
listed: the verb group analysis (verb_aux and verb_ending in lang.zt) tells
it from the form and its auxiliaries. Run with the training folder (the TimeBank part of
TBAQ-cleaned; AQUAINT stays unseen for scoring):

    /usr/bin/python3 templates/en/derive_events.py ../shared/corpora/tempeval3/TBAQ-cleaned/TimeBank \
        > /tmp/derived.zt

A form's class may also depend on what follows it (class_context in
events.zt): where the forms sharing its stem were seen at least CTX_MIN
times in one context (a to-infinitive, a that-clause, a gerund, another
event, or alone) and CTX_SHARE of them with one class other than the
form's, the entry names it for that context ("keep = class=ASPECTUAL
alone=OCCURRENCE"; cross-validation on TimeBank chose the thresholds). An
I_ACTION form whose stem's forms were seen fewer than ALONE_MIN times with
nothing after them (no to-infinitive, that-clause, gerund or event: no
event argument) is an OCCURRENCE there ("they asked for a visa"; five-fold
cross-validation on TimeBank: class accuracy on held-out events 81.22% ->
81.57%, thresholds 5, 10, 20 and all forms tried; ALONE_CLASSES names
the classes: ASPECTUAL as well, "keep the boy", took held-out class F1
65.24 -> 65.05, I_STATE as well lower still).

The word right before a form may change its class as well (class_before
in events.zt: "det" after an article, a demonstrative or a possessive,
"prep" after a preposition):
where TimeBank shows the form there at least BEF_MIN times, BEF_SHARE of
them with one class other than the form's, or as no event (NONE), the
entry names it ("det=NONE"); a form seen there less often takes NONE if
its ending (BEF_ENDINGS, "-ed") is an event in fewer than BEF_NONE_SHARE of
the BEF_POOL_MIN or more times TimeBank shows that ending there: "the
alleged attack", "the injured". Five-fold cross-validation on TimeBank
(held-out event F1 / class F1, pooled over the folds): 78.58 / 64.24 ->
78.80 / 64.42 ("-ed" only; "-ed" and "-ing" 78.83 / 64.45, "-ed" and "-s"
78.69 / 64.34, "-ed", "-ing" and "-s" 78.72 / 64.37; BEF_MIN 3 or 10,
BEF_SHARE 0.5 to 0.8, "a"/"an" a context of their own, and prepositions
as a context all within 0.05); with a hyphen joining a trigger to another
word being no event (class_before "- = joined default=NONE") 79.62 /
64.82; with "prep" 79.70 / 64.89 ("to" and the modals as a context of
their own: 79.69 / 64.88, unchanged classes). A form that is no trigger
by itself may be one right after "to" or a modal (rescue_forms: "to
revoke"; its entry says class=NONE and the class for those contexts):
RESCUE_SHARE 0.4 (0.3 the same) 80.53 / 65.18, 0.45 80.28 / 65.11, 0.5
79.89 / 64.94; after "to" only 80.26 / 65.13, after a modal only 79.99 /
64.96. Tried and not kept: class NONE for what follows a form (no event
where TimeBank shows it mostly as none before a to-infinitive, a
that-clause, ...; at least 5 to 20 times, 50% to 80% of them) gained at
most 0.11 held-out class F1; WordNet nouns whose most frequent sense is
derived from a verb ("accession", "failure") 77.33 / 63.18 (only those
ending in -ion 78.68 / 64.31); a separate threshold for forms mostly nouns
(NOUN_MIN_SHARE 0.25 to 0.55) at most 78.77 / 64.41 against 78.80 /
64.42. TimeBank's rare verbs are mostly OCCURRENCE in every WordNet
lexicographer file (verb.communication 43% OCCURRENCE, 12% REPORTING;
verb.cognition 44% OCCURRENCE, 21% I_STATE), so a class by lexicographer
file for unseen words would change none.

A word WordNet knows, but as no verb form (an adjective, an adverb, or a
noun whose most frequent sense is not in WN_NOUN_FILES), is listed in
event_not when it has such an ending ("appellate", "undisclosed"):
held-out 80.77 / 65.38 -> 80.89 / 65.51 (adjectives and adverbs only
80.86 / 65.49), AQUAINT 84.78 -> 85.01, class F1 70.77 -> 70.97.
The endings of BEF_ENDINGS ("-ed") name the same NONE for a word known
by its ending only ("the rebranded company"; SUFFIX_BEFORE=0 turns it off):
held-out 80.60 / 65.24 -> 80.77 / 65.38, AQUAINT 84.68 -> 84.78, class
F1 70.69 -> 70.77.
A WordNet verb that TimeBank shows at least RESCUE_NONE_MIN times
after "to" or a modal and never as an event there is not rescued there
("could still fall"; RESCUE_NONE_MIN 3, only "still" after a modal):
held-out 80.59 / 65.24 -> 80.60 / 65.24 (2, also "to earn", "to light":
80.61 / 65.25), AQUAINT 84.64 -> 84.68, class F1 70.66 -> 70.69.
A form that may be the singular or plural of a noun whose most frequent
WordNet sense is in noun.person (in lower case: no name) takes det=NONE
and prep=NONE where TimeBank shows it there fewer than BEF_MIN times and
its class is not STATE ("the suspect", "with exiles"; WN_PERSON=0 turns
this off): AQUAINT event F1 84.44 -> 84.64, class F1 70.50 -> 70.66;
TimeBank unchanged; held-out 80.57 / 65.22 -> 80.59 / 65.24.

Idioms (IDIOM_PHRASES: prepositional phrases such as "in charge of", "at
stake", "in place", chosen as English, not from a corpus) are event_not
entries of several tokens: no word inside one is a trigger. A phrase is left
out where TimeBank shows a word of it that the lexicon lists as an event
inside it (none of the 136 is): TimeBank event F1 87.60 -> 87.64, class
F1 75.82 -> 75.88, held-out 80.84 / 65.47 -> 80.88 / 65.51 (folds of every
fifth document), AQUAINT 85.01 -> 85.09, class F1 70.97 -> 71.04, task C
35.16 -> 35.17 (the first 84 phrases 85.08 / 71.03, the 52 after "so far"
one AQUAINT false event fewer, TimeBank unchanged). The engine reads an
idiom of up to four tokens.

Each form's entry names its lemma (lemma=, where it is another word) as
WordNet's morphology finds it (class Lemmas): "met = ... lemma=meet". The
title of a verb form is not written here: the engine takes it at template
load from the verb_title hand list of events.zt by that lemma ("meet =
Meeting"), so that a title is a line of data.

and put its output between the "# --- derived" markers of events.zt.
"""
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

MIN_EVENTS = int(os.environ.get("MIN_EVENTS", 1))
MIN_SHARE = float(os.environ.get("MIN_SHARE", 0.35))
SUFFIX_MIN = int(os.environ.get("SUFFIX_MIN", 5))
SUFFIX_SHARE = float(os.environ.get("SUFFIX_SHARE", 0.6))
RARE = int(os.environ.get("RARE", 2))
POOL = int(os.environ.get("POOL", 5))
SHRINK = int(os.environ.get("SHRINK", 20))
SHRINK_OCC = float(os.environ.get("SHRINK_OCC", 0.3))
CTX_MIN = int(os.environ.get("CTX_MIN", 5))
CTX_SHARE = float(os.environ.get("CTX_SHARE", 0.7))
ALONE_MIN = int(os.environ.get("ALONE_MIN", 10))
ALONE_CLASSES = os.environ.get("ALONE_CLASSES", "I_ACTION").split(",")
# The class_context lexicon of events.zt; the engine reads a word of more
# than four letters ending in "ing" as a gerund (lang.zt verb_ending).
CONTEXT_WORDS = {"to": "to", "that": "that", "whether": "that", "if": "that"}
CONTEXT_REACH = 4
# The class_before lexicon of events.zt.
def read_before_words():
    """{word: context} of the class_before lexicon of events.zt (words only:
    the hyphen's context has its default)."""
    out, inside = {}, False
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "events.zt")) as f:
        for line in f:
            if line.startswith("lexicon "):
                inside = line.split()[1] == "class_before"
            elif inside and "=" in line:
                words, value = line.split("=", 1)
                out.update({w: value.split()[0] for w in words.split() if w.isalpha()})
    return out


BEFORE_WORDS = read_before_words()
BEF_MIN = int(os.environ.get("BEF_MIN", 5))
BEF_SHARE = float(os.environ.get("BEF_SHARE", 0.7))
BEF_POOL_MIN = int(os.environ.get("BEF_POOL_MIN", 20))
BEF_NONE_SHARE = float(os.environ.get("BEF_NONE_SHARE", 0.35))
RESCUE = [x for x in os.environ.get("RESCUE", "inf,modal").split(",") if x]
RESCUE_SHARE = float(os.environ.get("RESCUE_SHARE", 0.4))
SUFFIX_WN = int(os.environ.get("SUFFIX_WN", 1))
SUFFIX_BEFORE = int(os.environ.get("SUFFIX_BEFORE", 1))
# Idioms whose words are no events there, though one of them may be a
# trigger elsewhere ("in charge of", "at stake"): event_not entries of
# several tokens, each kept only where TimeBank never shows a word of it
# that the lexicon lists as an event inside it (IDIOMS=0: none).
IDIOMS = int(os.environ.get("IDIOMS", 1))
IDIOM_PHRASES = """
    in charge of | in favor of | in favour of | on hold | in front of |
    in place | in place of | at stake | of course | in touch | in spite of |
    in terms of | in case | on behalf of | in fact | at least | in line with |
    in light of | on track | at odds | on board | in store | in view of |
    in return | in addition | in particular | at hand | on hand |
    in question | at issue | in turn | in short | in general | on average |
    at risk | in power | in office | in custody | in control of |
    on the verge of | on the way | on the ground | in the end |
    at the moment | in the meantime | for the time being | for example |
    in check | on the record | off the record | on purpose | in advance |
    in accordance with | in the interest of | at the expense of |
    in connection with | with respect to | in the long run |
    in the short term | in the long term | on the other hand | in effect |
    in force | in the face of | in the wake of | as a result of |
    as a result | under way | in the works | in mind | at the same time |
    at large | in a row | in order to | in the hands of | in common |
    in person | in private | in public | in trouble | out of business |
    in stock | to date | so far | in charge | in favor | in favour |
    in the midst of | in the event of | by means of | on the part of |
    in the first place | at first | at last | at all | at once | at times |
    in time | on time | by and large | in any case | in that case |
    in this case | in the case of | in the form of | in the name of |
    in the context of | on the basis of | on the eve of | on the heels of |
    at the hands of | at the height of | in the course of |
    in the middle of | for the sake of | with regard to | in regard to |
    in relation to | in part | in full | in total | in sum | in brief |
    in detail | in earnest | in vain | in the black | in the red |
    on the table | on the books | off guard | on guard | in the dark |
    on the brink of | on account of | on the whole"""
RESCUE_NONE_MIN = int(os.environ.get("RESCUE_NONE_MIN", 3))
BEF_ENDINGS = os.environ.get("BEF_ENDINGS", "ed").split(",")
QUOTES = {"``", "''", '"', "'", "`"}
TOKEN = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*|\d+|``|''|[^\sA-Za-z\d]")
MIN_DCT = int(os.environ.get("MIN_DCT", 2))
DCT_SHARE = float(os.environ.get("DCT_SHARE", 0.6))
INVERSE = {"BEFORE": "AFTER", "AFTER": "BEFORE", "INCLUDES": "IS_INCLUDED",
           "IS_INCLUDED": "INCLUDES"}
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def stems(w):
    """Possible stems of an English word form."""
    out = {w}
    for suf in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            st = w[: -len(suf)]
            out.add(st)
            out.add(st + "e")
            if len(st) > 3 and st[-1] == st[-2]:
                out.add(st[:-1])
            if st.endswith("i"):
                out.add(st[:-1] + "y")
    return out


def variants(w):
    """Inflections of the stems of w (a form ending in -ing or -ed is no
    stem itself: no "keepinged")."""
    out = set()
    for st in stems(w):
        if st == w and w.endswith(("ing", "ed")):
            continue
        if st.endswith("e"):
            out.update({st, st + "s", st + "d", st[:-1] + "ing"})
        elif st.endswith("y"):
            out.update({st, st + "s", st[:-1] + "ied", st[:-1] + "ies", st + "ing"})
        else:
            out.update({st, st + "s", st + "ed", st + "ing"})
    out.discard(w)
    return out


RESPELL = int(os.environ.get("RESPELL", 1))


def other_spelling(w):
    """The other spelling of a form whose final l doubles in British
    English but not in American ("canceled" <-> "cancelled", "traveling"
    <-> "travelling"), or None."""
    for suf in ("ed", "ing"):
        if not w.endswith("l" + suf) or len(w) < len(suf) + 4:
            continue
        stem = w[:-len(suf)]
        if stem.endswith("ll"):
            return stem[:-1] + suf
        if stem[-2] in "aeiou" and stem[-3] not in "aeiou":
            return stem + "l" + suf
    return None


def respell(seen, events, chosen, extra, lexical):
    """A form seen at most once and never as an EVENT whose other spelling
    (other_spelling) is listed is listed as that one is: one sighting
    ("canceled real estate leases", an adjective) is too few against the
    evidence for the other spelling ("cancelled"), and US and UK news
    spell the same verbs both ways."""
    if not RESPELL:
        return
    for w in sorted(seen):
        v = other_spelling(w)
        if events[w] or seen[w] > 1 or not v or w in chosen or w in extra or w in lexical:
            continue
        if v in lexical:
            lexical[w] = lexical[v]
        elif v in chosen or v in extra:
            extra[w] = extra.get(v, v)


def text_of(el):
    return "".join(el.itertext())


def dct_links(root):
    """(eventID, relation of the event to the DCT) of each event - DCT TLINK."""
    dct = {t.get("tid") for t in root.iter("TIMEX3")
           if t.get("functionInDocument") == "CREATION_TIME"}
    inst = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    for link in root.iter("TLINK"):
        rel = link.get("relType")
        if link.get("relatedToTime") in dct and link.get("eventInstanceID"):
            yield inst.get(link.get("eventInstanceID")), rel
        elif link.get("timeID") in dct and link.get("relatedToEventInstance") and rel in INVERSE:
            yield inst.get(link.get("relatedToEventInstance")), INVERSE[rel]


def main():
    events = collections.Counter()
    classes = collections.defaultdict(collections.Counter)
    pos = collections.defaultdict(collections.Counter)
    seen = collections.Counter()
    dct = collections.defaultdict(collections.Counter)
    in_context = collections.defaultdict(collections.Counter)
    before = collections.defaultdict(collections.Counter)
    idiom_events = collections.Counter()
    for name in sorted(os.listdir(sys.argv[1])):
        if not name.endswith(".tml"):
            continue
        root = ET.parse(os.path.join(sys.argv[1], name)).getroot()
        eid_pos = {m.get("eventID"): m.get("pos") for m in root.iter("MAKEINSTANCE")}
        text = root.find("TEXT")
        eid_form = {ev.get("eid"): text_of(ev).strip().lower() for ev in text.iter("EVENT")}
        for eid, rel in dct_links(root):
            if eid in eid_form:
                dct[eid_form[eid]][rel] += 1
        for w in WORD.findall(text_of(text)):
            seen[w.lower()] += 1
        for ev in text.iter("EVENT"):
            form = text_of(ev).strip().lower()
            if not WORD.fullmatch(form):
                continue
            events[form] += 1
            classes[form][ev.get("class")] += 1
            pos[form][eid_pos.get(ev.get("eid"), "UNKNOWN")] += 1
        count_contexts(text, in_context)
        count_before(text, before)
        count_idioms(text, idiom_events)
    chosen = {}
    for form in sorted(events):
        n = events[form]
        if n < MIN_EVENTS or n < MIN_SHARE * seen[form]:
            continue
        chosen[form] = n
    # the other inflections of a chosen form, unless the data shows them
    # to be mostly something else ("attack" -> "attacks", "attacked")
    extra = {}
    for form in chosen:
        for v in variants(form):
            if v in chosen or v in extra or len(v) < 4:
                continue
            if seen[v] and events[v] < MIN_SHARE * seen[v]:
                continue
            extra[v] = form
    families = collections.defaultdict(collections.Counter)
    for form in sorted(events):
        for st in sorted(stems(form)):
            families[st].update(classes[form])
    rules = suffix_rules(seen, events, classes, pos)
    lexical = wordnet_forms(seen, set(chosen) | set(extra))
    respell(seen, events, chosen, extra, lexical)
    rescued = rescue_forms(set(chosen) | set(extra) | set(lexical), before)
    persons = person_nouns()
    print("lexicon event_verb")
    for form in sorted(list(chosen) + list(extra) + list(lexical) + list(rescued)):
        if form in rescued:
            print("  %s = class=NONE%s%s" % (form, rescued[form], lemma_attr(form, False)))
            continue
        if form in lexical:
            cls, noun = lexical[form]
            ctx = before_classes(form, cls, before)
            ctx += person_classes(form, cls, ctx, before, persons)
            print("  %s = class=%s%s%s%s" % (form, cls, " pos=noun" if noun else "", ctx,
                                             lemma_attr(form, noun)))
            continue
        src = extra.get(form, form)
        cls = class_of(src, classes, families)
        noun = pos[src]["NOUN"] > pos[src]["VERB"] and not form.endswith(("ing", "ed"))
        rel = ""
        if form == src and dct[src]:
            r, rn = dct[src].most_common(1)[0]
            total = sum(dct[src].values())
            if r in INVERSE and rn >= MIN_DCT and rn >= DCT_SHARE * total:
                rel = " dct=" + r
        ctx = context_classes(form, cls, in_context) + before_classes(form, cls, before)
        ctx += person_classes(form, cls, ctx, before, persons)
        print("  %s = class=%s%s%s%s%s" % (form, cls, " pos=noun" if noun else "", rel, ctx,
                                           lemma_attr(form, noun)))
    print("end")
    print_suffixes(seen, rules, set(chosen) | set(extra) | set(lexical), before,
                   idioms(idiom_events, set(chosen) | set(extra) | set(lexical) | set(rescued)))


def tokens(text):
    """[word, class of the EVENT it starts, or None] of a TEXT element."""
    out = []

    def add(s, cls=None):
        for i, t in enumerate(TOKEN.findall(s or "")):
            out.append((t, cls if i == 0 else None))
    add(text.text)
    for ch in text:
        add(text_of(ch), ch.get("class") if ch.tag == "EVENT" else None)
        add(ch.tail)
    return out


def context(toks, i):
    """The context of the event at token i, as the engine reads it."""
    for t, cls in toks[i + 1:i + 1 + CONTEXT_REACH]:
        w = t.lower()
        if w in QUOTES:
            continue
        if not w[0].isalnum():
            break
        if w in CONTEXT_WORDS:
            return CONTEXT_WORDS[w]
        if len(w) > 4 and w.endswith("ing") and w.isalpha():
            return "gerund"
        if cls:
            return "event"
    return "alone"


def count_contexts(text, in_context):
    """Adds the classes of a TEXT element's events to in_context[(stem,
    context)] for each stem of their form."""
    toks = tokens(text)
    for i, (t, cls) in enumerate(toks):
        if cls and WORD.fullmatch(t):
            ctx = context(toks, i)
            for st in sorted(stems(t.lower())):
                in_context[(st, ctx)][cls] += 1


def count_before(text, before):
    """Adds the class of each word of a TEXT element (NONE where it is no
    event) to before[(form, context)] where the word before it is one of
    BEFORE_WORDS, and to before[(ending, context)] for its ending."""
    toks = tokens(text)
    for i in range(1, len(toks)):
        t, cls = toks[i]
        ctx = BEFORE_WORDS.get(toks[i - 1][0].lower())
        if ctx and WORD.fullmatch(t):
            w = t.lower()
            before[(w, ctx)][cls or "NONE"] += 1
            for e in BEF_ENDINGS:
                if w.endswith(e):
                    before[("-" + e, ctx)][cls or "NONE"] += 1


def before_classes(form, cls, before):
    """The " ctx=CLASS" attributes of a form with another class (or NONE:
    no event) after a word of BEFORE_WORDS: its own where it was seen at
    least BEF_MIN times there, BEF_SHARE of them with one class; else NONE
    where its ending (BEF_ENDINGS) was seen at least BEF_POOL_MIN times
    there and as an event in fewer than BEF_NONE_SHARE of them."""
    out = ""
    for ctx in sorted(set(BEFORE_WORDS.values())):
        own = before[(form, ctx)]
        total = sum(own.values())
        if total >= BEF_MIN:
            best, n = own.most_common(1)[0]
            if best != cls and n >= BEF_SHARE * total:
                out += " %s=%s" % (ctx, best)
            continue
        for e in BEF_ENDINGS:
            pooled = before[("-" + e, ctx)]
            n = sum(pooled.values())
            if form.endswith(e) and n >= BEF_POOL_MIN and n - pooled["NONE"] < BEF_NONE_SHARE * n:
                out += " %s=NONE" % ctx
                break
    return out


def rescue_forms(known, before):
    """{form: " ctx=CLASS" attributes} of forms that are no trigger by
    themselves (not in known) but are events after a word of a RESCUE
    context ("to", a modal: "to revoke"): where TimeBank shows the form
    there at least BEF_MIN times, RESCUE_SHARE of them as events, with
    their most frequent class; else, for a WordNet verb lemma, where
    TimeBank's forms seen there fewer than BEF_MIN times that are WordNet
    verb lemmas and no trigger are events in RESCUE_SHARE of their
    occurrences there, as OCCURRENCE, unless TimeBank shows the form there
    at least RESCUE_NONE_MIN times and never as an event ("could still
    fall": "still" after a modal is an adverb)."""
    if not RESCUE:
        return {}
    verbs = wn_index("verb")
    out = collections.defaultdict(str)
    for ctx in RESCUE:
        pooled = collections.Counter()
        for (w, c), cnt in before.items():
            if c == ctx and w in verbs and w not in known and sum(cnt.values()) < BEF_MIN:
                pooled["NONE"] += cnt["NONE"]
                pooled["EVENT"] += sum(cnt.values()) - cnt["NONE"]
        pooled_ok = sum(pooled.values()) and pooled["EVENT"] >= RESCUE_SHARE * sum(pooled.values())
        for w in sorted(set(verbs) | {f for (f, c) in before if c == ctx}):
            if w in known or not w.isalpha() or len(w) < 3:
                continue
            own = before[(w, ctx)]
            total = sum(own.values())
            if total >= BEF_MIN:
                ev = collections.Counter({k: v for k, v in own.items() if k != "NONE"})
                if sum(ev.values()) >= RESCUE_SHARE * total:
                    out[w] += " %s=%s" % (ctx, ev.most_common(1)[0][0])
            elif pooled_ok and w in verbs and not (total >= RESCUE_NONE_MIN and own["NONE"] == total):
                out[w] += " %s=OCCURRENCE" % ctx
    return dict(out)


def context_classes(form, cls, in_context):
    """The " ctx=CLASS" attributes of a form whose stem's forms have
    another class in that context."""
    out = ""
    for ctx in ("to", "that", "gerund", "event", "alone"):
        pooled = collections.Counter()
        for st in sorted(stems(form)):
            pooled.update(in_context[(st, ctx)])
        total = sum(pooled.values())
        best, n = pooled.most_common(1)[0] if total else (cls, 0)
        if total >= CTX_MIN and best != cls and n >= CTX_SHARE * total:
            out += " %s=%s" % (ctx, best)
        elif ctx == "alone" and cls in ALONE_CLASSES and total < ALONE_MIN:
            out += " alone=OCCURRENCE"
    return out


def class_of(form, classes, families):
    """The class of a form: its own most frequent one, or, seen fewer than
    POOL times, that of its stems' families (five-fold cross-validation on
    TimeBank chose POOL); OCCURRENCE, though, where the families' class was
    seen fewer than SHRINK times and OCCURRENCE at least SHRINK_OCC times as
    often ("abstained", "accredited"). Cross-validation: held-out
    class F1 63.81 -> 64.24 (SHRINK 5, 10, 20, 50, 100; SHRINK_OCC 0 to
    0.7 tried; applied to frequent forms too 63.74)."""
    if sum(classes[form].values()) >= POOL:
        return classes[form].most_common(1)[0][0]
    pooled = collections.Counter()
    for st in sorted(stems(form)):
        pooled.update(families[st])
    c, n = pooled.most_common(1)[0]
    if n < SHRINK and pooled["OCCURRENCE"] >= SHRINK_OCC * n:
        return "OCCURRENCE"
    return c


def endings(w):
    return [w[-k:] for k in range(5, 2, -1) if len(w) > k + 2]


def suffix_rules(seen, events, classes, pos):
    """{ending: (class, is_noun)} of the event_suffix lexicon. The class is
    OCCURRENCE: the most frequent class of the rare words with the ending
    was right less often (five-fold cross-validation on TimeBank, held-out
    class F1 63.78 -> 63.81)."""
    n = collections.Counter()
    ev = collections.Counter()
    noun = collections.defaultdict(collections.Counter)
    for w in seen:
        if seen[w] > RARE or not w.isalpha():
            continue
        for e in endings(w):
            n[e] += seen[w]
            ev[e] += events[w]
            noun[e].update(pos[w])
    rules = {}
    for e in n:
        if n[e] >= SUFFIX_MIN and ev[e] >= SUFFIX_SHARE * n[e]:
            rules[e] = ("OCCURRENCE",
                        noun[e]["NOUN"] > noun[e]["VERB"] and not e.endswith(("ing", "ed")))
    return rules


def count_idioms(text, idiom_events):
    """Adds each word of an IDIOM_PHRASES phrase that is an EVENT inside it
    in a TEXT element to idiom_events[(phrase, word)]."""
    toks = tokens(text)
    words = [t.lower() for t, _ in toks]
    for p in idiom_phrases():
        pw = p.split()
        for i in range(len(words) - len(pw) + 1):
            if words[i:i + len(pw)] == pw:
                for j, w in enumerate(pw):
                    if toks[i + j][1]:
                        idiom_events[(p, w)] += 1


def idiom_phrases():
    out = [" ".join(p.split()) for p in IDIOM_PHRASES.split("|")] if IDIOMS else []
    assert all(len(p.split()) <= 4 for p in out), "event.c reads idioms of up to four tokens"
    return out


def idioms(idiom_events, lexicon):
    """The phrases of IDIOM_PHRASES none of whose words the lexicon lists
    and TimeBank shows as an event inside the phrase ("in charge of" stays:
    TimeBank's event there is "in", no trigger)."""
    return [p for p in idiom_phrases()
            if not any(idiom_events[(p, w)] and w in lexicon for w in p.split())]


def print_suffixes(seen, rules, known, before, phrases=()):
    """The event_suffix and event_not lexicons; an ending of BEF_ENDINGS
    takes ctx=NONE after a class_before word where TimeBank's words with
    that ending are seldom events there, as a listed form does
    (before_classes: "the rebranded company")."""
    print()
    print("# Endings of words the training data does not list (most of its rare")
    print("# words with the ending are events), and the words it knows as none.")
    print("lexicon event_suffix")
    for e in sorted(rules):
        c, is_noun = rules[e]
        print("  %s = class=%s%s%s" % (e, c, " pos=noun" if is_noun else "",
                                       before_classes(e, c, before) if SUFFIX_BEFORE else ""))
    print("end")
    print()
    print("lexicon event_not")
    for p in sorted(phrases):
        print('  "%s"' % p)
    for w in sorted(set(seen) | wordnet_not(seen, known)):
        if w in known or not w.isalpha() or not any(e in rules for e in endings(w)):
            continue
        print("  " + w)
    print("end")


def wordnet_not(seen, known):
    """Words WordNet knows as no verb form (an adjective, an adverb, or a
    noun whose most frequent sense is no act, event or process: "wooded",
    "appellate") that the training data has not seen, for event_not when
    they have an event_suffix ending (SUFFIX_WN=0: none)."""
    if not SUFFIX_WN or not os.path.isdir(WORDNET):
        return set()
    verbs = wn_index("verb", 0)
    vforms = set()
    for v in verbs:
        vforms |= verb_inflections(v)
    for f, lemmas in wn_exceptions("verb").items():
        vforms.add(f)
    nouns = wn_index("noun", 0)
    out = set()
    for pos in ("adj", "adv"):
        out |= {w for w in wn_index(pos, 0) if w.isalpha()}
    if SUFFIX_WN != 2:
        out |= {n for n, files in nouns.items() if n.isalpha() and files[0] not in WN_NOUN_FILES}
    return {w for w in out if w not in vforms and w not in seen and w not in known and w.islower()}


# ---- WordNet: words the training data has not seen --------------------------

WORDNET = os.environ.get("WORDNET", "/usr/share/wordnet")
WN_VERBS = os.environ.get("WN_VERBS", "unambiguous")
WN_NOUN_SHARE = float(os.environ.get("WN_NOUN_SHARE", 0.5))
WN_MIN_TAGGED = int(os.environ.get("WN_MIN_TAGGED", 1))
WN_NOUN_FILES = {int(x) for x in os.environ.get("WN_NOUN_FILES", "4,11,22").split(",") if x}


def wn_index(pos, min_tagged=None):
    """{lemma: [lexicographer file number of each sense, most frequent first]}
    of the lemmas with at least min_tagged (WN_MIN_TAGGED) tagged senses."""
    if min_tagged is None:
        min_tagged = WN_MIN_TAGGED
    files = {}
    with open(os.path.join(WORDNET, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                off, num, _ = line.split(" ", 2)
                files[off] = int(num)
    out = {}
    with open(os.path.join(WORDNET, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            if int(fields[5 + int(fields[3])]) >= min_tagged:
                out[fields[0]] = [files[o] for o in fields[6 + int(fields[3]):]]
    return out


def wn_exceptions(pos):
    """{inflected form: {lemma}} of WordNet's exception list."""
    out = collections.defaultdict(set)
    with open(os.path.join(WORDNET, pos + ".exc"), encoding="latin-1") as f:
        for line in f:
            fields = line.split()
            out[fields[0]].update(fields[1:])
    return out


def verb_inflections(v):
    """The regular inflections of verb v (both spellings where a final
    consonant may double: "ban" -> "banned", "banning")."""
    out = {v}
    out.add(v + "es" if v.endswith(("s", "x", "z", "ch", "sh")) else
            v[:-1] + "ies" if v.endswith("y") and v[-2:-1] not in "aeiou" else v + "s")
    if v.endswith("e"):
        out.update({v + "d", v[:-2] + "ying" if v.endswith("ie") else
                    v + "ing" if v.endswith(("ee", "oe", "ye")) else v[:-1] + "ing"})
    elif v.endswith("y") and v[-2:-1] not in "aeiou":
        out.update({v[:-1] + "ied", v + "ing"})
    else:
        out.update({v + "ed", v + "ing"})
        if (len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou"
                and sum(c in "aeiou" for c in v) == 1):
            out.update({v + v[-1] + "ed", v + v[-1] + "ing"})
    return out


def noun_lemmas(w, exc):
    """The possible singulars of noun form w (itself included)."""
    out = {w} | exc.get(w, set())
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    if w.endswith("es"):
        out.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    return out


WN_PERSON = int(os.environ.get("WN_PERSON", 1))


def person_nouns():
    """The WordNet nouns whose most frequent sense names a person (the
    lexicographer file noun.person) in lower case, not a name: "suspect",
    "exile", "witness" (not "Begin", "Burns")."""
    if not WN_PERSON or not os.path.isdir(WORDNET):
        return set()
    words = {}
    with open(os.path.join(WORDNET, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split()
                if fields[1] == "18":
                    words[fields[0]] = set(fields[4:4 + 2 * int(fields[3], 16):2])
    out = set()
    with open(os.path.join(WORDNET, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split()
                if fields[0] in words.get(fields[6 + int(fields[3])], ()):
                    out.add(fields[0])
    return out


def singulars(w, exc):
    """The possible singulars of noun form w (itself included), as WordNet's
    morphology finds them: "spikes" -> "spike", not "spik"."""
    out = {w} | exc.get(w, set())
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    elif w.endswith(("ses", "xes", "zes", "ches", "shes")):
        out.add(w[:-2])
    elif w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    return out


def person_classes(form, cls, ctx, before, persons):
    """" det=NONE prep=NONE" for a form that may be the plural or singular of
    a noun naming a person, where TimeBank shows it fewer than BEF_MIN
    times after such a word and before_classes has named no class there:
    after an article, a possessive or a preposition it is the person, not
    the act ("the suspect", "with exiles"). Not for a STATE: TimeBank's
    person nouns of that class are predicates ("she is the boss")."""
    if cls == "STATE" or not any(n in persons for n in singulars(form, PERSON_EXC)):
        return ""
    out = ""
    for c in ("det", "prep"):
        if " %s=" % c not in ctx and sum(before[(form, c)].values()) < BEF_MIN:
            out += " %s=NONE" % c
    return out


def wordnet_forms(seen, known):
    """{form: (class, is_noun)} of words the training data has not seen that
    WordNet calls events: a form of a verb that is no noun or adjective
    (WN_VERBS=unambiguous; "all": any verb form), and a noun whose most
    frequent sense is in one of the WN_NOUN_FILES lexicographer files (4
    noun.act, 11 noun.event, 22 noun.process), as are at least WN_NOUN_SHARE
    of its senses; all as OCCURRENCE."""
    if WN_VERBS == "none":
        return {}
    if not os.path.isdir(WORDNET):
        sys.exit("derive_events.py: no WordNet in %s (install wordnet-base, or set WORDNET)" % WORDNET)
    verbs, nouns, adjs = wn_index("verb"), wn_index("noun"), wn_index("adj")
    vexc, nexc = wn_exceptions("verb"), wn_exceptions("noun")
    forms = collections.defaultdict(set)
    for v in verbs:
        if v.isalpha():
            for f in verb_inflections(v):
                forms[f].add(v)
    for f, lemmas in vexc.items():
        if f.isalpha():
            forms[f].update(x for x in lemmas if x in verbs)
    out = {}

    def add(f, noun):
        if f in seen or f in known or f in out or len(f) < 4 or not f.isalpha():
            return
        out[f] = ("OCCURRENCE", noun)

    for f in sorted(forms):
        as_noun = any(n in nouns for n in noun_lemmas(f, nexc))
        if WN_VERBS == "all" or not (as_noun or f in adjs):
            add(f, False)
    for n in sorted(nouns):
        if not n.isalpha() or nouns[n][0] not in WN_NOUN_FILES:
            continue
        plural = (n + "es" if n.endswith(("s", "x", "z", "ch", "sh")) else
                  n[:-1] + "ies" if n.endswith("y") and n[-2:-1] not in "aeiou" else n + "s")
        if WN_NOUN_SHARE and sum(x in WN_NOUN_FILES for x in nouns[n]) < WN_NOUN_SHARE * len(nouns[n]):
            continue
        for f in (n, plural):
            if f == n or f not in forms:
                add(f, True)
    return out


def wn_tagged(pos):
    """{lemma: number of its senses tagged in WordNet's semantic concordance}
    of every lemma of part of speech pos."""
    out = {}
    with open(os.path.join(WORDNET, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split()
                out[fields[0]] = int(fields[5 + int(fields[3])])
    return out


# WordNet's detachment rules (morphy): an ending and what replaces it.
MORPHY = {"noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
                   ("shes", "sh"), ("men", "man"), ("ies", "y")),
          "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
                   ("ing", "e"), ("ing", ""))}


SIBILANT = ("s", "x", "z", "ch", "sh", "o")


def doubles(v):
    """Whether verb v doubles its last consonant before -ed and -ing, as
    verb_inflections spells it ("ban" -> "banned")."""
    return (len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou"
            and sum(c in "aeiou" for c in v) == 1)


class Lemmas:
    """The lemma of a form as WordNet's morphology finds it: the form itself
    or a lemma its exception list or detachment rules give (a consonant
    doubled before -ed or -ing undoubled: "planned" -> "plan"), of those
    WordNet lists for the part of speech the one with the most tagged
    senses ("found" -> "find", "hoped" -> "hope", "talks" -> "talk");
    the form where WordNet has none."""

    def __init__(self):
        self.ok = os.path.isdir(WORDNET)
        if self.ok:
            self.index = {p: wn_tagged(p) for p in MORPHY}
            self.exc = {p: wn_exceptions(p) for p in MORPHY}

    def __call__(self, form, pos):
        if not self.ok:
            return form
        index = self.index[pos]
        cands = {form} | self.exc[pos].get(form, set())
        for end, rep in MORPHY[pos]:
            if form.endswith(end) and len(form) > len(end) + 1:
                st = form[: -len(end)]
                if pos == "verb" and end in ("ed", "ing") and not rep and doubles(st):
                    continue  # not "hop" for "hoped": "hopped"
                if pos == "verb" and end == "es" and not rep and not st.endswith(SIBILANT):
                    continue  # not "hop" for "hopes": "hops"
                cands.add(st + rep)
                if pos == "verb" and end in ("ed", "ing") and len(st) > 2 and st[-1] == st[-2]:
                    cands.add(st[:-1])  # "planned" -> "plan"
        known = sorted((-index[c], c) for c in cands if c in index)
        return known[0][1] if known else form


LEMMAS = Lemmas()


def lemma_attr(form, noun):
    """" lemma=L" where the form's lemma L is another word (a verb form's
    title comes from the verb_title list of events.zt at template load, by
    this lemma)."""
    lem = LEMMAS(form, "noun" if noun else "verb")
    return " lemma=" + lem if lem != form else ""


PERSON_EXC = wn_exceptions("noun") if WN_PERSON and os.path.isdir(WORDNET) else {}
main()
