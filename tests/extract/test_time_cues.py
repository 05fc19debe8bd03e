"""Time cues read from new text (kg/extract/timeline.py, kg/lang/<code>/time.toml): each cue is a
general phrasing, checked here on invented sentences (two or more each), through ``extract``."""
from __future__ import annotations

import pytest

from tests.extract.timeread import events, read, roles


@pytest.mark.parametrize(("text", "event"), [
    ("Decembra lani je podjetje Lipa d.o.o. kupila družba Hrast d.d.", ("acquisition", "company/hrast", "company/lipa", "2024-12")),
    ("Marca 2023 je družba Hrast d.d. kupila podjetje Lipa d.o.o.", ("acquisition", "company/hrast", "company/lipa", "2023-03")),
])
def test_a_month_that_opens_the_sentence_is_a_date_when_a_year_follows(text, event):
    assert event in events(read(text, "2025-09-09"))


def test_a_capitalised_name_that_is_also_a_month_is_no_date():
    doc = read("Maja Novak je direktorica podjetja Lipa d.o.o.", "2025-09-09")
    assert roles(doc) == {("person/maja-novak", "company/lipa", "chiefExecutive", "current", "", "")}


@pytest.mark.parametrize("text", [
    "Direktor družbe Lipa d.o.o. Jan Kos je včeraj odstopil, le leto dni po tem, ko je v začetku leta 2024 prevzel vodenje.",
    "Direktorica družbe Lipa d.o.o. Ana Kos je včeraj odstopila, dve leti po tem, ko je v začetku leta 2024 prevzela vodenje.",
])
def test_one_stint_read_by_two_rules_is_one_role_with_both_dates(text):
    doc = read(text, "2026-06-15")
    person = "person/jan-kos" if "Jan" in text else "person/ana-kos"
    assert roles(doc) == {(person, "company/lipa", "chiefExecutive", "former", "2024", "2026-06-14")}


@pytest.mark.parametrize(("text", "lang", "price"), [
    ("Švedski sklad Sever AB je marca 2023 za 42 milijonov evrov kupil 60-odstotni delež podjetja Lipa d.o.o.", "sl",
     (42000000, "EUR")),
    ("Družba Hrast d.d. je lani za 5 milijonov evrov prevzela podjetje Lipa d.o.o.", "sl", (5000000, "EUR")),
    ("Corvin Tools completed its $340 million acquisition of Hale Metals on January 12.", "en", (340000000, "USD")),
    ("Corvin Tools bought Hale Metals for £80 million in May 2021.", "en", (80000000, "GBP")),
])
def test_an_acquisition_carries_the_price_its_sentence_names(text, lang, price):
    [deal] = [e for e in read(text, "2024-02-07", lang).events if e.kind == "acquisition"]
    assert deal.amount is not None and (deal.amount.value, deal.amount.unit) == price


def test_a_sum_that_is_no_price_stays_off_the_acquisition():
    text = "Corvin Tools bought Hale Metals in 2021, and Hale Metals had revenue of $40 million."
    [deal] = [e for e in read(text, "2024-02-07", "en").events if e.kind == "acquisition"]
    assert deal.amount is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Podjetje Lipa d.o.o. izdeluje pohištvo. Direktor Jan Kos želi do leta 2030 prodajo podvojiti.",
     ("person/jan-kos", "company/lipa", "chiefExecutive", "current", "", "")),
    ("Lipa d.o.o. zaposluje 80 ljudi. Direktorica Ana Kos je povedala, da načrtujejo novo trgovino.",
     ("person/ana-kos", "company/lipa", "chiefExecutive", "current", "", "")),
    ("Lipa d.o.o. ima sedež v Celju. Družbo začasno vodi prokuristka Ana Kos.",
     ("person/ana-kos", "company/lipa", "other", "current", "", "")),
])
def test_a_title_before_a_name_is_a_role_in_the_company_the_text_is_about(text, expected):
    doc = read(text, "2024-05-01")
    assert expected in roles(doc)
    prop = "akg:chiefExecutiveOf" if expected[2] == "chiefExecutive" else "akg:holdsRoleIn"
    assert (expected[0], prop, expected[1]) in {(f.s, f.p, str(f.o)) for f in doc.facts}


