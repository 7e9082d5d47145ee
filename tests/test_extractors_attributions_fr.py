"""attributions.v1 on French sentences parsed by the real model (slow): one row per construction."""

from __future__ import annotations

import pytest
from run_extractors import all_speakers, attributions_of, cues_by_both

from kgbuild.records import Attribution

pytestmark = pytest.mark.slow


def attributions(text: str) -> list[Attribution]:
    return attributions_of(text, "fr", "attributions.v1")


def row(a: Attribution) -> tuple[str, str | None, str, str, str]:
    return (a.cue.text, a.source.text if a.source else None, a.content.text, a.type, a.source_kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Le ministre de l'Intérieur a déclaré mardi que la situation était sous contrôle.",
            (
                "a déclaré",
                "Le ministre de l'Intérieur",
                "la situation était sous contrôle",
                "indirect",
                "person",
            ),
            id="que-clause",
        ),
        pytest.param(
            "Les riverains imputent la pollution à l'usine Chimiral.",
            ("imputent", "Les riverains", "la pollution à l'usine Chimiral", "indirect", "organisation"),
            id="imputer-accusation",
        ),
        pytest.param(
            "Dans une étude publiée lundi, la pollution de l'air a baissé de 10 % en un an.",
            (
                "Dans",
                "une étude publiée lundi",
                "la pollution de l'air a baissé de 10 % en un an",
                "indirect",
                "document",
            ),
            id="dans-une-etude",
        ),
        pytest.param(
            "La ministre de la Santé, Claire Vasseur, a annoncé mardi l'ouverture d'une enquête administrative.",
            (
                "a annoncé",
                "La ministre de la Santé, Claire Vasseur",
                "l'ouverture d'une enquête administrative",
                "indirect",
                "person",
            ),
            id="appositive-subject-then-object-is-no-incise",
        ),
        pytest.param(
            "Selon le procureur, Laurent Faure, personne n'a encore été mis en cause.",
            (
                "Selon",
                "le procureur, Laurent Faure",
                "personne n'a encore été mis en cause",
                "indirect",
                "person",
            ),
            id="selon-description-then-name",
        ),
        pytest.param(
            "Le contrat fait l'objet de questions de l'opposition municipale, qui réclame sa publication intégrale.",
            ("réclame", "l'opposition municipale", "sa publication intégrale", "indirect", "person"),
            id="relative-agrees-with-its-verb",
        ),
        pytest.param(
            "« Des excuses ne suffiront pas », a lancé le porte-parole du collectif.",
            ("a lancé", "le porte-parole du collectif", "Des excuses ne suffiront pas", "direct", "person"),
            id="inverted-lancer",
        ),
        pytest.param(
            "« Nous ne céderons pas », a affirmé la présidente du syndicat.",
            ("a affirmé", "la présidente du syndicat", "Nous ne céderons pas", "direct", "person"),
            id="inverted-np",
        ),
        pytest.param(
            "« Nous ne céderons pas », a-t-elle affirmé.",
            ("a-t-elle affirmé", "elle", "Nous ne céderons pas", "direct", "person"),
            id="inverted-clitic",
        ),
        pytest.param(
            "La mairie a annoncé la fermeture « temporaire » du parc municipal.",
            (
                "a annoncé",
                "La mairie",
                "la fermeture « temporaire » du parc municipal",
                "mixed",
                "organisation",
            ),
            id="mixed",
        ),
        pytest.param(
            "Selon le rapport, les émissions ont baissé de 4 % en un an.",
            ("Selon", "le rapport", "les émissions ont baissé de 4 % en un an", "indirect", "document"),
            id="selon",
        ),
        pytest.param(
            "D'après Marie Durand, le projet sera abandonné.",
            ("D'après", "Marie Durand", "le projet sera abandonné", "indirect", "person"),
            id="d-apres",
        ),
        pytest.param(
            "L'entreprise estime que ses résultats vont progresser.",
            ("estime", "L'entreprise", "ses résultats vont progresser", "indirect", "organisation"),
            id="belief",
        ),
        pytest.param(
            "Les syndicats réclament une hausse des salaires.",
            ("réclament", "Les syndicats", "une hausse des salaires", "indirect", "organisation"),
            id="demand",
        ),
        pytest.param(
            "Le maire a promis de rénover l'école avant l'été.",
            ("a promis", "Le maire", "de rénover l'école avant l'été", "indirect", "person"),
            id="promise",
        ),
        pytest.param(
            "L'ancien directeur est soupçonné d'avoir détourné des fonds.",
            ("est soupçonné", None, "d'avoir détourné des fonds", "nosource", "none"),
            id="sourceless",
        ),
        pytest.param(
            '"Vous ne pouvez pas faire ça", réplique un proche du ministre.',
            ("réplique", "un proche du ministre", "Vous ne pouvez pas faire ça", "direct", "anonymous"),
            id="replique-read-as-a-noun",
        ),
        pytest.param(
            "Le ministère annonce 51,15% de grévistes dans les écoles.",
            ("annonce", "Le ministère", "51,15% de grévistes dans les écoles", "indirect", "organisation"),
            id="number-the-parse-hung-on-the-verb",
        ),
    ],
)
def test_extractors_attributions_fr_constructions(text: str, expected: tuple[str, ...]) -> None:
    assert [row(a) for a in attributions(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Le ministre va démissionner, croit savoir Le Télégramme.",
            ("croit savoir", "Le Télégramme", "Le ministre va démissionner"),
            id="croit-savoir",
        ),
        pytest.param(
            "Le ministre a démissionné, rapporte franceinfo jeudi 27 septembre.",
            ("rapporte", "franceinfo", "Le ministre a démissionné"),
            id="inverted-source-tagged-as-a-number-before-a-date",
        ),
        pytest.param(
            '"La France dit non", a lancé le ministre de l\'Économie Bruno Le Maire au micro de la radio.',
            ("a lancé", "le ministre de l'Économie Bruno Le Maire", "La France dit non"),
            id="source-runs-on-to-the-end-of-a-broken-name",
        ),
        pytest.param(
            '"La France dit non", a déclaré le ministre face à Jean-Jacques Bourdin.',
            ("a déclaré", "le ministre", "La France dit non"),
            id="no-source-ends-in-a-preposition",
        ),
        pytest.param(
            "« Il faut encourager le train », a réagi la ministre des Transports Élisabeth Borne sur Sud Radio.",
            ("a réagi", "la ministre des Transports Élisabeth Borne", "Il faut encourager le train"),
            id="source-leaves-out-where-it-spoke",
        ),
        pytest.param(
            "Les alertes ont été transmises au supérieur, mais selon un salarié, elles n'auraient pas été entendues.",
            ("selon", "un salarié", "elles n'auraient pas été entendues"),
            id="selon-after-a-conjunction-attributes-what-follows",
        ),
        pytest.param(
            "Selon l'un de ses proches, le ministre va démissionner.",
            ("Selon", "l'un de ses proches", "le ministre va démissionner"),
            id="pronoun-source-with-its-group",
        ),
        pytest.param(
            "Le chanteur a déclaré qu'il renonçait à sa protection, rapporte Le Parisien.",
            ("a déclaré", "Le chanteur", "il renonçait à sa protection"),
            id="content-ends-before-the-cue-that-relays-it",
        ),
        pytest.param(
            "Après avoir affirmé que la ville était sûre, le maire Paul Martin a reconnu des difficultés.",
            ("avoir affirmé", "le maire Paul Martin", "la ville était sûre"),
            id="fronted-infinitive-is-said-by-the-main-subject",
        ),
        pytest.param(
            "Après avoir assuré que le chantier avançait, la direction a démissionné.",
            ("avoir assuré", "la direction", "le chantier avançait"),
            id="fronted-infinitive-content-stops-at-the-comma",
        ),
        pytest.param(
            "« Nous partons ce soir », a dit lundi, devant la mairie, Jean Dupont.",
            ("a dit", "Jean Dupont", "Nous partons ce soir"),
            id="inverted-name-after-adjuncts-set-off-by-commas",
        ),
        pytest.param(
            "Même si les fêtes pourraient être mal vues dans une période où les morts s'accumulent et où le "
            "chômage flambe, Paul Durand estime que les gens sont lassés.",
            ("estime", "Paul Durand", "les gens sont lassés"),
            id="subject-after-the-comma-not-the-clause-before",
        ),
    ],
)
def test_extractors_attributions_fr_cue_source_content(text: str, expected: tuple[str, ...]) -> None:
    assert next(row(a)[:3] for a in attributions(text)) == expected


