"""Mistake codes: stable names teachers count, with plain words in Dutch and English.

The codes never change once shipped (class exports and old records use them);
the words may be improved. An exercise file may add its own hints per code,
shown after these general words.
"""

from __future__ import annotations

#: code → (nl, en). Said to the trainee after a step, one line per mistake.
MISTAKES: dict[str, tuple[str, str]] = {
    "wrong-function": (
        "De meter staat op de verkeerde functie voor deze grootheid.",
        "The instrument is set to the wrong function for this quantity."),
    "ac-dc": (
        "AC en DC verwisseld: kies DC voor een gelijkspanning/-stroom, AC voor de rimpel.",
        "AC and DC mixed up: DC for a steady voltage or current, AC for the ripple on it."),
    "range-overload": (
        "Het bereik is te klein: de meter (of het scherm) loopt over. Kies een groter bereik "
        "of autorange.",
        "The range is too small: the meter (or the screen) overloads. Choose a larger range "
        "or autorange."),
    "range-resolution": (
        "Het bereik is veel te groot: je verliest nauwkeurigheid. Kies het kleinste bereik "
        "waar de waarde nog in past.",
        "The range is far too large, so you lose resolution. Choose the smallest range that "
        "still holds the value."),
    "current-in-parallel": (
        "Stroom meet je in serie (in plaats van de stroombrug), nooit parallel over een "
        "spanning: de zekering van de meter is doorgeslagen. Vervang ze eerst "
        "(op de gesimuleerde bank: SIMulation:FUSE:REPLace naar de meter).",
        "Current is measured in series (in place of the current link), never across a "
        "voltage: the meter's fuse has blown. Replace it first (on the simulated bench: "
        "send SIMulation:FUSE:REPLace to the meter)."),
    "resistance-powered": (
        "Weerstand meet je alleen op een spanningsloze schakeling: de aflezing is fout.",
        "Resistance is only measured with the circuit unpowered: this reading is wrong."),
    "probe-ratio": (
        "De tastkopverzwakking op de scope klopt niet met de tastkop (×10): alle spanningen "
        "zijn een factor 10 fout.",
        "The scope's probe setting does not match the probe (×10): every voltage is off by "
        "a factor of 10."),
    "wrong-test-point": (
        "De meetpennen of tastkop staan op het verkeerde meetpunt.",
        "The leads or the probe are on the wrong test point."),
    "reversed-leads": (
        "De meetsnoeren zijn omgewisseld: rood op het meetpunt, zwart op GND.",
        "The leads are reversed: red on the test point, black on GND."),
    "no-trigger": (
        "De scope triggert niet op dit signaal: kies de juiste bron en een niveau binnen "
        "het signaal.",
        "The scope does not trigger on this signal: choose the right source and a level "
        "inside the signal."),
    "timebase": (
        "De tijdbasis past niet: zorg voor enkele perioden (of de hele flank) op het scherm.",
        "The timebase does not fit: show a few periods (or the whole edge) on the screen."),
    "unit-or-prefix": (
        "Eenheid of voorvoegsel fout (m, k, µ …): het getal kan kloppen, de grootte niet.",
        "Wrong unit or prefix (m, k, µ …): the digits may be right, the size is not."),
    "misread-value": (
        "De waarde die je opgeeft klopt niet met wat het instrument toont.",
        "The value you give does not match what the instrument shows."),
    "wrong-verdict": (
        "Je beslissing (goed/afgekeurd) volgt niet uit de meting en de tolerantie.",
        "Your decision (pass/fail) does not follow from the reading and the tolerance."),
    "ignored-warn-band": (
        "De waarde ligt binnen de grenzen maar buiten de waarschuwingsband: dat is "
        "MARGINAAL, niet gewoon goed.",
        "The value is inside the limits but outside the warn band: that is MARGINAL, not "
        "a plain pass."),
    "tur-too-low": (
        "Deze meter is te grof voor deze tolerantie (TUR onder 4): zijn onzekerheid is te "
        "groot om goed/afgekeurd te beslissen.",
        "This meter is too coarse for this tolerance (TUR below 4): its uncertainty is too "
        "large to decide pass or fail."),
    "wrong-diagnosis": (
        "Dat is niet het defecte onderdeel: vergelijk je metingen met de richtwaarden.",
        "That is not the faulty part: compare your readings with the reference values."),
    "nplc-too-low": (
        "De integratietijd (NPLC) is te kort voor deze nauwkeurigheid: kies minstens 1 NPLC.",
        "The integration time (NPLC) is too short for this accuracy: choose at least 1 NPLC."),
}

