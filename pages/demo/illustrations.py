"""Flat illustrations of the demo, drawn with Pillow: a scene per subject or kind of content.

Each scene draws simple shapes (a monitor and a circuit board for informatics, a greenhouse for biology, a
map and an obelisk for history, a stage for events, framed pictures for exhibitions...) in one of several
palettes, with sizes and positions varied by a seed, so that pictures of one subject differ while the same
seed always gives the same picture. `SCENES` maps a scene's name to its drawing and to the Russian alt text
that says what is drawn.
"""

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import ImageDraw

Colour = tuple[int, int, int]
LEAF, LEAF_LIGHT = (46, 125, 50), (129, 199, 132)


@dataclass(frozen=True)
class Palette:
    sky: Colour
    ground: Colour
    main: Colour
    second: Colour
    dark: Colour
    light: Colour


PALETTES = [
    Palette((222, 235, 247), (180, 205, 228), (11, 79, 156), (232, 119, 34), (28, 43, 64), (255, 255, 255)),
    Palette((232, 245, 233), (165, 214, 167), (46, 125, 50), (255, 193, 7), (27, 54, 33), (255, 255, 255)),
    Palette((253, 240, 226), (240, 200, 160), (180, 80, 40), (20, 120, 110), (61, 38, 26), (255, 250, 240)),
    Palette((237, 231, 246), (197, 183, 226), (90, 60, 150), (236, 64, 122), (40, 28, 66), (255, 255, 255)),
    Palette((224, 242, 241), (128, 203, 196), (0, 105, 92), (239, 83, 80), (16, 52, 48), (255, 255, 255)),
    Palette((255, 248, 225), (255, 224, 130), (150, 40, 90), (30, 136, 229), (55, 30, 40), (255, 255, 255)),
]


@dataclass
class Canvas:
    """What a scene draws on: Pillow's drawing, the size, the seeded randomness and the palette."""

    draw: ImageDraw.ImageDraw
    width: int
    height: int
    rng: random.Random
    palette: Palette

    def x(self, share: float) -> int:
        return int(self.width * share)

    def y(self, share: float) -> int:
        return int(self.height * share)

    def box(self, left: float, top: float, right: float, bottom: float, fill: Colour, radius: float = 0) -> None:
        shape = [self.x(left), self.y(top), self.x(right), self.y(bottom)]
        self.draw.rounded_rectangle(shape, radius=int(self.unit * radius), fill=fill)

    def circle(self, cx: float, cy: float, radius: float, fill: Colour | None, outline: Colour | None = None) -> None:
        r = int(self.unit * radius)
        width = max(int(self.unit * 1.2), 1)
        self.draw.ellipse([self.x(cx) - r, self.y(cy) - r, self.x(cx) + r, self.y(cy) + r], fill, outline, width)

    def line(self, points: list[tuple[float, float]], fill: Colour, width: float = 1.5) -> None:
        self.draw.line([(self.x(a), self.y(b)) for a, b in points], fill=fill, width=max(int(self.unit * width), 1))

    def polygon(self, points: list[tuple[float, float]], fill: Colour) -> None:
        self.draw.polygon([(self.x(a), self.y(b)) for a, b in points], fill=fill)

    @property
    def unit(self) -> float:
        """A hundredth of the shorter side: strokes and radii keep their look at every size."""
        return min(self.width, self.height) / 100

    def ground(self, level: float = 0.78) -> None:
        self.box(0, level, 1, 1, self.palette.ground)

    def person(self, cx: float, base: float, size: float, colour: Colour) -> None:
        """A silhouette: a head and rounded shoulders, `size` a share of the height."""
        head = size * 0.22
        self.circle(cx, base - size + head * 1.1, head * self.height / self.unit, colour)
        half = size * 0.3 * self.height / self.width
        self.box(cx - half, base - size * 0.62, cx + half, base + size * 0.1, colour, radius=size * 40)


