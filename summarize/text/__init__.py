"""Text primitives, each in one place: used by every layer above (article, briefing, digest, render, run).

* :mod:`.sentences` -- where sentences end: the splitter the model's numbered sentences and the grounding
  use, and the rough per-line count the cleaner uses (their one difference documented there);
* :mod:`.normalise` -- the matching form of a text (with a map back to original offsets) and the folded
  key that groups names and phrases;
* :mod:`.months` -- month and weekday names (German and English);
* :mod:`.dates` -- explicit dates in text, dates as stated (relative ones resolved), a decision's date;
* :mod:`.relative_days` -- a day stated relative to a sentence before ("zwei Tage zuvor");
* :mod:`.durations` -- how long something lasted ("ein mehr als zweistündiges Telefonat");
* :mod:`.event_kinds` -- the kind of event a description reports (a call, a meeting, a pause ...) and the
  words that may stand before its verb;
* :mod:`.negation` -- the words that negate what follows them;
* :mod:`.territories` -- the names of countries and territories (Babel's CLDR data, loaded on first use);
* :mod:`.lexicon` -- whether a language's word list has a word (pyspellchecker's lists, loaded on first use);
* :mod:`.places` -- a place's name written in English (CLDR countries, ``data/places.json`` cities);
* :mod:`.files` -- writing a text file atomically.

These modules import the standard library, each other, and Babel (territories) or pyspellchecker (lexicon)
only, never the rest of the package: they are the ground every layer stands on.
"""