def test_extractors_attributions_fr_denial_is_negated() -> None:
    (found,) = attributions("Le ministre dément avoir reçu de l'argent de cette entreprise.")
    assert found.negated
    assert found.cue_act == "deny"
    assert found.content.text == "avoir reçu de l'argent de cette entreprise"


def test_extractors_attributions_fr_accusation() -> None:
    (found,) = attributions("L'opposition accuse le gouvernement de mentir sur les chiffres du chômage.")
    assert (found.cue.text, found.cue_act) == ("accuse", "accuse")
    assert found.content.text.startswith("le gouvernement de mentir")


def test_extractors_attributions_fr_reporting_conditional_and_hedge() -> None:
    (found,) = attributions("Selon la police, le suspect aurait prétendument fui vers l'Espagne.")
    assert found.hedges == ("prétendument", "aurait")
    assert found.certainty == "possible"


def test_extractors_attributions_fr_selon_chain() -> None:
    found = attributions("Selon l'AFP, qui cite le ministère de la Santé, le vaccin sera disponible en mars.")
    assert [(a.cue.text, a.source.text if a.source else None) for a in found] == [
        ("Selon", "l'AFP"),
        ("cite", "le ministère de la Santé"),
    ]
    assert found[1].relayed_by == 0
    assert found[0].content.text == found[1].content.text == "le vaccin sera disponible en mars"


def test_extractors_attributions_fr_relay_with_anonymous_sources() -> None:
    found = attributions(
        "Le ministre a démissionné, relate la chaîne CNN en se référant à des sources proches du dossier."
    )
    relay = next(a for a in found if a.cue.text == "relate")
    inner = next(a for a in found if a.source is not None and a.source.text.startswith("des sources"))
    assert relay.source is not None
    assert relay.source.text == "la chaîne CNN"
    assert inner.source_kind == "anonymous"
    assert inner.source_key == "anon:des-sources-proches-du-dossier"
    assert inner.relayed_by == found.index(relay)
    assert inner.content.text == relay.content.text == "Le ministre a démissionné"


def test_extractors_attributions_fr_nested_attribution_is_relayed() -> None:
    found = attributions("Le président a annoncé qu'il se représenterait, rapporte Le Monde.")
    outer = next(a for a in found if a.cue.text == "rapporte")
    inner = next(a for a in found if a.cue.text == "a annoncé")
    assert inner.relayed_by == found.index(outer)
    assert outer.source is not None
    assert (outer.source.text, outer.source_kind) == ("Le Monde", "organisation")


def test_extractors_attributions_fr_pronoun_and_description_resolve() -> None:
    found = attributions(
        "Le ministre de la Santé, Paul Martin, a déclaré que l'épidémie reculait. "
        "« Nous restons prudents », a-t-il ajouté. Le ministre a aussi annoncé de nouvelles mesures."
    )
    assert [a.resolved for a in found] == ["Paul Martin", "Paul Martin", "Paul Martin"]
    assert found[1].source is not None
    assert found[1].source.text == "il"
    assert {a.source_key for a in found} == {"paul-martin"}


def test_extractors_attributions_fr_quote_over_several_sentences() -> None:
    (found,) = attributions(
        "« La crise est grave. Il faut agir vite », a expliqué l'économiste Jeanne Petit."
    )
    assert found.content.text == "La crise est grave. Il faut agir vite"
    assert found.type == "direct"
    assert found.resolved == "Jeanne Petit"


def test_extractors_attributions_fr_offsets_index_the_text() -> None:
    text = "« Nous verrons », a déclaré le maire. Selon la préfecture, tout est calme."
    for found in attributions(text):
        for span in (found.cue, found.content, found.source):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_extractors_attributions_fr_comme_le_rapporte() -> None:
    found = attributions("Comme le rapporte Le Parisien, la mairie a annoncé la fermeture du parc.")
    outer = next(a for a in found if a.cue.text == "Comme le rapporte")
    assert outer.source is not None
    assert outer.source.text == "Le Parisien"
    assert outer.content.text == "la mairie a annoncé la fermeture du parc"
    inner = next(a for a in found if a.cue.text == "a annoncé")
    assert inner.relayed_by == found.index(outer)