def _screen(c: Canvas) -> None:
    p = c.palette
    c.ground()
    left = c.rng.uniform(0.08, 0.2)
    c.box(left, 0.14, left + 0.46, 0.66, p.dark, radius=3)
    c.box(left + 0.02, 0.18, left + 0.44, 0.62, p.light, radius=1)
    for row in range(6):
        indent = c.rng.choice([0, 0.03, 0.06])
        length = c.rng.uniform(0.12, 0.3)
        colour = p.main if row % 2 else p.second
        c.line(
            [(left + 0.05 + indent, 0.24 + row * 0.06), (left + 0.05 + indent + length, 0.24 + row * 0.06)], colour, 2.5
        )
    c.box(left + 0.2, 0.66, left + 0.26, 0.76, p.dark)
    c.box(left + 0.13, 0.74, left + 0.33, 0.78, p.dark, radius=1)
    board = left + 0.52
    c.box(board, 0.3, board + 0.3, 0.74, p.main, radius=2)
    for _ in range(4):
        y = c.rng.uniform(0.36, 0.68)
        c.line(
            [(board + 0.02, y), (board + 0.14, y), (board + 0.18, y - 0.05), (board + 0.28, y - 0.05)], p.second, 1.2
        )
        c.circle(board + 0.28, y - 0.05, 1.6, p.light)
    c.box(board + 0.08, 0.44, board + 0.2, 0.58, p.dark, radius=1)


def _greenhouse(c: Canvas) -> None:
    p = c.palette
    c.circle(c.rng.uniform(0.75, 0.9), 0.2, 9, p.second)
    c.ground(0.8)
    c.polygon([(0.12, 0.8), (0.12, 0.38), (0.4, 0.16), (0.68, 0.38), (0.68, 0.8)], p.light)
    c.line([(0.12, 0.8), (0.12, 0.38), (0.4, 0.16), (0.68, 0.38), (0.68, 0.8)], p.dark, 1.2)
    c.line([(0.4, 0.16), (0.4, 0.8)], p.dark, 0.8)
    c.line([(0.12, 0.52), (0.68, 0.52)], p.dark, 0.8)
    for index in range(c.rng.randint(3, 5)):
        x = 0.18 + index * 0.11
        height = c.rng.uniform(0.1, 0.22)
        c.line([(x, 0.74), (x, 0.74 - height)], LEAF, 1.4)
        c.circle(x - 0.02, 0.74 - height, 3.5, LEAF)
        c.circle(x + 0.02, 0.74 - height * 0.7, 3, LEAF_LIGHT)
        c.polygon([(x - 0.035, 0.72), (x + 0.035, 0.72), (x + 0.025, 0.8), (x - 0.025, 0.8)], p.second)
    c.box(0.8, 0.6, 0.82, 0.8, p.dark)
    c.circle(0.81, 0.52, 7, LEAF)


def _leaves(c: Canvas) -> None:
    p = c.palette
    c.ground(0.85)
    c.line([(0.08, 0.86), (0.5, 0.52), (0.92, 0.2)], p.dark, 1.5)
    for index in range(c.rng.randint(5, 7)):
        share = 0.12 + index * 0.12
        x, y = 0.08 + 0.84 * share, 0.86 - 0.66 * share
        side = 1 if index % 2 else -1
        tip = (x + 0.05, y + side * 0.22)
        c.polygon(
            [(x, y), (x + 0.07, y + side * 0.06), tip, (x - 0.03, y + side * 0.1)], LEAF if index % 3 else LEAF_LIGHT
        )
        c.line([(x, y), tip], LEAF_LIGHT, 0.6)
    for _ in range(4):
        c.circle(c.rng.uniform(0.1, 0.9), c.rng.uniform(0.08, 0.3), 2, p.main)


def _map(c: Canvas, *, monument: bool) -> None:
    p = c.palette
    c.box(0.06, 0.1, 0.94 if not monument else 0.62, 0.9, p.light, radius=2)
    right = 0.94 if not monument else 0.62
    c.polygon([(0.06, 0.55), (0.25, 0.5), (0.4, 0.62), (right, 0.58), (right, 0.7), (0.06, 0.72)], p.ground)
    for _ in range(5):
        x, y = c.rng.uniform(0.1, right - 0.12), c.rng.uniform(0.15, 0.8)
        c.box(x, y, x + 0.08, y + 0.06, p.sky)
    points = [(c.rng.uniform(0.1, right - 0.06), c.rng.uniform(0.18, 0.84)) for _ in range(5)]
    c.line(points, p.second, 1.4)
    for x, y in points:
        c.circle(x, y, 2.2, p.main)
    if monument:
        c.ground(0.88)
        c.polygon([(0.74, 0.88), (0.77, 0.26), (0.79, 0.2), (0.81, 0.26), (0.84, 0.88)], p.dark)
        c.box(0.7, 0.8, 0.88, 0.9, p.dark)


