"""Content for the deterministic demo dataset (``passerelle demo``).

Pure data, standard library only. The demo generator draws from these tuples with a seeded random
generator, so **order matters**: append new entries at the end of a tuple rather than inserting
them, or every generated dataset changes.

Hygiene rules (DOMAIN-FR.md §6.2):

- People are fictional: first and last names are combined at random and never designate a real
  person. Phones come from the ARCEP fiction blocks (``03 53 01 xx xx``, ``06 39 98 xx xx``) and
  e-mails use the domains reserved by RFC 2606 (``example.org``, ``example.com``).
- Associations and companies built from the name patterns are fictional; patterns avoid real
  brands and real networks.
- Real public actors of the study (:data:`STUDY_ACTORS`) only carry their public role. No SIREN is
  given for them except the MEL's (``200093201``, DOMAIN-FR.md §6). Their ``commune_insee`` is
  indicative only (where they act or their usual seat, Lille when the brief names none); it is
  demo data, not registry data.
- Neighbourhood names come from DOMAIN-FR.md §6.1. The ``is_qpv`` flag means "listed there as a
  priority area (current QPV / NPRU, or the politique de la ville geography of 2008)"; it is not an
  official QPV code, which the demo never shows.

Note templates use ``str.format`` placeholders, listed in :data:`NOTE_PLACEHOLDERS`.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal, NotRequired, TypedDict

__all__ = [
    "ABANDON_REASONS",
    "ASSOCIATION_NAME_PATTERNS",
    "ASSOCIATION_PATTERN_PLACEHOLDERS",
    "COMPANY_NAME_PATTERNS",
    "COMPANY_PATTERN_PLACEHOLDERS",
    "COMPANY_WORDS",
    "DECISIONS",
    "EMAIL_DOMAINS",
    "EVENT_TITLES",
    "FICTION_LANDLINE_PREFIX",
    "FICTION_MOBILE_PREFIX",
    "FIRST_NAMES",
    "LAST_NAMES",
    "MEETING_NOTE_TEMPLATES",
    "NEED_TITLES",
    "NEIGHBOURHOODS",
    "NEXT_STEPS",
    "NOTE_PLACEHOLDERS",
    "OFFER_TITLES",
    "ON_HOLD_REASONS",
    "ROLES_ASSOCIATION",
    "ROLES_COMPANY",
    "STAGE_KEYS",
    "STUDY_ACTORS",
    "STUDY_PARTNERSHIPS",
    "TASK_TITLES",
    "THEMES",
    "ActorKind",
    "CompanySize",
    "PartnershipCategory",
    "StageKey",
    "StudyActor",
    "StudyPartnership",
    "email_for",
    "fiction_landline",
    "fiction_mobile",
]

# --------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------

ActorKind = Literal["association", "entreprise", "collectivite", "reseau", "fondation"]
CompanySize = Literal["TPE", "PME", "ETI", "GE"]
PartnershipCategory = Literal[
    "mecenat", "pratiques_responsables", "cooperation_economique", "innovation_societale"
]
StageKey = Literal[
    "premier_contact",
    "diagnostic",
    "mise_en_relation",
    "co_construction",
    "convention",
    "suivi",
    "bilan",
    "structurant",
]

#: Stage keys in the order of the maturity stages 1 → 8 (DESIGN.md §3).
STAGE_KEYS: Final[tuple[StageKey, ...]] = (
    "premier_contact",
    "diagnostic",
    "mise_en_relation",
    "co_construction",
    "convention",
    "suivi",
    "bilan",
    "structurant",
)

#: Placeholders allowed in notes, decisions, next steps, task and event titles.
#: ``montant`` is an already formatted euro string, ``date`` an already formatted date.
NOTE_PLACEHOLDERS: Final[frozenset[str]] = frozenset(
    {"association", "entreprise", "contact", "facilitateur", "theme", "commune", "montant", "date"}
)
#: Placeholders allowed in :data:`ASSOCIATION_NAME_PATTERNS`.
ASSOCIATION_PATTERN_PLACEHOLDERS: Final[frozenset[str]] = frozenset({"place", "theme"})
#: Placeholders allowed in :data:`COMPANY_NAME_PATTERNS`.
COMPANY_PATTERN_PLACEHOLDERS: Final[frozenset[str]] = frozenset({"surname", "place", "word"})

THEMES: Final[tuple[str, ...]] = (
    "insertion",
    "environnement",
    "sport",
    "handicap",
    "culture",
    "éducation",
    "santé",
    "solidarité",
    "jeunesse",
    "numérique",
    "alimentation",
    "mobilité",
    "logement",
)

# --------------------------------------------------------------------------------------------------
# People (fictional combinations)
# --------------------------------------------------------------------------------------------------

# fmt: off
FIRST_NAMES: Final[tuple[str, ...]] = (
    # common French first names, all generations
    "Sophie", "Nathalie", "Isabelle", "Céline", "Aurélie", "Julie", "Camille", "Léa", "Manon",
    "Chloé", "Emma", "Inès", "Jade", "Louise", "Sarah", "Lucie", "Clémence", "Mathilde", "Pauline",
    "Élodie", "Amandine", "Sandrine", "Valérie", "Véronique", "Catherine", "Martine", "Brigitte",
    "Christine", "Sylvie", "Françoise", "Monique", "Ghislaine", "Marie-Claire", "Anne-Sophie",
    "Laëtitia", "Charlotte", "Margaux", "Océane", "Anaïs", "Hélène", "Agnès", "Bérénice",
    "Maëlle", "Zoé", "Lina", "Dominique", "Claude",
    "Jean", "Pierre", "Philippe", "Thierry", "Didier", "Bruno", "Éric", "Laurent", "Frédéric",
    "Olivier", "Stéphane", "Christophe", "Sébastien", "Nicolas", "Julien", "Maxime", "Thomas",
    "Antoine", "Hugo", "Lucas", "Théo", "Louis", "Gabriel", "Arthur", "Nathan", "Mathis",
    "Quentin", "Benoît", "Jérôme", "Damien", "Grégory", "Ludovic", "Jean-Marc", "Jean-Pierre",
    "Jean-Luc", "Patrick", "Michel", "Alain", "Gérard", "Kévin", "Dylan", "Anthony", "Jordan",
    "Gaëtan", "Romain", "Florian", "Adrien", "Jules", "Noah", "Ethan",
    # Maghreb
    "Fatima", "Samira", "Nadia", "Karima", "Leïla", "Yasmina", "Amina", "Naïma", "Malika",
    "Sabrina", "Meriem", "Salma", "Kenza", "Nour", "Rania", "Yasmine", "Mohamed", "Karim",
    "Mehdi", "Rachid", "Samir", "Yassine", "Nabil", "Sofiane", "Bilal", "Hamza", "Ilyes",
    "Ayoub", "Youssef", "Walid", "Abdelkader", "Rayan", "Adam",
    # West and Central Africa
    "Aïcha", "Fatoumata", "Aminata", "Mariama", "Awa", "Grâce", "Esther", "Moussa", "Mamadou",
    "Ibrahima", "Ousmane", "Souleymane", "Cheikh", "Prince",
    # Turkey, Portugal, Poland, Flanders
    "Merve", "Elif", "Zeynep", "Emre", "Mehmet", "Burak", "Ana", "Maria", "Joana", "Sofia",
    "João", "Miguel", "Rui", "Tiago", "Katarzyna", "Agnieszka", "Piotr", "Marek", "Pieter",
    "Annelies",
)
# fmt: on

# fmt: off
LAST_NAMES: Final[tuple[str, ...]] = (
    # Nord and Flemish surnames
    "Vandenberghe", "Lefebvre", "Deschamps", "Dupont", "Delcroix", "Vanhoutte", "Verstraete",
    "Dewitte", "Declercq", "Vandamme", "Deconinck", "Lemaire", "Leroy", "Lecomte", "Desmet",
    "Devos", "Vermeulen", "Vanneste", "Dumoulin", "Delattre", "Lefort", "Carpentier", "Lagache",
    "Dhont", "Mortier", "Vandewalle", "Vercruysse", "Deleplanque", "Delannoy", "Delebarre",
    "Leclercq", "Lemoine", "Lenoir", "Wattel", "Delahaye", "Caron", "Duhamel", "Dufour",
    "Roussel", "Pruvost", "Bocquet", "Cuvelier", "Lesage", "Wallart", "Delmotte", "Lepers",
    "Masquelier", "Hennion", "Flament", "Coppens", "Cappelle", "Verhaeghe", "Bouchez", "Dubrulle",
    "Lallemand", "Vasseur", "Poulain", "Facon", "Catteau", "Cordonnier", "Plouvier", "Delplace",
    "Delobel", "Descamps", "Six", "Degand", "Hoste", "Vanhove", "Maes", "Peeters", "Janssens",
    "Claeys", "Duthoit", "Bultel", "Lecoutre", "Decottignies", "Delvallez", "Spriet", "Lernould",
    "Gosselin", "Bridoux", "Dewailly", "Ghesquière", "Gheysens", "Vandeputte", "Vancauwenberghe",
    "Huyghe", "Ryckebusch", "Verhulst", "Debaecker", "Dequidt", "Hennebelle", "Lecocq",
    "Vanderhaegen", "Dupuis", "Baert", "Vanpeene", "Lepoutre", "Desrumaux",
    # common French surnames
    "Martin", "Bernard", "Petit", "Durand", "Dubois", "Moreau", "Lambert", "Fournier", "Mercier",
    "Girard", "Bonnet", "Rousseau", "Blanchard", "Guérin", "Chevalier",
    # Maghreb
    "Benali", "Benhamou", "Bensaïd", "Belkacem", "Bouzid", "Haddad", "Mansouri", "Amrani",
    "Cherif", "Saïdi", "Boukhris", "Zerrouki", "Messaoudi", "Hamidi", "Benyahia", "Khelifi",
    "Aït-Ouali", "El Amrani", "Ouali", "Taleb",
    # West and Central Africa
    "Traoré", "Diallo", "Koné", "Diop", "Ndiaye", "Sow", "Camara", "Coulibaly", "Keita",
    "Mbemba", "Mukendi",
    # Turkey, Portugal, Poland, Italy, Vietnam
    "Yilmaz", "Kaya", "Demir", "Çelik", "Öztürk", "Lopes", "Pereira", "Da Silva", "Ferreira",
    "Rodrigues", "Fernandes", "Nowak", "Kaczmarek", "Lewandowski", "Szymanski", "Kowalczyk",
    "Rossi", "Esposito", "Nguyen", "Tran", "Pham",
)
# fmt: on

# --------------------------------------------------------------------------------------------------
# Organisation names (fictional)
# --------------------------------------------------------------------------------------------------

#: Association name patterns; ``{place}`` is a commune or neighbourhood name, ``{theme}`` a theme
#: from :data:`THEMES` (lower case). Patterns avoid "de {place}" so that elision never breaks.
ASSOCIATION_NAME_PATTERNS: Final[tuple[str, ...]] = (
    "Les Jardins partagés {place}",
    "Boxing Club {place}",
    "Atelier vélo solidaire {place}",
    "Compagnie théâtrale Le Fil – {place}",
    "Entraide {place}",
    "{place} Solidarité",
    "{place} Insertion Emploi",
    "Collectif {theme} et citoyenneté – {place}",
    "Réseau {theme} – {place}",
    "Maison des projets {theme} – {place}",
    "Olympique {place} Multisports",
    "Épicerie solidaire Le Panier – {place}",
    "Recyclerie Le Grenier – {place}",
    "Les Ateliers numériques {place}",
    "Café réparation {place}",
    "Accueil et partage {place}",
    "Tremplin jeunesse {place}",
    "Judo Club Les Tatamis – {place}",
    "Échiquier {place}",
    "Les Ateliers du textile {place}",
    "Mémoire ouvrière {place}",
    "Les Toqués du jardin – {place}",
    "Femmes en mouvement {place}",
    "Parents d'élèves unis – {place}",
    "Sport et quartiers {place}",
    "Handi-partage {place}",
    "Culture en partage {place}",
    "Les Mots partagés {place} – ateliers de français",
    "Mobilité solidaire {place}",
    "Les Pousses vertes {place}",
    "Cuisine et partage {place}",
    "Le Toit solidaire {place}",
    "Santé en quartier {place}",
    "Ludothèque Le Dé rond – {place}",
    "Collectif des habitants {place}",
    "Les Passeurs, {theme} et territoire",
    "Rencontres {theme} {place}",
    "Compagnie de danse Pas de côté – {place}",
    "Radio associative Onde libre {place}",
    "Atelier couture solidaire {place}",
    "Ciné-club Le Projecteur – {place}",
    "Pédibus et vélobus {place}",
    "Coup de pouce {theme} – {place}",
    "Les Bricoleurs solidaires {place}",
    "Terrain d'aventure {place}",
    "Chorale Les Voix mêlées – {place}",
    "Agir ensemble – {place}",
)

#: Company name patterns; ``{surname}`` is one of :data:`LAST_NAMES`, ``{word}`` one of
#: :data:`COMPANY_WORDS`, ``{place}`` a commune or neighbourhood name.
COMPANY_NAME_PATTERNS: Final[tuple[str, ...]] = (
    "Boulangerie {surname}",
    "{surname} & Fils Menuiserie",
    "Imprimerie du Nord {place}",
    "Transports {surname}",
    "Studio numérique {word}",
    "Garage {surname}",
    "Plomberie {surname} et associés",
    "Électricité générale {surname}",
    "Cabinet comptable {surname}",
    "{word} Conseil",
    "{word} Logistique",
    "Atelier {word}",
    "Brasserie artisanale {word}",
    "Traiteur {surname}",
    "Pharmacie {surname}",
    "Fleurs {surname}",
    "Optique {surname}",
    "Agence {word} Communication",
    "Nettoyage {word} Services",
    "{surname} Bâtiment",
    "{surname} Peinture et décoration",
    "Menuiserie {word}",
    "Carrosserie {surname}",
    "Filature {word}",
    "Tissage {surname} {place}",
    "{word} Informatique",
    "{word} Énergies",
    "Auto-école {word}",
    "Charcuterie {surname}",
    "Fromagerie {surname}",
    "Estaminet {word}",
    "{surname} Immobilier",
    "Paysages {surname}",
    "Serrurerie {surname}",
    "Coiffure {word}",
    "Studio photo {word}",
    "Librairie {word}",
    "Recyclage {word} Nord",
    "Emballages {surname}",
    "{word} Ingénierie",
    "Chaudronnerie {surname}",
    "Maçonnerie {surname} {place}",
    "Taxis {surname}",
    "Location {word} Utilitaires",
    "Formation {word} Compétences",
    "Conseil RH {word}",
    "Café {word} {place}",
    "Métallerie {surname}",
)

# fmt: off
#: Neutral words for company names (no brand, no real company).
COMPANY_WORDS: Final[tuple[str, ...]] = (
    "Horizon", "Archipel", "Boussole", "Sillage", "Canopée", "Trame", "Maillon", "Écluse",
    "Passage", "Prisme", "Alizé", "Beffroi", "Carillon", "Houblon", "Terril", "Polder", "Canal",
    "Quai", "Brique", "Lin", "Cèdre", "Tilleul", "Ancre", "Sextant", "Phare", "Escale", "Rivage",
    "Orée", "Boréal", "Mosaïque", "Agora", "Vecteur", "Navette", "Bobine", "Navire", "Comète",
    "Verger", "Fanal",
)
# fmt: on

# --------------------------------------------------------------------------------------------------
# Territory
# --------------------------------------------------------------------------------------------------

#: Neighbourhood names by INSEE commune code, as ``(name, is_qpv)`` (see the module docstring for
#: the meaning of the flag). "Centre-ville" entries that are not listed in DOMAIN-FR §6.1 as
#: priority areas are generic placeholders flagged ``False``.
NEIGHBOURHOODS: Final[dict[str, tuple[tuple[str, bool], ...]]] = {
    # Roubaix: NPRU (Alma, Épeule, Pile, Trois-Ponts) and the Roubaix-Nord / Roubaix-Est lists
    "59512": (
        ("Alma", True),
        ("Épeule", True),
        ("Pile", True),
        ("Trois-Ponts", True),
        ("Trichon", True),
        ("Alouette", True),
        ("Fresnoy", True),
        ("Mackellerie", True),
        ("Fosse-aux-Chênes", True),
        ("Entrepont", True),
        ("Hutin", True),
        ("Oran-Cartigny", True),
        ("Cul-de-Four", True),
        ("Hommelet", True),
        ("Centre-ville", True),
        ("Moulin", True),
        ("Potennerie", True),
        ("Sainte-Élisabeth", True),
        ("Sartel-Carihem", True),
        ("Nouveau-Roubaix", True),
        ("Hauts-Champs", True),
    ),
    # Tourcoing
    "59599": (
        ("Bourgogne", True),
        ("Pont Rompu", True),
        ("Épidème", True),
        ("Centre-ville", False),
    ),
    # Wattrelos
    "59650": (
        ("Beaulieu", True),
        ("Centre-ville", False),
    ),
    # Hem (Hem–Roubaix list)
    "59299": (
        ("Longchamp", True),
        ("Trois-Baudets", True),
        ("Trois-Fermes", True),
        ("Lionderie", True),
        ("Hauts-Champs", True),
        ("Centre-ville", False),
    ),
    # Lille
    "59350": (
        ("Bois-Blancs", True),
        ("Faubourg de Béthune", True),
        ("Moulins", True),
        ("Lille-Sud", True),
        ("Centre-ville", False),
    ),
    # Loos
    "59360": (
        ("Épi de Soil", True),
        ("Centre-ville", False),
    ),
}

# --------------------------------------------------------------------------------------------------
# Actors and partnerships cited by the study
# --------------------------------------------------------------------------------------------------


class StudyActor(TypedDict):
    """An actor of the territorial study (real public role or clearly fictional name)."""

    key: str
    name: str
    kind: ActorKind
    commune_insee: str
    size: CompanySize | None
    naf: str | None
    description: str
    themes: tuple[str, ...]
    siren: NotRequired[str]


class StudyPartnership(TypedDict):
    """A partnership cited by the study.

    ``association_key`` designates the accompanied general-interest side (an association, or an
    ESS structure such as an entreprise adaptée or an insertion group); ``company_key`` the
    company or foundation side. ``stage`` is the maturity stage 1–8 (DESIGN.md §3);
    ``since_year`` is indicative demo data.
    """

    association_key: str
    company_key: str
    category: PartnershipCategory
    stage: int
    title: str
    since_year: int
    summary: str


_LILLE: Final = "59350"

STUDY_ACTORS: Final[tuple[StudyActor, ...]] = (
    {
        "key": "mda_roubaix",
        "name": "Maison des Associations de Roubaix",
        "kind": "reseau",
        "commune_insee": "59512",
        "size": None,
        "naf": None,
        "description": (
            "Lieu ressource des associations roubaisiennes, qui les accompagne notamment dans la "
            "recherche et le suivi de partenariats avec des entreprises."
        ),
        "themes": ("solidarité", "insertion", "jeunesse"),
    },
    {
        "key": "mda_tourcoing",
        "name": "Maison des Associations de Tourcoing",
        "kind": "reseau",
        "commune_insee": "59599",
        "size": None,
        "naf": None,
        "description": (
            "Lieu ressource des associations tourquennoises, qui les accompagne notamment dans "
            "leurs partenariats avec des entreprises."
        ),
        "themes": ("solidarité", "culture", "jeunesse"),
    },
    {
        "key": "face_mel",
        "name": "FACE Métropole Lilloise",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Club territorial de la Fondation Agir Contre l'Exclusion (FACE), qui mobilise des "
            "entreprises contre l'exclusion et dont les médiateurs accompagnent des partenariats "
            "entre associations et entreprises."
        ),
        "themes": ("insertion", "solidarité", "éducation"),
    },
    {
        "key": "cbe_lille_metropole",
        "name": "CBE Lille Métropole",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Comité de bassin d'emploi de la métropole lilloise, lieu de concertation entre "
            "acteurs publics, économiques et associatifs sur l'emploi et le développement local."
        ),
        "themes": ("insertion", "solidarité"),
    },
    {
        "key": "cress_hdf",
        "name": "CRESS Hauts-de-France",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Chambre régionale de l'économie sociale et solidaire, qui représente et promeut "
            "l'ESS en Hauts-de-France."
        ),
        "themes": ("insertion", "solidarité"),
    },
    {
        "key": "apes",
        "name": "APES – Acteurs pour une économie solidaire",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": "Réseau régional d'acteurs de l'économie solidaire.",
        "themes": ("solidarité", "insertion", "environnement"),
    },
    {
        "key": "cpca",
        "name": "CPCA – Conférence permanente des coordinations associatives",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Instance régionale de représentation des coordinations associatives, aujourd'hui "
            "Le Mouvement associatif."
        ),
        "themes": ("solidarité",),
    },
    {
        "key": "medef_lille_metropole",
        "name": "MEDEF Lille Métropole",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Organisation patronale territoriale qui représente les entreprises de la métropole "
            "lilloise."
        ),
        "themes": ("insertion",),
    },
    {
        "key": "cci_grand_lille",
        "name": "CCI Grand Lille",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Chambre de commerce et d'industrie qui représente et accompagne les entreprises de "
            "la métropole lilloise."
        ),
        "themes": ("insertion", "numérique"),
    },
    {
        "key": "reseau_alliances",
        "name": "Réseau Alliances",
        "kind": "reseau",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Réseau d'entreprises engagées dans une démarche de responsabilité sociétale."
        ),
        "themes": ("environnement", "insertion", "handicap"),
    },
    {
        "key": "lmcu",
        "name": "Lille Métropole Communauté Urbaine (LMCU)",
        "kind": "collectivite",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Ancienne communauté urbaine de Lille, devenue la Métropole Européenne de Lille au "
            "1er janvier 2015 ; nom encore cité dans les documents de l'époque."
        ),
        "themes": ("insertion", "mobilité", "logement"),
    },
    {
        "key": "mel",
        "name": "Métropole Européenne de Lille",
        "kind": "collectivite",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Établissement public de coopération intercommunale réunissant les 95 communes de la "
            "métropole lilloise."
        ),
        "themes": ("insertion", "mobilité", "logement", "environnement"),
        "siren": "200093201",
    },
    {
        "key": "macif",
        "name": "Macif",
        "kind": "entreprise",
        "commune_insee": _LILLE,
        "size": "GE",
        "naf": None,
        "description": (
            "Mutuelle d'assurance, partenaire de longue date de la Maison des Associations de "
            "Tourcoing."
        ),
        "themes": ("solidarité",),
    },
    {
        "key": "fondation_decathlon",
        "name": "Fondation Décathlon",
        "kind": "fondation",
        "commune_insee": "59009",
        "size": None,
        "naf": None,
        "description": (
            "Fondation d'entreprise qui soutient des projets favorisant l'accès au sport des "
            "personnes en difficulté."
        ),
        "themes": ("sport", "insertion"),
    },
    {
        "key": "orange",
        "name": "Orange",
        "kind": "entreprise",
        "commune_insee": _LILLE,
        "size": "GE",
        "naf": None,
        "description": "Opérateur de télécommunications présent sur la métropole lilloise.",
        "themes": ("numérique", "handicap"),
    },
    {
        "key": "ea_flandre_atelier",
        "name": "EA Flandre Atelier",
        "kind": "entreprise",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Entreprise adaptée, qui emploie majoritairement des travailleurs en situation de "
            "handicap."
        ),
        "themes": ("handicap", "insertion"),
    },
    {
        "key": "vitamine_t",
        "name": "Vitamine T",
        "kind": "association",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": "Groupe d'insertion par l'activité économique de la métropole lilloise.",
        "themes": ("insertion", "environnement"),
    },
    {
        "key": "triselec",
        "name": "Triselec",
        "kind": "entreprise",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Entreprise de tri des déchets ménagers recyclables de la métropole lilloise."
        ),
        "themes": ("environnement",),
    },
    {
        "key": "esterra",
        "name": "Esterra",
        "kind": "entreprise",
        "commune_insee": _LILLE,
        "size": None,
        "naf": None,
        "description": (
            "Entreprise de collecte des déchets et de propreté urbaine intervenant sur la "
            "métropole lilloise."
        ),
        "themes": ("environnement",),
    },
    {
        "key": "la_ressourcerie",
        "name": "La Ressourcerie",
        "kind": "association",
        "commune_insee": "59512",
        "size": None,
        "naf": None,
        "description": (
            "Ressourcerie qui collecte des objets, les remet en état et les revend à prix "
            "solidaires."
        ),
        "themes": ("environnement", "insertion", "solidarité"),
    },
    {
        "key": "hirondelles_alma",
        "name": "Association sportive Les Hirondelles de l'Alma",
        "kind": "association",
        "commune_insee": "59512",
        "size": None,
        "naf": "93.12Z",
        "description": (
            "Club sportif de quartier qui propose des activités multisports aux enfants et aux "
            "jeunes de l'Alma."
        ),
        "themes": ("sport", "jeunesse", "solidarité"),
    },
)

STUDY_PARTNERSHIPS: Final[tuple[StudyPartnership, ...]] = (
    {
        "association_key": "mda_tourcoing",
        "company_key": "macif",
        "category": "mecenat",
        "stage": 8,
        "title": "Partenariat structurant Macif – MDA Tourcoing",
        "since_year": 2001,
        "summary": (
            "Partenariat inscrit dans la durée (plus de douze ans), cité comme exemple de "
            "partenariat structurant : le soutien de la Macif accompagne l'action de la Maison "
            "des Associations auprès des associations tourquennoises."
        ),
    },
    {
        "association_key": "ea_flandre_atelier",
        "company_key": "orange",
        "category": "pratiques_responsables",
        "stage": 6,
        "title": "Achats responsables auprès du secteur adapté",
        "since_year": 2010,
        "summary": (
            "Partenariat fondé sur le recours aux prestations d'une entreprise adaptée, qui "
            "contribue à l'emploi de travailleurs en situation de handicap sur le territoire."
        ),
    },
    {
        "association_key": "la_ressourcerie",
        "company_key": "esterra",
        "category": "pratiques_responsables",
        "stage": 6,
        "title": "Réemploi des objets collectés",
        "since_year": 2011,
        "summary": (
            "Partenariat autour du réemploi : une partie des objets collectés est orientée vers "
            "la ressourcerie, qui les remet en état et leur donne une seconde vie."
        ),
    },
    {
        "association_key": "hirondelles_alma",
        "company_key": "fondation_decathlon",
        "category": "mecenat",
        "stage": 6,
        "title": "Soutien à l'école multisports de l'Alma",
        "since_year": 2012,
        "summary": (
            "Mécénat financier et en nature en faveur de l'accès au sport des enfants et des "
            "jeunes du quartier de l'Alma (équipements, encadrement des séances)."
        ),
    },
    {
        "association_key": "vitamine_t",
        "company_key": "triselec",
        "category": "cooperation_economique",
        "stage": 6,
        "title": "Coopération économique pour le tri des déchets recyclables",
        "since_year": 2009,
        "summary": (
            "Coopération économique associant l'activité de tri des déchets recyclables et des "
            "parcours d'insertion par l'activité économique."
        ),
    },
)

# --------------------------------------------------------------------------------------------------
# Interaction notes, decisions, follow-ups
# --------------------------------------------------------------------------------------------------

#: ``(stage_key, text)`` — notes written after a meeting, call, mediation session or visit.
#: Paragraphs are separated by a blank line ("\n\n"); placeholders: :data:`NOTE_PLACEHOLDERS`.
MEETING_NOTE_TEMPLATES: Final[tuple[tuple[StageKey, str], ...]] = (
    (
        "premier_contact",
        (
            "Appel entrant de {contact}, pour {association}, le {date}. L'association souhaite "
            "trouver un ou plusieurs partenaires privés pour consolider son projet autour de "
            "la thématique « {theme} » à {commune}. Jusqu'ici, ses ressources reposent presque "
            "entièrement sur des subventions publiques dont le renouvellement est incertain.\n\n"
            "{contact} connaissait la Maison des Associations par les permanences du jeudi "
            "mais n'avait jamais sollicité d'accompagnement sur les partenariats d'entreprise. "
            "L'association a déjà tenté deux démarches seule, par courrier, sans réponse ; "
            "elle en garde l'impression que « les entreprises ne s'intéressent pas aux petites "
            "structures ».\n\n"
            "J'ai présenté le déroulé de l'accompagnement : diagnostic du projet et des "
            "besoins, recherche dans le vivier d'entreprises, mise en relation, puis appui à "
            "la co-construction et à la convention. Rendez-vous fixé pour un diagnostic sur "
            "place ; {contact} viendra avec le budget prévisionnel, le dernier rapport "
            "d'activité et, si possible, un membre du bureau."
        ),
    ),
    (
        "premier_contact",
        (
            "Premier échange avec {contact} ({entreprise}) à l'issue du petit-déjeuner RSE du "
            "{date}. L'entreprise, implantée à {commune}, a recruté plusieurs salariés issus "
            "de parcours d'insertion et souhaite « aller plus loin » sans savoir par où "
            "commencer. Le dirigeant est favorable, mais personne n'est identifié en interne "
            "pour porter le sujet.\n\n"
            "{contact} a posé beaucoup de questions pratiques : temps à y consacrer, risques, "
            "différence entre mécénat et sponsoring, possibilité de mobiliser des salariés sur "
            "leur temps de travail. J'ai rappelé que le mécénat ouvre droit à une réduction "
            "d'impôt et que le mécénat de compétences suppose une convention préalable "
            "chiffrée, mais que d'autres formes existent : achats responsables, coopération "
            "sur un projet commun.\n\n"
            "Pas de demande précise à ce stade. Proposition d'un entretien de diagnostic dans "
            "les locaux de l'entreprise pour clarifier les motivations et les ressources "
            "mobilisables. {contact} doit en parler à sa direction avant de confirmer une "
            "date."
        ),
    ),
    (
        "premier_contact",
        (
            "Orientation reçue du CBE Lille Métropole : {association} cherche un appui pour "
            "son action « {theme} » menée à {commune}, notamment auprès des habitants du "
            "quartier. Premier contact téléphonique avec {contact} le {date}, environ quarante "
            "minutes.\n\n"
            "L'association compte une salariée à mi-temps et une douzaine de bénévoles actifs. "
            "Le projet est solide sur le fond mais peu formalisé : pas de fiche projet, budget "
            "tenu sur un tableur, aucune trace écrite des résultats des années précédentes. "
            "{contact} craint que cela ne « fasse pas sérieux » face à une entreprise.\n\n"
            "J'ai tenu à rassurer sur ce point : le diagnostic sert justement à mettre en "
            "forme le projet et à identifier ce que l'association peut apporter en retour, pas "
            "seulement ce qu'elle demande. Envoi par courriel de la fiche de présentation type "
            "de la MDA, à compléter avant notre prochain rendez-vous. Je préviens le CBE que "
            "la demande est prise en charge."
        ),
    ),
    (
        "premier_contact",
        (
            "Rencontre lors du speed-dating associations–entreprises : {contact} représentait "
            "{entreprise}, entreprise de {commune}, et s'est arrêté à la table de "
            "{association}. Les deux structures ne se connaissaient pas ; l'échange de huit "
            "minutes a surtout permis de constater qu'elles interviennent sur le même "
            "quartier.\n\n"
            "Le {date}, {contact} m'a rappelé pour donner suite. L'entreprise réfléchit à une "
            "action de mécénat en nature (matériel, prêt d'une salle de réunion) et se demande "
            "si l'association est « fiable ». Elle souhaite que la mise en relation passe par "
            "un tiers plutôt que directement.\n\n"
            "J'ai noté les éléments de contexte : effectif d'une trentaine de salariés, aucune "
            "démarche RSE formalisée, un dirigeant attaché au territoire. Je prends contact "
            "avec l'association pour vérifier son intérêt et programmer deux entretiens de "
            "diagnostic séparés avant toute rencontre commune. Ouverture d'un dossier à "
            "l'étape « premier contact », origine : événement."
        ),
    ),
    (
        "premier_contact",
        (
            "Demande arrivée par courriel le {date} via le formulaire du site. {contact}, en "
            "charge de la trésorerie de {association}, souhaite « trouver un sponsor » pour "
            "financer un séjour de jeunes et renouveler du matériel. Montant évoqué : "
            "{montant}.\n\n"
            "Appel de retour dans la journée. En creusant, le besoin est double : une dépense "
            "ponctuelle (le séjour) et un besoin récurrent de matériel pour l'activité à "
            "{commune}. J'ai expliqué la différence entre le parrainage, qui implique une "
            "contrepartie publicitaire et une facture, et le mécénat, qui donne lieu à un reçu "
            "fiscal et suppose des contreparties limitées. L'association paraît éligible mais "
            "n'a jamais émis de reçu fiscal ; il faudra vérifier ses statuts et son caractère "
            "d'intérêt général.\n\n"
            "{contact} est d'accord pour un diagnostic complet. Je demande de préparer les "
            "statuts, le dernier bilan financier et la liste des partenaires actuels, y "
            "compris les collectivités, pour le rendez-vous de la semaine prochaine."
        ),
    ),
    (
        "premier_contact",
        (
            "Contact établi le {date} avec {contact}, responsable RSE de {entreprise}, sur "
            "recommandation du réseau d'entreprises auquel la société adhère. L'entreprise "
            "dispose d'un budget annuel de mécénat jusqu'ici distribué « au coup par coup » à "
            "des demandes reçues par courrier, sans suivi. La direction souhaite recentrer son "
            "engagement sur la thématique « {theme} » et sur le territoire où vivent ses "
            "salariés, majoritairement à {commune} et alentour.\n\n"
            "{contact} attend de nous un regard extérieur et un accès à des associations que "
            "l'entreprise ne connaît pas. J'ai présenté les quatre formes de partenariat "
            "(mécénat, pratiques responsables, coopération économique, innovation sociétale), "
            "en précisant qu'on commence souvent par le mécénat avant d'aller plus loin, une "
            "fois la confiance installée.\n\n"
            "Suite convenue : entretien de diagnostic avec {contact} et, si possible, un "
            "représentant des salariés, pour comprendre les attentes internes avant de "
            "chercher des associations dans le vivier."
        ),
    ),
    (
        "diagnostic",
        (
            "Diagnostic réalisé le {date} dans les locaux de {association} à {commune}, avec "
            "{contact} et deux administrateurs. Durée : deux heures.\n\n"
            "Projet : développer l'action « {theme} » auprès d'un public plus large, notamment "
            "des jeunes du quartier. Points forts : ancrage local réel, bénévoles fidèles, "
            "bonne relation avec la mairie. Points faibles : dépendance forte à une subvention "
            "unique, pas de comptabilité analytique, communication quasi inexistante hors "
            "réseaux sociaux.\n\n"
            "Besoins identifiés, par ordre de priorité : 1) financement du poste de "
            "coordination ({montant} sur l'année) ; 2) compétences en gestion et en "
            "communication ; 3) matériel. Ce que l'association peut apporter à une entreprise "
            ": connaissance fine du quartier, capacité à mobiliser des habitants, possibilité "
            "d'accueillir des salariés pour des actions de bénévolat.\n\n"
            "Frein principal relevé : méconnaissance du monde de l'entreprise et crainte d'une "
            "« instrumentalisation ». À travailler avant toute mise en relation. Maturité "
            "partenariale : premiers pas."
        ),
    ),
    (
        "diagnostic",
        (
            "Entretien de diagnostic chez {entreprise} le {date}, avec {contact} et le "
            "dirigeant. L'entreprise compte une quarantaine de salariés, dont une partie "
            "réside à {commune}. Elle n'a pas de politique RSE écrite, mais plusieurs "
            "initiatives existent : dons ponctuels de matériel, accueil de stagiaires de "
            "troisième, participation à une course solidaire.\n\n"
            "Motivations exprimées : fidéliser les équipes et donner du sens, améliorer "
            "l'image de l'entreprise auprès des candidats, « rendre au quartier ce qu'il nous "
            "a donné ». Le dirigeant est attentif au temps passé : il n'est pas prêt, pour "
            "commencer, à mobiliser des salariés plus d'une journée par an chacun.\n\n"
            "Ressources mobilisables : un budget de mécénat financier modeste, des compétences "
            "en logistique et en maintenance, un local inoccupé le samedi. Thématique "
            "privilégiée : « {theme} ».\n\n"
            "Frein relevé : cloisonnement, l'entreprise ne connaît aucune association en "
            "dehors du club de football local. Prochaine étape : recherche dans le vivier de "
            "deux ou trois associations compatibles, présentées de façon anonyme avant toute "
            "mise en relation."
        ),
    ),
    (
        "diagnostic",
        (
            "Restitution du diagnostic croisé le {date}, en présence de {contact} pour "
            "{association} et d'un représentant de {entreprise}. Chaque partie avait rempli la "
            "grille en amont ; la séance a servi à confronter les réponses.\n\n"
            "Convergences : intérêt commun pour la thématique « {theme} », attachement au "
            "territoire de {commune}, souhait d'une action visible par les salariés. "
            "Divergences : l'entreprise imagine une opération ponctuelle et médiatisée, "
            "l'association cherche un soutien dans la durée pour son fonctionnement. Le "
            "calendrier diffère aussi : l'entreprise boucle ses budgets en novembre, "
            "l'association a besoin d'une réponse avant l'été.\n\n"
            "J'ai proposé de distinguer deux niveaux : une action de démarrage, simple et "
            "rapide, puis une réflexion sur un partenariat pluriannuel si la première "
            "expérience est concluante. Les deux parties ont accepté ce principe.\n\n"
            "Freins notés dans le dossier : méfiance (légère) de l'association sur l'usage de "
            "son image, complexité perçue côté entreprise autour du reçu fiscal."
        ),
    ),
    (
        "diagnostic",
        (
            "Deuxième séance de diagnostic avec {association}, le {date}. {contact} était "
            "accompagné·e du président, absent lors de la première rencontre. L'objectif était "
            "de valider la fiche projet et la liste des besoins avant de lancer les "
            "recherches.\n\n"
            "La discussion a fait apparaître un désaccord interne : le président souhaite un "
            "partenaire financier, tandis que l'équipe salariée attend surtout des "
            "compétences, en particulier sur le numérique et la recherche de financements. "
            "Nous avons retenu les deux besoins, en précisant que le second se prête bien au "
            "mécénat de compétences, qui suppose une convention préalable précisant le nombre "
            "de jours et la valorisation.\n\n"
            "L'association n'a jamais émis de reçu fiscal. Nous avons vérifié ensemble les "
            "critères d'intérêt général : gestion désintéressée, activité non lucrative, "
            "public non restreint. Rien ne s'y oppose a priori, mais je recommande une "
            "confirmation écrite par un conseil avant toute émission.\n\n"
            "Fiche projet validée. Budget du projet : {montant}. Recherche dans le vivier à "
            "lancer sur la thématique « {theme} » autour de {commune}."
        ),
    ),
    (
        "diagnostic",
        (
            "Visite de diagnostic le {date} chez {entreprise}, TPE de huit salariés installée "
            "à {commune}. Interlocuteur : {contact}, à la tête de l'entreprise depuis une "
            "dizaine d'années.\n\n"
            "L'entreprise n'a pas de budget dédié mais souhaite s'impliquer « à sa mesure ». "
            "Le gérant a lui-même été accompagné par une association d'insertion dans sa "
            "jeunesse et veut transmettre. Il évoque la possibilité d'accueillir des jeunes en "
            "stage de découverte, de prêter ponctuellement un véhicule utilitaire et de "
            "participer à un jury d'entretiens fictifs.\n\n"
            "Nous avons parlé de la valorisation des dons en nature : elle se fait au coût de "
            "revient et c'est à l'entreprise de la déterminer ; l'association ne fait que "
            "reporter la valeur sur le reçu. Pour une TPE, le plafond de 20 000 € (ou 5 ‰ du "
            "chiffre d'affaires s'il est plus élevé) laisse une marge confortable.\n\n"
            "Thématiques d'intérêt : « {theme} » et insertion. Le gérant préfère travailler "
            "avec une association proche géographiquement. À croiser avec les besoins en cours "
            "à {commune} et dans les communes voisines."
        ),
    ),
    (
        "diagnostic",
        (
            "Entretien de diagnostic avec {contact} ({association}) le {date}, à la MDA. "
            "L'association intervient à {commune} sur la thématique « {theme} » depuis une "
            "quinzaine d'années.\n\n"
            "Le conseil d'administration a refusé l'an dernier une proposition de mécénat "
            "d'une grande enseigne, jugée contradictoire avec les valeurs du projet. Depuis, "
            "le sujet des partenariats d'entreprise est sensible en interne. {contact} "
            "souhaite avancer mais redoute un nouveau conflit.\n\n"
            "Nous avons travaillé sur une « charte de l'engagement » interne : types "
            "d'entreprises acceptées ou exclues, contreparties possibles, règles de "
            "communication. Ce document, une fois validé par le CA, servira de cadre à toute "
            "mise en relation et évitera que la discussion ne reparte de zéro à chaque "
            "proposition.\n\n"
            "Frein principal : méfiance, d'origine interne plus qu'envers une entreprise "
            "précise. Besoin prioritaire : ressources financières pour le fonctionnement. Je "
            "propose de revoir {contact} après le prochain CA pour valider la charte avant de "
            "rechercher des partenaires."
        ),
    ),
    (
        "mise_en_relation",
        (
            "Courrier d'introduction envoyé le {date} à {contact}, {entreprise}, pour "
            "présenter {association} et son projet « {theme} » à {commune}. Le courrier "
            "reprend la fiche projet validée, le besoin chiffré ({montant}) et ce que "
            "l'association peut apporter en retour : accueil de salariés bénévoles, visibilité "
            "auprès des habitants, témoignage lors d'un événement interne.\n\n"
            "Le choix de cette entreprise repose sur trois critères : proximité géographique, "
            "intérêt déjà exprimé pour la thématique lors du diagnostic, taille compatible "
            "avec un premier partenariat modeste. Deux autres entreprises du vivier ont été "
            "écartées pour l'instant, l'une parce qu'elle soutient déjà une association "
            "voisine sur le même projet, l'autre faute d'interlocuteur identifié.\n\n"
            "Relance téléphonique prévue sous dix jours en l'absence de retour. L'association "
            "est informée de l'envoi et a reçu une copie du courrier."
        ),
    ),
    (
        "mise_en_relation",
        (
            "Première rencontre entre {association} et {entreprise} le {date}, dans les locaux "
            "de l'association à {commune}. Présents : {contact} pour l'entreprise, la "
            "coordinatrice et le président de l'association, {facilitateur} pour la "
            "facilitation.\n\n"
            "La visite des locaux a été décisive : l'entreprise imaginait une structure "
            "beaucoup plus petite et a découvert un public nombreux, des bénévoles organisés "
            "et des projets concrets. L'association, de son côté, a été rassurée par la "
            "simplicité de l'échange et l'absence de « plan de communication » préalable.\n\n"
            "Chacun a présenté ses attentes. L'entreprise veut une action à laquelle ses "
            "salariés puissent participer ; l'association cherche un soutien sur la durée. "
            "Nous avons identifié une piste commune autour de la thématique « {theme} », à "
            "préciser lors d'une réunion de co-construction.\n\n"
            "Ambiance bonne, pas de frein exprimé. Je rédige un compte rendu partagé et "
            "propose trois dates pour la suite."
        ),
    ),
    (
        "mise_en_relation",
        (
            "Retour de {contact} ({entreprise}) le {date}, après réception de la présentation "
            "de {association}. L'entreprise ne donne pas suite à ce projet : le budget de "
            "l'année est déjà engagé et la thématique « {theme} » ne correspond pas aux "
            "priorités fixées par le comité de direction.\n\n"
            "L'échange reste positif. {contact} souhaite que l'entreprise reste dans le vivier "
            "et soit informée des prochains événements, en particulier des petits-déjeuners "
            "RSE. L'entreprise pourrait en revanche proposer du mécénat de compétences en "
            "comptabilité dès la rentrée, ce qui répond à un autre besoin identifié lors du "
            "diagnostic de l'association.\n\n"
            "J'ai informé l'association le jour même pour éviter une attente inutile. "
            "Déception, mais compréhension : l'équipe est d'accord pour explorer la piste du "
            "mécénat de compétences. Relance de deux autres entreprises du vivier implantées à "
            "{commune} sur le besoin financier initial."
        ),
    ),
    (
        "mise_en_relation",
        (
            "Recherche dans le vivier le {date} pour le besoin de {association} (thématique « "
            "{theme} », {commune}, besoin estimé à {montant}). Le classement proposé par "
            "l'outil fait ressortir cinq offres ; après lecture, trois sont pertinentes.\n\n"
            "{entreprise} arrive en tête : offre de mécénat en nature et de compétences sur la "
            "même thématique, implantation à moins de deux kilomètres, interlocuteur connu "
            "({contact}) et rencontré lors du dernier speed-dating. Les deux autres "
            "entreprises proposent un soutien financier, mais sur une période qui ne coïncide "
            "pas avec le calendrier du projet.\n\n"
            "Avant tout contact, j'ai vérifié avec l'association qu'elle accepte un soutien "
            "majoritairement en nature : c'est le cas, à condition qu'une partie du matériel "
            "soit neuve. Appel à {contact} pour présenter le projet oralement, puis envoi de "
            "la fiche projet. Les deux autres pistes restent en réserve dans le dossier."
        ),
    ),
    (
        "mise_en_relation",
        (
            "Rencontre tripartite le {date} dans les locaux de {entreprise} à {commune}. "
            "{contact} avait réuni le directeur d'agence et deux salariés volontaires. "
            "L'association {association} était représentée par son président et sa chargée de "
            "mission.\n\n"
            "Le président a présenté le projet à l'aide d'un diaporama préparé lors du "
            "diagnostic ; les salariés ont posé des questions très concrètes sur le public et "
            "les horaires. L'entreprise a expliqué son fonctionnement : les décisions de "
            "mécénat sont prises deux fois par an par un comité, dont la prochaine session a "
            "lieu dans six semaines.\n\n"
            "J'ai recadré la discussion lorsque le directeur a évoqué un « logo sur les "
            "maillots » : c'est une logique de parrainage, avec facture et TVA éventuelle, "
            "différente du mécénat. L'entreprise préfère finalement le mécénat, plus cohérent "
            "avec sa démarche.\n\n"
            "Décision : l'association rédige une note de deux pages pour le comité, relue par "
            "la MDA. Thématique retenue : « {theme} »."
        ),
    ),
    (
        "mise_en_relation",
        (
            "Mise en relation par courriel le {date} entre {contact} ({entreprise}) et "
            "{association}, après accord explicite des deux parties pour le partage de leurs "
            "coordonnées. Le message rappelle le contexte (rencontre lors d'un événement, "
            "diagnostic réalisé de chaque côté), les attentes respectives et le rôle de la MDA "
            ": faciliter, pas décider à leur place.\n\n"
            "J'ai volontairement proposé un premier rendez-vous court, sur le lieu d'activité "
            "de l'association à {commune}, plutôt qu'une réunion formelle en entreprise : les "
            "deux diagnostics avaient fait ressortir une appréhension de l'association face "
            "aux « codes » de l'entreprise.\n\n"
            "Réponse de {contact} dans l'heure, avec deux créneaux. L'association a confirmé "
            "le lendemain. J'animerai la première rencontre uniquement ; la suite se fera en "
            "direct si les deux parties le souhaitent, avec un point téléphonique de ma part "
            "une semaine après."
        ),
    ),
    (
        "co_construction",
        (
            "Réunion de co-construction le {date} à {commune}, entre {association} et "
            "{entreprise}. Présents : {contact}, la coordinatrice de l'association, un "
            "administrateur, {facilitateur}.\n\n"
            "Objet : passer de l'intention commune à un projet écrit. Nous avons travaillé sur "
            "quatre questions : quel objectif partagé, quelles contributions de chacun, quels "
            "indicateurs, quelle gouvernance. Objectif retenu : permettre à une trentaine de "
            "jeunes de {commune} de découvrir les métiers de l'entreprise au cours de l'année, "
            "dans le cadre de l'action « {theme} » de l'association.\n\n"
            "Contributions : l'entreprise apporte {montant} de soutien financier, six journées "
            "de salariés en mécénat de compétences et l'accès à ses ateliers ; l'association "
            "assure le repérage des jeunes, leur accompagnement et le lien avec les familles.\n\n"
            "Indicateurs envisagés : nombre de jeunes accueillis, nombre de salariés "
            "impliqués, appréciation des jeunes avant et après. Un comité de suivi trimestriel "
            "est proposé. Prochaine étape : premier jet de convention."
        ),
    ),
    (
        "co_construction",
        (
            "Séance de médiation le {date} entre {association} et {entreprise}, à la demande "
            "de l'association. Contexte : un article de presse locale a présenté l'action "
            "commune comme « l'opération solidaire de {entreprise} », sans citer "
            "l'association. Les bénévoles l'ont très mal vécu et le bureau envisageait de "
            "suspendre la collaboration.\n\n"
            "J'ai d'abord reçu chaque partie séparément, puis animé un échange commun d'une "
            "heure et demie. {contact} a reconnu une maladresse du service communication et "
            "précisé que l'entreprise n'avait pas relu l'article avant publication. "
            "L'association a exprimé une méfiance plus ancienne : la peur d'être « une vitrine "
            "» pour l'entreprise.\n\n"
            "Accord trouvé sur trois points : toute communication sur l'action sera validée "
            "par écrit par les deux parties ; un rectificatif sera publié sur les réseaux de "
            "l'entreprise ; la convention en préparation comportera une clause sur l'usage des "
            "noms et logos.\n\n"
            "Tension apaisée, mais confiance à consolider. Frein « méfiance » maintenu dans le "
            "dossier jusqu'au prochain comité."
        ),
    ),
    (
        "co_construction",
        (
            "Médiation du {date} sur le projet « {theme} » associant {association} et "
            "{entreprise}. Le blocage ne venait pas d'un désaccord mais d'un cloisonnement : "
            "côté entreprise, la direction RSE portait le projet sans que les managers de "
            "proximité soient informés ; les salariés volontaires ne pouvaient donc pas se "
            "libérer aux dates prévues.\n\n"
            "En présence de {contact} et du responsable de site, nous avons repris le "
            "planning. Le responsable de site a découvert le projet à cette occasion et s'est "
            "montré favorable dès qu'il a compris qu'il pourrait choisir les créneaux en "
            "fonction de la charge de l'atelier.\n\n"
            "Décisions : les journées de mécénat de compétences sont regroupées sur les "
            "périodes creuses ; le responsable de site devient référent opérationnel ; un "
            "point de dix minutes sur le partenariat est ajouté à la réunion d'équipe "
            "mensuelle. L'association adapte en conséquence ses propres ateliers à {commune}.\n\n"
            "Le frein « cloisonnement » est levé pour l'essentiel ; je propose un point de "
            "suivi dans un mois."
        ),
    ),
    (
        "co_construction",
        (
            "Point de médiation le {date} avec {contact} ({entreprise}) et la trésorière de "
            "{association}. Sujet : la complexité administrative, qui bloque depuis deux mois "
            "le versement du soutien de {montant}.\n\n"
            "L'entreprise exigeait un dossier de référencement fournisseur complet (extrait "
            "Kbis, attestation URSSAF, RIB certifié), inadapté à une association qui ne "
            "facture rien. L'association, de son côté, ne savait pas quel reçu fiscal émettre "
            "ni à quel moment. Chaque partie attendait que l'autre fasse le premier pas.\n\n"
            "Nous avons clarifié : il s'agit d'un don, donc pas de référencement fournisseur, "
            "mais une simple fiche tiers avec les statuts, le numéro RNA et le RIB. "
            "L'association émettra le reçu fiscal destiné aux entreprises (Cerfa n° 16216) à "
            "réception des fonds, dans un délai de quinze jours, en indiquant la date, le "
            "montant et le mode de versement.\n\n"
            "{contact} fait valider la procédure par le service comptable cette semaine. Je "
            "transmets à l'association un modèle de reçu conforme."
        ),
    ),
    (
        "co_construction",
        (
            "Deuxième réunion de co-construction le {date} entre {association} et "
            "{entreprise}. L'idée initiale d'un mécénat financier a évolué : l'entreprise "
            "souhaite surtout progresser sur l'accueil de personnes en situation de handicap "
            "et reconnaît que l'association dispose d'une expertise qui lui manque.\n\n"
            "Nous avons donc requalifié le projet en « pratiques responsables » : "
            "l'association accompagnera l'entreprise dans la sensibilisation des équipes et "
            "l'adaptation de deux postes, et l'entreprise rémunérera cette intervention. "
            "{contact} a bien compris que, dans ce cas, il s'agit d'une prestation facturée et "
            "non d'un don : pas de reçu fiscal, mais une facture, avec les questions de TVA "
            "que cela pose pour l'association.\n\n"
            "L'association a souhaité garder une part de mécénat pour son action « {theme} » à "
            "{commune}, distincte de la prestation. Les deux volets feront l'objet de "
            "documents séparés pour éviter toute confusion.\n\n"
            "À faire : chiffrage de la prestation par l'association, vérification de sa "
            "situation fiscale avec son expert-comptable."
        ),
    ),
    (
        "co_construction",
        (
            "Atelier de co-construction le {date} sur une réponse commune à un appel d'offres "
            "de la collectivité, associant {entreprise} et {association}. L'entreprise apporte "
            "ses moyens techniques, l'association sa capacité d'accompagnement des publics "
            "éloignés de l'emploi à {commune}.\n\n"
            "La discussion a porté sur la répartition des rôles et des recettes. {contact} "
            "proposait une sous-traitance classique ; l'association souhaitait une "
            "co-traitance, pour être reconnue comme partenaire à part entière. Après échange, "
            "les deux parties retiennent un groupement momentané d'entreprises dont "
            "l'entreprise serait mandataire, avec une répartition du marché au prorata des "
            "heures réalisées.\n\n"
            "J'ai rappelé que cette coopération économique relève d'une relation commerciale, "
            "hors mécénat, et qu'une convention de groupement doit préciser la propriété des "
            "outils développés ensemble.\n\n"
            "Points ouverts : assurance responsabilité civile de l'association pour les "
            "interventions sur chantier, calendrier de dépôt très serré. Prochaine réunion "
            "dans huit jours, avec un conseil juridique pour chaque structure."
        ),
    ),
    (
        "co_construction",
        (
            "Séance de médiation le {date} dans les locaux de {association} à {commune}. "
            "Tension née d'une journée solidaire manquée : sur douze salariés de {entreprise} "
            "inscrits, quatre seulement sont venus, alors que l'association avait mobilisé des "
            "bénévoles et prévu le repas pour tout le groupe.\n\n"
            "L'association s'est sentie peu respectée ; {contact} expliquait les absences par "
            "un pic d'activité imprévu et regrettait que l'information ne soit pas remontée à "
            "temps. Chacun a pu dire ce qu'il avait vécu, sans chercher de coupable.\n\n"
            "Nous avons ensuite travaillé sur des règles simples : confirmation des "
            "inscriptions cinq jours avant, seuil minimal de participants en dessous duquel la "
            "journée est reportée, prise en charge par l'entreprise des frais engagés en cas "
            "d'annulation tardive.\n\n"
            "Ces règles seront annexées à la convention. Les deux parties souhaitent maintenir "
            "la prochaine journée, prévue sur la thématique « {theme} ». Relation apaisée ; je "
            "garde le dossier en co-construction jusqu'à la signature."
        ),
    ),
    (
        "convention",
        (
            "Réunion de rédaction de la convention le {date}, en visioconférence, avec "
            "{contact} ({entreprise}) et le président de {association}. Base de travail : le "
            "modèle de convention de mécénat de la MDA, complété à partir du compte rendu de "
            "co-construction.\n\n"
            "Nous avons passé en revue les articles : objet (action « {theme} » à {commune}) ; "
            "nature et montant de l'engagement ({montant} en numéraire, versés en deux fois) ; "
            "engagements de l'association (affectation des fonds, rapports intermédiaire et "
            "final, reçu fiscal sous quinze jours) ; durée d'un an avec renouvellement exprès.\n\n"
            "Les contreparties ont été listées et valorisées : mention du nom de l'entreprise "
            "sur les supports de l'action, deux invitations à l'événement de fin d'année, une "
            "visite pour les salariés. Leur valeur totale reste très inférieure au quart du "
            "don, ce qui respecte la disproportion marquée attendue.\n\n"
            "Points à finaliser : clause de communication (validation écrite préalable de "
            "chaque support) et clause RGPD sur les coordonnées échangées. Version 2 à envoyer "
            "sous huit jours."
        ),
    ),
    (
        "convention",
        (
            "Préparation de la convention de mécénat de compétences le {date}, avec {contact} "
            "({entreprise}) et la coordinatrice de {association}. Rappel : ce type de mécénat "
            "suppose une convention préalable, avec un chiffrage et un calendrier précis.\n\n"
            "Contenu arrêté : trois salariés volontaires, douze journées au total réparties "
            "sur six mois, mission d'appui à la structuration de la communication et de la "
            "recherche de fonds de l'association. L'entreprise conserve l'autorité sur ses "
            "salariés ; la mise à disposition fera l'objet d'un avenant à leur contrat. La "
            "valorisation, déterminée par l'entreprise, repose sur le salaire et les charges "
            "de chaque salarié, dans la limite du plafond légal.\n\n"
            "Montant valorisé estimé : {montant}. L'association émettra un reçu décrivant "
            "précisément les journées réalisées et les salariés concernés, une fois les "
            "prestations effectuées.\n\n"
            "Restent à préciser : l'assurance des salariés lors des interventions à {commune} "
            "et le référent côté association. Signature envisagée le mois prochain."
        ),
    ),
    (
        "convention",
        (
            "Réunion du {date} consacrée à la convention de partenariat entre {association} et "
            "{entreprise}. Le projet relève de la coopération économique : il ne s'agit pas "
            "d'un mécénat et il n'y aura donc pas de reçu fiscal.\n\n"
            "Structure retenue : préambule présentant les deux partenaires et leurs "
            "motivations, objectifs partagés, engagements réciproques, gouvernance (comité de "
            "pilotage semestriel coprésidé), indicateurs communs, flux financiers facturés, "
            "propriété des outils créés ensemble, durée de deux ans, résiliation après mise en "
            "demeure restée sans effet pendant trente jours.\n\n"
            "{contact} a demandé une clause d'exclusivité sur le territoire de {commune}. "
            "L'association y est opposée, car elle travaille déjà avec d'autres entreprises du "
            "secteur. Compromis proposé : pas d'exclusivité, mais une information préalable de "
            "l'entreprise avant tout nouveau partenariat sur la même thématique « {theme} ».\n\n"
            "Version consolidée à transmettre aux conseils juridiques des deux structures. "
            "Objectif : signature avant la fin du trimestre."
        ),
    ),
    (
        "convention",
        (
            "Projet de convention envoyé le {date} à {contact}, {entreprise}, et au bureau de "
            "{association}, après intégration des dernières remarques. Montant du soutien : "
            "{montant}, pour l'action « {theme} » menée à {commune}.\n\n"
            "La relecture côté entreprise a surtout porté sur l'article « annulation ou report "
            "de l'action » : l'entreprise souhaitait un remboursement intégral en cas "
            "d'annulation. Nous avons retenu une rédaction plus équilibrée : remboursement des "
            "sommes non engagées, ou réaffectation à une autre action de l'association avec "
            "l'accord écrit de l'entreprise.\n\n"
            "L'association a fait valider le texte par son conseil d'administration ; le "
            "président est habilité à signer. Côté entreprise, la signature relève du "
            "directeur général, absent jusqu'à la fin du mois.\n\n"
            "Dossier passé à l'étape « convention » ; statut de la convention : envoyée. "
            "Relance prévue dans trois semaines si la version signée n'est pas revenue."
        ),
    ),
    (
        "convention",
        (
            "Signature de la convention le {date} dans les locaux de {association} à "
            "{commune}, en présence de {contact} pour {entreprise}, du président de "
            "l'association, de trois bénévoles et de deux salariés de l'entreprise. Deux "
            "originaux signés, un pour chaque partie ; copie numérisée archivée dans le "
            "dossier.\n\n"
            "Le moment a été simple et chaleureux : visite des locaux, présentation des "
            "premières actions prévues, échange informel autour d'un café préparé par les "
            "bénévoles. {contact} a insisté sur la volonté de l'entreprise d'inscrire le "
            "partenariat dans la durée.\n\n"
            "Points de vigilance notés : le premier versement ({montant}) doit intervenir sous "
            "trente jours ; le reçu fiscal sera émis à réception ; le premier comité de suivi "
            "est fixé dans trois mois. La communication commune (publication sur les réseaux "
            "des deux structures) est validée dans sa version écrite.\n\n"
            "Dossier passé à l'étape « mise en œuvre et suivi »."
        ),
    ),
    (
        "convention",
        (
            "Travail sur la convention de mise à disposition le {date}, avec {contact} "
            "({entreprise}) et {association}. L'entreprise prête gratuitement une salle et un "
            "espace de stockage à {commune}, deux soirs par semaine et le samedi matin, pour "
            "les activités « {theme} » de l'association.\n\n"
            "Éléments arrêtés : description des locaux et des équipements, horaires, remise "
            "des clés et règles de sécurité, état des lieux d'entrée et de sortie, assurance "
            "de l'association pour ses activités et ses bénévoles. La mise à disposition "
            "constitue un mécénat en nature : sa valorisation, au coût de revient, sera "
            "déterminée par l'entreprise et reportée sur le reçu fiscal annuel. Première "
            "estimation communiquée : {montant} par an.\n\n"
            "L'association demandait la possibilité d'accueillir du public extérieur lors "
            "d'une fête de quartier. {contact} accepte, sous réserve d'une demande écrite "
            "quinze jours avant.\n\n"
            "Convention prévue pour un an, renouvelable par accord exprès. Signature envisagée "
            "sous quinze jours."
        ),
    ),
    (
        "suivi",
        (
            "Visite de suivi le {date} chez {association}, à {commune}, trois mois après la "
            "signature avec {entreprise}. Présents : la coordinatrice, {contact} et "
            "{facilitateur}.\n\n"
            "Réalisations : deux ateliers « {theme} » ont eu lieu avec des salariés de "
            "l'entreprise, 37 participants au total ; un troisième est prévu le mois prochain. "
            "Le premier versement a été reçu et le reçu fiscal émis dans les délais. Les "
            "bénévoles apprécient la régularité des salariés présents.\n\n"
            "Difficulté : les salariés volontaires sont toujours les mêmes, et l'association "
            "craint un essoufflement. {contact} propose de présenter le partenariat lors d'une "
            "réunion interne, avec le témoignage d'un bénévole, pour élargir le cercle.\n\n"
            "Indicateurs à jour dans le dossier. Aucun frein nouveau. Prochain point lors du "
            "comité de suivi prévu dans trois mois ; je transmets aux deux partenaires un "
            "modèle de tableau de bord simple."
        ),
    ),
    (
        "suivi",
        (
            "Appel de suivi avec {contact} ({entreprise}) le {date}. Le partenariat avec "
            "{association} se déroule globalement bien, mais le deuxième versement de "
            "{montant} n'a pas encore été effectué : la demande de paiement interne a été "
            "bloquée, le service comptable l'ayant classée par erreur en dépense fournisseur.\n\n"
            "{contact} a relancé le service concerné pendant l'appel ; la régularisation est "
            "annoncée sous dix jours. Je préviens l'association, qui avait avancé des dépenses "
            "sur ses fonds propres et commençait à s'inquiéter.\n\n"
            "Autre point : l'entreprise souhaite publier un article sur son intranet. Je "
            "rappelle que la convention prévoit une validation écrite préalable par "
            "l'association ; {contact} enverra le texte en amont.\n\n"
            "Le dossier reste à l'étape « mise en œuvre et suivi ». Tâche créée : vérifier la "
            "réception du versement d'ici quinze jours."
        ),
    ),
    (
        "suivi",
        (
            "Comité de suivi du partenariat entre {association} et {entreprise}, le {date}, "
            "dans les locaux de l'entreprise à {commune}. Ordre du jour : avancement des "
            "actions, indicateurs, budget, communication, perspectives.\n\n"
            "Avancement conforme au calendrier pour les actions « {theme} ». Les indicateurs "
            "montrent une participation supérieure à l'objectif initial, mais un taux "
            "d'abandon en cours de parcours plus élevé que prévu chez les jeunes accueillis. "
            "L'association l'explique par des horaires parfois incompatibles avec les "
            "transports. {contact} propose d'étudier un décalage des créneaux et un appui "
            "ponctuel pour les déplacements.\n\n"
            "Budget : consommé à 60 %, sans écart notable. Communication : une courte vidéo "
            "est en préparation ; l'association recueillera l'autorisation de droit à l'image "
            "des participants.\n\n"
            "Décision : prolongation d'un mois de la phase pilote pour tester les nouveaux "
            "horaires avant le bilan. Compte rendu envoyé aux participants le lendemain."
        ),
    ),
    (
        "suivi",
        (
            "Participation le {date} à la journée solidaire organisée par {association} avec "
            "douze salariés de {entreprise}, à {commune}. Au programme : rénovation d'une "
            "salle d'activité le matin, atelier « {theme} » avec les habitants l'après-midi.\n\n"
            "La journée s'est bien passée. Les salariés ont apprécié de travailler aux côtés "
            "des bénévoles et de comprendre le quotidien de l'association. Plusieurs ont "
            "demandé comment s'engager à titre personnel en dehors du temps de travail ; j'ai "
            "rappelé la différence entre le mécénat de compétences, sur le temps de travail, "
            "et le bénévolat, à titre individuel.\n\n"
            "Petit incident : le matériel promis n'est arrivé qu'à midi, faute de coordination "
            "entre le magasinier de l'entreprise et la coordinatrice de l'association. À "
            "anticiper la prochaine fois avec une liste partagée.\n\n"
            "{contact} a pris des photos ; leur diffusion est soumise à l'accord des personnes "
            "et à la validation de l'association, conformément à la convention."
        ),
    ),
    (
        "suivi",
        (
            "Point de suivi téléphonique le {date}. {contact} remplace l'interlocuteur "
            "historique de {entreprise} pour le partenariat avec {association}, parti dans une "
            "autre entreprise. Ce changement inquiétait l'association, qui craignait de devoir "
            "« tout réexpliquer ».\n\n"
            "J'ai présenté à {contact} l'historique du dossier : diagnostic, convention "
            "signée, actions réalisées, indicateurs, prochaines échéances. Le dossier partagé "
            "permet de reprendre sans perte d'information. {contact} découvre le partenariat "
            "mais affiche sa motivation, d'autant que la thématique « {theme} » rejoint des "
            "projets internes en cours.\n\n"
            "Une rencontre de passation aura lieu à {commune} avec la coordinatrice de "
            "l'association, pour que la relation ne repose plus sur une seule personne. Je "
            "suggère d'identifier aussi un binôme de référents de chaque côté.\n\n"
            "Pas de frein nouveau, mais vigilance sur la continuité : je garde le dossier en "
            "suivi rapproché jusqu'au prochain comité."
        ),
    ),
    (
        "suivi",
        (
            "Visite sur site le {date} à {commune}, pour faire le point sur le mécénat en "
            "nature de {entreprise} au profit de {association}. Le matériel livré (mobilier, "
            "deux ordinateurs reconditionnés, outillage) est utilisé quotidiennement ; "
            "l'association a rédigé un état des biens reçus, joint au dossier.\n\n"
            "La valorisation transmise par l'entreprise s'élève à {montant}, au coût de "
            "revient. L'association a émis le reçu fiscal correspondant en reprenant la "
            "description précise des biens et leur quantité, comme l'exige le modèle. "
            "{contact} confirme que la pièce a bien été transmise au service comptable.\n\n"
            "L'association exprime un nouveau besoin : une formation à la maintenance des "
            "ordinateurs pour deux bénévoles. {contact} pense qu'un technicien de l'entreprise "
            "pourrait intervenir en mécénat de compétences, à caler avec son responsable.\n\n"
            "Suite : avenant éventuel à la convention si la formation se confirme. Thématique "
            "associée : « {theme} »."
        ),
    ),
    (
        "bilan",
        (
            "Réunion de bilan le {date}, au terme de la première année de partenariat entre "
            "{association} et {entreprise}. Présents : {contact}, le président et la "
            "coordinatrice de l'association, {facilitateur}.\n\n"
            "Produit du partenariat : objectifs atteints pour l'essentiel sur l'action « "
            "{theme} » à {commune} ; soutien financier de {montant} versé en totalité ; neuf "
            "salariés mobilisés, dont quatre à plusieurs reprises. Équilibre de la relation : "
            "les deux parties la jugent équilibrée, même si l'association a porté l'essentiel "
            "de la charge logistique. Valorisation des contributions : les apports en nature "
            "et en temps ont été chiffrés pour la première fois, ce qui intéresse le conseil "
            "d'administration.\n\n"
            "Difficultés retenues : lenteur des versements au démarrage, communication parfois "
            "trop tardive.\n\n"
            "Perspective : les deux partenaires souhaitent renouveler pour deux ans, avec une "
            "part plus importante de mécénat de compétences. Je rédige la synthèse du bilan "
            "pour le livret des partenariats réussis, sous réserve de l'accord des deux "
            "structures."
        ),
    ),
    (
        "bilan",
        (
            "Bilan du partenariat entre {association} et {entreprise} le {date}, après "
            "dix-huit mois de collaboration.\n\n"
            "Les actions prévues ont été réalisées aux deux tiers. Les indicateurs "
            "quantitatifs sont honorables, mais l'association estime que l'entreprise s'est "
            "progressivement désengagée : moins de salariés présents, réponses tardives, "
            "comité de suivi annulé deux fois. {contact} reconnaît un contexte interne "
            "difficile (réorganisation, changement de direction) et indique que l'entreprise "
            "ne renouvellera pas son soutien financier l'an prochain.\n\n"
            "La séance a permis de clore le partenariat sans amertume. L'entreprise propose de "
            "rester en contact et de relayer les besoins de l'association auprès de son "
            "réseau. L'association retient l'expérience acquise et les outils construits "
            "(fiche projet, convention type, tableau de bord), qu'elle pourra réutiliser.\n\n"
            "Dossier clôturé à l'étape « bilan », issue : non-renouvellement. Je réinscris le "
            "besoin de l'association dans le vivier pour la thématique « {theme} » à "
            "{commune}."
        ),
    ),
    (
        "bilan",
        (
            "Séance d'évaluation partenariale le {date} avec {contact} ({entreprise}) et "
            "l'équipe de {association}. Nous avons utilisé une grille simple reprenant trois "
            "objets : ce que le partenariat a produit, l'équilibre de la relation et la "
            "valorisation des apports de chacun.\n\n"
            "Production : 52 personnes accompagnées dans le cadre de l'action « {theme} », en "
            "majorité des habitants de {commune} ; deux outils pédagogiques créés ensemble. "
            "Équilibre : l'association se sent reconnue comme partenaire et non comme simple "
            "bénéficiaire ; l'entreprise souligne l'apport de l'association à la formation de "
            "ses managers. Valorisation : apports financiers ({montant}), en nature et en "
            "compétences additionnés, ce qui donne pour la première fois une vision complète "
            "de l'engagement.\n\n"
            "Les participants relèvent que la confiance est le principal acquis : les sujets "
            "difficiles peuvent désormais être abordés directement.\n\n"
            "Décision de principe : renouvellement, avec un objectif plus ambitieux à définir "
            "lors d'une séance de co-construction. Rédaction d'une fiche « partenariat réussi "
            "», à valider par les deux parties."
        ),
    ),
    (
        "bilan",
        (
            "Bilan administratif et financier le {date}, avec la trésorerie de {association} "
            "et {contact} ({entreprise}), en préparation du bilan partagé.\n\n"
            "Sommes versées : {montant}, conformément à la convention. Tous les reçus fiscaux "
            "ont été émis, numérotés et archivés ; l'association les reportera dans sa "
            "déclaration annuelle des dons reçus. Les apports en nature ont été valorisés par "
            "l'entreprise au coût de revient et figurent sur un reçu distinct. Les "
            "contreparties accordées (mention du nom, invitations) restent modestes au regard "
            "du don.\n\n"
            "Un écart est apparu : une dépense prévue pour l'action « {theme} » n'a pas été "
            "réalisée, faute de lieu disponible à {commune}. L'entreprise accepte le report du "
            "reliquat sur le premier trimestre suivant, plutôt qu'un remboursement, sous "
            "réserve d'un accord écrit.\n\n"
            "Pièces transmises à l'entreprise : rapport financier, liste des actions, copie "
            "des reçus. Le bilan qualitatif sera présenté au comité de suivi de fin d'année."
        ),
    ),
    (
        "bilan",
        (
            "Entretien de bilan le {date} avec {contact} ({entreprise}), quelques semaines "
            "après la fin de la première convention avec {association}. Objectif : recueillir "
            "le point de vue de l'entreprise avant la réunion commune.\n\n"
            "Pour l'entreprise, le partenariat a eu des effets internes inattendus : meilleure "
            "cohésion de l'équipe, fierté des salariés impliqués, et un recrutement issu d'un "
            "jeune rencontré lors des ateliers « {theme} ». {contact} regrette en revanche de "
            "ne pas avoir mesuré ces effets dès le départ.\n\n"
            "Sur la relation avec l'association, {contact} salue la réactivité de l'équipe "
            "mais reconnaît avoir sous-estimé le temps nécessaire pour monter les actions à "
            "{commune}.\n\n"
            "Nous avons convenu d'ajouter, pour la prochaine période, deux indicateurs côté "
            "entreprise : le nombre de salariés impliqués et l'appréciation de l'engagement "
            "dans l'enquête interne annuelle. Témoignage à intégrer au livret des partenariats "
            "réussis, sous réserve de relecture."
        ),
    ),
    (
        "bilan",
        (
            "Réunion de bilan le {date} entre {association}, {entreprise} et la MDA. Le "
            "partenariat, démarré par un mécénat financier de {montant}, a évolué en cours "
            "d'année : à la demande de {contact}, l'association est intervenue auprès des "
            "équipes de l'entreprise pour une sensibilisation sur la thématique « {theme} ».\n\n"
            "Les deux parties estiment que ce second volet a créé plus de valeur que le "
            "premier : l'entreprise a revu certaines pratiques, et l'association a découvert "
            "une nouvelle façon de valoriser son expertise. Elles souhaitent poursuivre dans "
            "cette direction, ce qui suppose de distinguer clairement ce qui relève du don et "
            "ce qui relève de la prestation facturée.\n\n"
            "Points d'amélioration : formaliser plus tôt les changements de périmètre, "
            "associer les bénévoles au bilan, mieux informer la mairie de {commune}, qui "
            "soutient aussi l'association.\n\n"
            "Suite : nouvelle convention de partenariat à construire, dans la catégorie « "
            "pratiques responsables », avec un comité de pilotage commun."
        ),
    ),
    (
        "structurant",
        (
            "Comité de pilotage annuel du partenariat entre {association} et {entreprise}, le "
            "{date}. Le partenariat entre dans sa dixième année ; il associe désormais "
            "mécénat, engagement des salariés et projets menés en commun.\n\n"
            "{contact} a rappelé que le partenariat figure dans la stratégie de l'entreprise "
            "et qu'il est présenté chaque année au comité de direction. L'association a "
            "présenté les résultats de l'année sur l'action « {theme} » à {commune}, ainsi que "
            "les nouveaux projets qui s'appuient sur l'expérience acquise ensemble.\n\n"
            "La discussion a porté sur la gouvernance : le comité se réunit deux fois par an, "
            "avec un binôme de référents de chaque côté, et les décisions sont prises par "
            "consensus. Les deux structures souhaitent ouvrir le comité à un troisième "
            "partenaire, une collectivité, pour un projet de territoire.\n\n"
            "Décisions : convention pluriannuelle reconduite pour trois ans, soutien annuel de "
            "{montant}, création d'un groupe de travail commun sur l'essaimage du projet."
        ),
    ),
    (
        "structurant",
        (
            "Réunion du {date} consacrée au projet d'innovation sociétale porté par "
            "{association} et {entreprise}. Après plusieurs années de mécénat, les deux "
            "partenaires expérimentent ensemble un nouveau service pour les habitants de "
            "{commune}, autour de la thématique « {theme} ».\n\n"
            "L'entreprise apporte ses compétences en conception et en logistique, "
            "l'association sa connaissance des publics et sa capacité à mobiliser les "
            "habitants. Le prototype a été testé pendant six mois auprès d'une cinquantaine de "
            "familles ; les retours sont encourageants, mais montrent la nécessité de "
            "simplifier l'accès au service.\n\n"
            "{contact} souhaite documenter la démarche pour la présenter à d'autres sites de "
            "l'entreprise. L'association demande que la propriété des outils créés soit "
            "partagée, comme prévu dans la convention, et que son rôle soit explicitement "
            "cité.\n\n"
            "Prochaines étapes : évaluation partagée de l'expérimentation, recherche de "
            "cofinancements publics pour la phase de déploiement (estimée à {montant}), "
            "présentation au comité de pilotage élargi."
        ),
    ),
    (
        "structurant",
        (
            "Rencontre le {date} entre {association}, {entreprise} et des représentants de la "
            "collectivité, à l'initiative de la MDA. Objet : étudier l'extension à d'autres "
            "quartiers de {commune} du partenariat engagé depuis plusieurs années sur la "
            "thématique « {theme} ».\n\n"
            "Le partenariat est considéré comme structurant par les deux parties : il a "
            "résisté à deux changements d'interlocuteurs, s'appuie sur une convention "
            "pluriannuelle et dispose d'indicateurs suivis dans la durée. {contact} a présenté "
            "les résultats chiffrés et les effets observés sur l'engagement des salariés.\n\n"
            "La collectivité se montre intéressée mais rappelle ses contraintes budgétaires. "
            "L'association craint de perdre en qualité si l'extension est trop rapide. Les "
            "échanges ont permis de retenir une extension progressive, quartier par quartier, "
            "avec un bilan à chaque étape.\n\n"
            "Suite : note de cadrage commune rédigée par l'association et l'entreprise, relue "
            "par la MDA, à présenter avant la fin du semestre. Budget prévisionnel de la "
            "première extension : {montant}."
        ),
    ),
    (
        "structurant",
        (
            "Échange le {date} avec {contact} ({entreprise}) et la directrice de "
            "{association}, partenaires depuis de nombreuses années. Tous deux ont accepté de "
            "témoigner lors du prochain petit-déjeuner RSE organisé à {commune}, pour "
            "encourager d'autres TPE et PME à s'engager.\n\n"
            "Nous avons préparé l'intervention : comment le partenariat a commencé (une simple "
            "demande de matériel), les moments de tension et la façon dont ils ont été "
            "dépassés, ce que chacun en retire aujourd'hui. {contact} souhaite insister sur le "
            "fait que l'engagement est accessible à une petite entreprise, à condition "
            "d'avancer pas à pas.\n\n"
            "Les deux partenaires proposent aussi de parrainer un partenariat naissant sur la "
            "thématique « {theme} », en partageant leurs outils : convention, tableau de bord, "
            "modèle de compte rendu de comité.\n\n"
            "Fiche « partenariat réussi » mise à jour pour le livret, avec les chiffres de la "
            "dernière année. Validation par les deux structures avant publication."
        ),
    ),
    (
        "structurant",
        (
            "Réunion de renouvellement le {date} pour la convention pluriannuelle liant "
            "{association} et {entreprise}. Le partenariat, suivi par la MDA depuis son "
            "origine, est aujourd'hui autonome : les deux structures se rencontrent sans notre "
            "intervention et ne nous sollicitent plus que pour les temps forts.\n\n"
            "Bilan de la période écoulée : objectifs atteints, budget respecté, relation jugée "
            "équilibrée. {contact} souligne que le partenariat a aidé l'entreprise à "
            "structurer sa politique d'engagement ; l'association indique qu'il a sécurisé un "
            "poste et permis de lancer deux nouvelles actions « {theme} » à {commune}.\n\n"
            "Nouvelle convention : durée de trois ans, soutien annuel de {montant}, mécénat de "
            "compétences reconduit, clause de revoyure à mi-parcours. Les deux partenaires "
            "souhaitent documenter l'histoire du partenariat pour les nouveaux salariés et "
            "bénévoles.\n\n"
            "Rôle de la MDA pour la suite : participation au comité annuel et capitalisation "
            "dans l'observatoire. Dossier maintenu à l'étape « partenariat structurant »."
        ),
    ),
    (
        "structurant",
        (
            "Point stratégique le {date} entre {association} et {entreprise}, partenaires de "
            "longue date. L'entreprise annonce une réorganisation de son mécénat au niveau "
            "national, avec une réduction probable des budgets locaux à partir de l'an "
            "prochain.\n\n"
            "{contact} a tenu à en informer l'association très en amont, ce que celle-ci a "
            "apprécié. La discussion a porté sur la manière de préserver l'essentiel : "
            "l'engagement des salariés et les projets communs ne dépendent pas uniquement du "
            "budget. Plusieurs pistes ont été évoquées : davantage de mécénat de compétences, "
            "mise à disposition de locaux à {commune}, mobilisation du réseau de fournisseurs "
            "de l'entreprise.\n\n"
            "L'association a rappelé que le soutien actuel ({montant} par an) finance en "
            "partie un poste, et qu'une diminution brutale fragiliserait l'action « {theme} ». "
            "L'entreprise s'engage sur une baisse progressive, étalée sur deux ans, plutôt "
            "qu'un arrêt.\n\n"
            "Décision : groupe de travail commun pour construire un nouveau modèle de "
            "partenariat, présenté au comité de pilotage de fin d'année. Frein « complexité » "
            "ajouté au dossier, lié aux circuits de décision de l'entreprise."
        ),
    ),
)

DECISIONS: Final[tuple[str, ...]] = (
    "Valider la fiche projet de {association} en l'état.",
    "Retenir le mécénat en nature comme première forme de partenariat.",
    "Reporter la mise en relation après le prochain conseil d'administration.",
    "Organiser une première rencontre dans les locaux de l'association.",
    "Requalifier le projet en pratiques responsables plutôt qu'en mécénat.",
    "Ne pas donner suite à la demande de parrainage.",
    "Fixer le soutien financier à {montant} pour la première année.",
    "Verser le soutien en deux fois, à la signature et à mi-parcours.",
    "Mettre en place un comité de suivi trimestriel.",
    "Désigner un référent opérationnel de chaque côté.",
    "Valider par écrit toute communication sur le partenariat.",
    "Limiter les contreparties à la mention du nom et à deux invitations.",
    "Annexer à la convention les règles d'organisation des journées solidaires.",
    "Prolonger la phase pilote d'un mois avant le bilan.",
    "Renouveler la convention pour deux ans.",
    "Clore le partenariat et réinscrire le besoin dans le vivier.",
    "Suspendre le dossier jusqu'à la nomination d'un nouvel interlocuteur.",
    "Ouvrir le comité de pilotage à la collectivité.",
    "Distinguer le don et la prestation facturée dans deux documents séparés.",
    "Émettre le reçu fiscal dans les quinze jours suivant chaque versement.",
    "Regrouper les journées de mécénat de compétences sur les périodes creuses.",
    "Faire relire le projet de convention par un conseil juridique.",
    "Présenter le partenariat lors du prochain petit-déjeuner RSE.",
    "Intégrer le partenariat au livret des partenariats réussis.",
    "Répondre ensemble à l'appel d'offres de la collectivité.",
    "Retenir une extension progressive, quartier par quartier.",
    "Ajouter deux indicateurs côté entreprise pour la prochaine période.",
    "Maintenir le frein « méfiance » jusqu'au prochain comité.",
)

NEXT_STEPS: Final[tuple[str, ...]] = (
    "Relancer {contact} pour obtenir la réponse du comité mécénat.",
    "Envoyer le projet de convention à {entreprise}.",
    "Transmettre à {association} un modèle de reçu fiscal conforme.",
    "Relancer {contact} pour confirmer la date de la rencontre.",
    "Envoyer le compte rendu de réunion aux deux partenaires.",
    "Proposer trois dates pour la réunion de co-construction.",
    "Compléter la fiche projet avec le budget prévisionnel.",
    "Vérifier la réception du versement de {montant}.",
    "Préparer la grille de diagnostic croisé pour {entreprise}.",
    "Demander les statuts et le numéro RNA à {association}.",
    "Rechercher dans le vivier deux entreprises compatibles à {commune}.",
    "Appeler {contact} pour présenter le projet de {association}.",
    "Envoyer le courrier d'introduction à {entreprise}.",
    "Faire valider la convention par le conseil d'administration.",
    "Relancer {contact} pour le retour de la convention signée.",
    "Organiser la visite des locaux de {association} avec {entreprise}.",
    "Préparer l'ordre du jour du comité de suivi.",
    "Mettre à jour les indicateurs du dossier.",
    "Recueillir les autorisations de droit à l'image des participants.",
    "Transmettre le tableau de bord aux deux partenaires.",
    "Planifier la réunion de bilan avec {association} et {entreprise}.",
    "Rédiger la fiche « partenariat réussi » pour le livret.",
    "Inviter {contact} au prochain speed-dating associations–entreprises.",
    "Vérifier l'éligibilité de {association} au mécénat (intérêt général).",
    "Faire chiffrer la prestation par {association}.",
    "Demander à {entreprise} la valorisation des dons en nature.",
    "Préparer l'avenant pour la formation en mécénat de compétences.",
    "Informer {association} de la réponse de {entreprise}.",
    "Organiser la passation avec le nouvel interlocuteur de {entreprise}.",
    "Relancer {contact} pour la validation de l'article intranet.",
    "Transmettre la convention signée au service comptable de {entreprise}.",
    "Programmer un point téléphonique avec {contact} dans un mois.",
)

TASK_TITLES: Final[tuple[str, ...]] = (
    "Relancer {entreprise} pour la convention",
    "Envoyer le compte rendu de réunion",
    "Préparer le diagnostic de {association}",
    "Appeler {contact}",
    "Vérifier le versement",
    "Émettre le reçu fiscal",
    "Préparer le comité de suivi",
    "Mettre à jour le tableau de bord",
    "Envoyer le courrier d'introduction",
    "Rechercher des entreprises dans le vivier",
    "Compléter la fiche projet",
    "Relire le projet de convention",
    "Organiser la visite des locaux",
    "Préparer la réunion de bilan",
    "Rédiger la fiche « partenariat réussi »",
    "Inviter au petit-déjeuner RSE",
    "Recueillir les autorisations de droit à l'image",
    "Valider la communication commune",
    "Planifier la réunion de co-construction",
    "Demander les statuts et le numéro RNA",
    "Vérifier l'éligibilité au mécénat",
    "Obtenir la valorisation des dons en nature",
    "Préparer l'avenant à la convention",
    "Archiver la convention signée",
    "Relancer {contact} après le speed-dating",
    "Transmettre le rapport financier",
    "Caler la journée solidaire",
    "Préparer la passation d'interlocuteur",
    "Mettre à jour les coordonnées du contact",
    "Vérifier la base légale du traitement (RGPD)",
    "Préparer le témoignage pour le livret",
    "Saisir les indicateurs du trimestre",
)

ROLES_ASSOCIATION: Final[tuple[str, ...]] = (
    "président·e",
    "vice-président·e",
    "trésorier·ère",
    "secrétaire",
    "coordinatrice",
    "coordinateur",
    "directeur·rice",
    "chargé·e de mission",
    "chargé·e de développement",
    "animateur·rice",
    "éducateur·rice sportif·ve",
    "responsable de projet",
    "administrateur·rice",
    "bénévole référent·e",
)

ROLES_COMPANY: Final[tuple[str, ...]] = (
    "DRH",
    "responsable RSE",
    "directeur d'agence",
    "directrice d'agence",
    "gérant",
    "gérante",
    "dirigeant·e",
    "directeur·rice général·e",
    "directeur·rice de site",
    "responsable communication",
    "chargé·e de mission RSE",
    "responsable mécénat",
    "responsable des achats",
    "assistant·e de direction",
    "chef·fe d'atelier",
    "délégué·e régional·e",
)

NEED_TITLES: Final[tuple[str, ...]] = (
    "Financement du poste de coordination",
    "Matériel pour les ateliers {theme}",
    "Recherche de mécène pour le projet {theme}",
    "Prêt d'un local pour les activités {theme}",
    "Mécénat de compétences en comptabilité",
    "Appui à la communication",
    "Véhicule pour les déplacements du public",
    "Ordinateurs reconditionnés pour l'atelier numérique",
    "Bénévoles pour l'événement de quartier",
    "Financement d'un séjour jeunes",
    "Accompagnement à la recherche de financements",
    "Stages de découverte pour les jeunes accompagnés",
    "Parrainage de demandeurs d'emploi",
    "Formation des bénévoles",
    "Création d'un site internet",
    "Mobilier pour la salle d'accueil",
    "Soutien au fonctionnement de l'action {theme}",
    "Dons alimentaires pour l'épicerie solidaire",
    "Équipements sportifs pour l'école multisports",
    "Appui juridique pour la mise à jour des statuts",
    "Mise à disposition d'un espace de stockage",
    "Partenaire pour un appel à projets {theme}",
    "Accueil de salariés pour une journée solidaire",
)

OFFER_TITLES: Final[tuple[str, ...]] = (
    "Mécénat financier pour un projet {theme}",
    "Don de matériel informatique reconditionné",
    "Mécénat de compétences : gestion et finances",
    "Mécénat de compétences : communication et graphisme",
    "Prêt de salle de réunion en soirée",
    "Journée solidaire pour une équipe de salariés",
    "Accueil de stagiaires de troisième",
    "Simulations d'entretiens d'embauche",
    "Prêt de véhicule utilitaire",
    "Don de mobilier de bureau",
    "Achats responsables auprès d'une structure d'insertion",
    "Sous-traitance à une entreprise adaptée",
    "Parrainage de jeunes en recherche d'emploi",
    "Dons de fins de série et d'invendus",
    "Mise à disposition d'un espace de stockage",
    "Visite d'entreprise et découverte des métiers",
    "Arrondi sur salaire au profit d'un projet {theme}",
    "Soutien logistique pour un événement {theme}",
    "Co-construction d'un projet {theme} sur le territoire",
    "Formation des bénévoles par des salariés",
    "Mécénat de compétences : maintenance et bricolage",
    "Relais des besoins auprès du réseau de fournisseurs",
)

ABANDON_REASONS: Final[tuple[str, ...]] = (
    "Pas de réponse de l'entreprise après plusieurs relances",
    "Budget de mécénat déjà engagé pour l'année",
    "Désaccord sur les contreparties demandées",
    "Projet de l'association abandonné ou reporté sans date",
    "Thématique hors des priorités de l'entreprise",
    "Départ de l'interlocuteur sans remplaçant identifié",
    "Dissolution ou mise en sommeil de l'association",
    "Incompatibilité de valeurs relevée par le conseil d'administration",
    "Association non éligible au mécénat (intérêt général non établi)",
    "L'entreprise privilégie une opération de parrainage",
    "Partenaire trouvé par ailleurs",
)

ON_HOLD_REASONS: Final[tuple[str, ...]] = (
    "En attente du prochain conseil d'administration",
    "En attente de la décision du comité mécénat",
    "Changement d'interlocuteur côté entreprise",
    "Période de clôture budgétaire de l'entreprise",
    "Association en cours de réorganisation",
    "Pic d'activité saisonnier de l'entreprise",
    "En attente de la réponse à un appel à projets",
    "Tension à apaiser avant de poursuivre",
    "Congés d'été",
    "Vérification de l'éligibilité au mécénat en cours",
)

EVENT_TITLES: Final[tuple[str, ...]] = (
    "Speed-dating associations–entreprises",
    "Petit-déjeuner RSE : s'engager quand on est une TPE",
    "Conférence : mécénat et parrainage, quelles différences ?",
    "Atelier : construire sa fiche projet pour convaincre une entreprise",
    "Petit-déjeuner RSE : le mécénat de compétences en pratique",
    "Rencontre territoriale des partenariats associations–entreprises",
    "Atelier : évaluer son partenariat",
    "Soirée de présentation du livret des partenariats réussis",
    "Conférence : entreprises et quartiers prioritaires",
    "Speed-dating « {theme} » : associations et entreprises",
    "Matinale de l'engagement des TPE et PME",
    "Atelier juridique : rédiger une convention de mécénat",
    "Forum des partenariats à {commune}",
)

# --------------------------------------------------------------------------------------------------
# Tiny helpers
# --------------------------------------------------------------------------------------------------

#: E.164 prefix of the ARCEP fiction block 03 53 01 xx xx (never assigned).
FICTION_LANDLINE_PREFIX: Final = "+3335301"
#: E.164 prefix of the ARCEP fiction block 06 39 98 xx xx (never assigned).
FICTION_MOBILE_PREFIX: Final = "+3363998"
#: Second-level domains reserved for documentation by RFC 2606 (subdomains allowed).
EMAIL_DOMAINS: Final[tuple[str, ...]] = ("example.org", "example.com")


def fiction_landline(n: int) -> str:
    """Return landline number ``n`` (modulo 10 000) of the fiction block 03 53 01 xx xx, E.164."""
    return f"{FICTION_LANDLINE_PREFIX}{n % 10_000:04d}"


def fiction_mobile(n: int) -> str:
    """Return mobile number ``n`` (modulo 10 000) of the fiction block 06 39 98 xx xx, E.164."""
    return f"{FICTION_MOBILE_PREFIX}{n % 10_000:04d}"


_LIGATURES: Final = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def _ascii_slug(text: str) -> str:
    """Fold ``text`` to lower-case ASCII: accents and ligatures removed, spaces become ``-``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    kept = "".join(c if c.isalnum() or c.isspace() or c == "-" else "" for c in ascii_text)
    return "-".join(kept.replace("-", " ").split())


def email_for(first: str, last: str, domain: str = "example.org") -> str:
    """Return ``first.last@domain``, ASCII-folded and lower-case.

    ``email_for("Aïcha", "N'Diaye")`` gives ``aicha.ndiaye@example.org``; spaces become ``-``.

    Only the domains reserved by RFC 2606 (``example.org``, ``example.com``) and their subdomains
    are accepted, so that demo addresses can never reach a real mailbox.

    Raises:
        ValueError: if ``domain`` is not an RFC 2606 example domain.
    """
    domain = domain.lower()
    if not any(domain == d or domain.endswith("." + d) for d in EMAIL_DOMAINS):
        raise ValueError(f"not an RFC 2606 example domain: {domain!r}")
    return f"{_ascii_slug(first)}.{_ascii_slug(last)}@{domain}"
