"""Who a speech verb's words name: its subject, and whose document a document cue names.

The first step of who speaks (`provenance.quotes.speakers`). `provenance.quotes.cues`
reads each speech verb's subject with these rules (the clause before the verb, "said Park
Min-jun" after it, the statement's authors together or one person) and sets aside a
document that is another body's ("the White House statement"); `provenance.quotes.reading`
reads a pronoun subject ("It says that") with them.
"""

from __future__ import annotations

import re

from provenance.quotes.words import ALIASES, YEAR, author_party

_SUBJECT_WORDS = 6
_SUBJECT_WORD = re.compile(r"(?=[\w’'.&-]*\w)[\w’'.&-]+")
_NAME_PART = re.compile(r"[A-Z][\w’'.-]*")
_CLAUSE_BREAK = re.compile(r"  |[;:()]")
"""Between two words, what ends the clause a subject is read back through (and a line
break, unless the line goes on in lower case: see `_ends_clause`)."""
_ADVERB = re.compile(
    r"(?!(?:assembly|family|ally|rally|supply|monopoly|anomaly|homily)\b)[a-z]{3,}ly"
)
"""A lower-case word in -ly just before a verb ("sternly", "only"), no subject of it; not a
noun in -ly ("the assembly said")."""
HABIT_WORDS = frozenset("like love tend used to often never always usually are is".split())
"""Words of a habit between a subject and its speech verb ("Moscow diplomats like to joke",
"old hands are fond of repeating": "fond of repeating" is the verb), read past to the
subject."""
_AUXILIARY = (
    frozenset("also was were has have had been further then later again did does do".split())
    | HABIT_WORDS
)
_GROUP = re.compile(
    r"\b(?:sides|parties|countries|ministries|ministers|governments|neighbou?rs|capitals|nations"
    r"|powers|partners|leaders|diplomats|authors|signatories|drafters|pair|Parties)\b"
)
"""A plural subject: the statement's authors speaking together ("the two sides", "the
pair"). Lower case only, but for the statement's own name for them, "the Parties": a
capitalised one is part of a name ("the ambassador to the United Nations")."""
_DETERMINED = re.compile(r"\b(?:two|both|their|the|its)\b", re.IGNORECASE)
"""With a plural (`_GROUP`), a subject naming one group: "the two sides", "their ministries"."""
_NAME = re.compile(r"[A-Z][\w’'-]*")
_POSTPOSED = re.compile(
    r"\s+((?:the\s+|a\s+|an\s+)?(?:[\w’'.&-]+\s*){1,6}?)"
    r"(?=[,.;:]|\s{2}|$|\s+(?:of|for|in|at|on|during|after|before|from|with|when|while|who)\s)"
)
"""The subject after a speech verb (`match`ed at the verb's end), up to a clause break, a
phrase of time, place or means ("said former envoy Robert Galloway in an interview") or
the body the speaker belongs to or speaks for ("said Bruce Klingner of the Heritage
Foundation", "said a spokeswoman for the UN Secretary-General")."""
_SHARED = frozenset("and but or".split())
"""Just before a speech verb, a word that gives it the subject of the verb before."""
_INVERTS = re.compile(
    r"said|says|added|adds|wrote|writes|asked|continued|went on|noted|notes|explained"
    r"|replied|answered|insisted|declared|reads|remarked|observed|recalled"
)
"""Speech verbs that take their subject after them with nothing before ("“...” said the
envoy"); other verbs do only in a tag (see `_inverted`)."""
_CLOSING = "\"'”’»“‘«„"
_CONJUNCTION = frozenset("and but or while as then which who whom that".split())
_PRONOUN = re.compile(r"^(?:they|it)\b", re.IGNORECASE)
_PRONOUN_LAST = re.compile(
    r"(?:^|\s)(?:they|it)(?:\s+(?:do|does|did|also|then|further|still|will|would|can|must|even"
    r"|never|not|just|[a-z]+ly))*$",
    re.IGNORECASE,
)
"""A subject whose last word is the pronoun, after a phrase ("On the launch it says")."""
_MORE_THAN_TWO = re.compile(
    r"\b(?:three|four|five|six|seven|eight|nine|ten|dozen|several|many|all)\b", re.IGNORECASE
)
"""A count in a subject that no pair of authors has."""
_PART_OF = re.compile(r"\W*(?:one|some|many|few|none|each|any|either|neither)\s+of\b", re.I)
"""Some of a group, not the group: "one of the senior diplomats"."""
_PERSONAL = re.compile(r"^(?:he|she|i|we)\b", re.IGNORECASE)
_OWN_MODIFIERS = frozenset(
    """joint sino-russian russian-chinese chinese-russian two foreign minister ministers
    ministry ministries side sides country countries party parties government governments
    capital capitals""".split()
)
"""Words before "statement" that name its authors without their names ("the ministers'
text", "the two sides' statement")."""