def test_a_title_in_a_sentence_that_names_another_organisation_gives_no_role():
    doc = read("Lipa d.o.o. zaposluje 80 ljudi. Direktor Jan Kos je povedal, da bo Hrast d.d. kupil trgovino.", "2024-05-01")
    assert not any(r.person == "person/jan-kos" for r in doc.roles)


def test_a_title_after_sentences_as_much_about_another_organisation_gives_no_role():
    doc = read("Lipa d.o.o. je kupila podjetje Hrast d.d. Direktor Jan Kos je povedal, da je posel končan.",
               "2024-05-01")
    assert not any(r.person == "person/jan-kos" for r in doc.roles)


@pytest.mark.parametrize(("text", "person", "org", "start"), [
    ("Corvin Tools has named Dan Reed as its next chief executive. Reed, previously finance director of the steel "
     "group Hale Metals, will take over on 2 April from Jane Hale, who has run Corvin Tools since 2019.",
     "person/dan-reed", "company/corvin-tools", "2024-04-02"),
    ("Sam Cole, finance director of Ardent Milk, will take over on 1 June from Lucy Hart, who has led Brook Foods "
     "since 2015.", "person/sam-cole", "company/brook-foods", "2024-06-01"),
])
def test_a_take_over_from_a_chief_executive_is_of_the_company_that_one_leads(text, person, org, start):
    doc = read(text, "2024-03-27", "en")
    assert (person, org, "chiefExecutive", "future", start, "") in roles(doc)
    assert ("appointment", org, person, start) in events(doc)
    assert not any(r.person == person and r.kind == "chiefExecutive" and r.org != org for r in doc.roles)


@pytest.mark.parametrize(("text", "lang", "event"), [
    # the date of the sum's own clause, not the nearest to the company
    ("Lani je Lipa d.o.o. v Celju odprla novo trgovino, letos pa je v nove stroje vložila 3 milijone evrov.", "sl",
     ("investment", "company/lipa", "", "2024")),
    ("Lipa d.o.o. je lani zaposlila 20 ljudi, letos pa je v razvoj vložila 2 milijona evrov.", "sl",
     ("investment", "company/lipa", "", "2024")),
    # the plant the money goes to
    ("In early 2021 Corvin Tools invested EUR 40 million in a new plant at Tonstad.", "en",
     ("investment", "company/corvin-tools", "plant/tonstad", "2021")),
    ("Last year Corvin Tools invested $12 million in its factory in Ogden.", "en",
     ("investment", "company/corvin-tools", "plant/ogden", "2023")),
])
def test_an_investment_takes_the_date_and_plant_of_its_sums_clause(text, lang, event):
    assert event in events(read(text, "2024-11-08", lang))


@pytest.mark.parametrize(("text", "lang", "giver", "receiver", "kind", "date"), [
    ("Lipa d.o.o. ima sedež v Celju. Predsednik nadzornega sveta Jan Kos bo septembra funkcijo predal Ani Rus.", "sl",
     "person/jan-kos", "person/ana-rus", "supervisoryChair", "2025-09"),
    ("Direktorica družbe Lipa d.o.o. Ana Kos bo 1. julija vodenje predala Mojci Pečnik.", "sl",
     "person/ana-kos", "person/mojca-pecnik", "chiefExecutive", "2025-07-01"),
    ("Tom Hale, chief executive of Corvin Tools, will hand over to Jane Reed on 1 August.", "en",
     "person/tom-hale", "person/jane-reed", "chiefExecutive", "2025-08-01"),
])
def test_a_role_handed_to_a_named_successor_is_hers_from_the_hand_over(text, lang, giver, receiver, kind, date):
    doc = read(text, "2025-06-30", lang)
    org = "company/lipa" if lang == "sl" else "company/corvin-tools"
    assert (giver, org, kind, "current", "", date) in roles(doc)
    assert (receiver, org, kind, "future", date, "") in roles(doc)
    assert ("appointment", org, receiver, date) in events(doc)
    assert not any(f.s == receiver for f in doc.facts if f.p in ("akg:chiefExecutiveOf", "akg:holdsRoleIn"))


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Corvin Tools makes drills. Chief executive Anna Brooks was appointed in 2019.", "en",
     ("appointment", "company/corvin-tools", "person/anna-brooks", "2019")),
    ("Jane Reed, chief executive of Corvin Tools, was named in March 2021 after a long search.", "en",
     ("appointment", "company/corvin-tools", "person/jane-reed", "2021-03")),
    ("Ana Kos, direktorica podjetja Lipa d.o.o., je bila imenovana marca 2021.", "sl",
     ("appointment", "company/lipa", "person/ana-kos", "2021-03")),
])
def test_a_passive_appointment_of_a_role_holder_is_an_appointment_event(text, lang, event):
    assert event in events(read(text, "2022-05-03", lang))