def _books(c: Canvas) -> None:
    p = c.palette
    c.box(0.08, 0.2, 0.92, 0.23, p.dark)
    x = 0.1
    while x < 0.86:
        width = c.rng.uniform(0.03, 0.06)
        height = c.rng.uniform(0.12, 0.18)
        c.box(x, 0.2 - height, x + width, 0.2, c.rng.choice([p.main, p.second, p.ground, p.dark]))
        x += width + 0.008
    c.ground(0.85)
    c.polygon([(0.5, 0.5), (0.22, 0.42), (0.22, 0.8), (0.5, 0.86)], p.light)
    c.polygon([(0.5, 0.5), (0.78, 0.42), (0.78, 0.8), (0.5, 0.86)], p.light)
    c.line([(0.5, 0.5), (0.5, 0.86)], p.dark, 0.8)
    for row in range(5):
        y = 0.52 + row * 0.06
        c.line([(0.26, y), (0.46, y + 0.02)], p.main, 0.8)
        c.line([(0.54, y + 0.02), (0.54 + c.rng.uniform(0.12, 0.2), y)], p.main, 0.8)


def _chart(c: Canvas) -> None:
    p = c.palette
    c.box(0.06, 0.08, 0.64, 0.9, p.light, radius=2)
    bars = c.rng.randint(4, 6)
    for index in range(bars):
        left = 0.11 + index * 0.48 / bars
        top = c.rng.uniform(0.25, 0.7)
        c.box(left, top, left + 0.3 / bars, 0.82, p.main if index % 2 else p.second)
    c.line([(0.1, 0.82), (0.6, 0.82)], p.dark, 1)
    c.line([(0.1, 0.7), (0.25, 0.55), (0.4, 0.6), (0.58, 0.2)], p.dark, 1.2)
    for stack in range(3):
        x = 0.72 + stack * 0.08
        for coin in range(c.rng.randint(2, 6)):
            y = 0.86 - coin * 0.05
            c.draw.ellipse([c.x(x - 0.035), c.y(y - 0.03), c.x(x + 0.035), c.y(y + 0.03)], p.second, p.dark, 2)


def _flasks(c: Canvas) -> None:
    p = c.palette
    c.ground(0.8)
    for index in range(c.rng.randint(2, 4)):
        x = 0.2 + index * 0.2
        level = c.rng.uniform(0.55, 0.68)
        colour = [p.main, p.second, p.ground][index % 3]
        c.polygon(
            [(x - 0.03, 0.3), (x + 0.03, 0.3), (x + 0.03, 0.48), (x + 0.09, 0.78), (x - 0.09, 0.78), (x - 0.03, 0.48)],
            p.light,
        )
        c.polygon(
            [
                (x - 0.09 + 0.06 * (0.78 - level) / 0.3, level),
                (x + 0.09 - 0.06 * (0.78 - level) / 0.3, level),
                (x + 0.09, 0.78),
                (x - 0.09, 0.78),
            ],
            colour,
        )
        c.circle(x + 0.01, 0.22, 1.8, colour)
        c.circle(x - 0.02, 0.14, 1.2, colour)
    c.box(0.84, 0.4, 0.88, 0.78, p.light, radius=1)
    c.box(0.84, 0.6, 0.88, 0.78, p.main, radius=1)


def _physics(c: Canvas) -> None:
    p = c.palette
    cx, cy = c.rng.uniform(0.3, 0.4), 0.5
    radius = 36 * c.unit
    for orbit in range(3):
        tilt = orbit * math.pi / 3 + c.rng.uniform(-0.2, 0.2)
        points = []
        for step in range(48):
            angle = step * math.tau / 48
            x, y = radius * math.cos(angle), radius * 0.35 * math.sin(angle)
            points.append(
                (c.x(cx) + x * math.cos(tilt) - y * math.sin(tilt), c.y(cy) + x * math.sin(tilt) + y * math.cos(tilt))
            )
        c.draw.line([*points, points[0]], fill=p.main, width=max(int(c.unit), 1))
        electron = c.rng.randrange(48)
        c.draw.ellipse(
            [
                points[electron][0] - 2 * c.unit,
                points[electron][1] - 2 * c.unit,
                points[electron][0] + 2 * c.unit,
                points[electron][1] + 2 * c.unit,
            ],
            p.dark,
        )
    c.circle(cx, cy, 5, p.second)
    c.circle(0.75, 0.4, 14, p.second)
    c.box(0.71, 0.52, 0.79, 0.66, p.dark, radius=1)
    c.line([(0.73, 0.44), (0.75, 0.36), (0.77, 0.44)], p.light, 1)


