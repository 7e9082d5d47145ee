"""What clean-up changes in a text, and what it leaves alone."""

from __future__ import annotations

import pytest

from kgbuild.readers.cleanup import clean_text


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        # sentences glued together by scraping
        ("dans la nuit de jeudi.Le gouvernement", "dans la nuit de jeudi. Le gouvernement"),
        ("le 24 juin.Une seconde enveloppe", "le 24 juin. Une seconde enveloppe"),
        ("vraiment?Non.", "vraiment? Non."),
        ("vraiment?!Non.", "vraiment?! Non."),
        ("vraiment ?Non.", "vraiment ? Non."),
        ("Vraiment !Non.", "Vraiment ! Non."),
        ("il attendait...Le train", "il attendait... Le train"),
        ("il attendait…Le train", "il attendait… Le train"),
        ("une victoire.Écoutez", "une victoire. Écoutez"),
        ("(AFP).Le texte", "(AFP). Le texte"),
        ('selon "les experts".Le texte', 'selon "les experts". Le texte'),
        ("la Commission.«Nous refusons»", "la Commission. «Nous refusons»"),
        ("la Commission.« Nous refusons »", "la Commission. « Nous refusons »"),
        ("«Nous refusons.»La Commission", "«Nous refusons.» La Commission"),
        ("(voir plus bas.)Le texte", "(voir plus bas.) Le texte"),
        ('il a dit "c\'est fini."Le ministre', 'il a dit "c\'est fini." Le ministre'),
        ('il a dit jeudi."Nous partons"', 'il a dit jeudi. "Nous partons"'),
        ("he said “it is over.”The minister", 'he said "it is over." The minister'),
        ("he said on Monday.“We leave”", 'he said on Monday. "We leave"'),
        ("cafe\u0301.Le menu", "café. Le menu"),
        ("selon le Figaro.\u200b\u200bLe chef", "selon le Figaro. Le chef"),
        ('en tête.\u200b"La chute"', 'en tête. "La chute"'),
        # bullets and live-blog time stamps glued to the sentence before them
        ("1,5 million de manifestants.► En dépit", "1,5 million de manifestants.\n► En dépit"),
        ("♦ LE POINT A 20H30► Selon le ministère", "♦ LE POINT A 20H30\n► Selon le ministère"),
        ("70% des liaisons TER.19h35.", "70% des liaisons TER.\n19h35."),
        ("depuis environ 18h.17h45.Les heurts", "depuis environ 18h.\n17h45. Les heurts"),
        ('a dit "non".17h30.', 'a dit "non".\n17h30.'),
        ("rendez-vous à 19h35. Le cortège", "rendez-vous à 19h35. Le cortège"),
        ("la version 2.5h du logiciel", "la version 2.5h du logiciel"),
        # section headings glued to the text around them
        (
            "ses premières arrestations.- Statut de réfugié - Toujours au",
            "ses premières arrestations.\n- Statut de réfugié -\n Toujours au",
        ),
        ("les biologistes.- Un air d'hiver -Les mâles", "les biologistes.\n- Un air d'hiver -\nLes mâles"),
        ('a-t-il dit.- Washington "préoccupé" -Face à', 'a-t-il dit.\n- Washington "préoccupé" -\nFace à'),
        ("la police.- Forte hausse à Rangoun, capitale", "la police.\n- Forte hausse à Rangoun, capitale"),
        ("Il est arrivé.-3 degrés", "Il est arrivé.-3 degrés"),
        # headings without a final stop, glued to the next sentence
        ("Du jamais vu depuis 20 ansSelon les locaux", "Du jamais vu depuis 20 ans\nSelon les locaux"),
        ("Du soutienC'est ensuite", "Du soutien\nC'est ensuite"),
        ("Onze heures pour l'aller-retourLe parcours", "Onze heures pour l'aller-retour\nLe parcours"),
        ("Réaction des syndicatsÉmile Dupont a dit", "Réaction des syndicats\nÉmile Dupont a dit"),
        ("Reactions to the votingAfter the vote", "Reactions to the voting\nAfter the vote"),
        (
            '25 morts cette saison"Ce jour-là, tout a glissé"',
            '25 morts cette saison\n"Ce jour-là, tout a glissé"',
        ),
        (
            '"Surveillance rapprochée"Les experts recommandent',
            '"Surveillance rapprochée"\nLes experts recommandent',
        ),
        (
            "certaines lignes seront privilégiéesA la RATP, il y aura",
            "certaines lignes seront privilégiées\nA la RATP, il y aura",
        ),
        (
            "Une évolution qui a du bonÀ 13h50, le feuilleton",
            "Une évolution qui a du bon\nÀ 13h50, le feuilleton",
        ),
        # left alone: names written in camel case, prefixes, hashtags, addresses
        ("la McLaren et le moteur TwinPower", "la McLaren et le moteur TwinPower"),
        ("un iPhone, eBay et macOS", "un iPhone, eBay et macOS"),
        ("le tag #balanceTonPorc", "le tag #balanceTonPorc"),
        ("sur www.siteWeb.fr", "sur www.siteWeb.fr"),
        ("le SARS-CoV-2 et le MoDem", "le SARS-CoV-2 et le MoDem"),
        ("easyJet a dit, puis easyJet a nié", "easyJet a dit, puis easyJet a nié"),
        ("le vote anti-Européen. Bien.", "le vote anti-Européen. Bien."),
        ("selon l'AFP.Une journaliste sur place", "selon l'AFP. Une journaliste sur place"),
        # left alone: abbreviations, initials, numbers, addresses
        ("M.Dupont est arrivé.", "M.Dupont est arrivé."),
        ("aux U.S.A et ailleurs", "aux U.S.A et ailleurs"),
        ("the U.S.Army said", "the U.S.Army said"),
        ("J.K.Rowling a écrit", "J.K.Rowling a écrit"),
        ("un Ph.D.", "un Ph.D."),
        ("une hausse de 3.5 points", "une hausse de 3.5 points"),
        ("sur lemonde.fr et ailleurs", "sur lemonde.fr et ailleurs"),
        ("sur www.lemonde.fr.Le site", "sur www.lemonde.fr.Le site"),
        ("sur www.NASA.Gov et ailleurs", "sur www.NASA.Gov et ailleurs"),
        ("voir https://example.org/page.Html ici", "voir https://example.org/page.Html ici"),
        ("écrire à redaction@journal.Fr", "écrire à redaction@journal.Fr"),
        ("jeudi. Le gouvernement", "jeudi. Le gouvernement"),
        ("jeudi.le gouvernement", "jeudi.le gouvernement"),
        ("la version 2.0", "la version 2.0"),
        ('il a dit "Fini." Puis', 'il a dit "Fini." Puis'),
        # characters
        ("l’homme et l‘autre", "l'homme et l'autre"),
        ("aujourdʼhui", "aujourd'hui"),
        ("„Ja“ und ‟oui” et 12″", '"Ja" und "oui" et 12"'),
        ("«\u00a0Non\u202f!\u00a0» a-t-il\u2009dit", "« Non ! » a-t-il dit"),
        ("intéres\u00adsant", "intéressant"),
        ("mot\u200bmot\u200c\u200d\u2060\ufeff", "motmot"),
        ("un \u200e\u202amot\u202c", "un mot"),
        ("octet\x90perdu", "octetperdu"),
        ("ligne\r\nsuivante\r\n", "ligne\nsuivante\n"),
        ("ligne\rsuivante", "ligne\nsuivante"),
        ("ligne\u2028suivante\u2029", "ligne\nsuivante\n"),
        ("e\u0301te\u0301", "été"),
        ("", ""),
    ],
)
def test_cleanup_artefacts(original: str, clean: str) -> None:
    assert clean_text(original).text == clean


@pytest.mark.parametrize(
    "text",
    [
        "Un texte déjà propre. Rien à changer ici !",
        "Le 3.5 % annoncé par M.Dupont, sur lemonde.fr.",
        "« Guillemets » et apostrophes droites l'homme.",
    ],
)
def test_cleanup_unchanged_text_has_identity_map(text: str) -> None:
    result = clean_text(text)
    assert result.text == text
    assert all(result.to_original(i, j) == (i, j) for i in range(len(text)) for j in range(i, len(text) + 1))


def test_cleanup_one_for_one_changes_keep_offsets() -> None:
    text = "l’homme\u00a0a dit «\u202fnon\u202f»"
    result = clean_text(text)
    assert len(result.text) == len(text)
    assert result.to_original(2, 7) == (2, 7)
