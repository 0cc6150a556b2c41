"""Direct quotes, their speakers and the outlets they came through."""

from __future__ import annotations

import pytest

from newsmill.quotes import find_quotes


def one(text: str):
    qs = find_quotes(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_offsets_point_at_the_quoted_words():
    text = 'Intro line.\n\n"We will rebuild the pier before summer," Mayor Ines Duarte said.'
    q = one(text)
    assert text[q.start : q.end] == q.text == "We will rebuild the pier before summer"


def test_verb_after_with_surname_resolves_to_full_name():
    text = (
        "Harbour master Colin Achebe inspected the damage on Monday.\n\n"
        '"The east wall took the worst of it," Achebe said.'
    )
    q = one(text)
    assert q.speaker == "Colin Achebe"
    assert q.reported_by is None


def test_inverted_said_name_drops_role_and_apposition():
    q = one('"Nobody expected the river to rise this fast," said Petra Novak, a volunteer firefighter.')
    assert q.speaker == "Petra Novak"


def test_verb_before_with_colon_and_that():
    q = one('Governor Alan Brooks said on Friday: "The state will cover the cost of the cleanup."')
    assert q.speaker == "Alan Brooks"
    q = one('Brooks later said that "no family will pay for repairs out of pocket."')
    assert q.speaker == "Brooks"


def test_split_quote_gives_two_records_with_one_speaker():
    qs = find_quotes('"The trains will run," transport chief Mei Lin said, "but slower than usual."')
    assert [q.text for q in qs] == ["The trains will run", "but slower than usual."]
    assert [q.speaker for q in qs] == ["Mei Lin", "Mei Lin"]


def test_curly_quotes_and_pronoun_resolution():
    text = "Chancellor Olaf Brandt arrived late.\n\n\u201cWe have a deal on the table,\u201d he said."
    q = one(text)
    assert q.text == "We have a deal on the table"
    assert q.speaker == "Olaf Brandt"


def test_multi_paragraph_quote_is_one_record():
    text = (
        "Coach Ana Ruiz was blunt.\n\n"
        '"We lost every duel in midfield. That is on me.\n\n'
        '"Next week we start again from zero," Ruiz said.'
    )
    q = one(text)
    assert q.text.startswith("We lost every duel") and q.text.endswith("from zero")
    assert "\n\n" in q.text
    assert q.speaker == "Ana Ruiz"


def test_standalone_quote_keeps_previous_speaker():
    qs = find_quotes('"Prices are falling," analyst Ravi Menon said. "They will fall further in spring."')
    assert [q.speaker for q in qs] == ["Ravi Menon", "Ravi Menon"]


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        ('"The plant will close in May," the Valley Courier quotes manager Tom Reid as saying.', "Tom Reid", "Valley Courier"),
        ('"We have enough fuel for a week," Reuters quoted port official Sara Kim.', "Sara Kim", "Reuters"),
        ('"The ceasefire is holding," a commander, Yusuf Demir, said, according to The Associated Press.', "Yusuf Demir", "Associated Press"),
        ('"I am not resigning," Senator Dana Holt told CNN on Sunday.', "Dana Holt", "CNN"),
        ('In an interview with the BBC, Dr. Lena Berg said: "The second wave was smaller."', "Lena Berg", "BBC"),
    ],
)
def test_reported_by(text, speaker, outlet):
    q = one(text)
    assert q.speaker == speaker
    assert q.reported_by == outlet


def test_told_reporters_is_not_an_outlet():
    q = one('"We will appeal the ruling," lawyer Ben Ortiz told reporters.')
    assert q.speaker == "Ben Ortiz"
    assert q.reported_by is None


def test_the_spokesman_resolves_to_the_named_spokesman():
    text = (
        "The ministry spokesman, Karl Weiss, gave no figures.\n\n"
        '"We do not comment on ongoing operations," the spokesman said.'
    )
    assert one(text).speaker == "Karl Weiss"


def test_not_quotes_scare_quotes_titles_indirect_speech():
    text = (
        'Critics called the deal a "betrayal" of voters. The minister said that the deal was fair '
        'and that talks would go on. Her memoir, "Notes From A Long Winter," comes out in May. '
        'The sign on the gate read "No entry after dark for visitors."'
    )
    assert find_quotes(text) == []


def test_other_languages_marks_detected_without_speaker():
    fr = find_quotes("Le ministre a déclaré : « Nous ne reculerons pas sur cette réforme. »")
    assert [q.text for q in fr] == ["Nous ne reculerons pas sur cette réforme."]
    assert fr[0].speaker is None
    de = find_quotes("Die Ministerin sagte: „Wir werden die Schulen offen halten.“")
    assert [q.text for q in de] == ["Wir werden die Schulen offen halten."]