def _easel(c: Canvas) -> None:
    p = c.palette
    c.ground(0.84)
    c.line([(0.3, 0.9), (0.42, 0.15)], p.dark, 1.5)
    c.line([(0.58, 0.9), (0.46, 0.15)], p.dark, 1.5)
    c.box(0.24, 0.22, 0.66, 0.66, p.light, radius=1)
    c.circle(c.rng.uniform(0.32, 0.58), c.rng.uniform(0.3, 0.4), 5, p.second)
    c.polygon([(0.26, 0.64), (0.38, 0.44), (0.48, 0.56), (0.56, 0.46), (0.64, 0.64)], p.main)
    c.draw.ellipse([c.x(0.7), c.y(0.55), c.x(0.92), c.y(0.8)], p.light, p.dark, 2)
    for index, colour in enumerate([p.main, p.second, p.dark]):
        c.circle(0.76 + index * 0.05, 0.64, 2.2, colour)


def _music(c: Canvas) -> None:
    p = c.palette
    for line in range(5):
        y = 0.3 + line * 0.08
        c.line([(0.06, y), (0.94, y)], p.dark, 0.6)
    for index in range(c.rng.randint(5, 7)):
        x = 0.14 + index * 0.12
        y = 0.3 + 0.04 * c.rng.randint(0, 8)
        c.draw.ellipse([c.x(x - 0.03), c.y(y - 0.03), c.x(x + 0.03), c.y(y + 0.03)], p.main)
        c.line([(x + 0.028, y), (x + 0.028, y - 0.24)], p.main, 0.8)
    c.ground(0.86)


def _sport(c: Canvas) -> None:
    p = c.palette
    c.ground(0.45)
    for lane in range(4):
        y = 0.5 + lane * 0.12
        c.line([(0, y), (1, y - 0.08)], p.light, 0.8)
    c.circle(c.rng.uniform(0.55, 0.8), 0.3, 12, p.second, p.dark)
    c.person(c.rng.uniform(0.2, 0.35), 0.85, 0.45, p.main)


def _gears(c: Canvas) -> None:
    p = c.palette
    c.ground(0.85)
    for cx, cy, size, colour in [(0.35, 0.45, 20, p.main), (0.6, 0.62, 13, p.second), (0.72, 0.3, 9, p.dark)]:
        for tooth in range(8):
            angle = tooth * math.tau / 8
            tooth_x = cx + size * 1.15 * c.unit / c.width * math.cos(angle)
            tooth_y = cy + size * 1.15 * c.unit / c.height * math.sin(angle)
            c.circle(tooth_x, tooth_y, size * 0.28, colour)
        c.circle(cx, cy, size, colour)
        c.circle(cx, cy, size * 0.35, p.sky)


def _stage(c: Canvas) -> None:
    p = c.palette
    c.box(0, 0, 1, 0.12, p.main)
    c.box(0, 0, 0.08, 0.7, p.main)
    c.box(0.92, 0, 1, 0.7, p.main)
    c.box(0.08, 0.56, 0.92, 0.66, p.dark)
    c.box(0.42, 0.18, 0.86, 0.48, p.light, radius=1)
    c.line([(0.48, 0.4), (0.58, 0.32), (0.66, 0.36), (0.8, 0.24)], p.second, 1.5)
    c.person(c.rng.uniform(0.2, 0.32), 0.56, 0.3, p.second)
    c.ground(0.66)
    for row, base in enumerate((0.86, 1.04)):
        for seat in range(7):
            size = 0.2 + 0.02 * row + c.rng.uniform(-0.02, 0.02)
            c.person(0.08 + seat * 0.14 + row * 0.05, base, size, p.dark)


def _gallery(c: Canvas) -> None:
    p = c.palette
    c.ground(0.82)
    count = c.rng.randint(3, 4)
    for index in range(count):
        left = 0.07 + index * 0.88 / count
        right = left + 0.88 / count - 0.06
        top = c.rng.uniform(0.14, 0.24)
        bottom = c.rng.uniform(0.52, 0.62)
        c.box(left, top, right, bottom, p.dark)
        c.box(left + 0.015, top + 0.025, right - 0.015, bottom - 0.025, p.light)
        colour = [p.main, p.second, p.ground][index % 3]
        c.polygon(
            [(left + 0.02, bottom - 0.03), ((left + right) / 2, top + 0.12), (right - 0.02, bottom - 0.03)], colour
        )
        c.circle(right - 0.05, top + 0.08, 2.5, p.second)
    c.person(c.rng.uniform(0.3, 0.7), 0.98, 0.36, p.main)