_EARLIER = frozenset(
    "earlier previous prior former older other another later separate presidential broader".split()
)
"""A document's modifier that makes it another than the statement ("that earlier document",
"the other statement"; the statement is the foreign ministers': "that presidential
declaration", "the broader declaration" the presidents signed the same day)."""


def _another_body(named: str, authors: frozenset[str]) -> bool:
    """Whether a document cue names someone else's document: "The DPRK's statement", "The
    White House statement", "the US statement". A possessive must name the statement's
    authors ("Moscow's statement"); capitalised words before the noun name another body
    when one is an institution ("House", "Department") or all are names of other parties;
    words of a topic ("the Korean Peninsula statement") name none.

    >>> _another_body("The White House statement", frozenset({"russia"}))
    True
    >>> _another_body("the joint Russian-Chinese statement", frozenset({"russian", "chinese"}))
    False
    >>> _another_body("The Korean Peninsula statement", frozenset({"russia"}))
    False
    >>> [_another_body(f"The {n} statement", frozenset()) for n in ("Korea", "North Korea")]
    [False, True]
    >>> _another_body("The 2005 joint statement", frozenset({"russia", "2017"}))
    True
    >>> _another_body("That earlier document", frozenset({"russia"}))
    True
    >>> _another_body("The other statement", frozenset({"russia"}))
    True
    """
    words = named.split()
    last = max((k for k, w in enumerate(words[:-1]) if w.casefold() in _DETERMINERS), default=-1)
    modifiers = words[last + 1 : -1]  # "the North's grievances the declaration": none
    capitalised: list[str] = []
    for word in modifiers:
        bare = _POSSESSIVE_END.sub("", word)
        parts = bare.casefold().split("-")
        own = bare.casefold() in _OWN_MODIFIERS or all(p in authors for p in parts)
        if bare != word:  # a possessive: whose document
            if not own:
                return True
        elif word[:1].isupper() and not own:
            capitalised.append(bare.casefold())
        elif YEAR.fullmatch(bare) and not own:
            return True  # "the 2005 joint statement": another year's
        elif bare.casefold() in _EARLIER:
            return True  # "that earlier document", "the previous statement": another one
    if not capitalised or capitalised == ["korea"]:
        return False  # ("the Korea statement": the one on Korea; "the North Korea statement"
        # or "the South Korea statement" is a party's)
    return bool(set(capitalised) & INSTITUTIONS) or all(w in _PARTY_NAMES for w in capitalised)


def _dated_otherwise(after: str, authors: frozenset[str]) -> bool:
    """Whether the words after a document cue date it to a year not the statement's ("the
    Joint Statement of September 19, 2005"; `authors` holds the statement's year).

    >>> _dated_otherwise(" of September 19, 2005, which", frozenset({"2017"}))
    True
    >>> _dated_otherwise(" of July 4, 2017 says", frozenset({"2017"}))
    False
    """
    m = _DATED.match(after)
    return m is not None and m.group(1) not in authors


_DATED = re.compile(
    r"\s+(?:of|from|dated)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b"
)
"""A date after a document that gives its year (`DATED_AFTER` reads any date there, to
read past it; this one, to tell the year: it stays as the audited pages were read)."""
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?:the[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}(?:,?[ \t]+\d{{4}})?"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?"
    rf"|{_MONTH}[ \t]+\d{{4}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}})\b"
)
DATED_AFTER = re.compile(
    rf",?[ \t]+(?:(?:of|from|dated)[ \t]+{_DATE},?"
    rf"|\([ \t]*(?:of[ \t]+|dated[ \t]+)?{_DATE}[ \t]*\))"
)
"""After a document: its date ("of 4 July 2017", "dated July 4, 2017", "from 2017", "(4 July
2017)"), which stands between its name and what it is said to say."""