def test_a_speaker_no_rule_reads_is_not_guessed_from_the_paragraph_before():
    # The sentence goes on after the quote and names its speaker in words no rule reads: the
    # person named just before did not say it, so no speaker beats a wrong one.
    text = (
        "Der Stadtrat hat am Montagabend beschlossen, das Freibad zu schließen.\n\n"
        "„Wir haben uns diese Entscheidung nicht leicht gemacht“, sagte Bürgermeister Thomas Reed.\n\n"
        "Councilwoman Ann Lee voted against the plan.\n\n"
        '"We did not make this decision lightly," the mayor grumbled after the vote.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Thomas Reed", None]
    # A quote that stands as its own sentence still takes the person just named.
    q = find_quotes("Councilwoman Ann Lee voted against the plan.\n\n\"This pool is the heart of our town.\"")
    assert [x.speaker for x in q] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Designer Mindy Weiss plans about forty weddings a year. Her partner Cameron Forbes does the flowers.\n\n"
            '"Guests want to move around and talk," Weiss shares. "Nobody wants a four-hour dinner."\n\n'
            '"Start with a textile you love," Weiss has said.',
            ["Mindy Weiss", "Mindy Weiss", "Mindy Weiss"],
            id="feature_writing_speech_tags_after_the_quote",
        ),
        pytest.param(
            '"Hosts are weaving in personal narratives," says Estera Events Co-Owner and Lead Planner Erica Vanco.\n\n'
            "Photographer Candida Höfer studies public interiors. "
            '"It became apparent to me that people shape rooms," she said.\n\n'
            "Yeun Joon Kim of Cambridge Judge Business School led the study.\n\n"
            '"Creativity did not increase over time," Kim said.',
            ["Erica Vanco", "Candida Höfer", "Yeun Joon Kim"],
            id="roles_before_a_name_are_not_the_name",
        ),
    ],
)
def test_speakers_of_feature_writing(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers


def test_verbs_that_take_objects_do_not_make_quotes_before_them():
    # Before a quote, "recommends" and "shares" take an object: a product, a phrase.
    text = (
        'Audio engineer Kevin Cureghian recommends "the Sony MDR7506" for beginners. '
        'Fedora shares strategy updates and "weird research university" plans. '
        'In this layout, each column is given "two hundred pixels of the available space" and the rest is shared.'
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == []


def test_empty_and_markless_text():
    assert find_quotes("") == []
    assert find_quotes("No quotes in this sentence at all.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Das ist ein guter Tag für alle, die hier Rad fahren“, sagte Oberbürgermeisterin Sabine Hoffmann "
         "nach der Sitzung.", "Sabine Hoffmann"),
        ("„Wir achten darauf, dass die Geschäfte erreichbar bleiben“, erklärte Stadtbaurat Jens Becker.",
         "Jens Becker"),
        ("„Wir achten darauf, dass die Geschäfte erreichbar bleiben“, sagte Sabine Hofmeister.", "Sabine Hofmeister"),
        ("Sabine Hoffmann war zufrieden. „Wir bauen den Radweg im Frühjahr“, sagte sie.", "Sabine Hoffmann"),
        ("« Nous allons reconstruire la ville avec tous les habitants », a déclaré le ministre de l'Intérieur "
         "Gérald Darmanin.", "Gérald Darmanin"),
        ("« Nous n'avions jamais vu l'eau monter aussi vite », a confié Jean-Pierre Roux, maire d'une commune "
         "voisine.", "Jean-Pierre Roux"),
        ("Marie Dupont était satisfaite. « Nous allons reconstruire la ville ensemble », explique-t-elle.",
         "Marie Dupont"),
        ("«Vamos a reconstruir la ciudad con todos los vecinos», dijo el alcalde José García.", "José García"),
        ('"Ricostruiremo la città con tutti gli abitanti", ha detto Giorgia Meloni.', "Giorgia Meloni"),
        ('"We zullen de stad samen opnieuw opbouwen", aldus burgemeester Femke Halsema.', "Femke Halsema"),
    ],
)
def test_speech_tags_after_a_quote_in_other_languages(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Ada Lindqvist still walks the rows. Her grandfather planted the trees in 1951, when the "
            "Larkspur Valley had 6,000 acres of apples.\n\n"
            '"I don\'t intend to be the one who pulls them out," she said.',
            "Ada Lindqvist",
            id="not_a_place",
        ),
        pytest.param(
            "Jenna Strand did her first set there in 1988. The Kessler Brothers recorded a live album "
            'in the back room.\n\n"That stage is eight inches high," she said.',
            "Jenna Strand",
            id="not_a_band_or_company",
        ),
        pytest.param(
            "Singer Jenna Strand and owner Helene Marchetti met there in 1988.\n\n"
            "Strand, reached by phone in Nashville, heard the news before breakfast. "
            '"That stage is eight inches high," she said.',
            "Jenna Strand",
            id="a_surname_introduced_with_a_full_name_is_a_person",
        ),
    ],
)
def test_a_pronoun_resolves_to_a_person(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


def test_words_before_an_honorific_are_a_role():
    text = (
        "Laryngologist Dr. Renata Sokol, who has not treated the singer, said rest usually helps.\n\n"
        '"The hardest part of treatment is the silence," Sokol said.\n\n'
        '"Singers are performers," said Harvard Prof. Amos Lee.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Renata Sokol", "Amos Lee"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Indonesian / Malay: verb first after the quote; "-nya" and a bare verb name the person just named.
        ('"Kami ingin warga punya waktu dua jam untuk mengungsi," ujar Kepala BPBD Kota Rawabening, '
         "Siti Rahmawati, saat ditemui di Balai Kota.", "Siti Rahmawati"),
        ('Warga Sukamaju, Ahmad Fauzi (45), menyambut baik sistem itu. "Tahun lalu air naik tengah malam," '
         "kata Ahmad.", "Ahmad Fauzi"),
        ('Ahmad Fauzi menyambut baik sistem itu. "Tahun lalu air naik tengah malam," ujarnya.', "Ahmad Fauzi"),
        # Russian and Polish: a dash before the verb.
        ("«Мы открываем мост на полгода раньше, чем обещали», — заявил на церемонии мэр города Андрей Соколов.",
         "Андрей Соколов"),
        ("„To był dla nas ogromny cios” – powiedział Tomasz Wiśniewski, prezes oddziału.", "Tomasz Wiśniewski"),
        ("Wśród gości była Anna Zielińska z Krakowa. „Bałam się, że zrobią tu hotel ze szkła” – mówiła.",
         "Anna Zielińska"),
        # Turkish: the speaker before the quote, the verb after it.
        ('Kazı başkanı Prof. Dr. Ayşe Demir konuştu. Demir, "Renkler neredeyse ilk günkü canlılığını '
         'koruyor" dedi.', "Ayşe Demir"),
        ('İl Kültür ve Turizm Müdürü Serkan Aydın da "Kalebaşı, önümüzdeki yıllarda önemli bir rota '
         'olacak" ifadelerini kullandı.', "Serkan Aydın"),
        # Japanese: NAME + title or honorific + は「…」と述べた.
        ("記者会見した田中健一市長は「運転手のなり手が減るなかで、市民の足を守るための現実的な選択肢だ」と述べた。", "田中健一"),
        ("青果店を営む木村和子さん（68）は「病院に通うお年寄りには助かる。ただ、様子を見たい」と話した。", "木村和子"),
        # Chinese: ROLE + NAME + 说/表示, before or after the quote.
        ("带着孙女来参观的退休教师王秀兰说：“以前借书要跑到老城区，现在家门口就有图书馆，周末可以常来。”", "王秀兰"),
        ("“我们希望图书馆不仅是读书的地方，也是一本打开的教科书。”临川市图书馆馆长张伟表示，馆内开辟了展区。", "张伟"),
        # Arabic: verb, then title and name, then the quote.
        ("وقال رئيس هيئة المياه المهندس خالد العمري، خلال حفل التدشين، إن «المحطة ستغطي احتياجات نحو 600 ألف نسمة من مياه الشرب».",
         "خالد العمري"),
        ("من جهتها، قالت الباحثة في شؤون البيئة البحرية الدكتورة ليلى منصور: «الخطوة مهمة، لكن نجاحها الحقيقي سيُقاس».",
         "ليلى منصور"),
        # Hindi: ROLE + NAME ने कहा, “…”.
        ("जिला कलेक्टर अनीता वर्मा ने कहा, “हमारा लक्ष्य है कि किसी भी किसान को दफ्तरों के चक्कर न लगाने पड़ें।”",
         "अनीता वर्मा"),
        ("रामपुरा गांव के किसान महेंद्र सिंह ने बताया, “पिछली बार हमें नुकसान का पैसा आठ महीने बाद मिला था।”",
         "महेंद्र सिंह"),
        # A role opening a sentence is not the name; "он" is the person just named.
        ("Мэр Андрей Соколов открыл мост. «Мы открываем мост на полгода раньше», — сказал он.", "Андрей Соколов"),
        # A surname after the full name given before.
        ("田中健一市長が会見した。田中市長は記者団に「市民の足を守るための現実的な選択肢だ」と述べた。", "田中健一"),
    ],
)
def test_speech_tags_in_more_languages(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # A role, a place and a name run together: where the name starts is not known.
        '"Kami ingin warga punya waktu dua jam untuk mengungsi," kata Gubernur Jawa Barat Ridwan Kamil.',
        # A bare verb with nobody named in this paragraph or the one before.
        "Первый абзац без имен.\n\nВторой абзац.\n\n«Мы открываем мост на полгода раньше», — добавил.",
        # The city, not a person with a title or honorific.
        "湊川市は「運転手のなり手が減るなかで、市民の足を守るための選択肢だ」と発表した。",
        # A role with no name, and a name with no role.
        "市文化局负责人表示：“新馆实行一卡通借阅，与全市分馆通借通还。”",
        # "Police officials said": no role word before two words that are not a name.
        "पुलिस अधिकारियों ने कहा, “हमारा लक्ष्य है कि किसी भी किसान को दफ्तरों के चक्कर न लगाने पड़ें।”",
        # An informed source, with no title before it; "the minister, in a statement".
        "وقال مصدر مطلع: «المحطة ستغطي احتياجات نحو 600 ألف نسمة من مياه الشرب».",
        "وقال الوزير في بيان: «المحطة ستغطي احتياجات نحو 600 ألف نسمة من مياه الشرب».",
        # Only the first name after the verb is the subject, and not after a preposition.
        '"Kami ingin warga punya waktu dua jam," kata Jokowi di Istana Negara, Jakarta.',
        "«Мы открываем мост на полгода раньше», — заявил в Москве Андрей Соколов.",
        # No comma or dash: "kata" is a saying's "word", not a speech tag.
        'Istilah "sedia payung sebelum hujan" kata Ahmad Fauzi sering dipakai.',
        # "Demir'e": to Demir, the one spoken to.
        'Yılmaz, Ayşe Demir\'e "Bu iş böyle olmaz arkadaşlar" dedi.',
        # A city's mayor: no name.
        "横浜市長は「市民の足を守るための現実的な選択肢だ」と述べた。",
        # A word between the name and the verb.
        "教授王明在会上说：“以前借书要跑到老城区，现在家门口就有图书馆。”",
    ],
)
def test_more_languages_no_speaker_rather_than_a_wrong_one(text):
    assert [q.speaker for q in find_quotes(text)] in ([None], [])


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # German CMS output: „ closed by a straight mark, a straight-quoted name before it.
        ('„Wir hatten großes Glück, dass der Wind gedreht hat", sagte Kreisbrandmeister Jürgen Pohlmann.',
         [("Wir hatten großes Glück, dass der Wind gedreht hat", "Jürgen Pohlmann")]),
        ('Die Initiative „Gegenwind Lindenhagen" sieht das anders. „Das Moor wird für Jahrzehnte zur '
         'Baustelle", sagte Heike Sanders.', [("Das Moor wird für Jahrzehnte zur Baustelle", "Heike Sanders")]),
        ('„Er nannte es "Wahnsinn" und ging dann weg", sagte Jens Becker.',
         [('Er nannte es "Wahnsinn" und ging dann weg', "Jens Becker")]),
        # German and Danish »…«, German ‚…' and ‚…‘.
        ("»Das Wasser stand uns bis zum Knie«, sagte Petra Lange, die seit 1990 hier wohnt.",
         [("Das Wasser stand uns bis zum Knie", "Petra Lange")]),
        ("»Det er en god dag for byen«, siger borgmester Anne Hansen.", [("Det er en god dag for byen", "Anne Hansen")]),
        ("‚Das war knapp, sehr knapp', sagte Jens Becker.", [("Das war knapp, sehr knapp", "Jens Becker")]),
        ("‚Wir haben’s gerade noch geschafft‘, sagte Jens Becker.", [("Wir haben’s gerade noch geschafft", "Jens Becker")]),
        # French and Spanish closing » is not a German opening one.
        ("« Nous allons bien », dit-il. « Très bien, merci pour tout », a ajouté Marc Petit.",
         [("Nous allons bien", None), ("Très bien, merci pour tout", "Marc Petit")]),
        ("«Vamos a reconstruir la ciudad», dijo José García. «Con todos los vecinos, sin excepción», añadió Ana Ruiz.",
         [("Vamos a reconstruir la ciudad", "José García"), ("Con todos los vecinos, sin excepción", "Ana Ruiz")]),
    ],
)
def test_german_and_danish_quote_marks(text, quotes):
    assert [(q.text, q.speaker) for q in find_quotes(text)] == quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Es la primera vez que firmamos un mismo documento”, ha declarado Andrés Belmonte durante el acto.",
         "Andrés Belmonte"),
        ("«Per anni abbiamo respirato i fumi dei motori», ha commentato Giulia Bernasconi, sindaca di Tremezzina.",
         "Giulia Bernasconi"),
        ("« L'État décide et ce sont les régions qui paient », a réagi Sophie Marchal, vice-présidente de la région.",
         "Sophie Marchal"),
        ("« C'est ce que je cherchais depuis longtemps », sourit Lucas Perrin.", "Lucas Perrin"),
        # A verb with no subject: the person whose name opens the sentence before.
        ('O coordenador da Defesa Civil, Wellington Arantes, visitou os bairros. "A prioridade agora é cobrir '
         'os telhados", explicou.', "Wellington Arantes"),
        ("La portavoz de la asociación, Carmen Rives, calificó el acuerdo de histórico. “Si los datos no mejoran, "
         "volveremos a los tribunales”, señaló.", "Carmen Rives"),
    ],
)
def test_compound_past_and_present_tags_in_romance_languages(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # The person just named is the object: the subject was not named.
        "La ministra criticó al alcalde Juan Pérez. “Si los datos no mejoran, volveremos a los tribunales”, señaló.",
        # Italian "il" is an article, not French "il" ("dit-il"): not the lake named before.
        "Il Lago di Como è il più profondo.\n\n«Con questi battelli dimezziamo le emissioni», ha detto il sindaco.",
        # Swedish, Danish and Norwegian tags come verb first; "sa" later in the tail is something else.
        '"Ang bagong tulay ay bukas na," ani Ramon Cruz sa mga residente.',
    ],
)
def test_romance_and_nordic_tags_no_speaker_rather_than_a_wrong_one(text):
    assert [q.speaker for q in find_quotes(text)] in ([None], [])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("”Utan färjan kan vi inte bo kvar här”, säger Ingrid Holmberg, 68, som bott på ön i hela sitt liv.",
         "Ingrid Holmberg"),
        ("Nämndens ordförande Johan Bergkvist (M) försvarar beslutet. ”Vi måste använda pengarna där de gör "
         "mest nytta”, säger han.", "Johan Bergkvist"),
        ("“Vi har ventet på dette i ti år”, sier Kari Nordmann, leder i velforeningen.", "Kari Nordmann"),
        ("Mette Frederiksen besøgte byen. “Det er en god dag for hele kommunen”, sagde hun.", "Mette Frederiksen"),
    ],
)
def test_swedish_danish_norwegian_tags(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«Con questi battelli dimezziamo le emissioni della flotta», ha dichiarato il direttore del Consorzio "
         "Battelli del Lario, Paolo Rinaldi, durante la cerimonia.", "Paolo Rinaldi"),
        ("“No vamos a arriesgar a los niños”, afirmó en conferencia de prensa la secretaria de Educación "
         "estatal, Rocío Valenzuela Treviño.", "Rocío Valenzuela Treviño"),
        ("“Es la primera vez que firmamos un mismo documento”, ha declarado el alcalde de Benimar, Andrés Belmonte.",
         "Andrés Belmonte"),
        ('"Ricostruiremo la città con tutti gli abitanti", ha detto in una nota il sindaco Mario Rossi.', "Mario Rossi"),
        ('"We have enough fuel for a week," said the head of the Port Authority, Sara Kim.', "Sara Kim"),
    ],
)
def test_a_role_of_an_organization_then_the_name(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Die Anlagen stehen viel zu nah an den Häusern“, sagte ihr Sprecher Torsten Wiebe.", "Torsten Wiebe"),
        ("„Die Einnahmen fließen in das Freibad“, sagte Kämmerer Olaf Brinkmann.", "Olaf Brinkmann"),
        ("„Wir beten für die Verletzten“, sagte Pfarrerin Anna Krüger.", "Anna Krüger"),
        # A foreign honorific and a surname: the full name given before.
        ("Le ministre délégué aux transports, Bertrand Lacombe, a présenté un projet.\n\n« Aucun abonnement "
         "ne devra dépasser 60 euros », a affirmé M. Lacombe lors d'une conférence de presse.", "Bertrand Lacombe"),
        ("Die Ministerin Anna Keller besuchte die Schule.\n\n„Wir werden die Schulen offen halten“, sagte "
         "Frau Keller.", "Anna Keller"),
        ("La alcaldesa, Ana Torres, visitó el barrio. “Vamos a reconstruir la plaza”, dijo la Sra. Torres.",
         "Ana Torres"),
        ('Il sindaco Mario Rossi ha inaugurato il ponte. "Ricostruiremo la città insieme", ha detto il Sig. Rossi.',
         "Mario Rossi"),
        # An initial, not "Monsieur".
        ('"I always knew the twist," said M. Night Shyamalan.', "M. Night Shyamalan"),
    ],
)
def test_roles_and_foreign_honorifics_before_a_name(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Japanese: the quote first, then "NAME さん（age）はそう話す" in the next sentence; と喜ぶ.
        ("「子どもたちに本物の舞台を見せたかった」。劇団代表の佐々木美紀さん（47）はそう話す。", "佐々木美紀"),
        ("商店街で店を営む高田真一さん（58）は「客足が戻ってきて本当にうれしい」と喜ぶ。", "高田真一"),
        # Korean: NAME (ORG) ROLE은/는 "…"라고 말했다 / "…"며 …; NAME(age)씨는; 김 교수 after 김민호 교수.
        ('박영호 시장은 "시민 안전을 최우선으로 챙기겠다"라고 말했다.', "박영호"),
        ('김민호 한국대 경제학과 교수는 "금리 인상이 당분간 이어질 것"이라고 설명했다.', "김민호"),
        ('시장 상인 최미경(52)씨는 "손님이 예전의 절반도 안 된다"며 한숨을 쉬었다.', "최미경"),
        ('연구는 김민호 교수가 이끌었다. 김 교수는 "결과가 예상보다 훨씬 좋았다"며 웃었다.', "김민호"),
        # Chinese: a bare name after the quote, given earlier after a role.
        ("市环保局副局长李明介绍了情况。“今年的空气质量比去年明显好转，优良天数增加了。”李明说。", "李明"),
        # Arabic: verb, role, name, إن "…" (a straight close before the Arabic comma); وقالت: with the
        # one person named earlier in the sentence.
        ('وقال مدير المستشفى سامي الخطيب إن "الجناح الجديد سيستقبل المرضى اعتبارا من الشهر المقبل"، مضيفا أن العمل مستمر.',
         "سامي الخطيب"),
        ('من جهتها، أشادت المعلمة بمدرسة النور سعاد الحلبي بالقرار، وقالت: "كان الأطفال ينتظرون هذا اليوم منذ سنوات".',
         "سعاد الحلبي"),
        # German separable speech verbs: the verb first after the quote, its particle closing the clause.
        ("»Wir haben die Kosten falsch eingeschätzt«, räumte Oberbürgermeister Peter Lorenz am Dienstag ein.",
         "Peter Lorenz"),
        ("„Das Projekt ist nicht gescheitert“, stellte Landrätin Maria Huber klar.", "Maria Huber"),
        ("„Wir brauchen mehr Zeit für die Prüfung“, gab Petra Lang zu.", "Petra Lang"),
        ("Jens Becker leitet das Bauamt. „Der Zeitplan steht trotz allem“, fügte er hinzu.", "Jens Becker"),
    ],
)
def test_speech_tags_in_more_languages_third_round(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


def test_korean_quote_split_around_mye_keeps_the_speaker():
    text = ('박정호 서울시 도로교통과장은 "야간에도 시민들이 안심하고 탈 수 있게 하겠다"며 '
            '"사고가 잦은 구간부터 공사를 진행할 것"이라고 말했다.')
    assert [q.speaker for q in find_quotes(text)] == ["박정호", "박정호"]


@pytest.mark.parametrize(
    "text",
    [
        # A nameless official; a university, not a name; a surname with no full name given.
        '시 관계자는 "예산이 부족해 공사를 내년으로 미뤘다"고 말했다.',
        '서울대 교수는 "금리 인상이 당분간 이어질 것"이라고 말했다.',
        '김 교수는 "결과가 예상보다 훨씬 좋았다"며 웃었다.',
        # The city, no person, before そう話す.
        "「子どもたちに本物の舞台を見せたかった」。市の担当者はそう話す。",
        # A bare Chinese name that no role introduced.
        "“今年的空气质量比去年明显好转，优良天数增加了。”李明说。",
        # An office with no name; two people named before وقالت.
        'وقال مدير أمن المحافظة إن "الوضع تحت السيطرة الكاملة في كل المناطق".',
        'والتقى الوزير سامي الخطيب المعلمة سعاد الحلبي بالمدرسة، وقالت: "كان الأطفال ينتظرون هذا اليوم منذ سنوات".',
        # Not the speech verb's particle: 'stellte … vor' presents.
        "„Das Projekt ist nicht gescheitert“, stellte Landrätin Maria Huber die Pläne vor.",
    ],
)
def test_more_languages_third_round_no_speaker_rather_than_a_wrong_one(text):
    assert [q.speaker for q in find_quotes(text)] in ([None], [])


def test_a_russian_full_name_given_in_the_genitive_resolves_to_the_nominative():
    text = ("По словам министра образования Ольги Петренко, центры появятся в двух городах. «Спрос на "
            "инженеров огромный, и готовить их нужно со школы», — отметила Петренко.")
    assert [q.speaker for q in find_quotes(text)] == ["Ольга Петренко"]


def test_korean_quote_split_around_rami_keeps_the_speaker():
    text = '최미경(52)씨는 "손님이 예전의 절반도 안 된다"라며 "다음 달이 고비"라고 말했다.'
    assert [q.speaker for q in find_quotes(text)] == ["최미경", "최미경"]


# --- British style: straight single quotes ---------------------------------------------------


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ("Maureen Pelling swam the Channel.\n\n'I feel 40 inside,' Mrs Pelling said.", "I feel 40 inside", "Maureen Pelling"),
        (
            "Maureen Pelling swam the Channel.\n\n'It was the coldest water I have ever felt,' she said.",
            "It was the coldest water I have ever felt",
            "Maureen Pelling",
        ),
        ("'We will rebuild the shop from scratch,' said Tom Reed, a baker.", "We will rebuild the shop from scratch", "Tom Reed"),
        ("Tom Reed, a baker, lost his shop.\n\nHe said: 'We will rebuild.'", "We will rebuild.", "Tom Reed"),
        ("Ms Jones arrived late.\n\n'It is over now,' Ms Jones said.", "It is over now", "Jones"),
    ],
)
def test_straight_single_quotes_are_speech_with_a_speech_verb(text, quote, speaker):
    q = one(text)
    assert (q.text, q.speaker) == (quote, speaker)
    assert text[q.start : q.end] == q.text