def test_extractors_attributions_fr_cite_par_relays_the_speaker() -> None:
    found = attributions("« Le dossier est clos », a déclaré le procureur Jean Roux, cité par Le Figaro.")
    speaker = next(a for a in found if a.cue.text == "a déclaré")
    relay = next(a for a in found if a.cue.text == "cité par")
    assert relay.source is not None
    assert relay.source.text == "Le Figaro"
    assert speaker.relayed_by == found.index(relay)
    assert relay.content.text == speaker.content.text == "Le dossier est clos"


def test_extractors_attributions_fr_participle_speaks_for_its_noun() -> None:
    # "des analyses révélant P": the analyses reveal P, not whoever spoke last in the sentence
    found = attributions(
        "La ministre a annoncé une inspection, après des analyses révélant une contamination de l'eau."
    )
    participle = next(a for a in found if a.cue.text == "révélant")
    assert participle.source is not None
    assert participle.source.text == "des analyses"
    assert participle.content.text == "une contamination de l'eau"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Les manifestants, eux, réclament davantage.", [], id="no-clause-no-claim"),
        pytest.param(
            "Les manifestants, eux, réclament que le contrat soit résilié.",
            [("réclament", "Les manifestants, eux", "le contrat soit résilié")],
            id="clause",
        ),
    ],
)
def test_extractors_attributions_fr_stressed_pronoun_keeps_the_subject(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    # "X, eux, V": the commas set off a pronoun, not a quotation before an inverted cue
    found = attributions(text)
    assert [(a.cue.text, a.source.text if a.source else None, a.content.text) for a in found] == expected


def test_extractors_attributions_fr_inverted_participle_tagged_as_a_noun() -> None:
    # the tagger reads "résumé" after "a-t-il" as a noun; the auxiliary and the clitics say it is a verb
    found = attributions(
        "Dans la soirée, Henri Roussel a salué une visite « utile », tout en maintenant sa demande de résiliation "
        "du contrat d'Hydrelis. « Une visite ne remplace pas des réponses », a-t-il résumé."
    )
    assert [(a.cue.text, a.resolved) for a in found][-1] == ("a-t-il résumé", "Henri Roussel")


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param("L'hôpital proposera des analyses sanguines aux habitants.", [], id="offers-a-thing"),
        pytest.param(
            "Le syndicat propose de suspendre la grève pendant une semaine.", ["propose"], id="proposes-to-do"
        ),
    ],
)
def test_extractors_attributions_fr_proposer_needs_a_clause(text: str, cues: list[str]) -> None:
    assert [a.cue.text for a in attributions(text)] == cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param(
            "Pourtant, le phénomène observé sur la côte, et repéré par un quotidien local, est causé par le "
            "phytoplancton, c'est-à-dire l'ensemble des algues qui s'accumulent à la surface.",
            [],
            id="c-est-a-dire",
        ),
        pytest.param(
            "À vrai dire, la station d'épuration n'a jamais fonctionné, a reconnu le maire.",
            ["a reconnu"],
            id="a-vrai-dire-beside-a-real-cue",
        ),
        pytest.param(
            "Pour mémoire, ces courses virtuelles feront l'objet d'une couverture télévisée.",
            [],
            id="pour-memoire",
        ),
        pytest.param("Le CAC 40 accuse un net recul de 2 % à la clôture.", [], id="accuse-un-recul"),
        pytest.param(
            "Des centaines de familles demandent l'asile en France chaque mois.", [], id="demander-asile"
        ),
        pytest.param(
            "Le syndicat accuse le gouvernement de mentir sur les chiffres.", ["accuse"], id="accuse-someone"
        ),
    ],
)
def test_extractors_attributions_fr_idioms_attribute_nothing(text: str, cues: list[str]) -> None:
    assert cues_by_both(text, "fr") == {"attributions.v1": cues, "attributions.v2": cues}


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        pytest.param(
            '"Je surfe depuis vingt ans et je n\'ai jamais rien vu de tel", a soutenu au Guardian un surfeur '
            "venu de Malibu.",
            ["un surfeur", "Guardian"],
            id="outlet-after-au",
        ),
        pytest.param(
            "La chaîne avait dit regretter ces propos, et Sony Pictures, qui produit le jeu, avait indiqué de "
            "son côté avoir rompu le contrat de l'animateur.",
            ["La chaîne", "Sony Pictures"],
            id="subject-after-et",
        ),
        pytest.param(
            "« Il faut sortir de l'euro », avait plaidé sur France Info Florian Philippot.",
            ["Florian Philippot"],
            id="venue-run-into-the-name",
        ),
        pytest.param(
            "Son fondateur et ancien président Paul Girard, décédé en 2014, a toujours minimisé les ventes du "
            "produit.",
            ["Son fondateur et ancien président Paul Girard"],
            id="participle-clause-after-the-name",
        ),
        pytest.param(
            "« Ce fut une belle fête », a raconté ce week-end Annie au journal local.",
            ["Annie"],
            id="a-time-before-the-inverted-subject",
        ),
        pytest.param(
            "La croissance sera faible, a affirmé mercredi la chef économiste de l'OCDE, Laurence Boone.",
            ["la chef économiste de l'OCDE, Laurence Boone"],
            id="a-day-before-the-inverted-subject",
        ),
        pytest.param(
            "Le suspect a été interpellé, a-t-on appris lundi 25 mars de sources concordantes.",
            ["sources concordantes"],
            id="a-date-before-anonymous-sources",
        ),
    ],
)
def test_extractors_attributions_fr_source_leaves_out_preposition_and_conjunction(
    text: str, sources: list[str]
) -> None:
    assert [a.source.text if a.source else None for a in attributions(text)] == sources


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Face à la hausse des plaintes, le conseil municipal a mis en cause l'exploitant et promis de "
            "mettre fin aux rejets.",
            ("promis", "le conseil municipal"),
            id="object-of-the-first-verb",
        ),
        pytest.param(
            'Les riverains ont crié "assez" ou appelé à ce que la station soit fermée.',
            ("appelé à", "Les riverains"),
            id="quoted-object-of-the-first-verb",
        ),
    ],
)
def test_extractors_attributions_fr_coordinated_cue_keeps_the_subject(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in [(a.cue.text, a.source.text if a.source else None) for a in attributions(text)]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param(
            "Invité de la matinale de la radio mardi, le maire Paul Girard s'en est pris à la chaîne.",
            [],
            id="invite-de-is-a-guest",
        ),
        pytest.param(
            'Le 30 novembre, invité dans l\'émission de Léa Morel, il avait déclaré : "Nous ne dirons rien."',
            ["avait déclaré"],
            id="invite-dans-is-a-guest",
        ),
        pytest.param(
            'Les habitants ont crié "assez" ou appelé à ce que la station soit fermée.',
            ["appelé à"],
            id="coordinated-participle-keeps-its-call",
        ),
    ],
)
def test_extractors_attributions_fr_demand_participle_needs_what_is_asked(text: str, cues: list[str]) -> None:
    assert cues_by_both(text, "fr") == {"attributions.v1": cues, "attributions.v2": cues}


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param(
            "Avec ce geste, il répond aux injonctions de la Commission européenne qui a donné trois mois à la France.",
            [],
            id="repond-aux-injonctions",
        ),
        pytest.param(
            "Le ministre a répondu aux critiques que la réforme était juste.", ["a répondu"], id="repond-que"
        ),
    ],
)
def test_extractors_attributions_fr_addressee_is_no_content(text: str, cues: list[str]) -> None:
    assert cues_by_both(text, "fr") == {"attributions.v1": cues, "attributions.v2": cues}


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param("La comédienne a enchaîné les succès au théâtre.", [], id="enchainer-les-succes"),
        pytest.param(
            "Le constructeur poursuit les présentations de ses modèles.", [], id="poursuivre-une-chose"
        ),
        pytest.param(
            '"Nous accueillons les gens qui fuient la guerre", a-t-il poursuivi.',
            ["a-t-il poursuivi"],
            id="poursuivre-une-citation",
        ),
        pytest.param(
            "L'ancienne championne a été chargée par le Premier ministre d'accompagner cette mission.",
            [],
            id="etre-chargee-de",
        ),
    ],
)
def test_extractors_attributions_fr_verbs_with_other_uses_need_words(text: str, cues: list[str]) -> None:
    assert cues_by_both(text, "fr") == {"attributions.v1": cues, "attributions.v2": cues}