@pytest.mark.parametrize(("text", "lang", "date", "event"), [
    ("Peter Hall left Nordic Steel on 4 March. A week later the company named Anna Berg chief executive.", "en",
     "2024-12-05", ("appointment", "company/nordic-steel", "person/anna-berg", "2024-03-11")),
    ("Hale Metals bought Orbit Tools in 2019. Two years later Hale Metals bought Pine Gears.", "en",
     "2024-12-05", ("acquisition", "company/hale-metals", "company/pine-gears", "2021")),
    ("Direktor družbe Lipa d.o.o. Jan Kos je 29. novembra odstopil. Nadzorni svet je dan pozneje za direktorico "
     "imenoval Ano Kos.", "sl", "2022-12-01", ("appointment", "company/lipa", "person/ana-kos", "2022-11-30")),
    ("Direktor družbe Lipa d.o.o. Jan Kos je 3. maja odstopil. Dva tedna kasneje je nadzorni svet za direktorico "
     "imenoval Ano Kos.", "sl", "2022-12-01", ("appointment", "company/lipa", "person/ana-kos", "2022-05-17")),
])
def test_a_date_given_as_a_distance_from_the_date_before_it(text, lang, date, event):
    assert event in events(read(text, date, lang))


@pytest.mark.parametrize(("text", "event"), [
    ("Halvorsen Energy appointed Ingrid Dahl as chief executive on October 18, three days after Lars Moe stepped down.",
     ("resignation", "person/lars-moe", "company/halvorsen-energy", "2021-10-15")),
    ("Corvin Tools named Jane Reed chief executive on 12 March, two weeks after Tom Hale resigned.",
     ("resignation", "person/tom-hale", "company/corvin-tools", "2021-02-26")),
])
def test_an_event_dated_by_its_distance_before_the_sentences_date(text, event):
    assert event in events(read(text, "2021-10-19", "en"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Harrow Tools named Emma Clarke chief executive on 3 December. She will take over from John Webb on 1 February, "
     "who has led the company since 2012.",
     {("person/emma-clarke", "company/harrow-tools", "chiefExecutive", "future", "2025-02-01", ""),
      ("person/john-webb", "company/harrow-tools", "chiefExecutive", "current", "2012", "2025-02-01")}),
    ("Corvin Tools named Jane Reed chief executive on 9 November. She will take over from Tom Hale on 1 March, "
     "who has run the company since 2015.",
     {("person/jane-reed", "company/corvin-tools", "chiefExecutive", "future", "2025-03-01", ""),
      ("person/tom-hale", "company/corvin-tools", "chiefExecutive", "current", "2015", "2025-03-01")}),
])
def test_a_take_over_on_a_later_date_makes_the_named_successor_future(text, expected):
    assert roles(read(text, "2024-12-05", "en")) == expected


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Min-jun Seo, who heads Vantage Polymers's Asian business, will join the board.", "person/min-jun-seo",
     "company/vantage-polymers"),
    ("Hale Metals makes steel. Jane Reed runs its European arm.", "person/jane-reed", "company/hale-metals"),
])
def test_the_head_of_a_part_of_a_company_holds_a_role_in_it_and_is_no_chief_executive(text, person, org):
    doc = read(text, "2024-12-05", "en")
    assert (person, org, "other", "current", "", "") in roles(doc)
    assert not [r for r in doc.roles if r.kind == "chiefExecutive"]
    assert not [f for f in doc.facts if f.p in ("akg:chiefExecutiveOf", "akg:holdsRoleIn")]


def test_a_forum_of_a_town_is_no_part_of_a_company():
    doc = read("Hale Metals makes steel in Leeds. Councillor Mark Evans, who chairs the town's business forum, "
               "welcomed the plant.", "2024-12-05", "en")
    assert not doc.roles