LANGUAGES = ("nl", "en")
#: Languages an exercise file may add; a text not given in one reads as FALLBACK_LANGUAGE.
OPTIONAL_LANGUAGES = ("fr",)
FALLBACK_LANGUAGE = "en"
#: Every language a trainee can choose.
ALL_LANGUAGES = (*LANGUAGES, *OPTIONAL_LANGUAGES)


#: code → French words; kept apart so the (nl, en) pairs above keep their shape.
MISTAKES_FR: dict[str, str] = {
    "wrong-function": "L'instrument est réglé sur la mauvaise fonction pour cette grandeur.",
    "ac-dc": ("AC et DC confondus : DC pour une tension ou un courant continu, AC pour "
              "l'ondulation qui s'y ajoute."),
    "range-overload": ("Le calibre est trop petit : le multimètre (ou l'écran) sature. "
                       "Choisissez un calibre plus grand ou le calibre automatique."),
    "range-resolution": ("Le calibre est bien trop grand : vous perdez de la résolution. "
                         "Choisissez le plus petit calibre qui contient encore la valeur."),
    "current-in-parallel": (
        "Un courant se mesure en série (à la place du cavalier de courant), jamais en "
        "parallèle sur une tension : le fusible du multimètre a fondu. Remplacez-le d'abord "
        "(sur le banc simulé : envoyez SIMulation:FUSE:REPLace au multimètre)."),
    "resistance-powered": ("Une résistance se mesure uniquement circuit hors tension : cette "
                           "mesure est fausse."),
    "probe-ratio": ("Le réglage de sonde de l'oscilloscope ne correspond pas à la sonde (×10) : "
                    "toutes les tensions sont fausses d'un facteur 10."),
    "wrong-test-point": "Les cordons ou la sonde sont sur le mauvais point de test.",
    "reversed-leads": "Les cordons sont inversés : rouge sur le point de test, noir sur GND.",
    "no-trigger": ("L'oscilloscope ne se déclenche pas sur ce signal : choisissez la bonne "
                   "source et un niveau à l'intérieur du signal."),
    "timebase": ("La base de temps ne convient pas : affichez quelques périodes (ou le front "
                 "entier) à l'écran."),
    "unit-or-prefix": ("Unité ou préfixe faux (m, k, µ …) : les chiffres peuvent être justes, "
                       "l'ordre de grandeur ne l'est pas."),
    "misread-value": "La valeur donnée ne correspond pas à ce qu'affiche l'instrument.",
    "wrong-verdict": ("Votre décision (conforme/non conforme) ne découle pas de la mesure et "
                      "de la tolérance."),
    "ignored-warn-band": ("La valeur est dans les limites mais hors de la bande "
                          "d'avertissement : c'est MARGINAL, pas simplement conforme."),
    "tur-too-low": ("Ce multimètre est trop grossier pour cette tolérance (TUR inférieur à 4) : "
                    "son incertitude est trop grande pour décider conforme ou non conforme."),
    "wrong-diagnosis": ("Ce n'est pas la pièce défectueuse : comparez vos mesures aux valeurs "
                        "de référence."),
    "nplc-too-low": ("Le temps d'intégration (NPLC) est trop court pour cette précision : "
                     "choisissez au moins 1 NPLC."),
}


def words(code: str, lang: str) -> str:
    """The general feedback for `code` in `lang` (English when the language is unknown)."""
    if lang == "fr" and code in MISTAKES_FR:
        return MISTAKES_FR[code]
    nl, en = MISTAKES[code]
    return nl if lang == "nl" else en
