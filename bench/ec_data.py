"""Ecuadorian contacts and services for the benchmarks, drawn from a seeded random.

People get Spanish and Kichwa given names and surnames (with their accents and eñes),
companies and public bodies get the names such bodies carry in Ecuador. Every cédula
and RUC follows the rules of the civil registry and of the SRI (province 01-24, third
digit, check digit) and is checked with python-stdnum before it is handed out.
Service codes follow a scheme made up for the benchmark: a line of business and six
digits, such as "MON-012345" for an alarm monitoring contract.
"""

import unicodedata
from dataclasses import dataclass

from stdnum.ec import ci, ruc

GIVEN_MALE = (
    "José Juan Luis Carlos Jorge Diego Fernando Patricio Édison Wilson Byron Darwin "
    "Washington Segundo Ángel Cristian Kevin Bryan Mateo Santiago Sebastián Andrés "
    "Esteban Gabriel Daniel Jesús Nicolás Martín Ramón Germán Julián Iván Rubén Óscar "
    "Héctor Víctor Joaquín Efraín Fabián Tomás Inti Amaru"
).split()

GIVEN_FEMALE = (
    "María Ana Rosa Gabriela Verónica Mónica Patricia Lorena Fernanda Daniela Paola "
    "Jessica Karla Johanna Alexandra Belén Dayana Génesis Mishell Nathaly Tatiana "
    "Ximena Lucía Valeria Carmen Martha Gladys Blanca Inés Dolores Rocío Soledad "
    "Sofía Noemí Raquel Sisa Nina Killa"
).split()

SURNAMES = (
    "Andrade Zambrano Cevallos Mendoza Vélez Ordóñez Peñafiel Muñoz Núñez Guamán "
    "Quishpe Chiluisa Tenesaca Yánez Pérez Rodríguez Carrión Benítez Espinoza Ibarra "
    "Jaramillo Ludeña Maldonado Naranjo Ortiz Paredes Quiñónez Ruiz Salazar Torres "
    "Ulloa Valencia Villacís Zurita Castillo Calderón Sánchez García López Morales "
    "Herrera Cedeño Loor Alcívar Mera Bravo Intriago Macías Ponce Moreira Chávez "
    "Guerrero Proaño Egas Pazmiño Viteri Cisneros Arévalo Cárdenas Ochoa Córdova "
    "Sarmiento Tapia Toapanta Caiza Pilataxi Simbaña Cajas Chimbo Tituaña Lema "
    "Yupanqui Guallpa Sigcho Armijos Montaño Avilés Briones Coello Saltos Vinueza"
).split()

ACTIVITIES = (
    "Comercial Importadora Distribuidora Ferretería Farmacia Constructora Inmobiliaria "
    "Panificadora Agrícola Camaronera Bananera Florícola Transportes Textiles "
    "Industrias Servicios Lubricadora Ferrisariato Minimarket Metalmecánica"
).split()

LEGAL_FORMS = ("Cía. Ltda.", "S.A.", "S.A.S.", "C.A.", "Cía. Ltda.", "S.A.")

PUBLIC_BODIES = (
    "GAD Municipal del Cantón {city}",
    "Unidad Educativa Fiscal {surname} de {city}",
    "Centro de Salud Tipo A {city}",
    "Empresa Pública Municipal de Agua Potable de {city}",
    "Cuerpo de Bomberos de {city}",
    "GAD Parroquial Rural {surname}",
)

