"""Dutch phrases for the synthetic corpus: municipal policy language, per theme.

The generator combines these into sentences, so the text has the word lengths,
accents, punctuation and vocabulary of real hub content (which matters for
Markdown parsing, the Dutch search stemmer and page sizes) without copying any
real article.
"""

from __future__ import annotations

TOPICS: dict[str, list[str]] = {
    "bestaanszekerheid": ["vroegsignalering van schulden", "armoedebeleid", "de Participatiewet", "energiearmoede",
                          "inkomensondersteuning", "schuldhulpverlening", "het bijzondere bijstandsbeleid",
                          "de kostendelersnorm"],
    "kansengelijkheid": ["de hervorming van de jeugdzorg", "onderwijshuisvesting", "vroeg- en voorschoolse educatie",
                         "kansengelijkheid in de wijk", "passend onderwijs", "de aanpak van laaggeletterdheid",
                         "jeugdhulp in het onderwijs", "kinderopvang voor iedereen"],
    "gezond-leven": ["een toekomstbestendige Wmo", "preventie in de wijk", "mantelzorgondersteuning",
                     "eenzaamheid onder ouderen", "wonen met zorg", "de aanpak van zorgfraude",
                     "positieve gezondheid", "dementievriendelijke gemeenten"],
    "klimaat-energie": ["de warmtetransitie", "wijkgerichte aanpak aardgasvrij", "de regionale energiestrategie",
                        "netcongestie", "verduurzaming van maatschappelijk vastgoed", "klimaatadaptatie",
                        "zon op daken", "het isolatieoffensief"],
    "fysieke-leefomgeving": ["de Omgevingswet", "woningbouw", "mobiliteit", "water en bodem sturend",
                             "de ruimtelijke ordening", "het landelijk gebied", "bereikbaarheid van dorpen",
                             "de woondeal"],
    "sterke-bestuurslaag": ["de financiële verhoudingen", "de positie van de raad", "interbestuurlijk toezicht",
                            "uitvoeringskracht", "de gemeentelijke belastingen", "de Financiële-verhoudingswet",
                            "het openbaar bestuur", "de Wet open overheid"],
    "leren-van-elkaar": ["kennisdeling tussen gemeenten", "datagedreven werken", "de lerende organisatie",
                         "intervisie voor ambtenaren", "praktijkkennis", "de kenniscyclus", "evaluatie van beleid",
                         "benchmarking"],
    "knooppunt-van-netwerken": ["vakverenigingen", "bestuurlijke netwerken", "samenwerking met kennisinstituten",
                                "ambtelijke netwerken", "de rol van de VNG als verbinder", "stedennetwerken",
                                "netwerksturing", "gezamenlijke lobby"],
    "regionale-samenwerking": ["gemeenschappelijke regelingen", "de Wet gemeenschappelijke regelingen",
                               "regionale samenwerking", "democratische legitimiteit", "het Regioberaad",
                               "regiodeals", "de arbeidsmarktregio", "regionale inkoop"],
    "mandaat-slagvaardigheid": ["het mandaat van de VNG", "snelle besluitvorming", "ledenraadplegingen",
                                "de algemene ledenvergadering", "belangenbehartiging", "de slagvaardige vereniging",
                                "bestuurlijke afspraken", "het onderhandelingsmandaat"],
}
"""Topic phrases per theme slug; unknown slugs borrow from all topics."""

TITLE_PATTERNS = ["{Topic} in de praktijk", "Aan de slag met {topic}", "{Topic}: wat gemeenten kunnen doen",
                  "Handreiking {topic}", "Zo pakt u {topic} aan", "{Topic} na 2025", "Vijf lessen over {topic}",
                  "{Topic} in kleine gemeenten", "{Topic} en de raad", "{Topic} in de regio",
                  "Samen werken aan {topic}", "{Topic}: de stand van zaken", "Veelgestelde vragen over {topic}",
                  "{Topic} voor beginners", "Van beleid naar uitvoering: {topic}"]
PRACTICE_PATTERNS = ["{Topic} in {place}", "Hoe {place} werkt aan {topic}", "{place} en {topic}",
                     "{Topic}: de aanpak van {place}", "Lessen uit {place} over {topic}"]
COURSE_PATTERNS = ["Basiscursus {topic}", "Verdieping {topic}", "{Topic} voor raadsleden", "Masterclass {topic}",
                   "{Topic} voor beleidsmedewerkers"]
MODULE_PATTERNS = ["Wat is {topic}?", "De wettelijke kaders van {topic}", "{Topic} in de eigen gemeente",
                   "Sturen op {topic}", "Samenwerken rond {topic}", "{Topic} meten en evalueren",
                   "Casus: {topic}"]

SUBJECTS_SINGULAR = ["De gemeente", "Het college", "De gemeenteraad", "Het wijkteam", "De VNG", "De regio",
                     "Het rijk", "De provincie", "De griffie", "Een beleidsmedewerker", "De wethouder",
                     "Het sociaal domein", "De omgevingsdienst", "Elke gemeente", "Het team"]