def test_extractors_attributions_fr_inverted_clitic_parsed_as_the_head() -> None:
    # the parser hangs "avoué" on "-elle" and the auxiliary elsewhere: still "a-t-elle avoué", active
    found = attributions(
        "\"Je l'ai un peu harcelé. Aujourd'hui, ce ne serait pas possible, je pourrais faire de la prison !\", "
        "a-t-elle avoué dans l'émission."
    )
    assert [(a.cue.text, a.source.text if a.source else None) for a in found] == [("a-t-elle avoué", "elle")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"Que voulez-vous que j\'y fasse ?", lui a répondu le boulanger du quartier.',
            ("a répondu", "le boulanger du quartier", "Que voulez-vous que j'y fasse ?"),
            id="lui-a-repondu",
        ),
        pytest.param(
            '"Nous verrons", leur a lancé le maire.',
            ("a lancé", "le maire", "Nous verrons"),
            id="leur-a-lance",
        ),
        pytest.param(
            "Lui a toujours dit que le projet était mauvais.",
            ("a toujours dit", "Lui", "le projet était mauvais"),
            id="lui-subject-at-the-start",
        ),
    ],
)
def test_extractors_attributions_fr_dative_clitic_is_no_source(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert [
        (a.cue.text, a.source.text if a.source else None, a.content.text) for a in attributions(text)
    ] == [expected]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        pytest.param(
            "Les noyades ont fait 121 morts, selon les chiffres transmis mardi par l'agence Santé publique France.",
            "les chiffres transmis mardi par l'agence Santé publique France",
            "Les noyades ont fait 121 morts",
            id="selon-after",
        ),
        pytest.param(
            "Selon le bilan publié mercredi par Météo-France, les sols sont très secs.",
            "le bilan publié mercredi par Météo-France",
            "les sols sont très secs",
            id="selon-before",
        ),
        pytest.param(
            "Selon le compte de la police qui a posté l'avis de recherche, elle se trouverait en Sicile.",
            "le compte de la police qui a posté l'avis de recherche",
            "elle se trouverait en Sicile",
            id="selon-relative-clause",
        ),
    ],
)
def test_extractors_attributions_fr_selon_source_keeps_its_participle(
    text: str, source: str, content: str
) -> None:
    assert [(a.source.text if a.source else None, a.content.text) for a in attributions(text)] == [
        (source, content)
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        pytest.param(
            "Selon les informations de France Bleu Provence publiées dimanche, deux hommes ont été interpellés.",
            "Selon les informations de",
            "France Bleu Provence publiées dimanche",
            "deux hommes ont été interpellés",
            id="name-and-participle",
        ),
        pytest.param(
            "Selon les informations de Pure Médias, Stéphane Bern est pressenti pour animer l'émission.",
            "Selon les informations de",
            "Pure Médias",
            "Stéphane Bern est pressenti pour animer l'émission",
            id="name",
        ),
        # the recognizer runs the name on past the comma: the source stops there
        pytest.param(
            "Selon les premiers éléments de l'enquête, rapportés par Le Progrès, la vitesse des véhicules "
            "n'était excessive.",
            "rapportés par",
            "Le Progrès",
            "la vitesse des véhicules n'était excessive",
            id="not-across-a-comma",
        ),
    ],
)
def test_extractors_attributions_fr_cue_phrase_source_is_the_whole_name(
    text: str, cue: str, source: str, content: str
) -> None:
    # the parse hangs the name's later words on the cue phrase's noun; the recognizer keeps it whole
    readings = {a.cue.text: a for a in attributions(text)}
    assert (readings[cue].source.text if readings[cue].source else None, readings[cue].content.text) == (
        source,
        content,
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "« Nous partons », a indiqué auprès de l'AFP le maire de Lyon.", "le maire de Lyon", id="inverted"
        ),
        pytest.param(
            "Le maire a indiqué auprès de l'AFP que la ville était sûre.", "Le maire", id="subject-first"
        ),
        pytest.param(
            "« C'est dur », a témoigné par téléphone, auprès de l'AFP, Mylène Greffeuille.",
            "Mylène Greffeuille",
            id="between-commas",
        ),
    ],
)
def test_extractors_attributions_fr_aupres_de_an_outlet_is_a_relay(text: str, speaker: str) -> None:
    # the parse makes "auprès" an adverb with the outlet hung on it; the outlet's phrase stops before the speaker
    found = attributions(text)
    said = next(a for a in found if a.source is not None and a.source.text == speaker)
    relay = next(a for a in found if a.source is not None and a.source.text == "l'AFP")
    assert said.relayed_by == found.index(relay)
    assert said.resolved != "AFP"