MAIL_DOMAINS = ("gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "gmail.com")

# Province code (as in the cédula and in base's res.country.state of Ecuador):
# (weight by population, region, a few of its cantons).
PROVINCES = {
    "01": (5, "Sierra", ("Cuenca", "Gualaceo", "Paute")),
    "02": (1, "Sierra", ("Guaranda", "San Miguel")),
    "03": (2, "Sierra", ("Azogues", "La Troncal", "Cañar")),
    "04": (1, "Sierra", ("Tulcán", "San Gabriel")),
    "05": (3, "Sierra", ("Latacunga", "La Maná", "Salcedo")),
    "06": (3, "Sierra", ("Riobamba", "Guano", "Alausí")),
    "07": (4, "Costa", ("Machala", "Pasaje", "Santa Rosa", "Huaquillas")),
    "08": (3, "Costa", ("Esmeraldas", "Quinindé", "Atacames")),
    "09": (25, "Costa", ("Guayaquil", "Durán", "Milagro", "Samborondón", "Daule")),
    "10": (3, "Sierra", ("Ibarra", "Otavalo", "Cotacachi")),
    "11": (3, "Sierra", ("Loja", "Catamayo", "Macará")),
    "12": (5, "Costa", ("Babahoyo", "Quevedo", "Vinces")),
    "13": (9, "Costa", ("Portoviejo", "Manta", "Chone", "Jipijapa")),
    "14": (1, "Amazonía", ("Macas", "Sucúa")),
    "15": (1, "Amazonía", ("Tena", "Archidona")),
    "16": (1, "Amazonía", ("Puyo", "Mera")),
    "17": (18, "Sierra", ("Quito", "Sangolquí", "Cayambe", "Machachi")),
    "18": (3, "Sierra", ("Ambato", "Baños de Agua Santa", "Pelileo")),
    "19": (1, "Amazonía", ("Zamora", "Yantzaza")),
    "20": (1, "Insular", ("Puerto Ayora", "Puerto Baquerizo Moreno")),
    "21": (1, "Amazonía", ("Nueva Loja", "Shushufindi")),
    "22": (1, "Amazonía", ("Francisco de Orellana", "La Joya de los Sachas")),
    "23": (3, "Costa", ("Santo Domingo", "La Concordia")),
    "24": (2, "Costa", ("Santa Elena", "Salinas", "La Libertad")),
}

# Lines of business of the service codes, with their share of the contracts.
CODE_LINES = {"MON": 60, "SEG": 25, "MNT": 15}


def plain(text):
    """Lowercase text without accents, as an operator types it: 'Núñez' -> 'nunez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _weighted(rng, table):
    return rng.choices(list(table), weights=[v[0] for v in table.values()])[0]


def _digits(rng, count):
    return "".join(str(rng.randrange(10)) for _ in range(count))


def cedula(rng, province):
    """A cédula: province, third digit below 6, six digits, modulus-10 check digit."""
    body = province + str(rng.randrange(6)) + _digits(rng, 6)
    total = 0
    for i, digit in enumerate(body):
        product = int(digit) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    number = body + str(-total % 10)
    assert ci.is_valid(number), number
    return number


def _mod11_ruc(rng, province, third, length, weights, suffix):
    while True:
        body = province + third + _digits(rng, length - 3)
        rest = sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
        check = 0 if rest == 0 else 11 - rest
        if check < 10:  # 10 cannot be written in one digit: draw again
            number = body + str(check) + suffix
            assert ruc.is_valid(number), number
            return number


def company_ruc(rng, province):
    """RUC of a private company: third digit 9, modulus-11 check digit, then 001."""
    return _mod11_ruc(rng, province, "9", 9, (4, 3, 2, 7, 6, 5, 4, 3, 2), "001")


def public_ruc(rng, province):
    """RUC of a public body: third digit 6, modulus-11 check digit, then 0001."""
    return _mod11_ruc(rng, province, "6", 8, (3, 2, 7, 6, 5, 4, 3, 2), "0001")


def natural_ruc(rng, province):
    """RUC of a person with a business: their cédula followed by 001."""
    number = cedula(rng, province) + "001"
    assert ruc.is_valid(number), number
    return number


@dataclass
class Contact:
    name: str
    vat: str | None
    is_company: bool
    email: str | None
    province: str
    city: str


def _person(rng, province, city):
    names = GIVEN_FEMALE if rng.random() < 0.5 else GIVEN_MALE
    given = rng.sample(names, rng.choice((1, 2, 2)))
    surnames = rng.sample(SURNAMES, 2)
    if rng.random() < 0.5:  # as the SRI and the civil registry print it
        name = " ".join(surnames + given).upper()
    else:
        name = " ".join(given + surnames)
    kind = rng.random()
    vat = None
    if kind < 0.55:
        vat = cedula(rng, province)
    elif kind < 0.97:
        vat = natural_ruc(rng, province)
    email = None
    if rng.random() < 0.7:
        user = f"{plain(given[0])}.{plain(surnames[0])}{rng.randrange(100)}"
        email = f"{user}@{rng.choice(MAIL_DOMAINS)}"
    return Contact(name, vat, False, email, province, city)


def _company(rng, province, city):
    first, second = rng.sample(SURNAMES, 2)
    activity = rng.choice(ACTIVITIES)
    owner = first if rng.random() < 0.7 else f"{first} {second}"
    name = f"{activity} {owner} {rng.choice(LEGAL_FORMS)}"
    email = f"ventas@{plain(activity)}{plain(first)}.com.ec"
    return Contact(name, company_ruc(rng, province), True, email, province, city)


def _public_body(rng, province, city):
    pattern = rng.choice(PUBLIC_BODIES)
    name = pattern.format(city=city, surname=rng.choice(SURNAMES))
    return Contact(name, public_ruc(rng, province), True, None, province, city)


def contacts(rng, count):
    """Yield count contacts: 85 % people, 13 % companies, 2 % public bodies.

    Tax IDs are unique; a few people have none, like walk-in clients."""
    seen = set()
    made = 0
    while made < count:
        province = _weighted(rng, PROVINCES)
        city = rng.choice(PROVINCES[province][2])
        kind = rng.random()
        maker = _person if kind < 0.85 else _company if kind < 0.98 else _public_body
        contact = maker(rng, province, city)
        if contact.vat:
            if contact.vat in seen:
                continue
            seen.add(contact.vat)
        made += 1
        yield contact


def service_codes(rng, count):
    """count distinct service codes such as 'MON-012345', in random order."""
    lines = list(CODE_LINES)
    codes = set()
    while len(codes) < count:
        line = rng.choices(lines, weights=list(CODE_LINES.values()))[0]
        codes.add(f"{line}-{rng.randrange(1, 1_000_000):06d}")
    ordered = sorted(codes)
    rng.shuffle(ordered)
    return ordered


def province_of(rng, contact):
    """Where a contact's service runs: mostly in the province of its tax ID."""
    if rng.random() < 0.8:
        return contact.province, contact.city
    province = _weighted(rng, PROVINCES)
    return province, rng.choice(PROVINCES[province][2])


def mobile(rng):
    """An Ecuadorian mobile number as people write it: 09 and eight digits."""
    return "09" + _digits(rng, 8)
