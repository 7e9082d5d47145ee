"""Definite descriptions as speakers ("le dirigeant", "the executive") resolve to the one of their kind named
last in the few sentences before; indefinite or plural ones stay unresolved (slow: real models)."""

from __future__ import annotations

import pytest
from run_extractors import attributions_of, speakers

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "fr",
            "Marc Delorme, le PDG de Chimiral, a été entendu mardi. "
            "Le dirigeant a assuré que l'usine respectait les normes.",
            ("Le dirigeant", "Marc Delorme"),
            id="fr-le-dirigeant",
        ),
        pytest.param(
            "fr",
            "La ministre de la Transition écologique, Claire Vasseur, s'est rendue sur place. "
            "La ministre a estimé que la situation était grave.",
            ("La ministre", "Claire Vasseur"),
            id="fr-la-ministre",
        ),
        pytest.param(
            "en",
            "Jane Doe, the company's chief executive, visited the plant on Monday. "
            "The executive said the site was safe.",
            ("The executive", "Jane Doe"),
            id="en-the-executive",
        ),
        pytest.param(
            "fr",
            "Le chanteur Paul Girard se retire en 1994 dans un monastère. Il revient sur scène en 2008. "
            "Sa musique a été récompensée. Le Premier ministre a salué la mémoire du chanteur.",
            ("Le Premier ministre", None),
            id="fr-description-is-not-a-name-in-passing-sentences-before",
        ),
        pytest.param(
            "fr",
            "Marc Delorme a été entendu mardi. Un dirigeant a assuré que l'usine respectait les normes.",
            ("Un dirigeant", None),
            id="fr-indefinite-stays-unresolved",
        ),
        pytest.param(
            "fr",
            "La ministre de la Transition écologique, Claire Vasseur, s'est rendue samedi à Port-Vénard. "
            "Elle a visité la station de pompage. Des centaines de manifestants attendaient devant la mairie. "
            "Le collectif réclame la fin du contrat. La rencontre avec Hydrelis s'est tenue à huis clos. "
            "Le parking était plein. Selon une source proche du dossier, la ministre aurait exigé que "
            "l'entreprise paie les filtres.",
            ("la ministre", "Claire Vasseur"),
            id="fr-description-set-beside-the-name-long-before",
        ),
        pytest.param(
            "en",
            "Reuters reported on Monday that the water was unsafe. "
            "According to the city council, bottled water is being handed out.",
            ("the city council", None),
            id="en-description-with-its-own-modifier-is-not-the-last-named",
        ),
        pytest.param(
            "en",
            "Samia Benali told Reuters that the group had shared its results. She said the levels were alarming.",
            ("She", "Samia Benali"),
            id="en-she-is-a-person-not-the-agency",
        ),
        pytest.param(
            "en",
            "Hydrelis said on Monday that the water was safe. It added that tests would continue.",
            ("It", "Hydrelis"),
            id="en-it-is-the-organisation",
        ),
        pytest.param(
            "fr",
            "À la sortie, Marc Delorme, le directeur général d'Hydrelis, s'est dit « prêt à discuter de tout ».",
            ("le directeur général d'Hydrelis", "Marc Delorme"),
            id="fr-description-after-the-name-it-follows",
        ),
        pytest.param(
            "fr",
            "Les pluies ont fait douze morts, a annoncé l'agence de presse Chine nouvelle. Plus de 700 000 "
            "personnes ont été évacuées, d'après le ministère des Situations d'urgence. Les pertes atteignent "
            "trois milliards d'euros, selon le ministère.",
            ("le ministère", None),
            id="fr-description-is-the-speaker-with-the-same-head-not-the-last-organisation",
        ),
        pytest.param(
            "fr",
            'Ce vélo "lui est vital", assure son ami Sébastien. "Nous pourrions attendre, mais on prend les '
            'devants", indique Sébastien qui a lancé une cagnotte.',
            ("Sébastien", "Sébastien"),
            id="fr-a-name-again-is-the-speaker-named-so-before",
        ),
        pytest.param(
            "fr",
            "Le cortège est parti du ministère de la Santé à midi. Il a rassemblé 18.000 personnes selon la police.",
            ("la police", None),
            id="fr-an-institution-is-not-the-last-body-named",
        ),
        pytest.param(
            "en",
            "Fighters from the Nusra Front attacked the village on Monday. The army said it had repelled them.",
            ("The army", None),
            id="en-an-institution-is-not-the-last-body-named",
        ),
        pytest.param(
            "en",
            "Mohammad al-Halabi, a local activist, said the convoy was hit. The agency quoted a United Nations "
            "spokesman late on Monday. The spokesman said he could not confirm the toll.",
            ("The spokesman", None),
            id="en-the-description-is-the-unnamed-one-mentioned-since-the-name",
        ),
        pytest.param(
            "en",
            "Stephanie McCrummen watched the convention with a woman from Pennsylvania and her boyfriend. "
            "The woman said she had been hospitalized.",
            ("The woman", None),
            id="en-the-woman-is-the-one-just-mentioned-not-the-last-named",
        ),
        pytest.param(
            "en",
            "Islamic State fighters attacked the town of Raqqa on Sunday. The coalition said it had conducted "
            "16 airstrikes.",
            ("The coalition", None),
            id="en-the-coalition-is-not-the-last-body-named",
        ),
        pytest.param(
            "en",
            "Jets of the Russian Defence Ministry struck Idlib on Monday. The ministry said 30 fighters were killed.",
            ("The ministry", "Russian Defence Ministry"),
            id="en-an-institution-is-the-one-named-with-the-same-word",
        ),
        pytest.param(
            "fr",
            "\"C'est un honneur\", a confié la directrice de l'école, Claire Vasseur.",
            ("la directrice de l'école", "Claire Vasseur"),
            id="fr-a-name-closing-the-sentence-beside-the-description",
        ),
        pytest.param(
            "fr",
            "\"C'est un honneur\", a confié à l'AFP la directrice de l'école, Claire Vasseur.",
            ("la directrice de l'école", "Claire Vasseur"),
            id="fr-a-name-closing-the-sentence-beside-the-description-told-to-an-outlet",
        ),
        pytest.param(
            "fr",
            "\"C'est un honneur\", a confié la directrice de l'école, Claire Vasseur étant absente.",
            ("la directrice de l'école", None),
            id="fr-a-name-beside-the-description-that-goes-on-is-someone-else",
        ),
        pytest.param(
            "en",
            "At least 12 people were killed in air strikes on the town, the Syrian Observatory for Human Rights "
            "said. The Britain-based monitor said the toll was likely to rise.",
            ("The Britain-based monitor", "Syrian Observatory for Human Rights"),
            id="en-where-a-body-is-based-does-not-tell-it-from-the-one-named",
        ),
        pytest.param(
            "en",
            "Fighting continued near the border, the Syrian Observatory for Human Rights said on Monday. "
            "The British-based watchdog said several other people were wounded.",
            ("The British-based watchdog", "Syrian Observatory for Human Rights"),
            id="en-the-watchdog-is-a-description",
        ),
        pytest.param(
            "en",
            "Rescuers from the Syrian Civil Defence pulled bodies from the rubble on Sunday. "
            "The Britain-based monitor said 12 people had died.",
            ("The Britain-based monitor", None),
            id="en-a-based-description-is-not-a-body-named-in-passing",
        ),
        pytest.param(
            "en",
            "The Syrian Observatory for Human Rights said 20 fighters died. "
            "The Washington-based Institute for the Study of War said the regime had lost ground.",
            ("The Washington-based Institute for the Study of War", "Institute for the Study of War"),
            id="en-a-based-name-is-still-its-own-name",
        ),
        pytest.param(
            "en",
            "The Syrian Observatory for Human Rights said 20 fighters died. "
            "The Britain-based watchdog of the opposition said the regime had lost ground.",
            ("The Britain-based watchdog of the opposition", None),
            id="en-a-based-description-with-a-complement-of-its-own-is-not-the-last-named",
        ),
        pytest.param(
            "fr",
            "Le Comité international de la Croix-Rouge a dénoncé les bombardements. Selon l'organisation "
            "basée à Genève, trois hôpitaux ont été touchés.",
            ("l'organisation basée à Genève", "Comité international de la Croix-Rouge"),
            id="fr-where-a-body-is-based-does-not-tell-it-from-the-one-named",
        ),
    ],
)
def test_speakers_definite_description_resolves_to_the_last_named(
    lang: str, text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in speakers(lang, text)


def test_speakers_descriptions_with_words_of_their_own_match_only_mentions_that_had_them() -> None:
    text = (
        "Cette annonce avait été faite par le ministre de l'Intérieur Gérard Collomb. Le Premier ministre a "
        "expliqué que ce chiffre était stable. Le ministre a ajouté que la police serait renforcée."
    )
    assert speakers("fr", text)[-2:] == [("Le Premier ministre", None), ("Le ministre", "Gérard Collomb")]


def test_speakers_descriptions_pronoun_after_an_anonymous_source_is_that_source() -> None:
    text = (
        "Un membre du gouvernement a confié passer outre le Premier ministre. « Je vais directement à "
        "l'Élysée », explique-t-il au quotidien."
    )
    found = attributions_of(text, "fr", "attributions.v1")
    assert [(a.source_kind, a.source_key) for a in found] == [
        ("anonymous", "anon:un-membre-du-gouvernement")
    ] * 2


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "fr",
            "La Poste a retiré l'affiche. Contactée par Le Parisien, l'entreprise affirme n'avoir aucun élément.",
            ("l'entreprise", "Poste"),
            id="fr-the-interviewer-is-not-the-company",
        ),
        pytest.param(
            "en",
            "Acme Corp pulled the ad on Friday. Reached by Reuters, the company said it had no information.",
            ("the company", "Acme Corp"),
            id="en-the-interviewer-is-not-the-company",
        ),
        pytest.param(
            "fr",
            "Le comédien Paul Girard soutient la candidate. Mais, interrogé par le Figaro, l'acteur a refusé "
            "le poste. « Je voterai pour elle », a-t-il précisé, interrogé par le Figaro.",
            ("il", "Paul Girard"),
            id="fr-pronoun-after-a-relaying-outlet",
        ),
        pytest.param(
            "fr",
            "Le candidat EELV veut « oxygéner notre démocratie ».",
            ("Le candidat EELV", None),
            id="fr-a-candidate-is-not-his-party",
        ),
        pytest.param(
            "fr",
            "L'ancien inspecteur du travail et militant PS estime que la décision est arbitraire.",
            ("L'ancien inspecteur du travail et militant PS", None),
            id="fr-an-activist-is-not-his-party",
        ),
        pytest.param(
            "fr",
            "Le parti EELV a estimé que la réforme était injuste.",
            ("Le parti EELV", "EELV"),
            id="fr-the-party-named-is-the-party",
        ),
        pytest.param(
            "en",
            "A Pentagon spokesman said the strike was legal.",
            ("A Pentagon spokesman", "Pentagon"),
            id="en-a-spokesman-speaks-for-the-body-named",
        ),
        pytest.param(
            "fr",
            "« C'était une soirée privée », affirme aux Échos une source proche du patron. Le quotidien "
            "estime le coût à 600 000 euros.",
            ("Le quotidien", "Échos"),
            id="fr-a-description-may-name-the-relaying-outlet",
        ),
    ],
)
def test_speakers_descriptions_never_resolve_to_an_interviewer_or_an_affiliation(
    lang: str, text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in speakers(lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "fr",
            "« On a eu très peur », raconte Angel, un passager. « Tout a tremblé », ajoute-t-il.",
            [("Angel", "Angel"), ("il", "Angel")],
            id="fr-a-first-name-the-recognizer-missed",
        ),
        pytest.param(
            "fr",
            "« Nous avons tout perdu », a assuré à l'AFP Pierre Dartout.",
            [("Pierre Dartout", "Pierre Dartout"), ("l'AFP", "AFP")],
            id="fr-the-outlet-addressed-is-not-part-of-the-name",
        ),
        pytest.param(
            "en",
            "The health director of the province Mohammad Hazouri said the hospital was full.",
            [("The health director of the province Mohammad Hazouri", "Mohammad Hazouri")],
            id="en-a-name-closing-the-description",
        ),
        pytest.param(
            "en",
            "The lawyer of John Smith said the case was closed.",
            [("The lawyer of John Smith", None)],
            id="en-a-name-after-a-preposition-is-someone-else",
        ),
        pytest.param(
            "en",
            "Advisers to Mr. Obama said the plan was ready.",
            [("Advisers to Mr. Obama", None)],
            id="en-a-name-after-a-title-is-someone-else",
        ),
        pytest.param(
            "en",
            "According to the senator, Ted Cruz (R-Texas), the bill will fail.",
            [("the senator, Ted Cruz (R-Texas)", "Ted Cruz")],
            id="en-a-name-after-a-comma-then-brackets",
        ),
        pytest.param(
            "fr",
            "Selon le maire de la ville, Hervé Chevreau (DVD), le jeune homme habitait le centre-ville.",
            [("le maire de la ville, Hervé Chevreau (DVD)", "Hervé Chevreau")],
            id="fr-a-name-then-a-party-in-brackets",
        ),
    ],
)
def test_speakers_descriptions_a_name_in_the_source_is_the_speaker(
    lang: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(lang, text) == expected


def kinds(lang: str, text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (a.source.text if a.source else None, a.resolved, a.source_kind)
        for a in attributions_of(text, lang, "attributions.v1")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "en",
            "A UN source said the convoy was hit twice.",
            ("A UN source", None, "anonymous"),
            id="en-a-un-source",
        ),
        pytest.param(
            "en",
            "The UN source said the convoy was hit twice.",
            ("The UN source", None, "anonymous"),
            id="en-the-un-source",
        ),
        pytest.param(
            "en",
            "A senior U.S. official said the strike was a mistake.",
            ("A senior U.S. official", None, "anonymous"),
            id="en-a-us-official",
        ),
        pytest.param(
            "en",
            "Hillary Clinton spoke in Ohio on Monday. Two Clinton aides said the rally was a success.",
            ("Two Clinton aides", None, "anonymous"),
            id="en-a-person-s-aide",
        ),
        pytest.param(
            "en",
            "A Pentagon spokesman said the strike was a mistake.",
            ("A Pentagon spokesman", "Pentagon", "organisation"),
            id="en-a-spokesman-speaks-for-it",
        ),
        pytest.param(
            "fr",
            "Un responsable de l'ONU a affirmé que le convoi avait été touché.",
            ("Un responsable de l'ONU", None, "anonymous"),
            id="fr-un-responsable-de-l-onu",
        ),
        pytest.param(
            "fr",
            "Un responsable de la police, Yusak Sooai, a affirmé que l'homme avait l'air blessé.",
            ("Un responsable de la police, Yusak Sooai", "Yusak Sooai", "person"),
            id="fr-named-beside-is-who-it-is",
        ),
    ],
)
def test_speakers_descriptions_someone_unnamed_beside_a_name_is_anonymous(
    lang: str, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert kinds(lang, text) == [expected]