@pytest.mark.parametrize("text", [
    "Emma Clarke, who has been chief operating officer of Harrow Tools since 2017, will succeed John Webb next year.",
    "Emma Clarke, who has been chief operating officer of Harrow Tools since 2017, will take over the top job.",
])
def test_a_role_inside_a_relative_clause_keeps_its_own_tense(text):
    assert ("person/emma-clarke", "company/harrow-tools", "other", "current", "2017", "") in roles(read(text, "2024-12-05", "en"))


@pytest.mark.parametrize(("text", "event"), [
    ("LEEDS, England, 3 February 2025 – Hale Metals says that Tom Hale stepped down as chief executive on 31 January.",
     ("resignation", "person/tom-hale", "company/hale-metals", "2025-01-31")),
    ("OSLO, March 4 – Corvin Tools said Jane Reed resigned as chief executive on 28 February.",
     ("resignation", "person/jane-reed", "company/corvin-tools", "2025-02-28")),
])
def test_the_date_of_a_dateline_belongs_to_no_fact(text, event):
    assert event in events(read(text, "2025-03-04", "en"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Her predecessor, Tom Hale, ran Hale Metals from 2005 to 2021.",
     ("person/tom-hale", "company/hale-metals", "chiefExecutive", "former", "2005", "2021")),
    ("Jane Reed led Corvin Tools from 2010 to 2019 and now advises start-ups.",
     ("person/jane-reed", "company/corvin-tools", "chiefExecutive", "former", "2010", "2019")),
])
def test_from_one_year_to_another_is_an_interval(text, expected):
    assert expected in roles(read(text, "2024-05-01", "en"))


@pytest.mark.parametrize("text", [
    "Hale Metals has appointed Jane Reed as chief executive, effective 1 July 2025.",
    "Hale Metals named Jane Reed chief executive with effect from 1 July 2025.",
])
def test_a_role_that_starts_after_the_document_date_is_future(text):
    assert ("person/jane-reed", "company/hale-metals", "chiefExecutive", "future", "2025-07-01", "") in \
        roles(read(text, "2025-04-18", "en"))


@pytest.mark.parametrize(("text", "date"), [
    ("Jane Reed will succeed Tom Hale on 1 September, and Hale, who has run Corvin Tools since 2009, will become "
     "chairman of its board the same day.", "2021-09-01"),
    ("Jane Reed will take over from Tom Hale on 2 July. Hale, who has run Corvin Tools since 2009, will become "
     "chairman of its board that day.", "2021-07-02"),
])
def test_the_same_day_is_the_date_named_before(text, date):
    doc = read(text, "2021-06-08", "en")
    assert [r.start for r in doc.roles if r.kind == "boardChair"] == [date]


