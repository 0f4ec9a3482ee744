# ruff: noqa: E501 -- SVG markup reads better on one line per shape
"""Simple illustrations for the demo case studies, drawn for this site as SVG.

Each is a small scene in the GOV.UK colour palette; the demo loader stores them
as Wagtail images with a description that serves as alt text.
"""

SKY = "#d2e2f1"
GROUND = "#85994b"
BLUE = "#1d70b8"
DARK = "#0b0c0c"
WHITE = "#ffffff"
YELLOW = "#ffdd00"
BROWN = "#8b5a2b"
RED = "#d4351c"
GREEN = "#00703c"
GREY = "#b1b4b6"


def scene(content, sky=SKY, ground=GROUND):
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360" width="640" height="360">'
        f'<rect width="640" height="360" fill="{sky}"/>'
        f'<rect y="270" width="640" height="90" fill="{ground}"/>'
        f"{content}</svg>"
    ).encode()


def house(x, y, width=120, colour=WHITE, roof=RED, door=BLUE):
    height = width * 0.8
    return (
        f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{colour}" stroke="{DARK}" stroke-width="3"/>'
        f'<polygon points="{x - 10},{y} {x + width / 2},{y - width * 0.5} {x + width + 10},{y}" fill="{roof}"/>'
        f'<rect x="{x + width * 0.4}" y="{y + height * 0.45}" width="{width * 0.2}" height="{height * 0.55}" fill="{door}"/>'
    )


def person(x, y, colour=BLUE, scale=1.0):
    return (
        f'<circle cx="{x}" cy="{y}" r="{14 * scale}" fill="{DARK}"/>'
        f'<rect x="{x - 16 * scale}" y="{y + 16 * scale}" width="{32 * scale}" height="{50 * scale}" rx="{10 * scale}" fill="{colour}"/>'
        f'<rect x="{x - 12 * scale}" y="{y + 62 * scale}" width="{9 * scale}" height="{34 * scale}" fill="{DARK}"/>'
        f'<rect x="{x + 3 * scale}" y="{y + 62 * scale}" width="{9 * scale}" height="{34 * scale}" fill="{DARK}"/>'
    )


def dementia_cafe():
    return scene(
        '<rect x="140" y="200" width="360" height="20" fill="#8b5a2b"/>'
        '<rect x="170" y="220" width="14" height="60" fill="#8b5a2b"/>'
        '<rect x="456" y="220" width="14" height="60" fill="#8b5a2b"/>'
        f'<rect x="200" y="150" width="60" height="50" rx="6" fill="{WHITE}" stroke="{DARK}" stroke-width="3"/>'
        f'<path d="M260 160 q25 15 0 30" fill="none" stroke="{DARK}" stroke-width="5"/>'
        f'<polygon points="330,200 420,200 420,160" fill="{YELLOW}" stroke="{DARK}" stroke-width="3"/>'
        + person(90, 150, GREEN)
        + person(560, 150, BLUE)
    )


def good_neighbour():
    return scene(
        house(80, 150)
        + house(440, 150, colour="#f3f2f1")
        + person(300, 170, GREEN)
        + person(350, 180, BLUE, 0.9)
    )


def community_library():
    books = "".join(
        f'<rect x="{180 + i * 36}" y="{120 + (i % 3) * 6}" width="30" height="{120 - (i % 3) * 6}" fill="{colour}" stroke="{DARK}" stroke-width="2"/>'
        for i, colour in enumerate([BLUE, RED, GREEN, YELLOW, BLUE, GREEN, RED, YELLOW])
    )
    return scene(
        f'<rect x="160" y="100" width="320" height="170" fill="{BROWN}"/>{books}'
        f'<rect x="160" y="240" width="320" height="12" fill="{DARK}"/>' + person(540, 170, GREEN)
    )


def footpath():
    return scene(
        f'<polygon points="250,360 390,360 340,270 300,270" fill="{GREY}"/>'
        f'<rect x="0" y="240" width="640" height="30" fill="{GREEN}"/>'
        + house(40, 170, 90)
        + house(510, 170, 90)
        + person(330, 200, BLUE, 0.8)
        + person(300, 215, RED, 0.6)
    )


def youth_cafe():
    return scene(
        f'<rect x="120" y="120" width="400" height="150" fill="{WHITE}" stroke="{DARK}" stroke-width="3"/>'
        f'<rect x="120" y="100" width="400" height="28" fill="{BLUE}"/>'
        f'<rect x="160" y="160" width="90" height="70" fill="{SKY}" stroke="{DARK}" stroke-width="3"/>'
        f'<rect x="390" y="160" width="90" height="70" fill="{SKY}" stroke="{DARK}" stroke-width="3"/>'
        f'<rect x="290" y="180" width="60" height="90" fill="{GREEN}"/>'
        + person(80, 180, RED, 0.9)
        + person(570, 180, YELLOW, 0.9)
    )


def timebank():
    return scene(
        f'<circle cx="320" cy="150" r="90" fill="{WHITE}" stroke="{DARK}" stroke-width="6"/>'
        f'<line x1="320" y1="150" x2="320" y2="85" stroke="{DARK}" stroke-width="8"/>'
        f'<line x1="320" y1="150" x2="370" y2="150" stroke="{DARK}" stroke-width="8"/>'
        + person(120, 170, GREEN)
        + person(520, 170, BLUE)
    )


def village_hub():
    return scene(
        house(220, 150, 200, colour="#f3f2f1", roof=BLUE, door=GREEN)
        + f'<rect x="245" y="185" width="40" height="40" fill="{YELLOW}"/>'
        + f'<rect x="355" y="185" width="40" height="40" fill="{YELLOW}"/>'
        + person(100, 170, RED)
        + person(540, 170, GREEN)
    )


def edible_garden():
    plants = "".join(
        f'<rect x="{100 + i * 90}" y="230" width="8" height="40" fill="{GREEN}"/>'
        f'<circle cx="{104 + i * 90}" cy="222" r="22" fill="{GREEN}"/>'
        f'<circle cx="{94 + i * 90}" cy="215" r="7" fill="{RED}"/>'
        for i in range(5)
    )
    return scene(
        f'<rect x="60" y="260" width="520" height="30" fill="{BROWN}"/>{plants}'
        + person(560, 150, BLUE, 0.9)
    )


def time_credits():
    return scene(
        f'<rect x="210" y="110" width="220" height="130" rx="12" fill="{WHITE}" stroke="{DARK}" stroke-width="4"/>'
        f'<circle cx="280" cy="175" r="40" fill="{YELLOW}" stroke="{DARK}" stroke-width="4"/>'
        f'<rect x="340" y="150" width="70" height="12" fill="{BLUE}"/>'
        f'<rect x="340" y="180" width="50" height="12" fill="{BLUE}"/>'
        + person(110, 170, GREEN)
        + person(530, 170, RED)
    )