SUBJECTS_PLURAL = ["Gemeenten", "Inwoners", "Woningcorporaties", "Maatschappelijke partners", "Raadsleden",
                   "Ambtenaren", "Samenwerkende gemeenten", "Zorgaanbieders", "Ondernemers", "Wijkteams"]
VERBS = [("bespreekt", "bespreken"), ("versterkt", "versterken"), ("organiseert", "organiseren"),
         ("financiert", "financieren"), ("onderzoekt", "onderzoeken"), ("verbetert", "verbeteren"),
         ("ondersteunt", "ondersteunen"), ("evalueert", "evalueren"), ("vereenvoudigt", "vereenvoudigen"),
         ("stemt", "stemmen"), ("maakt", "maken"), ("borgt", "borgen"), ("deelt", "delen"),
         ("begeleidt", "begeleiden"), ("regelt", "regelen"), ("monitort", "monitoren")]
OBJECTS = ["de aanpak", "de uitvoering", "de financiering", "een integrale visie", "de samenwerking",
           "de dienstverlening aan inwoners", "de afspraken met partners", "de informatievoorziening",
           "het beleidskader", "de werkprocessen", "de toegang tot voorzieningen", "de regionale agenda",
           "het uitvoeringsprogramma", "de verantwoording aan de raad", "de kennis over de doelgroep"]
ADVERBIALS = ["in nauwe samenwerking met de regio", "binnen de bestaande budgetten", "vanaf 1 januari 2026",
              "met oog voor de menselijke maat", "op basis van actuele cijfers", "samen met inwoners",
              "zonder extra regeldruk", "in het hele land", "stap voor stap", "met een heldere rolverdeling",
              "voor de lange termijn", "in de wijken waar het nodig is", "met steun van de VNG",
              "op een transparante manier", "in overleg met het ministerie"]
CONNECTORS = ["Daarnaast", "Bovendien", "Tegelijkertijd", "In de praktijk", "Om die reden", "Vervolgens",
              "Desondanks", "Concreet betekent dit dat", "Volgens de betrokkenen", "Uit de evaluatie blijkt dat"]
STATEMENTS = ["Dat vraagt om een lange adem en om vertrouwen tussen bestuur en uitvoering.",
              "De ervaringen zijn overwegend positief, al kost de invoering meer tijd dan verwacht.",
              "Het is belangrijk om de raad vroeg te betrekken en regelmatig te informeren.",
              "Kleine gemeenten lopen daarbij vaker tegen capaciteitsproblemen aan dan grote steden.",
              "Zonder structurele financiering blijft het bij tijdelijke projecten.",
              "Goede data helpen om keuzes te onderbouwen en resultaten zichtbaar te maken.",
              "Inwoners merken het verschil vooral aan kortere wachttijden en één vast aanspreekpunt.",
              "De privacy van inwoners staat daarbij voorop; afspraken worden vooraf vastgelegd.",
              "Medewerkers krijgen ruimte om af te wijken van standaardprocedures als dat beter werkt.",
              "Het is verstandig om klein te beginnen en de aanpak daarna uit te breiden."]

ARTICLE_SECTIONS = ["Waar gaat het over?", "Wat speelt er?", "Wat doet de VNG?", "Wat betekent dit voor gemeenten?",
                    "Aan de slag", "Wettelijk kader", "Financiering", "Veelgestelde vragen", "Tot slot"]
PRACTICE_SECTIONS = ["Aanleiding", "Aanpak", "Resultaten", "Lessen", "Wat kunnen andere gemeenten ermee?",
                     "Samenwerking", "Kosten en baten", "Meer weten"]
MODULE_SECTIONS = ["Inleiding", "Achtergrond", "Kernbegrippen", "In de praktijk", "Opdracht", "Toets jezelf",
                   "Samenvatting"]
ADMONITIONS = [("tip", "Tip"), ("note", "Goed om te weten"), ("warning", "Let op"), ("info", "Meer informatie"),
               ("example", "Voorbeeld uit de praktijk")]

FIRST_NAMES = ["Anouk", "Bram", "Daan", "Eva", "Fatima", "Hans", "Ingrid", "Jeroen", "Karin", "Lotte", "Mohamed",
               "Noor", "Pieter", "Sanne", "Thijs", "Yasmina", "Wim", "Femke", "Ruben", "Marloes"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
              "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "El Amrani", "Yılmaz",
              "van Dijk", "Koster"]
FUNCTIONS = ["beleidsadviseur", "programmamanager", "teamleider", "projectleider", "strategisch adviseur",
             "wijkcoördinator", "kwartiermaker"]
AUTHORS = ["VNG Kennishub", "VNG Academie", "VNG Realisatie", "Team Sociaal Domein", "Team Fysiek Domein"]