@pytest.mark.parametrize(("text", "name"), [
    ("Nadzorni svet družbe Lipa d.d. je za predsednika uprave imenoval Mateja Grudnika. Grudnik je zdaj direktor "
     "prodaje.", "Matej Grudnik"),
    ("Za direktorja družbe Lipa d.o.o. so izbrali Tadeja Koširja. Koširja so predlagali lastniki, Košir pa je "
     "ponudbo sprejel.", "Tadej Košir"),
    ("Kot naslednico predsednika uprave Gregorja Ramšaka omenjajo Ano Kos.", "Gregor Ramšak"),
    ("Družba Lipa d.o.o. je za direktorja imenovala Igorja Kralja.", "Igor Kralj"),
])
def test_a_mans_name_in_the_genitive_or_accusative_is_named_in_the_nominative(text, name):
    doc = read(text, "2024-05-01")
    assert name in {e.name for e in doc.entities.values() if e.cls == "schema:Person"}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Direktor Jan Kos, ki vodi podjetje Lipa d.o.o. od leta 2010, se bo 30. junija upokojil.", "sl",
     ("person/jan-kos", "company/lipa", "chiefExecutive", "current", "2010", "2025-06-30")),
    ("Chief executive Tom Hale, who has run Hale Metals since 2010, will retire on 30 June.", "en",
     ("person/tom-hale", "company/hale-metals", "chiefExecutive", "current", "2010", "2025-06-30")),
])
def test_leaving_after_a_relative_clause_ends_the_role_it_names(text, lang, expected):
    assert expected in roles(read(text, "2025-04-18", lang))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Ana Kos bo 1. maja nasledila Mojco Horvat, ki podjetje Lipa d.o.o. vodi od leta 2015.", "sl",
     {("person/mojca-horvat", "company/lipa", "chiefExecutive", "current", "2015", "2024-05-01"),
      ("person/ana-kos", "company/lipa", "chiefExecutive", "future", "2024-05-01", "")}),
    ("Maja Zupan je januarja nasledila Vesno Kralj, ki je družbo Hrast d.d. vodila od leta 2016.", "sl",
     {("person/vesna-kralj", "company/hrast", "chiefExecutive", "former", "2016", "2024-01"),
      ("person/maja-zupan", "company/hrast", "chiefExecutive", "current", "2024-01", "")}),
    ("Tom Hale will succeed Mark Dunn, who has led Hale Metals since 2015, on 1 June.", "en",
     {("person/mark-dunn", "company/hale-metals", "chiefExecutive", "current", "2015", "2024-06-01"),
      ("person/tom-hale", "company/hale-metals", "chiefExecutive", "future", "2024-06-01", "")}),
    ("Jane Reed succeeded Tom Hale, who had run Lipa Foods since 2012, in January.", "en",
     {("person/tom-hale", "company/lipa-foods", "chiefExecutive", "former", "2012", "2024-01"),
      ("person/jane-reed", "company/lipa-foods", "chiefExecutive", "current", "2024-01", "")}),
    ("Tom Hale, who has run Lipa Foods since 2012, was succeeded in January by Jane Reed.", "en",
     {("person/tom-hale", "company/lipa-foods", "chiefExecutive", "former", "2012", "2024-01"),
      ("person/jane-reed", "company/lipa-foods", "chiefExecutive", "current", "2024-01", "")}),
])
def test_a_successor_takes_the_predecessors_role_from_the_hand_over(text, lang, expected):
    doc = read(text, "2024-03-10", lang)
    assert roles(doc) == expected
    [newcomer] = [r for r in expected if not r[5]]
    assert ("appointment", newcomer[1], newcomer[0], newcomer[4]) in events(doc)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Predsednica uprave družbe Hrast d.d. bo 1. aprila postala Maja Zupan. Zupanova bo nasledila Vesno Kralj, "
     "ki je bila na čelu uprave od leta 2011.", "sl",
     ("person/vesna-kralj", "company/hrast", "boardChair", "current", "2011", "2024-04-01")),
    ("Jane Reed will become chief executive of Hale Metals on 1 June. She will succeed Mark Dunn.", "en",
     ("person/mark-dunn", "company/hale-metals", "chiefExecutive", "current", "", "2024-06-01")),
])
def test_a_predecessor_held_the_role_the_successor_is_named_to(text, lang, expected):
    assert expected in roles(read(text, "2024-03-10", lang))


def test_a_succession_names_no_role_when_nobody_holds_one():
    assert roles(read("Jane Reed will succeed Mark Dunn on 1 June.", "2024-03-10", "en")) == set()


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Hale Metals has named Jane Reed its next chief executive. The board approved the appointment on Monday.", "en",
     ("appointment", "company/hale-metals", "person/jane-reed", "2021-06-07")),
    ("Lipa Foods has appointed Tom Dunn as chief executive. His appointment was confirmed on Friday.", "en",
     ("appointment", "company/lipa-foods", "person/tom-dunn", "2021-06-04")),
    ("Družba Hrast d.d. je za direktorico imenovala Majo Zupan. Imenovanje je nadzorni svet potrdil v ponedeljek.", "sl",
     ("appointment", "company/hrast", "person/maja-zupan", "2021-06-07")),
    ("Nadzorni svet družbe Lipa d.o.o. je v petek za direktorico imenovala Vesno Kralj.", "sl",
     ("appointment", "company/lipa", "person/vesna-kralj", "2021-06-04")),
])
def test_a_weekday_is_the_nearest_such_day_before_the_document_date(text, lang, event):
    assert event in events(read(text, "2021-06-08", lang))  # a Tuesday