def test_straight_single_quote_sentences_carry_the_speaker_on():
    text = (
        "Her granddaughter, Chloe Ashdown, 29, followed on the boat. 'She was singing all the way,' she "
        "said. 'The pilot said he'd never seen anything like it.'\n\n"
        "'We were cold. We didn't stop.\n\n'The tea at the end was the best part,' Ashdown said."
    )
    qs = find_quotes(text)
    assert [q.text for q in qs] == [
        "She was singing all the way",
        "The pilot said he'd never seen anything like it.",
        "We were cold. We didn't stop.\n\n'The tea at the end was the best part",
    ]
    assert {q.speaker for q in qs} == {"Chloe Ashdown"}


@pytest.mark.parametrize(
    "text",
    [
        "Tom Reed said he didn't know. The students' union said the '90s were over and Pelling's rock 'n' "
        "roll days at O'Brien's pub were done, though fans didn't agree.",
        "Mr O'Brien ran the bar.\n\nThe students' union said it was 'deeply disappointed' by the decision.",
        "It was the 'coldest water ever' for the swimmers, who didn't stop.",
        "I'm tryin' my best and goin' home to the kids' party, said nobody at all.",
        "The Pilgrims' Rest hospice and the teachers' fund said 'Tis the season to give generously.",
        # No verb, no speaker carried on: a title, a headline, strings in code.
        "Where to watch: Apple TV\n\n'Summer at the Lido'\n\nThe comedy stars Anna Price as a lifeguard.",
        "Police had no reports.\n\n'The days of cheap tickets are over'\n\nA reader asks about prices.",
        ">>> greet('world')\n'Hello, dear world!'\n\nconfig = {body: 'Join the club today, everyone.'}",
        # A verb before the quote without a colon: not read.
        "The sign doesn't say 'open every day of the week'; it never did.",
    ],
)
def test_apostrophes_and_unspoken_single_quotes_are_not_quotes(text):
    assert find_quotes(text) == []