_PARTY_NAMES = frozenset({a for names in ALIASES.values() for a in names} | set(ALIASES))
"""Names of the parties the statement names, and their other names."""
_DETERMINERS = frozenset("the this that its their a an".split())
INSTITUTIONS = frozenset(
    """house department ministry office council secretariat government administration
    pentagon congress senate parliament embassy agency committee presidency
    g7 g8 g20 nato asean un eu osce iaea brics sco summit""".split()
)
"""Words that make capitalised words before "statement" an issuing body (and the
groupings and organisations that issue communiqués: "The G7 communiqué")."""
_POSSESSIVE_END = re.compile(r"[’']s?$")


def _subject(
    chunk: str, verb: int, *, strip: bool = True, kept: list[re.Match[str]] | None = None
) -> tuple[int, str]:
    """Start and words of the clause before a speech verb (at most `_SUBJECT_WORDS` words).

    With `strip`, leading auxiliaries and conjunctions are dropped ("also", "and").
    `kept`: `_subject_words(chunk, verb)`, when the caller has them already.
    """
    kept = _subject_words(chunk, verb) if kept is None else list(kept)
    if not strip:
        return (kept[-1].start(), chunk[kept[-1].start() : verb]) if kept else (verb, "")
    while kept and kept[0].group().casefold() in _AUXILIARY:
        kept.pop(0)
    if not kept:
        return verb, ""
    if kept[0].group().casefold() in _SHARED:
        return verb, ""  # "... and called it": the verb shares the subject before it
    kept.reverse()
    if len(kept) == 1 and kept[0].group().casefold() in _CONJUNCTION:
        return verb, ""
    while kept and kept[0].group().casefold() in _CONJUNCTION:
        kept = kept[1:]
    if not kept or all(_ADVERB.fullmatch(w.group()) for w in kept):
        return verb, ""  # (nothing but an adverb: "..., and sternly warned that")
    start = kept[0].start()
    return start, chunk[start:verb].strip()


def _shared(kept: list[re.Match[str]]) -> bool:
    """Whether the words just before a speech verb (`_subject_words`) give it the subject of
    the verb before: "... and urged", "..., which called"."""
    words = [w.group().casefold() for w in kept]
    while words and words[0] in _AUXILIARY:
        words.pop(0)
    return bool(words) and (words[0] in _SHARED or (len(words) == 1 and words[0] in _CONJUNCTION))


def _inverted(text: str, verb: int, hit: re.Match[str]) -> bool:
    """Whether a speech verb with no subject before it (at `verb` in `text`) may take the
    one after it: a verb of saying ("“...” said the envoy"), or one that opens a tag after
    a quotation ending in punctuation or after a comma ("“...!” urged the envoy"). A verb
    that runs on from a quotation's words ("“strongly” urged restraint") takes an object."""
    if _INVERTS.fullmatch(hit.group()):
        return True
    before = text[:verb].rstrip()
    if before.endswith(tuple(_CLOSING)):
        before = before[:-1].rstrip()
    return not before or before.endswith(tuple(",.!?;:\u2014\u2013-…"))


def _subject_words(chunk: str, verb: int) -> list[re.Match[str]]:
    """The words of the clause before a speech verb, nearest first (see `_subject`)."""
    # Only the last few words are read: from a space well before the verb, and further
    # back (four times as far each time, up to `_SUBJECT_REACH_MOST`) only while the clause
    # runs on past the words read. Read from the clause's start at once, a paragraph of
    # short quotations (their words blanked, none near the verb, no clause break between
    # them) cost the paragraph a quotation: 110 KB took 31 s.
    # "other states “should ...”": a verb that is as often a plural noun gives no clause of
    # its own after "that"; its subject is read on back, as before
    cut_at_that = not _NOUN_TOO.match(chunk, verb)
    reach = _SUBJECT_REACH
    while True:
        start = chunk.rfind(" ", 0, max(0, verb - reach)) + 1
        words = list(_SUBJECT_WORD.finditer(chunk, start, verb))
        kept, ended = _clause_back(chunk, words, start, verb, cut_at_that)
        if ended or start == 0 or reach >= _SUBJECT_REACH_MOST:
            break
        reach *= 4
    first = kept[-1] if kept else None
    if (
        first is not None
        and first.group().isdigit()
        and chunk[first.start() - 1 : first.start()] == ":"
    ):
        # a time's minutes ("14:15 The two ministries urge", "at 11:02 PM, Dmitri wrote"):
        # the colon ended the clause inside the time, which is no one's name
        kept.pop()
        while kept and kept[-1].group().rstrip(",").casefold() in _MERIDIEM:
            kept.pop()
    return kept