@pytest.mark.parametrize(
    ("description", "resolved"),
    [
        pytest.param("Selon l'agence", "AFP", id="an-outlet-word-names-the-relay"),
        pytest.param("Selon le gouvernement", None, id="another-description-does-not"),
    ],
)
def test_extractors_attributions_fr_only_outlet_words_resolve_to_a_relay(
    description: str, resolved: str | None
) -> None:
    found = attributions(
        f"« Nous partons », a déclaré à l'AFP le maire de Lyon. {description}, la ville est sûre."
    )
    assert next(a.resolved for a in found if a.cue.text == "Selon") == resolved


def test_extractors_attributions_fr_outlet_hung_on_the_inverted_subject_is_a_relay() -> None:
    found = attributions('"Nous sommes prêts", a déclaré le ministre à l\'AFP.')
    speaker = next(a for a in found if a.source is not None and a.source.text == "le ministre")
    relay = next(a for a in found if a.source is not None and a.source.text == "l'AFP")
    assert speaker.relayed_by == found.index(relay)
    assert relay.cue.text == "a déclaré"


def test_extractors_attributions_fr_learned_from_is_a_relayed_source() -> None:
    # a named learner relays its source; "a-t-on appris auprès du parquet" is the article's own voice
    # (test_extractors_attributions_fr_indefinite_on_is_no_speaker)
    found = attributions("Le gouvernement va reculer, a appris Le Monde auprès de Matignon.")
    assert [a.source.text if a.source else None for a in found] == ["Le Monde", "Matignon"]
    assert found[1].relayed_by == 0
    assert found[1].content == found[0].content


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param("58 % des Français soutiennent la réforme des retraites.", [], id="soutenir-supports"),
        pytest.param(
            "Le ministre soutient que la réforme est juste.", ["soutient"], id="soutenir-que-claims"
        ),
        pytest.param(
            "Le candidat, soutenu par une partie de l'opposition, a été élu.",
            [],
            id="soutenu-par-supported-by",
        ),
        pytest.param(
            "La réforme est injuste, soutient le maire.", ["soutient"], id="soutenir-after-a-clause"
        ),
        pytest.param("La prime est calculée selon deux critères.", [], id="selon-a-manner"),
        pytest.param("La prime est calculée selon la méthode des quotas.", [], id="selon-a-method"),
        pytest.param(
            "Les repas sont servis selon les disponibilités de chacun.", [], id="selon-availability"
        ),
        pytest.param(
            "Le cortège est arrivé en fin d'après-midi à Paris, où les manifestants ont crié leur colère.",
            [],
            id="d-apres-midi-is-no-d-apres",
        ),
        pytest.param("Un comble quand on sait que Pierre est en colère.", [], id="quand-on-sait"),
        pytest.param("À noter, il est impossible d'utiliser un téléphone dans la prison.", [], id="a-noter"),
        pytest.param(
            "Le tribunal correctionnel a condamné l'ancien maire à deux ans de prison.",
            [],
            id="a-court-sentences",
        ),
        pytest.param("La cour d'appel l'a reconnu coupable de fraude.", [], id="a-court-convicts"),
        pytest.param("Le maire a condamné les violences de samedi.", ["a condamné"], id="a-mayor-condemns"),
        pytest.param(
            "Le tribunal a jugé que la procédure était irrégulière.", ["a jugé"], id="a-court-holds-that"
        ),
        pytest.param(
            "Il était interdit d'entrer en contact avec les détenus.", [], id="il-est-interdit-impersonal"
        ),
        pytest.param(
            "Le ministre a interdit aux policiers de parler à la presse.",
            ["a interdit"],
            id="interdire-a-real-ban",
        ),
        pytest.param(
            "L'Assemblée a observé une minute de silence, juste avant que la séance ne soit suspendue.",
            [],
            id="observer-une-minute-de-silence",
        ),
        pytest.param(
            "Une heure après l'alerte, ils préviennent enfin les secours.", [], id="prevenir-les-secours"
        ),
        pytest.param(
            "Pour l'heure, rien ne met en cause directement les salariés ou leur entreprise.",
            [],
            id="rien-ne-met-en-cause",
        ),
        pytest.param(
            "174 enquêtes ont été ouvertes et 8 d'entre elles ont justifié l'ouverture d'une information.",
            [],
            id="justifier-without-a-clause",
        ),
        pytest.param(
            "D'importants moyens ont été déployés, comprenant des équipes et des plongeurs, ont souligné les "
            "pompiers.",
            ["ont souligné"],
            id="present-participle-is-no-incise",
        ),
        pytest.param(
            '"Le mouvement va continuer", a abondé Luca, un manifestant de 48 ans.',
            ["a abondé"],
            id="abonder",
        ),
        pytest.param(
            '"Pas possible, nous préférons le café chaud", a-t-il simplement posté sur Twitter.',
            ["a-t-il simplement posté"],
            id="poster-with-a-quote",
        ),
        pytest.param("Le club a posté une photo de l'équipe sur Twitter.", [], id="poster-a-photo"),
        pytest.param(
            '"On dormait dans la gare, il faisait froid", se souvient le boulanger.',
            ["se souvient"],
            id="se-souvenir",
        ),
        pytest.param('"Ce projet est un mirage", tacle l\'avocat du collectif.', ["tacle"], id="tacler"),
        pytest.param(
            "Elle maintenait dans le JDD que les annulations de crédit n'auraient pas d'impact.",
            ["maintenait"],
            id="maintenir-que",
        ),
    ],
)
def test_extractors_attributions_fr_which_verbs_claim(text: str, cues: list[str]) -> None:
    assert cues_by_both(text, "fr") == {"attributions.v1": cues, "attributions.v2": cues}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "Le maire a rencontré les habitants, affirmant que le projet serait abandonné.",
            "Le maire",
            id="after-a-comma-the-subject-speaks",
        ),
        pytest.param(
            "Les habitants, affirmant que le projet serait abandonné, ont manifesté devant la mairie.",
            "Les habitants",
            id="on-the-subject-the-subject-speaks",
        ),
    ],
)
def test_extractors_attributions_fr_present_participle_speaks_for(text: str, source: str) -> None:
    found = [a for a in attributions(text) if a.cue.text == "affirmant"]
    assert [a.source.text if a.source else None for a in found] == [source]


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        pytest.param(
            "Jean Dupont est mis en cause. L'avocat de Jean Dupont a affirmé que son client était innocent.",
            "a affirmé",
            ("L'avocat de Jean Dupont", None),
            id="the-lawyer-of-x-is-not-x",
        ),
        pytest.param(
            'Il "a contesté tout lien avec Paul Girard", a déclaré le procureur.',
            "a déclaré",
            ("le procureur", None),
            id="a-description-is-not-a-name-someone-quoted",
        ),
        pytest.param(
            "D'après Frédéric Bonnot, secrétaire général du parti, la location aurait rapporté de l'argent.",
            "D'après",
            ("Frédéric Bonnot", "Frédéric Bonnot"),
            id="selon-source-with-its-apposition",
        ),
    ],
)
def test_extractors_attributions_fr_source_resolves_to(
    text: str, cue: str, expected: tuple[str, str | None]
) -> None:
    found = next(a for a in attributions(text) if a.cue.text == cue)
    assert (found.source.text if found.source else None, found.resolved) == expected