def test_single_quotes_nested_in_double_quoted_speech_are_one_record():
    for inner in ("'never again would I do this job'", "\u2018never again would I do this job\u2019"):
        q = one(f'Ann Lee is a nurse.\n\n"He told me {inner}," she said.')
        assert q.text == f"He told me {inner}"
        assert q.speaker == "Ann Lee"
    q = one("Ann Lee is a nurse.\n\n'He shouted \"get out of here right now\" at me,' she said.")
    assert q.speaker == "Ann Lee"


def test_a_single_quote_does_not_swallow_a_double_quote():
    qs = find_quotes("The band's 'Greatest Hits' album was out, \"and we loved every minute of it,\" Jan Wills said.")
    assert [(q.text, q.speaker) for q in qs] == [("and we loved every minute of it", "Jan Wills")]


# --- local offices before a name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "tag, speaker",
    [
        ("said Councilmember Yesenia Abara, who sponsored the ordinance", "Yesenia Abara"),
        ("said Los Angeles County Supervisor Hilda Morales", "Hilda Morales"),
        ("Sheriff Tom Dart said", "Tom Dart"),
        ("Assemblymember Rosa Ortiz said", "Rosa Ortiz"),
        ("said Alderman Pete Novak", "Pete Novak"),
        ("School Board Trustee Mary Cole said", "Mary Cole"),
        ("said County Coroner Dale Reyes", "Dale Reyes"),
        # A surname that is also an office is still a name.
        ("said Naomi Alderman", "Naomi Alderman"),
    ],
)
def test_an_office_before_the_name_is_not_the_name(tag, speaker):
    q = one(f'"That is not a fee, it is a bait-and-switch," {tag}.')
    assert q.speaker == speaker