@pytest.mark.parametrize(("text", "lang"), [
    ("Lipa Foods has appointed Tom Dunn as chief executive. Jane Reed said the appointment was approved on Friday.", "en"),
    ("Hale Metals said on Monday it had bought Lipa Foods.", "en"),
    ("Družba Hrast d.d. je v ponedeljek sporočila, da je kupila podjetje Lipa d.o.o.", "sl"),
])
def test_a_weekday_of_saying_or_of_another_persons_sentence_dates_no_event(text, lang):
    assert all(not e.date for e in read(text, "2021-06-08", lang).events)


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Lipa d.o.o. bo letos odprla novo tovarno, in sicer v Kranju. Naložba bo stala 8 milijonov evrov.", "sl",
     ("investment", "company/lipa", "plant/kranj", "")),
    ("Hrast d.d. je septembra odprl obrat v Celju. Investicija je stala 3 milijone evrov.", "sl",
     ("investment", "company/hrast", "plant/celje", "")),
    ("Hrast d.d. je lani v tovarni v Celju vložil 2,5 milijona evrov v novo linijo.", "sl",
     ("investment", "company/hrast", "plant/celje", "2023")),
    ("Last year Hale Metals invested £8 million at its plant in Leeds in a new line.", "en",
     ("investment", "company/hale-metals", "plant/leeds", "2023")),
])
def test_an_investment_is_in_the_plant_its_clause_or_the_sentence_before_names(text, lang, event):
    assert event in events(read(text, "2024-10-01", lang))


def test_an_investment_after_a_sentence_about_a_plant_but_not_referring_back_names_no_plant():
    doc = read("Lipa d.o.o. je lani odprla tovarno v Kranju. Letos bo vložila 5 milijonov evrov v razvoj.", "2024-10-01")
    assert [e.obj for e in doc.events if e.kind == "investment"] == [""]


@pytest.mark.parametrize(("text", "lang", "person", "org", "start"), [
    ("Hale Metals makes valves. Its chief executive, Tom Dunn, who was appointed in March, said sales rose.", "en",
     "person/tom-dunn", "company/hale-metals", "2022-03"),
    ("Ballyrane Dairies will close a creamery. Managing director Siobhán Kinsella, who took up the post in May last "
     "year, said the milk would be processed elsewhere.", "en", "person/siobhan-kinsella", "company/ballyrane-dairies",
     "2021-05"),
    ("Lipa d.o.o. izdeluje pohištvo. Direktorica Ana Kos, ki je funkcijo prevzela marca lani, je povedala, da bodo "
     "zaposlili 20 ljudi.", "sl", "person/ana-kos", "company/lipa", "2021-03"),
])
def test_taking_the_post_in_a_relative_clause_starts_the_role_named_with_the_person(text, lang, person, org, start):
    doc = read(text, "2022-11-09", lang)
    assert (person, org, "chiefExecutive", "current", start, "") in roles(doc)
    assert ("appointment", org, person, start) in events(doc)


@pytest.mark.parametrize(("text", "lang", "person", "org"), [
    ("Hale Metals makes valves. Its chief executive, Tom Dunn, who was appointed chairman of Corvin Tools in 2019, "
     "said sales rose.", "en", "person/tom-dunn", "company/hale-metals"),
    ("Harrow Tools sells drills. Its chief executive, Jane Reed, who took up the post at Corvin Tools in 2015, said "
     "sales rose.", "en", "person/jane-reed", "company/harrow-tools"),
])
def test_taking_a_post_elsewhere_in_a_relative_clause_starts_no_role(text, lang, person, org):
    doc = read(text, "2022-11-09", lang)
    assert (person, org, "chiefExecutive", "current", "", "") in roles(doc)
    assert not any(e.kind == "appointment" and e.date for e in doc.events)


@pytest.mark.parametrize(("text", "lang", "role", "event"), [
    ("Tom Dunn ran Corvin Tools from 1998. Tom Dunn stepped down in 2015.", "en",
     ("person/tom-dunn", "company/corvin-tools", "chiefExecutive", "former", "1998", "2015"),
     ("resignation", "person/tom-dunn", "company/corvin-tools", "2015")),
    ("Harrow Tools makes drills. Its chief executive is Mark Dunn. Mark Dunn will retire in June.", "en",
     ("person/mark-dunn", "company/harrow-tools", "chiefExecutive", "current", "", "2023-06"),
     ("resignation", "person/mark-dunn", "company/harrow-tools", "2023-06")),
    ("Podjetje Lipa d.o.o. od leta 2010 vodi Maja Zupan. Maja Zupan je lani odstopila.", "sl",
     ("person/maja-zupan", "company/lipa", "chiefExecutive", "former", "2010", "2022"),
     ("resignation", "person/maja-zupan", "company/lipa", "2022")),
    ("Družbo Hrast d.d. od leta 2012 vodi Tomaž Golob. Golob se bo junija upokojil.", "sl",
     ("person/tomaz-golob", "company/hrast", "chiefExecutive", "current", "2012", "2023-06"),
     ("resignation", "person/tomaz-golob", "company/hrast", "2023-06")),
])
def test_leaving_with_no_post_named_ends_the_one_role_the_text_gives(text, lang, role, event):
    doc = read(text, "2023-02-14", lang)
    assert role in roles(doc) and event in events(doc)