def test_extractors_attributions_fr_content_keeps_no_stray_quotation_mark() -> None:
    found = attributions('Il "a contesté tout lien avec Paul Girard", a déclaré le procureur.')
    assert found[0].content.text == "tout lien avec Paul Girard"


def test_extractors_attributions_fr_selon_content_leaves_out_the_apposition() -> None:
    (found,) = [
        a
        for a in attributions(
            "D'après Frédéric Bonnot, secrétaire général du parti, la location a coûté cher."
        )
        if a.cue.text == "D'après"
    ]
    assert found.content.text == "la location a coûté cher"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"Nous avons parlé des réfugiés", a ajouté le chanteur, qui a aussi rencontré la ministre.',
            ("a ajouté", "le chanteur", "Nous avons parlé des réfugiés"),
            id="relative-clause-after-the-speaker",
        ),
        pytest.param(
            "« On est encore en mai, c'est ça qui est particulier à cette chaleur : elle est puissante », a "
            "ajouté le météorologue à propos de la canicule.",
            (
                "a ajouté",
                "le météorologue",
                "On est encore en mai, c'est ça qui est particulier à cette chaleur : elle est puissante",
            ),
            id="a-word-of-the-quotation-is-no-subject",
        ),
        pytest.param(
            "« Il faut voter lundi », a renchéri la sénatrice Claire Roux.",
            ("a renchéri", "la sénatrice Claire Roux", "Il faut voter lundi"),
            id="renchérir",
        ),
        pytest.param(
            "« C'est une honte », s'emporte un des deux agents.",
            ("s'emporte", "un des deux agents", "C'est une honte"),
            id="s-emporter",
        ),
        pytest.param(
            '"Vous ne me ferez pas taire !", lâche-t-il alors qu\'il est hué par plusieurs députés.',
            ("lâche-t-il", "il", "Vous ne me ferez pas taire !"),
            id="alors-que-after-the-cue",
        ),
        pytest.param(
            "« Il y a énormément de violences dans le nord », avance-t-elle.",
            ("avance-t-elle", "elle", "Il y a énormément de violences dans le nord"),
            id="inverted-verb-tagged-as-an-auxiliary",
        ),
        pytest.param(
            "Le préfet recommande de quitter l'Île-de-France avant 14 heures vendredi et souligne que la "
            "circulation sera dense.",
            ("souligne", "Le préfet", "la circulation sera dense"),
            id="second-coordinated-cue-skips-the-first-verb-s-words",
        ),
        pytest.param(
            "Le ministre a défendu la réforme avant d'ajouter que le calendrier serait tenu.",
            ("ajouter", "Le ministre", "le calendrier serait tenu"),
            id="avant-d-ajouter-goes-on",
        ),
        pytest.param(
            "Le ministre avait admis plusieurs erreurs et fait savoir qu'il allait rembourser la somme.",
            ("fait savoir", "Le ministre", "il allait rembourser la somme"),
            id="second-coordinated-cue-keeps-the-subject",
        ),
    ],
)
def test_extractors_attributions_fr_incise_and_coordination(
    text: str, expected: tuple[str, str, str]
) -> None:
    found = next(a for a in attributions(text) if a.cue.text == expected[0])
    assert (found.cue.text, found.source.text if found.source else None, found.content.text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "La maire Claire Vidal a salué le travail des pompiers, avant d'ajouter : « Nous rouvrirons le parc. »",
            {"a salué": "le travail des pompiers", "ajouter": "Nous rouvrirons le parc"},
            id="avant-d-ajouter-colon",
        ),
        pytest.param(
            "Le préfet a salué les bénévoles et a ajouté : « La route sera rouverte lundi. »",
            {"a salué": "les bénévoles", "a ajouté": "La route sera rouverte lundi"},
            id="coordinated-cue-colon",
        ),
        pytest.param(
            "Le préfet a déclaré : « La route sera rouverte lundi. »",
            {"a déclaré": "La route sera rouverte lundi"},
            id="colon-after-the-only-cue",
        ),
    ],
)
def test_extractors_attributions_fr_colon_quote_goes_to_the_nearer_cue(
    text: str, expected: dict[str, str]
) -> None:
    assert {a.cue.text: a.content.text for a in attributions(text)} == expected