# --- Commonwealth titles and post-nominals --------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Water Minister Rt Hon Morag Ellery-Penhallow MP said: “We will fix the pipes before winter.”",
         "Morag Ellery-Penhallow"),
        ("Water Minister Rt. Hon. Morag Ellery-Penhallow MP said: “We will fix the pipes before winter.”",
         "Morag Ellery-Penhallow"),
        ("“The funding is overdue,” said Hon. Teuila Faleolo-Brandt MLA.", "Teuila Faleolo-Brandt"),
        ("“The funding is overdue,” said Hon Tane Whaanga-Price MSP.", "Tane Whaanga-Price"),
        ("“The funding is overdue,” said Cllr Priya Nandakumar-Hale, leader of the council.", "Priya Nandakumar-Hale"),
        ("“The funding is overdue,” said Labour Cllr Priya Nandakumar-Hale.", "Priya Nandakumar-Hale"),
        ("“The funding is overdue,” said Dame Orla Quennell-Baptiste DBE.", "Orla Quennell-Baptiste"),
        ("“The funding is overdue,” said Professor Ingrid Tallow-Mbeki PhD.", "Ingrid Tallow-Mbeki"),
        ("“The case was weak from the start,” said Ferdia Mac Aodha KC.", "Ferdia Mac Aodha"),
        ("“The case was weak from the start,” Aoife Brennan TD said.", "Aoife Brennan"),
        ("“We heard every submission,” said Colin Fairweather OBE JP.", "Colin Fairweather"),
    ],
)
def test_commonwealth_titles_and_post_nominals_are_not_the_name(text, speaker):
    assert one(text).speaker == speaker


def test_an_australian_councillor_resolves_to_the_full_name():
    text = (
        "Mayor Cr Lachlan Oyelowo-Grant said the council would review the plan at its next meeting.\n\n"
        "“We will not be rushed on this,” Cr Oyelowo-Grant said."
    )
    assert one(text).speaker == "Lachlan Oyelowo-Grant"


def test_a_post_nominal_after_one_word_is_kept():
    # Only a trailing token after a full name is a post-nominal.
    q = one("“The case was weak from the start,” said Jordan MP, the band's singer.")
    assert q.speaker == "Jordan MP"


@pytest.mark.parametrize(
    "tag, speaker",
    [
        ("said Commissioners Gerald Fitch and Ana Ruiz", "Gerald Fitch"),
        ("said Councilmembers Ana Ruiz and Tomás Ibarra", "Ana Ruiz"),
        ("Supervisors Hilda Morales and Ray Pike said", "Hilda Morales"),
        ("said Attorneys Dana Holt and Mark Ruel", "Dana Holt"),
        ("said Deputies Ray Pike and Lena Ortiz", "Ray Pike"),
        ("said Chairmen Ray Pike and Lena Ortiz", "Ray Pike"),
        ("Detectives Lena Ortiz and Ray Pike said", "Lena Ortiz"),
    ],
)
def test_a_plural_role_before_names_is_not_a_name(tag, speaker):
    q = one(f'"That is not a fee, it is a bait-and-switch," {tag}.')
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "tag, speaker",
    [
        ("said Local 19 president Curtis Maddox", "Curtis Maddox"),
        ("said Engine 12 lieutenant Boris Kellerman", "Boris Kellerman"),
        ("said Station 4 captain Dana Whitlock", "Dana Whitlock"),
        ("said District 7 supervisor Marisol Ybarra", "Marisol Ybarra"),
        ("Ladder 9 captain Dana Whitlock said", "Dana Whitlock"),
    ],
)
def test_a_run_followed_by_a_number_is_a_unit_not_a_person(tag, speaker):
    q = one(f'"We have not had a raise in four years," {tag}.')
    assert q.speaker == speaker