_SUBJECT_REACH = 160
"""Characters before a speech verb read first for its subject's words."""
_SUBJECT_REACH_MOST = 640
"""Characters before a speech verb past which its subject is not looked for: a clause
running on further without a break is no prose (a paragraph of quotations, blanked)."""


def _clause_back(
    chunk: str, words: list[re.Match[str]], start: int, verb: int, cut_at_that: bool
) -> tuple[list[re.Match[str]], bool]:
    """`words` (between `start` and `verb`) read back from the verb while they are the
    clause's, and whether the clause ended there (else it may go on before `start`)."""
    kept: list[re.Match[str]] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        end = kept[-1].start() if kept else verb
        gap = chunk[w.end() : end]
        if _ends_clause(gap, chunk[end : end + 1]) or (
            len(kept) >= _SUBJECT_WORDS and not _names_go_on(kept, w.group())
        ):
            return kept, True
        if (
            cut_at_that
            and kept
            and k
            and w.group().casefold() == "that"
            and _REPORTED.fullmatch(words[k - 1].group())
        ):
            return kept, True  # "Several outlets reported that the ministries said"
        if kept and _ends_sentence(w.group()) and kept[-1].group()[:1].islower():
            return kept, True  # "... it's temporary. nobody reads": a sentence in lower case
        if kept and w.group().casefold() in _RELATIVE_OPENS:
            return kept, True  # "... angered Washington, where officials insist": theirs
        if "," in gap and len(kept) == 1 and _PERSONAL.match(kept[0].group()):
            return kept, True  # "Russia and China, she said, “...”": hers, set in an aside
        if "," in gap and not _NAME_PART.fullmatch(w.group()):
            # "Russia, China and ..." keep their commas, and so does a date ("July 4,
            # 2017"); a clause's comma ends it
            if not (w.group().isdigit() and kept and YEAR.fullmatch(kept[-1].group())):
                return kept, True
        kept.append(w)
    # (the words' first gap, read from `start`: a clause break there ends the clause)
    end = kept[-1].start() if kept else verb
    return kept, _ends_clause(chunk[start:end], chunk[end : end + 1])


_RELATIVE_OPENS = frozenset(("where", "whereupon"))
"""A word opening a relative clause whose own subject follows it ("where officials
insist"): the clause before it is not the speech verb's."""


def _names_go_on(kept: list[re.Match[str]], word: str) -> bool:
    """Whether a subject of `_SUBJECT_WORDS` words (`kept`, nearest the verb first) that
    joins two ministers goes on back with `word`: "Russian Foreign Minister Sergei Lavrov
    and his Chinese counterpart Wang Yi said" is the two of them, not Wang Yi. Only names
    and the words of a title, to twice the usual length."""
    folded = word.casefold()
    return (
        len(kept) < 2 * _SUBJECT_WORDS
        and any(k.group() in ("and", "&") for k in kept)
        and any(k.group().casefold() in _TITLE_WORDS for k in kept)
        and ((word[:1].isupper() and folded not in _NOT_NAMES) or folded in _TITLE_WORDS)
    )


_TITLE_WORDS = frozenset("his her their counterpart foreign minister top diplomat".split())
_NOT_NAMES = (
    _AUXILIARY
    | _CONJUNCTION
    | _DETERMINERS
    | frozenset("so yet in on at after before for with when".split())
)
"""Capitalised words opening a sentence, no part of a name ("Also", "After")."""
_MERIDIEM = frozenset({"am", "pm", "a.m.", "p.m."})
_NOUN_TOO = re.compile(
    r"(?:states|calls|notes|claims|demands|reads|terms|holds|records|requests|appeals|adds"
    r"|stresses|warns|urges|insists)\b"
)
"""Speech verbs that are as often plural nouns ("other states", "the calls")."""
_REPORTED = re.compile(
    r"(?:said|says|reported|reports|wrote|writes|claimed|claims|noted|notes|added|adds|stated"
    r"|states|argued|argues|insisted|insists|suggested|suggests|believed|believes|thought"
    r"|thinks|announced|announces|alleged|alleges|heard|revealed|reveals|explained|explains"
    r"|confirmed|confirms|understood|learned|learnt)",
    re.IGNORECASE,
)
"""A verb of saying or knowing before "that": the clause after it has a subject of its own
("outlets reported that the ministries said": the ministries said)."""