def test_leaving_with_no_post_named_ends_no_role_of_someone_with_two():
    doc = read("Tom Dunn runs Corvin Tools and chairs Harrow Tools. Tom Dunn stepped down in 2015.", "2023-02-14", "en")
    assert len(doc.roles) == 2 and all(not r.end for r in doc.roles) and not doc.events


def test_a_successor_who_follows_a_leaver_starts_when_he_left():
    doc = read("Tom Dunn ran Corvin Tools from 1998. Tom Dunn stepped down in 2015 and was followed by Jane Reed.",
               "2023-02-14", "en")
    assert ("person/jane-reed", "company/corvin-tools", "chiefExecutive", "current", "2015", "") in roles(doc)


@pytest.mark.parametrize(("text", "lang", "role", "event"), [
    ("Graham Toohey, who has led Wattlegrove Packaging since March 2012, will retire on 30 June 2023.", "en",
     ("person/graham-toohey", "company/wattlegrove-packaging", "chiefExecutive", "current", "2012-03", "2023-06-30"),
     ("resignation", "person/graham-toohey", "company/wattlegrove-packaging", "2023-06-30")),
    ("Graham Toohey, who has run Harrow Tools since 2010 and opened three plants, stepped down in January.", "en",
     ("person/graham-toohey", "company/harrow-tools", "chiefExecutive", "former", "2010", "2023-01"),
     ("resignation", "person/graham-toohey", "company/harrow-tools", "2023-01")),
    ("Tomaž Golob, ki od leta 2012 vodi družbo Hrast d.d., se bo junija upokojil.", "sl",
     ("person/tomaz-golob", "company/hrast", "chiefExecutive", "current", "2012", "2023-06"),
     ("resignation", "person/tomaz-golob", "company/hrast", "2023-06")),
])
def test_leaving_after_a_long_relative_clause_is_the_antecedents(text, lang, role, event):
    doc = read(text, "2023-04-18", lang)
    assert role in roles(doc) and event in events(doc)


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Corran Subsea invested £12 million in a plant at Montrose that opened in March 2019, and it closed its older "
     "Peterhead works last year.", "en", ("siteClosing", "company/corran-subsea", "plant/peterhead", "2020")),
    ("Hale Metals opened a plant in Leeds in May 2018 and closed its factory in Hull last year.", "en",
     ("siteClosing", "company/hale-metals", "plant/hull", "2020")),
])
def test_an_event_is_dated_by_its_objects_own_clause(text, lang, event):
    assert event in events(read(text, "2021-06-08", lang))


@pytest.mark.parametrize(("text", "lang", "event"), [
    ("Maja Zupan bo 1. septembra postala direktorica družbe Hrast d.d. Nadzorni svet jo je imenoval včeraj.", "sl",
     ("appointment", "company/hrast", "person/maja-zupan", "2021-06-07")),
    ("Tomaž Golob bo 1. julija postal predsednik uprave družbe Lipa d.o.o. Nadzorni svet ga je na to mesto izbral "
     "v petek.", "sl", ("appointment", "company/lipa", "person/tomaz-golob", "2021-06-04")),
    ("Jane Reed will become chief executive of Hale Metals on 1 September. The board appointed her on Monday.", "en",
     ("appointment", "company/hale-metals", "person/jane-reed", "2021-06-07")),
])
def test_an_appointment_told_with_a_pronoun_after_the_role_is_the_role_holders(text, lang, event):
    assert event in events(read(text, "2021-06-08", lang))


def test_an_appointment_told_with_a_pronoun_after_two_roles_is_nobodys():
    doc = read("Jane Reed will become chief executive of Hale Metals and Tom Dunn will become chairman of Corvin Tools. "
               "The board appointed her on Monday.", "2021-06-08", "en")
    assert len(doc.roles) == 2 and not [e for e in doc.events if e.kind == "appointment"]