# --- sentence starts in other scripts ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quote",
    [
        # Greek, Cyrillic (Russian, Ukrainian, Bulgarian): an uppercase letter of the script.
        ("Ο δήμαρχος επισκέφθηκε το λιμάνι τη Δευτέρα. «Θα ξαναχτίσουμε την προβλήτα πριν από το καλοκαίρι.»",
         "Θα ξαναχτίσουμε την προβλήτα πριν από το καλοκαίρι."),
        ("Мэр осмотрел порт в понедельник. «Мы восстановим причал до начала лета».",
         "Мы восстановим причал до начала лета"),
        ("Мер оглянув порт у понеділок. «Ми відбудуємо причал до початку літа».",
         "Ми відбудуємо причал до початку літа"),
        ("Кметът посети пристанището в понеделник. „Ще възстановим кея преди лятото.“",
         "Ще възстановим кея преди лятото."),
        # Polish: an uppercase letter outside Latin-1.
        ("Burmistrz odwiedził port w poniedziałek. „Żadna rodzina nie zostanie bez pomocy.”",
         "Żadna rodzina nie zostanie bez pomocy."),
        # Uncased scripts: any letter after a sentence's end and a space.
        ('ראש העיר ביקר בנמל ביום שני. "נבנה מחדש את המזח לפני הקיץ."', "נבנה מחדש את המזח לפני הקיץ."),
        ("زار رئيس البلدية الميناء يوم الاثنين. «سنعيد بناء الرصيف قبل الصيف».", "سنعيد بناء الرصيف قبل الصيف"),
        ("شهردار روز دوشنبه از بندر بازدید کرد. «اسکله را پیش از تابستان دوباره می‌سازیم.»",
         "اسکله را پیش از تابستان دوباره می‌سازیم."),
        ("মেয়র সোমবার বন্দর পরিদর্শন করেন। “গ্রীষ্মের আগেই আমরা জেটি নতুন করে তৈরি করব।”",
         "গ্রীষ্মের আগেই আমরা জেটি নতুন করে তৈরি করব।"),
        ("नगर निगम ने सोमवार को बंदरगाह का दौरा किया। “हम गर्मी से पहले घाट फिर से बनाएंगे।”",
         "हम गर्मी से पहले घाट फिर से बनाएंगे।"),
        # Thai ends a sentence with a space.
        ("นายกเทศมนตรีเดินทางไปตรวจท่าเรือเมื่อวันจันทร์ “เราจะสร้างท่าเทียบเรือใหม่ให้เสร็จ ก่อนถึงฤดูร้อน ปีนี้”",
         "เราจะสร้างท่าเทียบเรือใหม่ให้เสร็จ ก่อนถึงฤดูร้อน ปีนี้"),
    ],
)
def test_a_quote_opening_the_second_sentence_in_other_scripts(text, quote):
    assert [q.text for q in find_quotes(text)] == [quote]


def test_english_sentence_starts_are_unchanged_by_other_scripts():
    # Still no sentence start after an abbreviation, nor inside a sentence.
    text = 'Gov. Ann Lee visited. The plan was a "very very bad idea for us all" at the time.'
    assert find_quotes(text) == []