def _ends_sentence(word: str) -> bool:
    """Whether a word ends its sentence: a full stop, "!" or "?" after it, not an
    abbreviation's ("U.S.", "Mr.").

    >>> _ends_sentence("temporary."), _ends_sentence("U.S."), _ends_sentence("Mr.")
    (True, False, False)
    """
    return word.endswith((".", "!", "?")) and not _ABBREVIATION.fullmatch(word)


_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Sen|Rep|Gov|Prof|Jr|Sr|etc|vs|No|Amb|Lt|Maj)\."
)


def _ends_clause(gap: str, following: str) -> bool:
    """True when `gap`, between two words, ends a clause: `_CLAUSE_BREAK`, or a line break
    not followed by a lower-case word, which only wraps the line ("the two foreign
    ministries wrote" typed over two lines)."""
    return bool(_CLAUSE_BREAK.search(gap)) or ("\n" in gap and not following.islower())


def _postposed_subject(chunk: str, after: int) -> str:
    """The subject after the verb: "said Park Min-jun, who ..." -> "Park Min-jun"."""
    m = _POSTPOSED.match(chunk, after)
    return m.group(1).strip() if m else ""


def _commentator(subject: str) -> bool:
    """Whether `subject` is one who writes about the statement from outside (a columnist,
    an analyst, an editorial), not one who speaks for a government: what such a one says
    the authors say is the authors' words, reported.

    >>> _commentator("a Seoul commentator"), _commentator("Lavrov"), _commentator("Xinhua")
    (True, False, True)
    >>> _commentator("The People's Daily"), _commentator("The Global Times")
    (True, True)
    >>> _commentator("Gazeta.ru"), _commentator("Mr. Lavrov"), _commentator("The story")
    (True, False, True)
    """
    return _COMMENTATOR.search(subject) is not None


_COMMENTATOR = re.compile(
    r"\b(?:columnist|commentator|analyst|editorial|editor|critic|observer|expert|scholar"
    r"|researcher|blogger|writer|pundit|column|article|op-ed|essay|commentary|newspaper"
    r"|paper|blog|post|fact-?check(?:er)?|agency|outlet|wire|broadcaster|tabloid|website"
    r"|channel|station|meme|newsletter|summary|summaries|tweet|thread|weekly|weeklies"
    r"|magazine|journalist|reporter|correspondent|story|stories|report|piece|headline"
    r"|host|presenter|anchor|podcast|episode|video|bulletin|caption|broadcast|newscast"
    r"|digest|infographic)s?\b"
    r"|\b(?:Xinhua|TASS|Tass|RIA|Interfax|Yonhap|Kyodo|Reuters|AFP|AP|Bloomberg|BBC|CNN"
    r"|KCNA|Sputnik|RT|CGTN|Kommersant|Izvestia|Vedomosti|NHK|Asahi|Yomiuri|Mainichi"
    r"|Hankyoreh|Pravda)\b"
    r"|\b(?:Daily|Times|Herald|Journal|Gazette|Tribune|Guardian|Telegraph|Shimbun|Ilbo|News)\b"
    # a site by its address ("Gazeta.ru", "Sina.com.cn")
    r"|\b[a-z0-9-]+\.(?:ru|com|cn|org|net|info|de|fr|jp|kr|ua|uk|io)\b",
    re.IGNORECASE,
)


class Authors(frozenset[str]):
    """A page's `authors`: the statement's authors' names and other names, with the names
    of the people the page makes one author's foreign minister (`with_envoys`)."""

    envoys: dict[str, str]
    """Each such person's names, case-folded, and the author (an `ALIASES` key) they are
    the minister of."""