def test_extractors_attributions_fr_outlet_read_with_the_speaker_s_name_is_a_relay() -> None:
    # the recognizer reads "AFP Pierre Dartout" as one name
    found = attributions("« Nous avons tout perdu », a assuré à l'AFP Pierre Dartout, préfet de la région.")
    assert [(a.source.text if a.source else None, a.resolved) for a in found] == [
        ("Pierre Dartout", "Pierre Dartout"),
        ("l'AFP", "AFP"),
    ]
    assert found[0].relayed_by == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Emmanuel Macron et Angela Merkel ont affirmé jeudi que l'accord tiendrait. "
            "Ils ont ajouté que les négociations reprendraient.",
            [
                ("Emmanuel Macron et Angela Merkel", "Emmanuel Macron", ["Angela Merkel"]),
                ("Ils", "Emmanuel Macron", ["Angela Merkel"]),
            ],
            id="two names, then ils",
        ),
        pytest.param(
            "Selon Marine Le Pen et Jean-Luc Mélenchon, la réforme est injuste.",
            [("Marine Le Pen et Jean-Luc Mélenchon", "Marine Le Pen", ["Jean-Luc Mélenchon"])],
            id="selon deux noms",
        ),
        pytest.param(
            "Selon l'AFP et Reuters, les négociations ont échoué.",
            [("l'AFP et Reuters", "AFP", ["Reuters"])],
            id="selon deux agences",
        ),
        pytest.param(
            "Le maire et la préfète ont assuré que la route rouvrirait lundi.",
            [("Le maire et la préfète", None, [])],
            id="personne de nommé",
        ),
    ],
)
def test_extractors_attributions_fr_coordinated_sources_name_every_speaker(
    text: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    assert all_speakers(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        pytest.param(
            "Albert Schenk dirige le parc. Selon M. Schenk, c'est une avancée considérable.",
            "M. Schenk",
            "Albert Schenk",
            id="selon M. X",
        ),
        pytest.param(
            "Fay Johnston dirige le refuge. Selon Mme Johnston, le montant est dix fois plus élevé.",
            "Mme Johnston",
            "Fay Johnston",
            id="selon Mme X",
        ),
        pytest.param(
            "Le président sortant Andrzej Duda brigue un second mandat. "
            "M. Duda a promis aux Polonais de défendre les avantages sociaux.",
            "M. Duda",
            "Andrzej Duda",
            id="M. X, neither word tagged as a name",
        ),
        pytest.param(
            "Jean Dupont a été mis en examen. Selon l'avocat de Jean Dupont, le dossier est vide.",
            "l'avocat de Jean Dupont",
            None,
            id="the name hangs on de: someone else",
        ),
    ],
)
def test_extractors_attributions_fr_selon_a_titled_name(text: str, source: str, resolved: str | None) -> None:
    found = attributions_of(text, "fr", "attributions.v2")
    assert [(a.source.text if a.source else None, a.resolved) for a in found][-1] == (source, resolved)