def _coworking(c: Canvas) -> None:
    p = c.palette
    c.ground(0.7)
    for window in range(4):
        c.box(0.06 + window * 0.24, 0.08, 0.24 + window * 0.24, 0.4, p.light, radius=1)
    for table in (0.25, 0.7):
        for seat in (-0.1, 0.1):
            c.person(table + seat, 0.78, 0.32, c.rng.choice([p.main, p.second, p.dark]))
        c.box(table - 0.18, 0.74, table + 0.18, 0.79, p.dark)
        c.box(table - 0.06, 0.66, table + 0.04, 0.74, p.light, radius=0.5)
        c.box(table - 0.055, 0.67, table + 0.035, 0.73, p.main)


def _emblem(c: Canvas) -> None:
    p = c.palette
    c.circle(0.5, 0.5, 48, p.main)
    c.circle(0.5, 0.5, 42, None, p.light)
    c.polygon([(0.5, 0.38), (0.26, 0.32), (0.26, 0.66), (0.5, 0.72)], p.light)
    c.polygon([(0.5, 0.38), (0.74, 0.32), (0.74, 0.66), (0.5, 0.72)], p.light)
    c.line([(0.5, 0.38), (0.5, 0.72)], p.main, 1.5)
    for row in range(3):
        c.line([(0.3, 0.42 + row * 0.08), (0.46, 0.46 + row * 0.08)], p.second, 2)
        c.line([(0.54, 0.46 + row * 0.08), (0.7, 0.42 + row * 0.08)], p.second, 2)


def _social(c: Canvas) -> None:
    p = c.palette
    c.ground(0.8)
    for index in range(c.rng.randint(4, 6)):
        c.person(0.14 + index * 0.15, 0.95, c.rng.uniform(0.34, 0.44), [p.main, p.second, p.dark][index % 3])
    for x in (0.22, 0.58):
        c.box(x, 0.1, x + 0.22, 0.26, p.light, radius=3)
        c.polygon([(x + 0.04, 0.26), (x + 0.09, 0.26), (x + 0.03, 0.33)], p.light)


@dataclass(frozen=True)
class Scene:
    draw: Callable[[Canvas], None]
    alt: str


SCENES: dict[str, Scene] = {
    "screen": Scene(_screen, "Рисунок: монитор с программным кодом и электронная плата"),
    "greenhouse": Scene(_greenhouse, "Рисунок: теплица с ростками в горшках и дерево под солнцем"),
    "leaves": Scene(_leaves, "Рисунок: ветка с зелёными листьями"),
    "map": Scene(lambda c: _map(c, monument=False), "Рисунок: карта местности с отмеченным маршрутом"),
    "monument": Scene(lambda c: _map(c, monument=True), "Рисунок: карта города с маршрутом и силуэт обелиска"),
    "books": Scene(_books, "Рисунок: раскрытая книга и полка с книгами"),
    "chart": Scene(_chart, "Рисунок: столбчатая диаграмма с графиком и стопки монет"),
    "flasks": Scene(_flasks, "Рисунок: колбы и пробирка с цветными растворами"),
    "physics": Scene(_physics, "Рисунок: модель атома и электрическая лампа"),
    "easel": Scene(_easel, "Рисунок: мольберт с пейзажем и палитра с красками"),
    "music": Scene(_music, "Рисунок: ноты на нотном стане"),
    "sport": Scene(_sport, "Рисунок: бегун на стадионе и мяч"),
    "gears": Scene(_gears, "Рисунок: три сцепленные шестерёнки"),
    "stage": Scene(_stage, "Рисунок: докладчик на сцене у экрана и зрители в зале"),
    "gallery": Scene(_gallery, "Рисунок: стена выставочного зала с картинами в рамах и посетитель"),
    "coworking": Scene(_coworking, "Рисунок: люди работают с ноутбуками за общими столами у окон"),
    "emblem": Scene(_emblem, "Эмблема: раскрытая книга в круге"),
    "people": Scene(_social, "Рисунок: группа людей беседует"),
}

SUBJECT_SCENES = {
    "mathematics": "chart",
    "informatics": "screen",
    "physics": "physics",
    "chemistry": "flasks",
    "biology": "greenhouse",
    "ecology": "leaves",
    "geography": "map",
    "history": "monument",
    "literature": "books",
    "russian": "books",
    "english": "books",
    "economics": "chart",
    "social-studies": "people",
    "technology": "gears",
    "art": "easel",
    "music": "music",
    "pe": "sport",
}


def scene_for(subjects: list[str]) -> str:
    """The scene of a solution: its first subject's, or people talking when no subject has one."""
    return next((SUBJECT_SCENES[slug] for slug in subjects if slug in SUBJECT_SCENES), "people")