def with_envoys(authors: frozenset[str], text: str) -> frozenset[str]:
    """`authors`, with the people `text` makes one author's foreign minister ("Russian
    Foreign Minister Sergei Lavrov", "his Chinese counterpart Wang Yi", "Wang Yi, China's
    top diplomat"). The statement is the two foreign ministries': its two ministers named
    together ("Lavrov and Wang Yi said") are its authors speaking, as "the two ministers"
    are; one of them alone speaks for himself (`_joint`).

    >>> text = "Russian Foreign Minister Sergei Lavrov met Wang Yi, China's top diplomat."
    >>> page = with_envoys(frozenset({"russia", "russian", "china", "chinese"}), text)
    >>> sorted(page.envoys.items())  # type: ignore[attr-defined]
    [('lavrov', 'russia'), ('sergei', 'russia'), ('wang', 'china'), ('yi', 'china')]
    """
    envoys: dict[str, str] = {}
    # (the pattern only around its title words, found at C speed: tried at every
    # capitalised word of a page, it cost a tenth of the scan's quotation stage)
    windows = [
        text[max(0, start - _ENVOY_REACH) : end + _ENVOY_REACH] for start, end in _title_words(text)
    ]
    for m in (m for window in windows for m in _ENVOY.finditer(window)):
        word = (m.group("party") or m.group("party_after")).casefold()
        party = author_party(word, authors)
        if party is not None:
            for name in (m.group("name") or m.group("name_before")).split():
                envoys[name.casefold()] = party
    if not envoys:
        return authors
    page = Authors(authors | envoys.keys())
    page.envoys = envoys
    return page


def _title_words(text: str) -> list[tuple[int, int]]:
    """Where `_ENVOY_TITLES` are in `text`, in text order: one `str.find` a title at a time
    (`re` tries an alternation that opens with a class, "[Mm]inister|diplomat|counterpart",
    at every character: 22 ms of the scan benchmark's quotation stage, 1 ms now).

    >>> _title_words("the minister's counterpart, a Minister")
    [(4, 12), (15, 26), (30, 38)]
    """
    found = []
    for title in _ENVOY_TITLES:
        at = text.find(title)
        while at >= 0:
            found.append((at, at + len(title)))
            at = text.find(title, at + len(title))
    return sorted(found)


_ENVOY_TITLES = ("Minister", "minister", "diplomat", "counterpart")
"""The title words `_ENVOY` holds (no two overlap, so each is found on its own)."""
_ENVOY_REACH = 48
"""Characters either side of a title word in which `_ENVOY` is read."""
_ENVOY = re.compile(
    r"\b(?P<party>[A-Z][a-z]+)(?:[’']s)?\s+(?:[Ff]oreign\s+[Mm]inister|top\s+diplomat"
    r"|counterpart),?\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"|\b(?P<name_before>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?),\s+(?:the\s+)?"
    r"(?P<party_after>[A-Z][a-z]+)(?:[’']s)?\s+(?:[Ff]oreign\s+[Mm]inister|top\s+diplomat)\b"
)
"""One author's foreign minister named ("Chinese Foreign Minister Wang Yi", "Russia's top
diplomat Sergei Lavrov", "his Chinese counterpart, Wang Yi", "Lavrov, the Russian foreign
minister"); the party word is checked against the authors."""


def _joint(subject: str, authors: frozenset[str]) -> bool:
    """Whether `subject` names the statement's authors together, not one person."""
    if _PERSONAL.match(subject) or _MORE_THAN_TWO.search(subject) or _PART_OF.match(subject):
        return False  # "he", "we"; "the six parties", "all five"; "one of the diplomats"
    if _GROUP.search(subject) and _DETERMINED.search(subject):
        # "the two sides", "their foreign ministers"; not "The G7 foreign ministers",
        # "ASEAN's foreign ministers": a group another body's name qualifies
        return not _named_otherwise(subject, authors)
    subject = _PLACE.sub(" ", subject)  # "At a briefing in Moscow, Lavrov": where, not who
    found = [w.casefold() for w in _NAME.findall(subject)]
    names = [w.removesuffix("’s").removesuffix("'s") for w in found]
    theirs = {n for n, w in zip(names, found, strict=True) if n in authors and n != w}
    if theirs and len(theirs) == len({n for n in names if n in authors}) == 1:
        return False  # "At the UN Security Council, Russia's deputy envoy Safronkov": one
        # author's person, whatever the comma before
    if not _JOINED_BY_WORD.search(subject):
        # Names joined by a comma only are the authors listed ("Russia, China"), not one
        # author's person in an aside ("Chinese Foreign Minister Wang Yi, speaking ...")
        # nor one author named twice ("Beijing, a Chinese Foreign Ministry spokesperson").
        return "," in subject and len(_parties(names, authors)) >= 2
    envoys = getattr(authors, "envoys", {})
    if any(n in envoys for n in names):
        # The two ministers ("Lavrov and his Chinese counterpart Wang Yi"), the subject
        # ending on one of them; not one of them with someone else ("Lavrov and Tillerson")
        # nor a clause running on past them ("Lavrov and Wang Yi the envoy")
        words = _SUBJECT_WORD.findall(subject)
        while len(words) > 1 and (words[-1] in _AUXILIARY or _ADVERB.fullmatch(words[-1])):
            words.pop()  # "Lavrov and Wang also said"
        return len(_parties(names, authors)) >= 2 and _bare_name(words[-1]) in envoys
    return sum(n in authors for n in names) >= 1 and len(names) >= 2