# --- Ukrainian ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("«Ми відкриємо нову школу вже у вересні», — зазначила міська голова Ірина Савчук.", "Ірина Савчук"),
        ("«Ремонт мосту завершать до кінця року», — повідомив заступник мера Тарас Гнатюк.", "Тарас Гнатюк"),
        ("«Ціни на житло зростатимуть і надалі», — каже економістка Оксана Марченко.", "Оксана Марченко"),
        ("Директорка Олена Мельник показала нові класи.\n\n«Діти чекали на це два роки», — розповіла вона.",
         "Олена Мельник"),
        # A feminine first name given in the genitive, then the surname as the subject.
        ("За словами міністерки освіти Ірини Савчук, центри з’являться у двох містах. «Попит на інженерів "
         "величезний, і готувати їх треба зі школи», — наголосила Савчук.", "Ірина Савчук"),
        ("За словами директорки Наталії Бондар, ремонт завершать у травні. «Ми вже закупили все обладнання», "
         "— додала Бондар.", "Наталія Бондар"),
    ],
)
def test_ukrainian_speech_tags(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


def test_a_ukrainian_name_after_a_preposition_is_not_the_speaker():
    text = "«Рятувальники працювали всю ніч», — повідомила з Житомира кореспондентка Ірина Савчук."
    assert [q.speaker for q in find_quotes(text)] in ([None], [])


# --- Czech, Romanian, Greek, Swahili, Hungarian, Vietnamese -------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        # Czech
        ("„Most musíme opravit ještě před zimou,“ řekl starosta Jan Novotný.", "Jan Novotný"),
        ("„Na takový zájem jsme nebyli připraveni,“ uvedla ředitelka knihovny Petra Horáková.", "Petra Horáková"),
        ("„Voda stoupala rychleji, než jsme čekali,“ popsal hasič Martin Dvořák.", "Martin Dvořák"),
        ("Ředitelka knihovny Petra Horáková ukázala nové prostory.\n\n„Vstupné zůstane i letos zdarma,“ dodala.",
         "Petra Horáková"),
        # Romanian
        ("„Vom finaliza lucrările până la sfârșitul anului”, a declarat primarul Andrei Popescu.", "Andrei Popescu"),
        ("„Nu vom majora taxele locale anul acesta”, a spus Elena Dumitrescu.", "Elena Dumitrescu"),
        ("„Elevii vor învăța în noua clădire din septembrie”, a precizat directoarea școlii, Ioana Marinescu.",
         "Ioana Marinescu"),
        ("Pompierul Mihai Ionescu a ajuns primul la fața locului.\n\n„Apa a crescut mult mai repede decât ne "
         "așteptam”, a explicat el.", "Mihai Ionescu"),
        # Greek
        ("«Θα ολοκληρώσουμε το έργο μέσα στο καλοκαίρι», δήλωσε ο δήμαρχος Νίκος Καλογεράκης.", "Νίκος Καλογεράκης"),
        ("«Η κατάσταση στο λιμάνι είναι πλέον υπό έλεγχο», είπε η λιμενάρχης Ελένη Παπαδάκη.", "Ελένη Παπαδάκη"),
        ("«Χρειαζόμαστε περισσότερους γιατρούς στο νησί», τόνισε η Μαρία Κωνσταντίνου.", "Μαρία Κωνσταντίνου"),
        ("«Η κυκλοφορία θα αποκατασταθεί μέχρι το βράδυ», ανέφερε ο δήμαρχος Ηρακλείου Νίκος Καλογεράκης.",
         "Νίκος Καλογεράκης"),
        ("«Τα σχολεία θα μείνουν κλειστά και αύριο», πρόσθεσε η περιφερειάρχης Αττικής Ελένη Παπαδάκη.",
         "Ελένη Παπαδάκη"),
        # Swahili
        ("“Bei ya mahindi imepanda mara mbili mwaka huu,” anasema mkulima Juma Hamisi.", "Juma Hamisi"),
        ("“Tutakamilisha ujenzi wa daraja kabla ya mvua za masika,” alisema Mkuu wa Wilaya, Amina Mrisho.",
         "Amina Mrisho"),
        ("Mwalimu Mkuu Neema Kimaro alipokea vitabu hivyo jana.\n\n“Wanafunzi wetu sasa wataweza kusoma "
         "kila siku,” aliongeza.", "Neema Kimaro"),
        # Hungarian: the family name first, the role after the name.
        ("„Az iskola felújítása még idén befejeződik” – mondta Szabó Krisztina polgármester.", "Szabó Krisztina"),
        ("„Ekkora érdeklődésre nem számítottunk” – nyilatkozta Kovács Péter, a könyvtár igazgatója.", "Kovács Péter"),
        ("„A buszok hétvégén is sűrűbben járnak majd” – tette hozzá Nagy Éva.", "Nagy Éva"),
        # Vietnamese: the speaker without the honorific.
        ("“Giá lúa năm nay cao hơn năm ngoái nhiều”, bà Trần Thị Lan nói.", "Trần Thị Lan"),
        ("“Chúng tôi sẽ hoàn thành cây cầu trước mùa mưa”, ông Nguyễn Văn Hùng, Chủ tịch UBND xã, cho biết.",
         "Nguyễn Văn Hùng"),
        ("“Tôi rất vui khi con được đi học gần nhà”, chị Lê Thị Hoa chia sẻ.", "Lê Thị Hoa"),
        ("Ông Nguyễn Văn Hùng đã đến thăm công trình vào sáng thứ Hai.\n\n“Cây cầu sẽ được thông xe vào tháng "
         "Chín”, ông Hùng cho biết.", "Nguyễn Văn Hùng"),
    ],
)
def test_speech_tags_in_more_languages_fourth_round(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # A name after a preposition is a place or an object, not the speaker.
        "„Nu mai avem locuri libere la spital”, a declarat pentru Radio Cluj Andrei Popescu.",
        "«Η κυκλοφορία θα αποκατασταθεί σύντομα», δήλωσε στην Αθήνα Νίκος Καλογεράκης.",
        # Vietnamese: a given name no full name resolves; no honorific.
        "“Cây cầu sẽ được thông xe vào tháng sau”, ông Hùng cho biết.",
        "“Cây cầu sẽ được thông xe vào tháng sau”, Nguyễn Văn Hùng cho biết.",
    ],
)
def test_more_languages_fourth_round_no_speaker_rather_than_a_wrong_one(text):
    assert [q.speaker for q in find_quotes(text)] in ([None], [])


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Tomas Eberle, a psychologist in Atlanta who hosts a podcast on grief, says he was "surprised but not '
         'shocked" by the results.', "Tomas Eberle"),
        ('Rahim Chowdhury, a resident of Palpur village under Godagari Upazila, told BSS, "I have set up a garden '
         'on two decimals of land."', "Rahim Chowdhury"),
        ('As Matt Rourke, a project manager at a Leeds firm, says: "Outline the road map before you start."',
         "Matt Rourke"),
    ],
)
def test_a_name_in_an_apposition_before_the_verb_is_not_the_speaker(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


def test_a_determiner_opening_a_sentence_is_not_a_name():
    q = one('Every plan explicitly stated: "Use the executing-plans skill for this task."')
    assert q.speaker is None


# --- quotes set as block quotes, without marks ------------------------------------------------------


def _with_blocks(*paras: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of paragraphs joined by blank lines, and the spans of those given as ("> ", text)."""
    text, spans = "", []
    for p in paras:
        if text:
            text += "\n\n"
        if p.startswith("> "):
            spans.append((len(text), len(text) + len(p) - 2))
            p = p[2:]
        text += p
    return text, spans


def test_a_block_quote_after_a_lead_in_is_the_speakers_quote():
    text, spans = _with_blocks(
        "The government set out new rules for water companies on Monday.",
        "Water and Coasts Minister Harriet Coldwell said:",
        "> We will hold water companies to account for every spill.",
        "> Our rivers deserve better, and this plan delivers it.",
        "The rules take effect in April.",
    )
    qs = find_quotes(text, block_quotes=spans)
    assert [(q.text, q.speaker) for q in qs] == [
        ("We will hold water companies to account for every spill.\n\nOur rivers deserve better, and this plan "
         "delivers it.", "Harriet Coldwell")
    ]
    assert text[qs[0].start : qs[0].end] == qs[0].text
    assert find_quotes(text) == []  # without the spans, paragraphs like any other


@pytest.mark.parametrize(
    "lead, speaker, outlet",
    [
        ("Harriet Coldwell visited the Hull estuary on Monday. She said:", "Harriet Coldwell", None),
        ("Chief executive Tomas Adeyemi-Fraser said on Tuesday:", "Tomas Adeyemi-Fraser", None),
        ("Harriet Coldwell MP told the BBC:", "Harriet Coldwell", "BBC"),
        ("As Matt Rourke, a project manager at a Leeds firm, says:", "Matt Rourke", None),
        ("It is an old idea. Maslow once said:", "Maslow", None),
    ],
)
def test_lead_ins_of_block_quotes(lead, speaker, outlet):
    text, spans = _with_blocks(lead, "> We will hold water companies to account for every spill.")
    q = one_of(find_quotes(text, block_quotes=spans))
    assert (q.speaker, q.reported_by) == (speaker, outlet)


def one_of(qs):
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    "paras",
    [
        # A pull quote or an epigraph: nobody is said to speak.
        ("The rules take effect in April.", "> A river is the report card of its valley and its people."),
        ("> A river is the report card of its valley and its people.", "The rules take effect in April."),
        # The paragraph before does not end in a speech verb and a colon.
        ("Harriet Coldwell said the plan was overdue.", "> We will hold water companies to account."),
        ("The plan has three parts:", "> Fines for every spill, monitors on every outfall, and reports."),
        # No one named: an object, a noun, the writer, a forum's quote header.
        ("Older versions of the documentation say:", "> Every error raises an exception in Python."),
        ("Thank you both. Some replies:", "> I would probably go with stocks in the taxable account."),
        ("As I said in my talk last year:", "> We have distribution-wide CI, but only one of it."),
        ("Allan wrote:", "> Maintained does not just mean new features, it means fixes."),
        # A pronoun with no one named in the lead-in's paragraph or the one before.
        ("Harriet Coldwell spoke first.", "The rules take effect in April.", "Nobody objected.", "Then she said:",
         "> We will hold water companies to account for every spill."),
    ],
)
def test_block_quotes_without_a_lead_in_are_not_quotes(paras):
    text, spans = _with_blocks(*paras)
    assert find_quotes(text, block_quotes=spans) == []


def test_a_block_quote_in_marks_is_read_once():
    text, spans = _with_blocks(
        "Water and Coasts Minister Harriet Coldwell said:",
        "> “We will hold water companies to account for every spill.”",
    )
    q = one_of(find_quotes(text, block_quotes=spans))
    assert (q.text, q.speaker) == ("We will hold water companies to account for every spill.", "Harriet Coldwell")


def test_a_block_quote_through_extract():
    from newsmill import extract

    prose = ("The rules follow a year of record sewage spills into rivers and the sea around the coast of "
             "England, the department said.")
    html = (
        "<html><head><title>New rules for water companies</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "New rules for water companies", "datePublished": "2024-05-01T09:00:00Z"}</script>'
        "</head><body><main><article><h1>New rules for water companies</h1>"
        f"<p>{prose}</p>"
        "<p>Water companies will face unlimited penalties for illegal spills under the new rules.</p>"
        "<p>Water and Coasts Minister Harriet Coldwell said:</p>"
        "<blockquote><p>We will hold water companies to account for every spill, and we will not hesitate "
        "to act.</p><p>Our rivers, lakes and seas deserve better, and this plan delivers it.</p></blockquote>"
        "<p>The rules take effect in April and apply to every water company in England, large or small.</p>"
        "<blockquote><p>A river is the report card of its valley and its people.</p></blockquote>"
        "</article></main></body></html>"
    )
    art = extract(html)
    assert [(q.text, q.speaker) for q in art.quotes] == [
        ("We will hold water companies to account for every spill, and we will not hesitate to act.\n\n"
         "Our rivers, lakes and seas deserve better, and this plan delivers it.", "Harriet Coldwell")
    ]
    q = art.quotes[0]
    assert art.text[q.start : q.end] == q.text


def test_render_text_gives_the_spans_of_quote_blocks():
    from selectolax.lexbor import LexborHTMLParser

    from newsmill.render import render_text
    from newsmill.segment import segment

    html = (
        "<html><body><h1>Rules</h1><ul><li>Fines for spills</li><li>Monitors on outfalls</li></ul>"
        "<p>Harriet Coldwell said:</p><blockquote><p>We will act.</p><p>Rivers deserve better.</p></blockquote>"
        "<dl><dt>Date</dt><dd>1 May</dd></dl><blockquote><p>A pull quote.</p></blockquote></body></html>"
    )
    blocks = segment(LexborHTMLParser(html).body).blocks
    spans: list[tuple[int, int]] = []
    text = render_text(blocks, spans)
    assert text == render_text(blocks)
    assert [text[a:b] for a, b in spans] == ["We will act.", "Rivers deserve better.", "A pull quote."]


def test_a_lead_in_sentence_does_not_end_after_an_abbreviation():
    text, spans = _with_blocks(
        "Harriet Coldwell, the minister who toured the site on Monday with Mr. Fitch, said:",
        "> We will hold water companies to account for every spill.",
    )
    q = one_of(find_quotes(text, block_quotes=spans))
    assert q.speaker == "Harriet Coldwell"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Finnish: the name before the verb, resolved to the full name (a compound role is not the name).
        ("Kunnanjohtaja Sanna Heikkinen kertoo, että päätös on historiallinen.\n\n"
         "– Lossi on ollut saaren elinehto, mutta se on myös ollut pullonkaula, Heikkinen sanoo.",
         [("Lossi on ollut saaren elinehto, mutta se on myös ollut pullonkaula", "Sanna Heikkinen")]),
        # Russian: a second dash before the verb; the speech goes on after the tag.
        ("Иван Петров приехал в порт.\n\n— Мы довольны, — сказал Иван Петров. — Всё идёт по плану и даже быстрее.",
         [("Мы довольны", "Иван Петров"), ("Всё идёт по плану и даже быстрее.", "Иван Петров")]),
        # Hungarian: a dash, the verb first, the family name first.
        ("Az újranyitás napján hosszú sor állt.\n\n– Hiányzott nagyon a fürdő – mondta Horváth Józsefné.",
         [("Hiányzott nagyon a fürdő", "Horváth Józsefné")]),
        # Swedish: the next dash paragraph without a tag is the same speaker's.
        ("Anna Berg leder föreningen.\n\n– Det här är en stor dag för oss, säger Anna Berg, ordförande i föreningen."
         "\n\n– Vi har väntat i tio år på det här beslutet.",
         [("Det här är en stor dag för oss", "Anna Berg"), ("Vi har väntat i tio år på det här beslutet.", "Anna Berg")]),
        # Polish and Ukrainian, the pronoun: the person just named.
        ("Jan Kowalski odwiedził budowę.\n\n– To jest wielki dzień dla miasta – powiedział.",
         [("To jest wielki dzień dla miasta", "Jan Kowalski")]),
        ("Тетяна Гончар живе поруч.\n\n— Тепер води вистачає всім, — каже вона.",
         [("Тепер води вистачає всім", "Тетяна Гончар")]),
    ],
)
def test_dialogue_dashes_open_speech(text, expected):
    assert [(q.text, q.speaker) for q in find_quotes(text)] == expected
    for q in find_quotes(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "Listan:\n\n– äpplen, päron och bananer\n\n– Mjölk, smör och ost för hela veckan.",  # a list
        "Hankkeen hinta on 38 miljoonaa euroa.\n\n– Valtio maksaa siitä valtaosan, kunta loput.",  # no tag
        "— Reporting by John Smith; editing by Mary Jones",
        "Budget:\n\n— 20 million for roads, said to be enough\n\n– Schools, libraries and parks.",
    ],
)
def test_a_dash_paragraph_without_a_speech_tag_is_not_a_quote(text):
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Meneja wa Mamlaka ya Maji, Mhandisi Grace Mollel alisema bei ni nafuu.\n\n"
         "“Tumeweka vituo 40 vya kuchotea maji kwa jamii,” alisema Mhandisi Mollel.", "Grace Mollel"),
        ("Mkazi wa Kijiji cha Mwembeni, Bi Halima Said alisema hakuamini siku hiyo ingefika. "
         "“Nimechota maji mtoni tangu nikiwa mtoto,” alisema kwa furaha.", "Halima Said"),
        ("“Tutaanza kazi mwezi ujao kwa kasi kubwa,” alisema Dkt. Neema Kimaro.", "Neema Kimaro"),
        ("“Tutaanza kazi mwezi ujao kwa kasi kubwa,” alisema Bw. Juma Hamisi.", "Juma Hamisi"),
    ],
)
def test_swahili_titles_are_not_the_name(text, speaker):
    assert one(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # Thai: the honorific joined to the first name, the surname; after the quote the first name alone.
        ("นายธนากร ศรีสุวรรณ ผู้ว่าการการรถไฟฟ้า กล่าวว่า “ช่วงทดลองให้บริการนี้เราอยากให้ประชาชนได้ลองใช้จริง และแจ้งปัญหา”"
         "\n\nด้านนางสาวกมลวรรณ ทองดี พนักงานบริษัทเอกชน เปิดเผยว่า ปกติใช้เวลานาน “วันนี้ใช้เวลาแค่ยี่สิบนาที แอร์เย็น สถานีสะอาด”"
         " นางสาวกมลวรรณกล่าว", ["ธนากร ศรีสุวรรณ", "กมลวรรณ ทองดี"]),
        # Bengali: the two words before বলেন (a role before them).
        ("প্রধান প্রকৌশলী রফিকুল ইসলাম বলেন, “এই সেতু শুধু দুই উপজেলাকে নয়, পুরো অঞ্চলের অর্থনীতিকে বদলে দেবে।”",
         ["রফিকুল ইসলাম"]),
        # Greek: an outlet in marks after the verb, a role, a comma, the name.
        ("«Δεν είμαστε αντίθετοι στο έργο. Θέλουμε δεσμεύσεις», είπε στην «Ηχώ» ο πρόεδρος του συλλόγου, "
         "Στέλιος Μανωλάκης.", ["Στέλιος Μανωλάκης"]),
        # Hebrew: the name set off by commas before the verb; after the quote the verb alone.
        ('מנהלת המחלקה, ד"ר רונית שגיא, אמרה בטקס הפתיחה: "במשך שנים ראינו הורים שמוותרים על בדיקות".\n\n'
         'יו"ר ועד ההורים, אבי חדד, בירך על הפתיחה. "המבנה מרשים, אבל בלי צוות סיעודי מספיק", אמר.',
         ["רונית שגיא", "אבי חדד"]),
        # Persian: the name opens the sentence before a comma; وی (he) is the previous speaker.
        ("حسین کریمی، مدیرکل میراث فرهنگی استان، در مراسم بازگشایی گفت: «در مرمت این پل تلاش کردیم.»\n\n"
         "وی افزود: «سه دهانه‌ای که در سیل تخریب شده بود دوباره ساخته شد.»", ["حسین کریمی", "حسین کریمی"]),
    ],
)
def test_speakers_named_before_the_quote_without_a_colon_or_capitals(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers


def test_a_bengali_pronoun_or_place_before_the_verb_is_not_a_speaker():
    text = "এ সময় তিনি বলেন, “এই সেতু শুধু দুই উপজেলাকে নয়, পুরো অঞ্চলের অর্থনীতিকে বদলে দেবে।”"
    assert all(q.speaker is None for q in find_quotes(text))
