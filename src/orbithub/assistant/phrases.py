"""Answers in the languages read by templates alone (German to Danish), one phrasebook each.

Short and plain, one pattern per outcome; device and room names are the home's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.assistant.model import Intent, Language

__all__ = ["PHRASES", "Phrases"]


@dataclass(frozen=True, slots=True)
class Phrases:
    """One language's answers; ``{names}``, ``{value}``, ``{low}``, ``{high}`` are filled in."""

    done: dict[Intent, str]
    which: str
    unknown: str
    nothing: str
    not_found: str
    missing: str
    no_access: str
    cancelled: str
    no_question: str
    out_of_range: str
    failed: str
    state_on: str
    state_off: str
    reading: str
    yes: str
    no: str
    joiner: str
    last_and: str
    last_or: str


_DE = Phrases(
    done={
        Intent.TURN_ON: "{names} eingeschaltet.",
        Intent.TURN_OFF: "{names} ausgeschaltet.",
        Intent.SET_BRIGHTNESS: "Helligkeit von {names} auf {value} % gestellt.",
        Intent.SET_TEMPERATURE: "{names} auf {value} °C gestellt.",
        Intent.SET_POSITION: "{names} auf {value} % gestellt.",
        Intent.SET_VOLUME: "Lautstärke von {names} auf {value} gestellt.",
        Intent.OPEN: "{names} wird geöffnet.",
        Intent.CLOSE: "{names} wird geschlossen.",
        Intent.LOCK: "{names} verriegelt.",
        Intent.UNLOCK: "{names} entriegelt.",
        Intent.START: "{names} gestartet.",
        Intent.STOP: "{names} gestoppt.",
        Intent.DOCK: "{names} fährt zur Ladestation.",
    },
    which="Welches meinst du: {names}?",
    unknown="Das kann ich leider nicht. Ich kann Geräte schalten, Licht und Temperatur "
    "einstellen und Fragen zum Zuhause beantworten.",
    nothing="Ich finde kein Gerät, das das kann.",
    not_found="Ich finde {names} nicht.",
    missing="In {where} gibt es kein solches Gerät.",
    no_access="Du hast keinen Zugriff auf {names}.",
    cancelled="Gut, abgebrochen: nichts geändert.",
    no_question="Ich warte gerade auf keine Antwort. Bitte sag den ganzen Wunsch noch einmal.",
    out_of_range="{names} geht nur von {low} bis {high}; ich habe nichts geändert.",
    failed="{names} hat nicht reagiert.",
    state_on="{names} ist an.",
    state_off="{names} ist aus.",
    reading="{names}: {value}.",
    yes="Ja — ",
    no="Nein — ",
    joiner=", ",
    last_and=" und ",
    last_or=" oder ",
)
_FR = Phrases(
    done={
        Intent.TURN_ON: "{names} allumé.",
        Intent.TURN_OFF: "{names} éteint.",
        Intent.SET_BRIGHTNESS: "Luminosité de {names} réglée à {value} %.",
        Intent.SET_TEMPERATURE: "{names} réglé à {value} °C.",
        Intent.SET_POSITION: "{names} réglé à {value} %.",
        Intent.SET_VOLUME: "Volume de {names} réglé à {value}.",
        Intent.OPEN: "J'ouvre {names}.",
        Intent.CLOSE: "Je ferme {names}.",
        Intent.LOCK: "{names} verrouillé.",
        Intent.UNLOCK: "{names} déverrouillé.",
        Intent.START: "{names} démarré.",
        Intent.STOP: "{names} arrêté.",
        Intent.DOCK: "{names} retourne à sa base.",
    },
    which="Lequel voulez-vous dire : {names} ?",
    unknown="Désolé, je ne sais pas faire cela. Je peux allumer et éteindre les appareils, "
    "régler la lumière et la température et répondre aux questions sur la maison.",
    nothing="Je ne trouve aucun appareil qui puisse le faire.",
    not_found="Je ne trouve pas {names}.",
    missing="Il n'y a pas d'appareil de ce genre dans {where}.",
    no_access="Vous n'avez pas accès à {names}.",
    cancelled="D'accord, annulé : rien n'a changé.",
    no_question="Je n'attends pas de réponse. Redites toute la demande, s'il vous plaît.",
    out_of_range="{names} va seulement de {low} à {high} ; je n'ai rien changé.",
    failed="{names} n'a pas répondu.",
    state_on="{names} est allumé.",
    state_off="{names} est éteint.",
    reading="{names} : {value}.",
    yes="Oui — ",
    no="Non — ",
    joiner=", ",
    last_and=" et ",
    last_or=" ou ",
)
_ES = Phrases(
    done={
        Intent.TURN_ON: "{names} encendido.",
        Intent.TURN_OFF: "{names} apagado.",
        Intent.SET_BRIGHTNESS: "Brillo de {names} al {value} %.",
        Intent.SET_TEMPERATURE: "{names} a {value} °C.",
        Intent.SET_POSITION: "{names} al {value} %.",
        Intent.SET_VOLUME: "Volumen de {names} a {value}.",
        Intent.OPEN: "Abriendo {names}.",
        Intent.CLOSE: "Cerrando {names}.",
        Intent.LOCK: "{names} cerrado con llave.",
        Intent.UNLOCK: "{names} abierto.",
        Intent.START: "{names} en marcha.",
        Intent.STOP: "{names} detenido.",
        Intent.DOCK: "{names} vuelve a su base.",
    },
    which="¿Cuál quieres decir: {names}?",
    unknown="Lo siento, eso no lo sé hacer. Puedo encender y apagar aparatos, ajustar la luz "
    "y la temperatura y responder preguntas sobre la casa.",
    nothing="No encuentro ningún aparato que pueda hacerlo.",
    not_found="No encuentro {names}.",
    missing="En {where} no hay ningún aparato así.",
    no_access="No tienes acceso a {names}.",
    cancelled="Vale, cancelado: no he cambiado nada.",
    no_question="No estoy esperando una respuesta. Repite la petición completa, por favor.",
    out_of_range="{names} solo va de {low} a {high}; no he cambiado nada.",
    failed="{names} no ha respondido.",
    state_on="{names} está encendido.",
    state_off="{names} está apagado.",
    reading="{names}: {value}.",
    yes="Sí — ",
    no="No — ",
    joiner=", ",
    last_and=" y ",
    last_or=" o ",
)
_IT = Phrases(
    done={
        Intent.TURN_ON: "{names} acceso.",
        Intent.TURN_OFF: "{names} spento.",
        Intent.SET_BRIGHTNESS: "Luminosità di {names} al {value}%.",
        Intent.SET_TEMPERATURE: "{names} impostato a {value} °C.",
        Intent.SET_POSITION: "{names} al {value}%.",
        Intent.SET_VOLUME: "Volume di {names} a {value}.",
        Intent.OPEN: "Apro {names}.",
        Intent.CLOSE: "Chiudo {names}.",
        Intent.LOCK: "{names} chiuso a chiave.",
        Intent.UNLOCK: "{names} sbloccato.",
        Intent.START: "{names} avviato.",
        Intent.STOP: "{names} fermato.",
        Intent.DOCK: "{names} torna alla base.",
    },
    which="Quale intendi: {names}?",
    unknown="Mi dispiace, questo non lo so fare. Posso accendere e spegnere i dispositivi, "
    "regolare luce e temperatura e rispondere a domande sulla casa.",
    nothing="Non trovo un dispositivo che possa farlo.",
    not_found="Non trovo {names}.",
    missing="In {where} non c'è un dispositivo del genere.",
    no_access="Non hai accesso a {names}.",
    cancelled="Va bene, annullato: non ho cambiato nulla.",
    no_question="Non sto aspettando una risposta. Ripeti la richiesta intera, per favore.",
    out_of_range="{names} va solo da {low} a {high}; non ho cambiato nulla.",
    failed="{names} non ha risposto.",
    state_on="{names} è acceso.",
    state_off="{names} è spento.",
    reading="{names}: {value}.",
    yes="Sì — ",
    no="No — ",
    joiner=", ",
    last_and=" e ",
    last_or=" o ",
)
_NL = Phrases(
    done={
        Intent.TURN_ON: "{names} aangezet.",
        Intent.TURN_OFF: "{names} uitgezet.",
        Intent.SET_BRIGHTNESS: "Helderheid van {names} op {value}% gezet.",
        Intent.SET_TEMPERATURE: "{names} op {value} °C gezet.",
        Intent.SET_POSITION: "{names} op {value}% gezet.",
        Intent.SET_VOLUME: "Volume van {names} op {value} gezet.",
        Intent.OPEN: "{names} gaat open.",
        Intent.CLOSE: "{names} gaat dicht.",
        Intent.LOCK: "{names} op slot gedaan.",
        Intent.UNLOCK: "{names} van het slot gehaald.",
        Intent.START: "{names} gestart.",
        Intent.STOP: "{names} gestopt.",
        Intent.DOCK: "{names} gaat terug naar het laadstation.",
    },
    which="Welke bedoel je: {names}?",
    unknown="Sorry, dat kan ik niet. Ik kan apparaten schakelen, licht en temperatuur "
    "instellen en vragen over het huis beantwoorden.",
    nothing="Ik vind geen apparaat dat dat kan.",
    not_found="Ik kan {names} niet vinden.",
    missing="In {where} is zo'n apparaat er niet.",
    no_access="Je hebt geen toegang tot {names}.",
    cancelled="Goed, geannuleerd: er is niets veranderd.",
    no_question="Ik wacht nu niet op een antwoord. Zeg het hele verzoek nog eens.",
    out_of_range="{names} gaat alleen van {low} tot {high}; ik heb niets veranderd.",
    failed="{names} reageerde niet.",
    state_on="{names} staat aan.",
    state_off="{names} staat uit.",
    reading="{names}: {value}.",
    yes="Ja — ",
    no="Nee — ",
    joiner=", ",
    last_and=" en ",
    last_or=" of ",
)
_PT = Phrases(
    done={
        Intent.TURN_ON: "{names} ligado.",
        Intent.TURN_OFF: "{names} desligado.",
        Intent.SET_BRIGHTNESS: "Brilho de {names} em {value}%.",
        Intent.SET_TEMPERATURE: "{names} em {value} °C.",
        Intent.SET_POSITION: "{names} em {value}%.",
        Intent.SET_VOLUME: "Volume de {names} em {value}.",
        Intent.OPEN: "Abrindo {names}.",
        Intent.CLOSE: "Fechando {names}.",
        Intent.LOCK: "{names} trancado.",
        Intent.UNLOCK: "{names} destrancado.",
        Intent.START: "{names} iniciado.",
        Intent.STOP: "{names} parado.",
        Intent.DOCK: "{names} volta à base.",
    },
    which="Qual deles: {names}?",
    unknown="Desculpe, isso não sei fazer. Posso ligar e desligar aparelhos, ajustar luz e "
    "temperatura e responder a perguntas sobre a casa.",
    nothing="Não encontro nenhum aparelho que faça isso.",
    not_found="Não encontro {names}.",
    missing="Em {where} não há um aparelho assim.",
    no_access="Você não tem acesso a {names}.",
    cancelled="Certo, cancelado: nada foi alterado.",
    no_question="Não estou esperando uma resposta. Repita o pedido completo, por favor.",
    out_of_range="{names} só vai de {low} a {high}; não alterei nada.",
    failed="{names} não respondeu.",
    state_on="{names} está ligado.",
    state_off="{names} está desligado.",
    reading="{names}: {value}.",
    yes="Sim — ",
    no="Não — ",
    joiner=", ",
    last_and=" e ",
    last_or=" ou ",
)
_SV = Phrases(
    done={
        Intent.TURN_ON: "{names} är på.",
        Intent.TURN_OFF: "{names} är av.",
        Intent.SET_BRIGHTNESS: "Ljusstyrkan för {names} är {value} %.",
        Intent.SET_TEMPERATURE: "{names} är inställd på {value} °C.",
        Intent.SET_POSITION: "{names} är på {value} %.",
        Intent.SET_VOLUME: "Volymen för {names} är {value}.",
        Intent.OPEN: "Öppnar {names}.",
        Intent.CLOSE: "Stänger {names}.",
        Intent.LOCK: "{names} är låst.",
        Intent.UNLOCK: "{names} är upplåst.",
        Intent.START: "{names} har startat.",
        Intent.STOP: "{names} har stoppat.",
        Intent.DOCK: "{names} åker tillbaka till laddstationen.",
    },
    which="Vilken menar du: {names}?",
    unknown="Tyvärr kan jag inte det. Jag kan slå på och av apparater, ställa in ljus och "
    "temperatur och svara på frågor om hemmet.",
    nothing="Jag hittar ingen apparat som kan göra det.",
    not_found="Jag hittar inte {names}.",
    missing="I {where} finns ingen sådan apparat.",
    no_access="Du har inte tillgång till {names}.",
    cancelled="Okej, avbrutet: inget har ändrats.",
    no_question="Jag väntar inte på något svar just nu. Säg hela önskemålet igen.",
    out_of_range="{names} går bara från {low} till {high}; jag ändrade ingenting.",
    failed="{names} svarade inte.",
    state_on="{names} är på.",
    state_off="{names} är av.",
    reading="{names}: {value}.",
    yes="Ja — ",
    no="Nej — ",
    joiner=", ",
    last_and=" och ",
    last_or=" eller ",
)
_DA = Phrases(
    done={
        Intent.TURN_ON: "{names} er tændt.",
        Intent.TURN_OFF: "{names} er slukket.",
        Intent.SET_BRIGHTNESS: "Lysstyrken for {names} er {value} %.",
        Intent.SET_TEMPERATURE: "{names} er sat til {value} °C.",
        Intent.SET_POSITION: "{names} er på {value} %.",
        Intent.SET_VOLUME: "Lydstyrken for {names} er {value}.",
        Intent.OPEN: "Åbner {names}.",
        Intent.CLOSE: "Lukker {names}.",
        Intent.LOCK: "{names} er låst.",
        Intent.UNLOCK: "{names} er låst op.",
        Intent.START: "{names} er startet.",
        Intent.STOP: "{names} er stoppet.",
        Intent.DOCK: "{names} kører tilbage til ladestationen.",
    },
    which="Hvilken mener du: {names}?",
    unknown="Det kan jeg desværre ikke. Jeg kan tænde og slukke apparater, indstille lys og "
    "temperatur og svare på spørgsmål om hjemmet.",
    nothing="Jeg kan ikke finde et apparat, der kan det.",
    not_found="Jeg kan ikke finde {names}.",
    missing="I {where} er der ikke sådan et apparat.",
    no_access="Du har ikke adgang til {names}.",
    cancelled="Okay, annulleret: intet er ændret.",
    no_question="Jeg venter ikke på et svar lige nu. Sig hele ønsket igen.",
    out_of_range="{names} går kun fra {low} til {high}; jeg har ikke ændret noget.",
    failed="{names} svarede ikke.",
    state_on="{names} er tændt.",
    state_off="{names} er slukket.",
    reading="{names}: {value}.",
    yes="Ja — ",
    no="Nej — ",
    joiner=", ",
    last_and=" og ",
    last_or=" eller ",
)
PHRASES: dict[Language, Phrases] = {
    Language.SV: _SV,
    Language.DA: _DA,
    Language.NL: _NL,
    Language.PT: _PT,
    Language.DE: _DE,
    Language.FR: _FR,
    Language.ES: _ES,
    Language.IT: _IT,
}
"""The answers of each language read by templates alone."""