def _parties(names: list[str], authors: frozenset[str]) -> set[str]:
    """The parties `names` (case-folded) stand for among the authors: "beijing" and
    "chinese" are one, China."""
    envoys = getattr(authors, "envoys", {})
    return {
        party
        for n in names
        if n in authors
        for party, others in ALIASES.items()
        if party in authors and (n == party or n in others or envoys.get(n) == party)
    }


def _bare_name(word: str) -> str:
    return _POSSESSIVE_END.sub("", word).casefold()


_PORTFOLIO = re.compile(
    r"\b(?:ministries|ministers|ministry|minister)\s+(?:of|for)\s+(?:the\s+)?([\w’'-]+)",
    re.IGNORECASE,
)
"""A ministry named by what it is of: "the ministries of defence", "of Russia and China"."""
_FOREIGN = frozenset({"foreign", "external"})
_PORTFOLIO_BEFORE = re.compile(r"\b([\w’'-]+)\s+(?:ministries|ministers|ministry|minister)\b")
"""A ministry named by the word before it: "the defence ministries"."""
_NOT_PORTFOLIOS = frozenset(
    "the two both their its these those respective two's countries' nations' "
    "russian chinese russia's china's".split()
)
"""Words before "ministries" that name no other portfolio."""
"""What the statement's authors, foreign ministries, are ministries of."""


def _named_otherwise(subject: str, authors: frozenset[str]) -> bool:
    """Whether a group subject holds a capitalised name that is not the authors' ("The G7
    foreign ministers", "the ASEAN ministers", "the foreign ministers of Japan and South
    Korea"), its determiner and the group's own words aside ("The Parties").

    >>> _named_otherwise("The G7 foreign ministers", frozenset({"russia", "china"}))
    True
    >>> _named_otherwise("The Chinese foreign ministers", frozenset({"chinese"}))
    False
    >>> [_named_otherwise(s, frozenset({"russia", "china"})) for s in ("the ministries of defence",
    ...  "the foreign ministries of Russia and China", "the ministers for foreign affairs",
    ...  "The defence ministries", "the two ministries", "their foreign ministers")]
    [True, False, False, True, False, False]
    """
    # (the words after the subject's last comma: "The deployment of THAAD, the ministries")
    nearest = _PLACE.sub(" ", subject).rsplit(",", 1)[-1]
    portfolio = _PORTFOLIO.search(nearest)
    if portfolio and portfolio.group(1).casefold() not in authors | _FOREIGN:
        return True  # "the ministries of defence": another portfolio's, not the authors'
    portfolio = _PORTFOLIO_BEFORE.search(nearest)
    if portfolio and portfolio.group(1).casefold() not in authors | _FOREIGN | _NOT_PORTFOLIOS:
        return True  # "the defence ministries", "the trade ministers"
    for k, word in enumerate(_SUBJECT_WORD.findall(nearest)):
        bare = _POSSESSIVE_END.sub("", word).casefold()
        if not word[:1].isupper() or bare in authors or bare in _OWN_NAMES:
            continue
        if bare in _DETERMINERS or _GROUP.fullmatch(bare):
            continue
        acronym = (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word)
        if k and (acronym or bare in INSTITUTIONS or bare in _PARTY_NAMES or bare.isalpha()):
            return True  # not the clause's first word ("When the two sides said")
        if acronym or bare in INSTITUTIONS or bare in _PARTY_NAMES:
            return True
    return False


_OWN_NAMES = frozenset("foreign minister ministers ministry ministries joint two both".split())
"""Capitalised words of a group subject that name no other body ("The Foreign Ministers")."""
_JOINED_BY_WORD = re.compile(r"\band\b|&", re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:in|at|from|near|outside|inside|across|to)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:[A-Z][\w’'-]*|of))*(?:\s+[A-Z][\w’'-]*)?"
)
"""A place in a subject ("speaking in Beijing", "a press conference in Moscow"): an
author's capital named there says where someone spoke, not that the authors did."""
