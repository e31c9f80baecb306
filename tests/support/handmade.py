"""A HAND-MADE article and the model's answer for its first actor, shared by the briefing and fault tests.

One part at chunk_chars=5000; the model sees it as numbered sentences [1]..[4]. It names Trump and
Selenskyj, people of the alias table: they are actors whatever a scripted answer lists
(``summarize.briefing.gazetteer.people``), and the code finds their meeting in sentence 2 (``CODE_MEETING``)."""

TEXT = (
    "Selenskyj trifft Trump in Washington\n"
    "Der ukrainische Präsident Wolodymyr Selenskyj traf am Freitag US-Präsident Donald Trump im Weißen Haus.\n"
    "Beide sprachen über die Lieferung von Patriot-Systemen an die Ukraine.\n"
    "Ob eine Freigabe erfolgt, ist unklar.\n"
)
OPENING = "Der ukrainische Präsident Wolodymyr Selenskyj traf am Freitag US-Präsident Donald Trump im Weißen Haus."
ZELENSKY = {"name_as_written": "Wolodymyr Selenskyj", "s": 2, "name": "Volodymyr Zelensky", "kind": "person",
            "role_in_english": "President of Ukraine"}
CODE_MEETING = "met Donald Trump"  # sentence 2, found by the code (summarize.briefing.interactions)