def test_extractors_attributions_fr_name_told_to_an_outlet_then_described() -> None:
    # the parse hangs the name on the outlet ("à l'AFP William Til") and makes the description the subject
    found = attributions_of(
        '"Avant, il y avait une riche faune ici", raconte à l\'AFP William Til, le directeur par intérim du parc '
        'national de Boma. "Avant la guerre, les gens chassaient peu", dit-il.',
        "fr",
        "attributions.v2",
    )
    assert [(a.source.text if a.source else None, a.resolved, a.relayed_by) for a in found] == [
        ("le directeur par intérim du parc national de Boma", "William Til", 1),
        ("l'AFP", "AFP", None),
        ("il", "William Til", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\"Cela m'a brisé le coeur\", a déclaré à l'AFP Darien Chen, organisateur de la marche de Taïwan. "
            '"C\'est un honneur", a-t-il ajouté.',
            [("Darien Chen", "Chen", 1), ("l'AFP", "AFP", None), ("il", "Chen", None)],
            id="a name the recognizer reads in part",
        ),
        pytest.param(
            'La décision "est venue de renseignements", a expliqué à l\'AFP le commandant Jean-Philippe '
            'Charvet, chef de la Sûreté urbaine. "Ils ont été méfiants", a-t-il ajouté.',
            [
                (
                    "le commandant Jean-Philippe Charvet, chef de la Sûreté urbaine",
                    "Jean-Philippe Charvet",
                    1,
                ),
                ("l'AFP", "AFP", None),
                ("il", "Jean-Philippe Charvet", None),
            ],
            id="a title and a name",
        ),
    ],
)
def test_extractors_attributions_fr_speaker_set_beside_the_outlet_told_is_not_the_outlet(
    text: str, expected: list[tuple[str, str, int | None]]
) -> None:
    # the parse sets the speaker in apposition to the outlet it spoke to ("à l'AFP Darien Chen"); the
    # recognizer may keep only part of the name, never the outlet
    found = attributions_of(text, "fr", "attributions.v2")
    assert len(found) == len(expected)
    for attribution, (source, resolved, relay) in zip(found, expected, strict=True):
        assert attribution.source is not None
        assert attribution.source.text == source
        assert attribution.resolved is not None
        assert attribution.resolved.endswith(resolved)
        assert attribution.relayed_by == relay


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        pytest.param(
            "« Nous devons faire des choix difficiles », a admis M. Trudeau, qui a rappelé qu'il portait un masque.",
            "a rappelé",
            "M. Trudeau",
            id="hung-on-the-quoted-verb",
        ),
        pytest.param(
            "Un placement en garde à vue est impossible, rapporte le quotidien, qui précise que l'homme est "
            "hospitalisé.",
            "précise",
            "le quotidien",
            id="hung-on-the-inverted-cue",
        ),
        pytest.param(
            "L'idée vient de la productrice de la série, Sophie Deloche, qui sait que le handicap est une cause chère.",
            "sait",
            "Sophie Deloche",
            id="parsed-as-an-adverbial-clause",
        ),
        pytest.param(
            "« C'est moi qui ai souhaité qu'il y ait une enquête », confie-t-elle.",
            "ai souhaité",
            "moi",
            id="a-pronoun-antecedent",
        ),
    ],
)
def test_extractors_attributions_fr_relative_subject_is_the_phrase_before_it(
    text: str, cue: str, source: str
) -> None:
    # the parser hangs the relative clause on a verb: the source is still what "qui" stands for
    reading = next(a for a in attributions(text) if a.cue.text == cue)
    assert reading.source is not None
    assert reading.source.text == source


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "relayed_by_cue"),
    [
        pytest.param(
            "Le ministre a cité un rapport de l'ONU, selon lequel 300 civils ont été tués depuis janvier.",
            "selon",
            "un rapport de l'ONU",
            "300 civils ont été tués depuis janvier",
            "a cité",
            id="after-comma-cited",
        ),
        pytest.param(
            "Il s'appuie sur une étude de l'Insee, selon laquelle le chômage a baissé de 2 % en un an.",
            "selon",
            "une étude de l'Insee",
            "le chômage a baissé de 2 % en un an",
            None,
            id="preposition-left-out",
        ),
        pytest.param(
            "L'AFP cite un communiqué de la préfecture selon lequel la route restera fermée jusqu'à lundi.",
            "selon",
            "un communiqué de la préfecture",
            "la route restera fermée jusqu'à lundi",
            "cite",
            id="no-comma",
        ),
        pytest.param(
            "Des rumeurs circulent sur une lettre d'après laquelle le maire démissionnerait.",
            "d'après",
            "une lettre",
            "le maire démissionnerait",
            None,
            id="d-apres",
        ),
        pytest.param(
            "Le maire a évoqué un reportage de la chaîne régionale (FR3), selon lequel l'usine fermera en mai.",
            "selon",
            "un reportage de la chaîne régionale (FR3)",
            "l'usine fermera en mai",
            "a évoqué",
            id="closing-bracket-kept",
        ),
        pytest.param(
            "« Il faut les remercier », a estimé la présidente du Rassemblement national, selon qui les "
            "soignants ont été oubliés.",
            "selon",
            "la présidente du Rassemblement national",
            "les soignants ont été oubliés",
            None,
            id="antecedent-ends-on-an-adjective",
        ),
    ],
)
@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
def test_extractors_attributions_fr_selon_relative_pronoun_stands_for_its_antecedent(
    name: str, text: str, cue: str, source: str, content: str, relayed_by_cue: str | None
) -> None:
    found = attributions_of(text, "fr", name)
    reading = next(a for a in found if a.cue.text == cue)
    assert reading.source is not None
    assert (reading.source.text, reading.content.text) == (source, content)
    if relayed_by_cue is not None:
        assert reading.relayed_by is not None
        assert found[reading.relayed_by].cue.text == relayed_by_cue


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        pytest.param(
            "Le gouvernement prépare un nouveau plan, indique-t-on de source policière.",
            "Le gouvernement prépare un nouveau plan",
            "source policière",
            id="de-source",
        ),
        pytest.param(
            "Le suspect a été interpellé mardi, a-t-on appris auprès du parquet de Paris.",
            "Le suspect a été interpellé mardi",
            "parquet de Paris",
            id="a-t-on-appris-aupres-de",
        ),
        pytest.param(
            "Deux pompiers ont été blessés sur le périphérique, a-t-on appris auprès des secours.",
            "Deux pompiers ont été blessés sur le périphérique",
            "des secours",
            id="aupres-a-common-noun",
        ),
        pytest.param(
            "Le maire a beaucoup changé, a-t-on appris de ses erreurs.",
            "Le maire a beaucoup changé",
            None,
            id="de-no-speaker",
        ),
        pytest.param(
            "Le suspect a été interpellé jeudi, a-t-on appris de sources concordantes.",
            "Le suspect a été interpellé jeudi",
            "sources concordantes",
            id="a-t-on-appris-de-sources",
        ),
        pytest.param(
            "« Nous ne savons pas encore », reconnaît-on au ministère de l'Intérieur.",
            "Nous ne savons pas encore",
            "ministère de l'Intérieur",
            id="au-ministere",
        ),
        pytest.param(
            "Du côté de la Marine, on reconnaît des problèmes au moment du tir.",
            "des problèmes au moment du tir",
            "la Marine",
            id="du-cote-de",
        ),
        pytest.param(
            "Chez Renault, on assure que l'usine ne fermera pas.",
            "l'usine ne fermera pas",
            "Renault",
            id="chez",
        ),
        pytest.param("Le projet serait abandonné, dit-on.", "Le projet serait abandonné", None, id="dit-on"),
        pytest.param(
            "Alors qu'elle jouait chez elle, une fillette a été blessée, a-t-on appris.",
            "Alors qu'elle jouait chez elle, une fillette a été blessée",
            None,
            id="chez-inside-the-sentence",
        ),
        pytest.param(
            "Un homme a été arrêté au sein du village d'Artonne, a-t-on appris.",
            "Un homme a été arrêté au sein du village d'Artonne",
            None,
            id="au-sein-du-inside-the-sentence",
        ),
        pytest.param("Chez lui, on assure que tout va bien.", "tout va bien", None, id="chez-a-pronoun"),
    ],
)
@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
def test_extractors_attributions_fr_indefinite_on_is_no_speaker(
    name: str, text: str, content: str, source: str | None
) -> None:
    found = attributions_of(text, "fr", name)
    readings = [a for a in found if a.content.text == content]
    assert len(readings) == 1  # one reading of the words: no second one by "on" relaying them
    (reading,) = readings
    assert (reading.source.text if reading.source else None) == source
    assert reading.relayed_by is None
    assert all(a.source is None or a.source.text.lower() not in {"on", "l'on"} for a in found)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        pytest.param(
            "La maire estime que le projet « va dans le bon sens », tout en regrettant son coût.",
            ("estime", "le projet « va dans le bon sens »"),
            ("en regrettant", "son coût"),
            id="tout-en",
        ),
        pytest.param(
            "Le ministre avait annoncé un cas avéré de racisme, avant de reconnaître une erreur.",
            ("avait annoncé", "un cas avéré de racisme"),
            ("reconnaître", "une erreur"),
            id="avant-de",
        ),
        pytest.param(
            "Le gouvernement assure qu'il va en importer et a déclaré que le stock était suffisant.",
            ("assure", "il va en importer"),
            ("a déclaré", "le stock était suffisant"),
            id="et-no-comma",
        ),
        pytest.param(
            "Le maire estime que la mesure est injuste tout en reconnaissant son utilité.",
            ("estime", "la mesure est injuste"),
            ("en reconnaissant", "son utilité"),
            id="tout-en-no-comma",
        ),
        pytest.param(
            "Le préfet a démenti toute fermeture puis a annoncé que le marché restait ouvert.",
            ("a démenti", "toute fermeture"),
            ("a annoncé", "le marché restait ouvert"),
            id="puis-no-comma",
        ),
    ],
)
@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
def test_extractors_attributions_fr_next_act_of_the_speaker_ends_the_content(
    name: str, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = attributions_of(text, "fr", name)
    readings = {a.cue.text: a for a in found}
    for cue, content in (first, second):
        assert readings[cue].content.text == content
    assert readings[second[0]].relayed_by is None  # the same speaker's next act, not one passed on
    assert readings[second[0]].source == readings[first[0]].source


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "Gérald Darmanin assure ne pas être « un enfant gâté ».",
            "ne pas être « un enfant gâté »",
            id="ne-pas",
        ),
        pytest.param(
            "Le suspect dit ne rien se rappeler de la soirée.",
            "ne rien se rappeler de la soirée",
            id="ne-rien",
        ),
        pytest.param("Il dit ne plus vouloir partir.", "ne plus vouloir partir", id="ne-plus"),
        # spoken French drops "ne": the "pas" after the cue is then the cue's, not the content's
        pytest.param("Il dit pas être malade, juste fatigué.", "être malade, juste fatigué", id="no-ne"),
    ],
)
@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
def test_extractors_attributions_fr_negation_of_the_content_stays_in_it(
    name: str, text: str, content: str
) -> None:
    (reading,) = attributions_of(text, "fr", name)
    assert reading.content.text == content
    assert not reading.negated
