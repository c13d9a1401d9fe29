"""Demo pictures drawn by code (the project never downloads images).

Pillow and the stdlib (plus the project's own diacritics helper); product pictures are flat illustrations of one object
per OCOP product set on a soft gradient, with the title in a band at the bottom; producer
logos are round monogram badges.  Everything is deterministic: the same arguments give
the same bytes.  No stars and no OCOP mark are ever drawn: stars come only from
certificates.

    draw_product_image(title, product_set, *, seed, size=800) -> JPEG bytes
    draw_producer_logo(name, *, seed, size=256) -> PNG bytes
"""

from __future__ import annotations

import colorsys
import io
import math
import random
import unicodedata
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from storefront.ocop.text import strip_diacritics

__all__ = ["draw_product_image", "draw_producer_logo"]

_SS = 2  # supersampling factor
_BAND = 0.2  # height of the title band, as a share of the picture

_FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
# DejaVu first (the project's choice); other common fonts with Vietnamese glyphs after it.
_FONTS = {
    True: (_FONT_DIR + "DejaVuSans-Bold.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
           "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
           "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
           "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"),
    False: (_FONT_DIR + "DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/freefont/FreeSans.ttf"),
}


# ---------------------------------------------------------------- fonts and text

@lru_cache(maxsize=4)
def _font_path(bold: bool):
    """The first usable TrueType font, or None (then Pillow's built-in font is used)."""
    for path in _FONTS[bold]:
        try:
            ImageFont.truetype(path, 12)
            return path
        except Exception:  # missing file, no FreeType...
            continue
    return None


@lru_cache(maxsize=64)
def _font(size: int, bold: bool = True):
    size = max(6, int(size))
    path = _font_path(bold)
    if path:
        try:
            return ImageFont.truetype(path, size)
        except Exception:
            pass
    try:
        return ImageFont.load_default(size=size)
    except Exception:  # Pillow < 10.1 or no FreeType
        return ImageFont.load_default()


def _text_width(font, text: str) -> float:
    try:
        return font.getlength(text)
    except Exception:
        box = font.getbbox(text)
        return box[2] - box[0]


def _line_height(font) -> int:
    try:
        ascent, descent = font.getmetrics()
        return ascent + descent
    except Exception:
        box = font.getbbox("ẤÝgjy")
        return box[3] - min(0, box[1])


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.split())


def _displayable(text: str, bold: bool = True) -> str:
    # the built-in fallback font lacks Vietnamese glyphs
    return text if _font_path(bold) else strip_diacritics(text)


def _wrap(text: str, font, max_w: float) -> list[str]:
    """Greedy word wrap; words longer than a line are broken."""
    lines: list[str] = []
    cur = ""
    words = text.split(" ") if text else []
    i = 0
    while i < len(words):
        word = words[i]
        trial = word if not cur else cur + " " + word
        if _text_width(font, trial) <= max_w:
            cur = trial
            i += 1
        elif cur:
            lines.append(cur)
            cur = ""
        else:  # a single word wider than the line
            cut = len(word) - 1
            while cut > 1 and _text_width(font, word[:cut]) > max_w:
                cut -= 1
            lines.append(word[:cut])
            words[i] = word[cut:]
    if cur:
        lines.append(cur)
    return lines


def _ellipsize(line: str, rest: str, font, max_w: float) -> str:
    line = (line + " " + rest).strip() if rest else line
    if _text_width(font, line + "…") <= max_w:
        return line + "…"
    while line and _text_width(font, line.rstrip(" ,.;:-") + "…") > max_w:
        line = line[:-1]
    return line.rstrip(" ,.;:-") + "…"


def _balance(lines: list[str], text: str, font, max_w: float) -> list[str]:
    """For two lines, move the break so both lines are about as wide (no lone last word)."""
    if len(lines) != 2:
        return lines
    words = text.split(" ")
    best, best_w = lines, max(_text_width(font, line) for line in lines) - (
        max_w * 0.3 if lines[0].endswith(",") else 0.0)
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        wa, wb = _text_width(font, a), _text_width(font, b)
        score = max(wa, wb) - (max_w * 0.3 if a.endswith(",") else 0.0)  # prefer breaking after a comma
        if wa <= max_w and wb <= max_w and score < best_w - 0.5:
            best, best_w = [a, b], score
    return best


def _fit_title(title: str, size: int, max_w: float, max_lines: int = 2):
    sizes = [max(8, round(size * f)) for f in (0.056, 0.052, 0.048, 0.045, 0.042)]
    font = None
    for fs in sizes:
        font = _font(fs, True)
        lines = _wrap(title, font, max_w)
        if len(lines) <= max_lines:
            return font, _balance(lines, title, font, max_w)
    lines = _wrap(title, font, max_w)
    head = lines[: max_lines - 1]
    last = _ellipsize(lines[max_lines - 1], "", font, max_w)
    return font, head + [last]


def _draw_text_centered(draw, cx: float, y: float, text: str, font, fill):
    x = cx - _text_width(font, text) / 2
    draw.text((x, y), text, font=font, fill=fill)


# ---------------------------------------------------------------- colour helpers

def _mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def _shade(c, t):
    return _mix(c, (0, 0, 0), t)


def _tint(c, t):
    return _mix(c, (255, 255, 255), t)


def _al(c, a):
    return (c[0], c[1], c[2], int(a))


def _hex(h: str):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def _shift(c, dh=0.0, dl=0.0, ds=0.0):
    h, l, s = colorsys.rgb_to_hls(*(v / 255 for v in c))
    h = (h + dh) % 1.0
    l = min(1.0, max(0.0, l + dl))
    s = min(1.0, max(0.0, s + ds))
    return tuple(int(round(v * 255)) for v in colorsys.hls_to_rgb(h, l, s))


# Palettes: (top, bottom, ink) per sector, a few product sets get their own.
_PALETTES = {
    "1": ("#fff1de", "#f7b987", "#6b3518"),      # food: apricot / peach
    "1.5": ("#eef7df", "#a9d48f", "#2f5a1f"),    # tea: fresh greens
    "1.6": ("#f8ecdc", "#d3a77c", "#4e2e18"),    # coffee & cocoa: latte
    "2": ("#fdebe9", "#e7a3a6", "#6a2130"),      # beverages: rosé / berry
    "3": ("#eef5e3", "#b5d39c", "#2e5426"),      # herbal: sage
    "4": ("#f6eadb", "#cf9d74", "#5b3317"),      # handicrafts: earth / terracotta
    "5": ("#e8f6ee", "#9fd3b8", "#1f5640"),      # ornamental: spring mint
    "6": ("#e3f1fb", "#93c5e8", "#1c4a6e"),      # tourism: sky
    "": ("#eef0f4", "#b9c2d3", "#2b3445"),       # unknown
}


def _hint(title: str, table, default):
    """Pick a variant from words in the (lower-case) title, e.g. "men lam" -> blue glaze."""
    for words, value in table:
        if any(w in title for w in words):
            return value
    return default


def _palette(code: str, rng: random.Random):
    key = ""
    parts = code.split(".")
    for k in (".".join(parts[:2]), parts[0]):
        if k in _PALETTES:
            key = k
            break
    top, bottom, ink = (_hex(v) for v in _PALETTES[key])
    dh = rng.uniform(-0.025, 0.025)
    dl = rng.uniform(-0.025, 0.02)
    top, bottom = _shift(top, dh, dl), _shift(bottom, dh, dl, rng.uniform(-0.06, 0.04))
    return top, bottom, ink


def _gradient(size: int, top, bottom, rng: random.Random) -> Image.Image:
    """A soft diagonal gradient with a light glow, computed on a small grid then upscaled."""
    n = 24
    ang = math.radians(rng.uniform(60, 120))
    dx, dy = math.cos(ang), math.sin(ang)
    norm = abs(dx) * 0.5 + abs(dy) * 0.5
    gx, gy = rng.uniform(0.2, 0.8), rng.uniform(0.1, 0.35)
    glow = _tint(top, 0.55)
    (tr, tg, tb), (br, bgc, bb), (lr, lg, lb) = top, bottom, glow
    data = []
    for j in range(n):
        v = j / (n - 1)
        for i in range(n):
            u = i / (n - 1)
            t = ((u - 0.5) * dx + (v - 0.5) * dy) / norm * 0.5 + 0.5
            t = 0.0 if t < 0 else 1.0 if t > 1 else t
            t = t * t * (3 - 2 * t)
            g = 1.0 - math.hypot(u - gx, v - gy) / 0.55
            g = g * g * 0.6 if g > 0 else 0.0
            r = tr + (br - tr) * t
            gg = tg + (bgc - tg) * t
            b = tb + (bb - tb) * t
            data.append((int(r + (lr - r) * g), int(gg + (lg - gg) * g), int(b + (lb - b) * g)))
    small = Image.new("RGB", (n, n))
    small.putdata(data)
    return small.resize((size, size), Image.BICUBIC)


# ---------------------------------------------------------------- geometry

def _cubic(p0, p1, p2, p3, n=14):
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def _spline(points, n=8):
    """Catmull-Rom through points."""
    out = []
    pts = [points[0]] + list(points) + [points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * p1[j] + (-p0[j] + p2[j]) * t
                                    + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                    + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3) for j in (0, 1)))
    out.append(points[-1])
    return out


def _rot(pts, cx, cy, deg):
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def _ell_pts(cx, cy, rx, ry, deg=0.0, n=24):
    pts = [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return _rot(pts, cx, cy, deg) if deg else pts


class _Pen:
    """ImageDraw in percent coordinates (0..100 across the picture).

    On RGB images (the canvas and clip regions), fills with an alpha are blended over what
    is already there; on RGBA sprites they replace it, so translucent fills in a sprite
    belong on its transparent parts (fins) or inside a clip.
    """

    def __init__(self, img: Image.Image, k: float, ox: float = 0.0, oy: float = 0.0):
        self.img = img
        self.d = ImageDraw.Draw(img, "RGBA") if img.mode in ("RGB", "RGBA") else ImageDraw.Draw(img)
        self.k, self.ox, self.oy = k, ox, oy

    def xy(self, x, y):
        return ((x - self.ox) * self.k, (y - self.oy) * self.k)

    def pts(self, pts):
        return [self.xy(x, y) for x, y in pts]

    def w(self, w):
        return max(1, int(round(w * self.k)))

    def box(self, x0, y0, x1, y1):
        a, b = self.xy(x0, y0), self.xy(x1, y1)
        return [min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])]

    def ellipse(self, cx, cy, rx, ry=None, fill=None, outline=None, width=0.0):
        ry = rx if ry is None else ry
        self.d.ellipse(self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill, outline=outline,
                       width=self.w(width) if outline is not None else 0)

    def rect(self, x0, y0, x1, y1, fill=None, r=0.0, outline=None, width=0.0):
        self.d.rounded_rectangle(self.box(x0, y0, x1, y1), radius=r * self.k, fill=fill, outline=outline,
                                 width=self.w(width) if outline is not None else 0)

    def poly(self, pts, fill=None, outline=None, width=0.0):
        if outline is not None:
            self.d.polygon(self.pts(pts), fill=fill, outline=outline, width=self.w(width))
        else:
            self.d.polygon(self.pts(pts), fill=fill)

    def line(self, pts, fill, width=1.0, round_ends=True):
        self.d.line(self.pts(pts), fill=fill, width=self.w(width), joint="curve")
        if round_ends:
            for x, y in (pts[0], pts[-1]):
                self.ellipse(x, y, width / 2, fill=fill)

    def chord(self, cx, cy, rx, ry, a0, a1, fill):
        self.d.chord(self.box(cx - rx, cy - ry, cx + rx, cy + ry), a0, a1, fill=fill)

    def pieslice(self, cx, cy, rx, ry, a0, a1, fill):
        self.d.pieslice(self.box(cx - rx, cy - ry, cx + rx, cy + ry), a0, a1, fill=fill)

    def arc(self, cx, cy, rx, ry, a0, a1, fill, width=1.0):
        self.d.arc(self.box(cx - rx, cy - ry, cx + rx, cy + ry), a0, a1, fill=fill, width=self.w(width))

    def clip(self, bbox, shape, pattern):
        """Draw `pattern(pen)` only where `shape(pen, 255)` paints, inside bbox (percent).

        The pattern is drawn (blended) on an RGB copy of the region, then pasted back
        through the shape mask, so translucent pattern fills shade what lies beneath.
        """
        x0, y0, x1, y1 = bbox
        px, py = int((x0 - self.ox) * self.k), int((y0 - self.oy) * self.k)
        w, h = int((x1 - x0) * self.k) + 2, int((y1 - y0) * self.k) + 2
        if w <= 2 or h <= 2:
            return
        ox, oy = self.ox + px / self.k, self.oy + py / self.k
        mask = Image.new("L", (w, h), 0)
        shape(_Pen(mask, self.k, ox, oy), 255)
        region = self.img.crop((px, py, px + w, py + h)).convert("RGB")
        pattern(_Pen(region, self.k, ox, oy))
        self.img.paste(region, (px, py), mask)

    def sprite(self, cx, cy, w, h, deg, draw):
        """Draw `draw(pen)` in a local box (0..w, 0..h), rotated by deg, centred at (cx, cy)."""
        k = self.k
        im = Image.new("RGBA", (int(w * k) + 2, int(h * k) + 2), (0, 0, 0, 0))
        draw(_Pen(im, k))
        if deg:
            im = im.rotate(deg, resample=Image.BICUBIC, expand=True)
        x, y = self.xy(cx, cy)
        x, y = int(x - im.width / 2), int(y - im.height / 2)
        if self.img.mode == "RGBA":
            self.img.alpha_composite(im, (x, y))
        else:
            self.img.paste(im, (x, y), im)


# ---------------------------------------------------------------- reusable parts

GLINT = (255, 255, 255, 110)
SHADE = (0, 0, 0, 34)


def _leaf(p, x, y, length, width, deg, color, vein=True):
    a = math.radians(deg)
    dx, dy = math.cos(a), math.sin(a)
    nx, ny = -dy, dx
    tip = (x + dx * length, y + dy * length)
    s1 = _cubic((x, y), (x + dx * length * 0.25 + nx * width, y + dy * length * 0.25 + ny * width),
                (x + dx * length * 0.75 + nx * width * 0.75, y + dy * length * 0.75 + ny * width * 0.75), tip)
    s2 = _cubic((x, y), (x + dx * length * 0.25 - nx * width, y + dy * length * 0.25 - ny * width),
                (x + dx * length * 0.75 - nx * width * 0.75, y + dy * length * 0.75 - ny * width * 0.75), tip)
    p.poly(s1 + s2[::-1], fill=color)
    # darker half for a folded look
    p.poly(s2 + [(x, y)], fill=_al(_shade(color, 0.25), 90))
    if vein:
        p.line([(x, y), (x + dx * length * 0.85, y + dy * length * 0.85)], fill=_al(_tint(color, 0.35), 200),
               width=max(0.25, width * 0.12))


def _bottle_outline(cx, base, bw, bh, sh, nw, top, r=2.5):
    left, right = cx - bw / 2, cx + bw / 2
    ys = base - bh
    pts = []
    for i in range(7):  # bottom-left corner
        a = math.radians(90 + 90 * i / 6)
        pts.append((left + r + r * math.cos(a), base - r + r * math.sin(a)))
    pts += _cubic((left, ys), (left, ys - sh * 0.65), (cx - nw / 2, ys - sh * 0.45), (cx - nw / 2, ys - sh))
    pts += [(cx - nw / 2, top), (cx + nw / 2, top)]
    pts += _cubic((cx + nw / 2, ys - sh), (cx + nw / 2, ys - sh * 0.45), (right, ys - sh * 0.65), (right, ys))
    for i in range(7):  # bottom-right corner
        a = math.radians(0 + 90 * i / 6)
        pts.append((right - r + r * math.cos(a), base - r + r * math.sin(a)))
    return pts


def _glass_bottle(p, cx, base, bw, bh, sh, nw, top, glass, liquid, level, r=2.5):
    outline = _bottle_outline(cx, base, bw, bh, sh, nw, top, r)
    p.poly(outline, fill=glass)
    if liquid is not None:
        def shape(q, f):
            q.poly(outline, fill=f)

        def fill(q):
            q.rect(cx - bw, level, cx + bw, base + 1, fill=liquid)
            q.ellipse(cx, level, bw, 0.6, fill=_tint(liquid, 0.25))
            q.rect(cx + bw * 0.18, level, cx + bw, base + 1, fill=_al((0, 0, 0), 30))

        p.clip((cx - bw / 2 - 1, top - 1, cx + bw / 2 + 1, base + 1), shape, fill)
    # glints
    left = cx - bw / 2
    p.rect(left + bw * 0.12, base - bh + 1.5, left + bw * 0.12 + max(1.0, bw * 0.07), base - 3, fill=GLINT, r=1)
    p.rect(cx - nw / 2 + nw * 0.15, top + 1.5, cx - nw / 2 + nw * 0.15 + max(0.6, nw * 0.12),
           base - bh - sh * 0.4, fill=(255, 255, 255, 90), r=0.5)
    return outline


def _label(p, x0, y0, x1, y1, paper, band, rng, icon=None, lines=2):
    p.rect(x0, y0, x1, y1, fill=paper, r=0.8)
    h = y1 - y0
    p.rect(x0, y0 + h * 0.08, x1, y0 + h * 0.2, fill=band)
    p.rect(x0, y1 - h * 0.2, x1, y1 - h * 0.08, fill=band)
    cx = (x0 + x1) / 2
    if icon:
        icon(cx, y0 + h * 0.45, h * 0.17)
    ink = _al(_shade(band, 0.2), 150)
    for i in range(lines):
        ww = (x1 - x0) * (0.55 - 0.15 * i) * rng.uniform(0.85, 1.0)
        yy = y0 + h * (0.66 + 0.075 * i)
        p.rect(cx - ww / 2, yy - h * 0.018, cx + ww / 2, yy + h * 0.018, fill=ink, r=0.3)


def _bowl(p, cx, rim, rw, depth, body, inner, foot=True, band=None):
    if foot:
        p.rect(cx - rw * 0.32, rim + depth - 1.2, cx + rw * 0.32, rim + depth + 1.6, fill=_shade(body, 0.12), r=0.6)
    p.chord(cx, rim, rw, depth, 0, 180, fill=body)
    _round_shading(p, (cx - rw, rim, cx + rw, rim + depth), lambda q, f: q.chord(cx, rim, rw, depth, 0, 180, fill=f),
                   band and (lambda q: (q.rect(cx - rw, rim + depth * 0.18, cx + rw, rim + depth * 0.3, fill=band),
                                        q.rect(cx - rw, rim + depth * 0.72, cx + rw, rim + depth * 0.78, fill=band))))
    p.ellipse(cx, rim, rw, rw * 0.26, fill=inner)


def _round_shading(p, bbox, shape, extra=None):
    """Shade the right side and light the left side of a rounded body, clipped to its shape."""
    x0, y0, x1, y1 = bbox
    w, h = x1 - x0, y1 - y0

    def pat(q):
        if extra:
            extra(q)
        q.ellipse(x1 + w * 0.05, (y0 + y1) / 2, w * 0.42, h * 1.2, fill=SHADE)
        q.ellipse(x0 + w * 0.2, y0 + h * 0.45, w * 0.035, h * 0.3, fill=(255, 255, 255, 80))

    p.clip((x0, y0, x1 + 0.5, y1 + 0.5), shape, pat)


def _cylinder_shading(p, x0, y0, x1, y1, r=0.0):
    """Darken the right third and add a glint on the left of an upright rounded box."""
    w = x1 - x0

    def pat(q):
        q.rect(x1 - w * 0.3, y0 - 1, x1 + 1, y1 + 1, fill=SHADE)
        q.rect(x0 + w * 0.12, y0 + 1.5, x0 + w * 0.12 + max(0.6, w * 0.06), y1 - 1.5, fill=(255, 255, 255, 150), r=0.5)

    p.clip((x0, y0, x1 + 0.5, y1 + 0.5), lambda q, f: q.rect(x0, y0, x1, y1, fill=f, r=r), pat)


def _rim_lip(p, cx, rim, rw, color):
    p.arc(cx, rim, rw - 0.5, rw * 0.26 - 0.5, 0, 180, fill=color, width=1.2)


def _steam(p, x, y, h, color=(255, 255, 255, 150), n=3, gap=4.0):
    for i in range(n):
        xx = x + (i - (n - 1) / 2) * gap
        pts = [(xx + 1.2 * math.sin(t / 6 * math.pi * 2 + i), y - h * t / 6) for t in range(7)]
        p.line(_spline(pts, 4), fill=color, width=1.1)


def _bean(p, cx, cy, s, deg, color):
    p.poly(_ell_pts(cx, cy, s, s * 0.7, deg, 20), fill=color)
    a = math.radians(deg)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux
    pts = [(cx + ux * s * t + vx * s * 0.18 * math.sin(t * math.pi), cy + uy * s * t + vy * s * 0.18 * math.sin(t * math.pi))
           for t in (-0.8, -0.4, 0, 0.4, 0.8)]
    p.line(pts, fill=_shade(color, 0.45), width=s * 0.16)
    p.poly(_ell_pts(cx - vx * s * 0.3 - ux * s * 0.2, cy - vy * s * 0.3 - uy * s * 0.2, s * 0.35, s * 0.15, deg, 12),
           fill=(255, 255, 255, 60))


def _blossom(p, cx, cy, r, color, center, petals=5, deg=0.0):
    for i in range(petals):
        a = math.radians(deg + 360 * i / petals)
        p.ellipse(cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.55, r * 0.52, fill=color)
    p.ellipse(cx, cy, r * 0.3, fill=center)


def _flower(p, cx, cy, r, color, center, petals=8, deg=0.0):
    dark = _shade(color, 0.12)
    for layer, (rr, col) in enumerate(((r, dark), (r * 0.72, color))):
        for i in range(petals):
            a = deg + 360 * i / petals + layer * (180 / petals)
            ar = math.radians(a)
            px, py = cx + math.cos(ar) * rr * 0.55, cy + math.sin(ar) * rr * 0.55
            p.poly(_ell_pts(px, py, rr * 0.5, rr * 0.28, a, 16), fill=col)
    p.ellipse(cx, cy, r * 0.24, fill=center)
    p.ellipse(cx - r * 0.07, cy - r * 0.07, r * 0.09, fill=_al(_tint(center, 0.5), 200))


def _rose(p, cx, cy, r, color, deg=0.0):
    dark = _shade(color, 0.18)
    for i in range(5):  # outer petals
        a = math.radians(deg + 72 * i)
        p.ellipse(cx + math.cos(a) * r * 0.38, cy + math.sin(a) * r * 0.38, r * 0.62, fill=dark)
    p.ellipse(cx, cy, r * 0.78, fill=color)
    line = _shade(color, 0.32)
    for i, rr in enumerate((0.62, 0.44, 0.27)):  # a spiral of inner petals
        a0 = deg + 130 * i
        off = r * 0.06 * (i + 1)
        p.arc(cx + off, cy - off * 0.5, r * rr, r * rr * 0.92, a0, a0 + 250, fill=line, width=r * 0.075)
    p.ellipse(cx + r * 0.1, cy - r * 0.05, r * 0.13, fill=line)
    p.ellipse(cx - r * 0.35, cy - r * 0.35, r * 0.16, r * 0.1, fill=(255, 255, 255, 70))


def _capsule(p, cx, cy, length, r, deg, c1, c2):
    half = []
    for i in range(9):
        a = math.radians(90 + 180 * i / 8)
        half.append((cx - length / 2 + r + r * math.cos(a), cy + r * math.sin(a)))
    left = half + [(cx, cy - r), (cx, cy + r)]
    right = [(2 * cx - x, y) for x, y in left]
    p.poly(_rot(left, cx, cy, deg), fill=c1)
    p.poly(_rot(right, cx, cy, deg), fill=c2)
    glint = [(cx - length / 2 + r, cy - r * 0.45), (cx + length / 2 - r, cy - r * 0.45)]
    p.line(_rot(glint, cx, cy, deg), fill=(255, 255, 255, 120), width=r * 0.35)


def _drop(p, cx, cy, r, color):
    pts = [(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))) for a in range(-30, 211, 15)]
    p.poly(pts + [(cx, cy - r * 2.1)], fill=color)
    p.ellipse(cx - r * 0.35, cy - r * 0.1, r * 0.22, r * 0.35, fill=(255, 255, 255, 140))


def _chili(p, x, y, length, deg, color=(214, 38, 38)):
    a = math.radians(deg)
    ux, uy = math.cos(a), math.sin(a)
    vx, vy = -uy, ux
    pts = []
    for i in range(11):
        t = i / 10
        w = length * 0.16 * (1 - t ** 1.6) + 0.15
        bend = length * 0.12 * t * t
        pts.append((x + ux * length * t + vx * (w + bend), y + uy * length * t + vy * (w + bend)))
    back = []
    for i in range(10, -1, -1):
        t = i / 10
        w = length * 0.16 * (1 - t ** 1.6) + 0.15
        bend = length * 0.12 * t * t
        back.append((x + ux * length * t + vx * (-w + bend), y + uy * length * t + vy * (-w + bend)))
    p.poly(pts + back, fill=color)
    p.line([(x + ux * length * 0.15 - vx * length * 0.05, y + uy * length * 0.15 - vy * length * 0.05),
            (x + ux * length * 0.55, y + uy * length * 0.55)], fill=(255, 255, 255, 110), width=length * 0.05)
    p.line([(x, y), (x - ux * length * 0.18 + vx * length * 0.05, y - uy * length * 0.18 + vy * length * 0.05)],
           fill=(70, 130, 50), width=length * 0.09)
    p.ellipse(x, y, length * 0.1, fill=(70, 130, 50))


def _gingham(q, x0, y0, x1, y1, color, step=2.2):
    q.rect(x0, y0, x1, y1, fill=(255, 255, 255))
    c = _al(color, 120)
    x = x0
    while x < x1:
        q.rect(x, y0, x + step / 2, y1, fill=c)
        x += step
    y = y0
    while y < y1:
        q.rect(x0, y, x1, y + step / 2, fill=c)
        y += step


# ---------------------------------------------------------------- objects
# Each draws on the transparent object layer; the ground line is y = 70 (percent).

def _fish_sauce(p, r, pal):
    glass = _tint(pal[1], 0.55)
    sauce = _shift((160, 78, 24), r.uniform(-0.02, 0.02), r.uniform(-0.04, 0.03))
    cx = 44
    _glass_bottle(p, cx, 70, 17, 29, 9, 6.2, 17, glass, sauce, 23)
    red = (196, 38, 40) if r.random() < 0.6 else (30, 92, 160)

    def fish_icon(x, y, s):
        p.poly(_ell_pts(x - s * 0.2, y, s * 1.1, s * 0.55), fill=red)
        p.poly([(x + s * 0.7, y), (x + s * 1.5, y - s * 0.6), (x + s * 1.5, y + s * 0.6)], fill=red)
        p.ellipse(x - s * 0.8, y - s * 0.1, s * 0.14, fill=(255, 255, 255))

    _label(p, cx - 8.5, 46, cx + 8.5, 63, (250, 244, 228), red, r, fish_icon)
    p.rect(cx - 3.6, 12.5, cx + 3.6, 19, fill=red, r=1.0)
    for i in range(4):
        p.rect(cx - 3.6, 13.6 + i * 1.4, cx + 3.6, 14.0 + i * 1.4, fill=_al(_shade(red, 0.3), 140))
    # dipping bowl with chilli
    _bowl(p, 66, 62, 9.5, 7, (250, 250, 247), _shade(sauce, 0.1), band=(40, 90, 170))
    p.ellipse(66, 62.4, 8.3, 2.0, fill=_tint(sauce, 0.1))
    for dx, dy in ((-3.5, 0.2), (0.5, 0.9), (3.2, -0.1)):
        p.ellipse(66 + dx, 62.2 + dy, 1.2, 0.8, fill=(220, 40, 40))
        p.ellipse(66 + dx, 62.2 + dy, 0.5, 0.35, fill=(250, 220, 120))
    _rim_lip(p, 66, 62, 9.5, (250, 250, 247))


def _spirits(p, r, pal):
    glass = _tint(pal[1], 0.62)
    liquor = _shift((238, 222, 170), r.uniform(-0.03, 0.03))
    cx = 43
    _glass_bottle(p, cx, 70, 24, 19, 13, 5.5, 20, glass, liquor, 36, r=4)
    # banana-leaf stopper with a red cloth tie
    p.poly([(cx - 3.6, 20.5), (cx + 3.6, 20.5), (cx + 4.5, 13.5), (cx - 4.5, 13.5)], fill=(110, 150, 60))
    p.ellipse(cx, 13.5, 4.6, 1.6, fill=(140, 178, 80))
    p.rect(cx - 3.9, 19, cx + 3.9, 21.5, fill=(200, 30, 40), r=0.6)
    p.poly([(cx + 3.6, 20), (cx + 6.5, 24.5), (cx + 4.8, 25)], fill=(180, 25, 35))
    # red paper label (diamond)
    p.poly([(cx, 44), (cx + 8.5, 53), (cx, 62), (cx - 8.5, 53)], fill=(200, 35, 40))
    p.poly([(cx, 46.5), (cx + 6.1, 53), (cx, 59.5), (cx - 6.1, 53)], outline=(240, 200, 90), width=0.5)
    p.ellipse(cx, 53, 2.2, fill=(240, 200, 90))
    # two small cups
    for x, y, s in ((63, 70, 1.0), (71.5, 68, 0.9)):
        cup = (250, 248, 242)
        p.poly([(x - 4.2 * s, y - 7 * s), (x + 4.2 * s, y - 7 * s), (x + 3 * s, y), (x - 3 * s, y)], fill=cup)
        p.poly([(x + 1.2 * s, y - 7 * s), (x + 4.2 * s, y - 7 * s), (x + 3 * s, y), (x + 1.0 * s, y)], fill=SHADE)
        p.ellipse(x, y - 7 * s, 4.2 * s, 1.2 * s, fill=_shade(cup, 0.08))
        p.ellipse(x, y - 6.8 * s, 3.6 * s, 0.9 * s, fill=liquor)
        p.rect(x - 3.8 * s, y - 4.3 * s, x + 3.8 * s, y - 3.7 * s, fill=(40, 90, 170))


def _wine(p, r, pal):
    bottle = r.choice([(38, 64, 44), (52, 30, 38), (30, 48, 40)])
    cx = 42
    outline = _bottle_outline(cx, 70, 15, 30, 8, 5, 13, 2.5)
    p.poly(outline, fill=bottle)
    p.rect(cx - 5.5, 42, cx - 4.3, 67, fill=(255, 255, 255, 70), r=0.6)
    p.rect(cx - 2.6, 12, cx + 2.6, 23, fill=(150, 30, 50), r=0.6)
    p.rect(cx - 2.6, 21.5, cx + 2.6, 22.4, fill=(210, 170, 80))

    def grape_icon(x, y, s):
        for i, (dx, dy) in enumerate(((-1, -1), (0, -1), (1, -1), (-0.5, 0), (0.5, 0), (0, 1))):
            p.ellipse(x + dx * s * 0.9, y + dy * s * 0.85, s * 0.55, fill=(120, 40, 90))
        _leaf(p, x + 0.2 * s, y - 1.7 * s, s * 1.6, s * 0.6, -40, (80, 140, 60), vein=False)

    _label(p, cx - 7.5, 48, cx + 7.5, 64, (248, 240, 222), (150, 30, 50), r, grape_icon)
    # glass
    gx, rim_y = 64, 40
    glass = _tint(pal[1], 0.62)
    p.ellipse(gx, 70, 7, 1.6, fill=glass)
    p.rect(gx - 0.7, 54, gx + 0.7, 70, fill=glass)
    bowl = _cubic((gx - 7.5, rim_y), (gx - 8.5, 50), (gx - 4, 55.5), (gx, 55.5)) + \
        _cubic((gx, 55.5), (gx + 4, 55.5), (gx + 8.5, 50), (gx + 7.5, rim_y))
    p.poly(bowl, fill=glass)
    wine = (150, 24, 48)

    def shape(q, f):
        q.poly(bowl, fill=f)

    def fill(q):
        q.rect(gx - 10, 47, gx + 10, 57, fill=wine)
        q.ellipse(gx, 47, 7.6, 1.2, fill=_tint(wine, 0.15))

    p.clip((gx - 9, rim_y - 1, gx + 9, 57), shape, fill)
    p.arc(gx, 46, 5.5, 7.5, 150, 200, fill=(255, 255, 255, 150), width=0.8)
    # grapes at the left
    for i, (dx, dy) in enumerate(((0, 0), (2.2, 0), (4.4, 0), (1.1, 2), (3.3, 2), (2.2, 4))):
        p.ellipse(20 + dx, 60 + dy, 1.5, fill=(100 + i * 6, 36, 80))
        p.ellipse(19.5 + dx, 59.5 + dy, 0.45, fill=(255, 255, 255, 120))
    _leaf(p, 23, 59, 6, 2.4, -150, (90, 150, 60))


def _juice(p, r, pal):
    kinds = [((250, 160, 30), (255, 190, 60), (250, 140, 20)),     # orange
             ((245, 200, 50), (250, 220, 90), (120, 60, 120)),     # passion fruit
             ((150, 200, 80), (180, 220, 110), (110, 170, 60)),    # sugar cane / lime
             ((230, 80, 110), (245, 120, 140), (240, 90, 130))]    # dragon fruit
    juice, light, fruit = _hint(pal[3], ((("chanh leo", "chanh dây", "passion"), kinds[1]), (("cam", "orange"), kinds[0]),
                                         (("mía", "chanh", "lime", "táo"), kinds[2]),
                                         (("thanh long", "dâu", "lựu", "dragon"), kinds[3])), r.choice(kinds))
    glass = _tint(pal[1], 0.65)
    cx, top, base = 46, 30, 70
    body = [(cx - 10, top), (cx + 10, top), (cx + 8, base), (cx - 8, base)]
    # straw behind
    p.line([(cx + 2, 52), (cx + 9, 18), (cx + 15, 14)], fill=(240, 240, 240), width=2.0, round_ends=False)
    p.poly(body, fill=glass)

    def shape(q, f):
        q.poly(body, fill=f)

    def fill(q):
        q.rect(cx - 12, 36, cx + 12, 71, fill=juice)
        q.ellipse(cx, 36, 10, 1.3, fill=light)
        for ix, iy, d in ((cx - 4, 40, 10), (cx + 3, 43, -15)):
            q.poly(_rot([(ix - 2.6, iy - 2.6), (ix + 2.6, iy - 2.6), (ix + 2.6, iy + 2.6), (ix - 2.6, iy + 2.6)],
                        ix, iy, d), fill=(255, 255, 255, 110))
        q.rect(cx + 3, 36, cx + 12, 71, fill=_al((0, 0, 0), 22))

    p.clip((cx - 11, top, cx + 11, base + 1), shape, fill)
    p.ellipse(cx, top, 10, 1.5, fill=None, outline=_tint(glass, 0.5), width=0.5)
    p.rect(cx - 7.8, top + 4, cx - 6.6, base - 4, fill=(255, 255, 255, 120), r=0.5)
    # stripes on the straw above the glass
    for t in (0.25, 0.55, 0.85):
        x = cx + 2 + 7 * t
        y = 52 - 34 * t
        if y < top:
            p.ellipse(x, y, 1.0, fill=(220, 50, 60))
    # fruit slice on the rim
    sx, sy = cx - 9, top + 1
    p.pieslice(sx, sy, 6.5, 6.5, 180, 360, fill=_shade(fruit, 0.1))
    p.pieslice(sx, sy, 5.6, 5.6, 180, 360, fill=_tint(fruit, 0.35))
    for a in range(200, 360, 32):
        p.pieslice(sx, sy, 4.8, 4.8, a, a + 24, fill=_tint(fruit, 0.1))
    # whole fruit at the right
    p.ellipse(67, 63.5, 7, fill=fruit)
    p.ellipse(65, 61, 2.2, 1.5, fill=(255, 255, 255, 90))
    p.ellipse(67, 57, 0.8, fill=_shade(fruit, 0.35))
    _leaf(p, 67, 56.8, 6, 2.2, -30, (80, 150, 60))


def _honey(p, r, pal):
    glass = _tint(pal[1], 0.6)
    honey = _shift((236, 160, 28), r.uniform(-0.015, 0.015), r.uniform(-0.03, 0.03))
    cx = 46
    jar = (cx - 13, 36, cx + 13, 70)
    p.rect(*jar, fill=glass, r=5)

    def shape(q, f):
        q.rect(*jar, fill=f, r=5)

    def fill(q):
        q.rect(cx - 14, 39.5, cx + 14, 71, fill=honey)
        q.ellipse(cx - 4, 55, 8, 12, fill=_al(_tint(honey, 0.35), 120))
        q.rect(cx + 6, 39.5, cx + 14, 71, fill=_al((0, 0, 0), 25))

    p.clip((jar[0], jar[1], jar[2] + 1, jar[3] + 1), shape, fill)
    p.rect(cx - 10.5, 32, cx + 10.5, 37, fill=glass, r=1)
    # lid with a kraft cloth and twine
    cloth = (214, 176, 120)
    p.rect(cx - 12, 27, cx + 12, 33, fill=(120, 80, 40), r=1.2)
    p.poly([(cx - 13, 27.5), (cx + 13, 27.5), (cx + 15, 36.5), (cx + 9, 35), (cx + 3, 37), (cx - 3, 35),
            (cx - 9, 37), (cx - 15, 35.5)], fill=cloth)
    p.ellipse(cx, 27.5, 13, 2.6, fill=_tint(cloth, 0.15))
    p.rect(cx - 11.3, 32.4, cx + 11.3, 33.6, fill=(150, 100, 50))
    p.rect(cx - 10.5, 40, cx - 9, 66, fill=(255, 255, 255, 110), r=0.6)

    def hexes(x, y, s):
        for dx, dy in ((0, 0), (1.75, 1.0), (-1.75, 1.0), (0, 2.0)):
            pts = [(x + dx * s * 0.55 + math.cos(math.radians(60 * i)) * s * 0.6,
                    y - s * 0.6 + dy * s * 0.55 + math.sin(math.radians(60 * i)) * s * 0.6) for i in range(6)]
            p.poly(pts, fill=honey)

    _label(p, cx - 9.5, 47, cx + 9.5, 64, (252, 246, 230), (120, 80, 40), r, hexes)
    # honeycomb piece at the right
    comb = _tint(honey, 0.15)
    for row in range(3):
        for col in range(3 - row % 2):
            hx, hy = 64 + col * 4.4 + (row % 2) * 2.2, 60 + row * 3.8
            pts = [(hx + math.cos(math.radians(60 * i + 30)) * 2.5, hy + math.sin(math.radians(60 * i + 30)) * 2.5)
                   for i in range(6)]
            p.poly(pts, fill=_shade(honey, 0.12))
            p.poly([(hx + (x - hx) * 0.72, hy + (y - hy) * 0.72) for x, y in pts], fill=comb)
    # dipper
    p.line([(58, 69), (80, 49)], fill=(160, 110, 60), width=1.6)
    dx, dy = 58, 69
    for i in range(4):
        p.poly(_ell_pts(dx + i * 1.1, dy - i * 1.0, 3.0 - abs(i - 1.5) * 0.4, 1.6, -42, 18),
               fill=(190, 135, 70) if i % 2 else (160, 110, 55))


def _jam(p, r, pal):
    jams = [(196, 34, 58), (226, 120, 30), (130, 40, 90), (214, 70, 40)]
    jam = r.choice(jams)
    glass = _tint(pal[1], 0.6)
    cx = 45
    jar = (cx - 14, 42, cx + 14, 70)
    p.rect(*jar, fill=glass, r=6)

    def shape(q, f):
        q.rect(*jar, fill=f, r=6)

    def fill(q):
        q.rect(cx - 15, 44, cx + 15, 71, fill=jam)
        for i in range(7):
            q.ellipse(cx - 10 + i * 3.2, 50 + (i * 7 % 5) * 3, 1.2, fill=_al(_shade(jam, 0.25), 150))
        q.rect(cx + 7, 44, cx + 15, 71, fill=_al((0, 0, 0), 28))

    p.clip((jar[0], jar[1], jar[2] + 1, jar[3] + 1), shape, fill)
    p.rect(cx - 11, 38, cx + 11, 43, fill=glass, r=1)
    cover = [(cx - 13, 33), (cx + 13, 33), (cx + 16, 42), (cx + 10, 40.5), (cx + 4, 42.5), (cx - 2, 40.5),
             (cx - 8, 42.5), (cx - 16, 41)]
    p.poly(cover, fill=(255, 255, 255))

    def cshape(q, f):
        q.poly(cover, fill=f)
        q.ellipse(cx, 33, 13, 2.8, fill=f)

    p.clip((cx - 17, 29, cx + 17, 43), cshape, lambda q: _gingham(q, cx - 17, 29, cx + 17, 43, (200, 40, 50)))
    p.rect(cx - 12, 38.2, cx + 12, 39.5, fill=(150, 100, 50))
    p.poly([(cx + 1, 39), (cx + 4, 44), (cx + 5.5, 43.5)], fill=(150, 100, 50))

    def fruit_icon(x, y, s):
        p.ellipse(x, y + s * 0.2, s * 0.95, fill=jam)
        _leaf(p, x, y - s * 0.6, s * 1.3, s * 0.45, -60, (80, 150, 60), vein=False)

    _label(p, cx - 9, 49, cx + 9, 64, (252, 248, 236), jam, r, fruit_icon)
    p.rect(cx - 11.8, 47, cx - 10.4, 66, fill=(255, 255, 255, 110), r=0.6)
    # wrapped sweets
    for i, (x, y, d) in enumerate(((65, 66.5, -12), (73, 68, 18), (69, 61.5, 5))):
        col = r.choice([(240, 180, 40), (230, 90, 110), (90, 170, 120), (240, 130, 50)])
        pts_l = [(x - 3, y), (x - 5.8, y - 2.2), (x - 5.8, y + 2.2)]
        pts_r = [(x + 3, y), (x + 5.8, y - 2.2), (x + 5.8, y + 2.2)]
        p.poly(_rot(pts_l, x, y, d), fill=_tint(col, 0.25))
        p.poly(_rot(pts_r, x, y, d), fill=_tint(col, 0.25))
        p.poly(_ell_pts(x, y, 3.4, 2.4, d), fill=col)
        p.poly(_ell_pts(x - 0.8, y - 0.8, 1.4, 0.6, d), fill=(255, 255, 255, 130))


def _rice(p, r, pal):
    sack = (222, 196, 150)
    cx = 47
    body = _cubic((cx - 13, 36), (cx - 18, 48), (cx - 19, 66), (cx - 14, 70)) + \
        _cubic((cx + 14, 70), (cx + 19, 66), (cx + 18, 48), (cx + 13, 36))
    p.poly(body, fill=sack)

    def shape(q, f):
        q.poly(body, fill=f)

    def tex(q):
        for i in range(16):
            y = 38 + i * 2.1
            q.line([(cx - 20, y), (cx + 20, y + 0.6)], fill=_al(_shade(sack, 0.3), 40), width=0.35, round_ends=False)
        q.poly([(cx + 6, 30), (cx + 22, 30), (cx + 22, 72), (cx + 8, 72)], fill=_al((0, 0, 0), 24))

    p.clip((cx - 20, 34, cx + 20, 71), shape, tex)
    # rolled cuff and rice
    p.ellipse(cx, 36, 14.5, 3.8, fill=_shade(sack, 0.35))
    rice = (250, 248, 238)
    p.chord(cx, 36.5, 13.2, 9, 180, 360, fill=rice)
    for i in range(26):
        x = cx + r.uniform(-10, 10)
        y = 36 - r.uniform(0, 1) * (9 * math.sqrt(max(0.0, 1 - ((x - cx) / 13.2) ** 2))) * 0.9
        p.poly(_ell_pts(x, y, 0.9, 0.45, r.uniform(0, 180), 10), fill=(222, 214, 196))
    p.rect(cx - 15, 35.5, cx + 15, 39.5, fill=_shade(sack, 0.1), r=1.8)
    p.rect(cx - 15, 35.5, cx + 15, 36.6, fill=_tint(sack, 0.2), r=0.6)
    # label with a rice ear
    lab = (cx - 9, 47, cx + 9, 63)
    green = r.choice([(60, 130, 70), (180, 40, 40), (40, 90, 160)])
    p.rect(*lab, fill=(252, 248, 236), r=1.2)
    p.rect(lab[0] + 0.8, lab[1] + 0.8, lab[2] - 0.8, lab[3] - 0.8, outline=green, width=0.45, r=0.9)
    p.line([(cx - 1, 61), (cx + 1, 50)], fill=green, width=0.5)
    for i in range(5):
        y = 59 - i * 2
        p.poly(_ell_pts(cx - 1.2 + i * 0.35, y, 1.3, 0.6, -40, 10), fill=(214, 160, 40))
        p.poly(_ell_pts(cx + 0.9 + i * 0.35, y - 0.6, 1.3, 0.6, 40, 10), fill=(214, 160, 40))
    # rice stalk at the right and a few grains on the ground
    stalk = (200, 150, 50)
    pts = [(70, 70), (71, 56), (70, 44), (66, 36)]
    p.line(_spline(pts, 5), fill=(150, 150, 60), width=0.7)
    for i, t in enumerate([0.55, 0.62, 0.69, 0.76, 0.83, 0.9, 0.97]):
        sp = _spline(pts, 5)
        x, y = sp[int(t * (len(sp) - 1))]
        p.poly(_ell_pts(x - 1.3, y, 1.5, 0.7, -60, 10), fill=stalk)
        p.poly(_ell_pts(x + 1.2, y - 0.3, 1.5, 0.7, 40, 10), fill=_shade(stalk, 0.08))
    _leaf(p, 70.5, 60, 10, 1.4, -120, (120, 160, 60), vein=False)
    for i in range(9):
        p.poly(_ell_pts(cx - 14 + r.uniform(0, 30), 70.3 + r.uniform(0, 2.2), 0.8, 0.4, r.uniform(0, 180), 10),
               fill=(245, 240, 225))


def _produce(p, r, pal):
    # pomelo at the back
    pom = r.choice([(150, 190, 60), (190, 200, 60), (120, 170, 60)])
    p.ellipse(40, 50, 15, 14.5, fill=pom)
    p.ellipse(45, 53, 13, 12, fill=_al(_shade(pom, 0.2), 60))
    p.ellipse(35, 44, 4, 3, fill=(255, 255, 255, 70))
    for i in range(14):
        a = r.uniform(0, 2 * math.pi)
        d = r.uniform(0, 12)
        p.ellipse(40 + math.cos(a) * d, 50 + math.sin(a) * d, 0.35, fill=_al(_shade(pom, 0.3), 120))
    p.ellipse(40, 35.8, 1.0, fill=(110, 90, 50))
    _leaf(p, 40.5, 35.8, 11, 3.6, -30, (70, 140, 60))
    _leaf(p, 39.5, 36, 8, 3, -150, (90, 160, 70))
    # dragon fruit
    dc = (226, 52, 110)
    x, y = 60, 58
    body = _ell_pts(x, y, 10, 12, 15, 32)
    p.poly(body, fill=dc)
    p.ellipse(x + 3, y + 3, 7, 8, fill=_al(_shade(dc, 0.25), 70))
    for i, (dx, dy, d) in enumerate(((-8, -6, -150), (8, -7, -40), (-9, 5, 160), (9, 5, 20), (0, -12, -95),
                                     (-3, 1, -120), (4, -2, -60), (0, 11, 100))):
        tip = (x + dx + math.cos(math.radians(d)) * 5, y + dy + math.sin(math.radians(d)) * 5)
        p.poly([(x + dx - 1.6, y + dy + 1), (x + dx + 1.6, y + dy - 1), tip], fill=(226, 52, 110))
        p.line([(x + dx + (tip[0] - x - dx) * 0.55, y + dy + (tip[1] - y - dy) * 0.55), tip], fill=(120, 180, 60),
               width=1.2)
    # half dragon fruit in front
    hx, hy = 37, 65
    p.ellipse(hx, hy, 9.5, 5.2, fill=dc)
    p.ellipse(hx, hy - 0.5, 8.2, 4.2, fill=(250, 248, 245))
    for i in range(34):
        a = r.uniform(0, 2 * math.pi)
        d = math.sqrt(r.uniform(0, 1))
        p.ellipse(hx + math.cos(a) * d * 7, hy - 0.5 + math.sin(a) * d * 3.5, 0.3, fill=(30, 30, 30))


def _seafood(p, r, pal):
    # plate
    p.ellipse(50, 63, 32, 8, fill=(236, 240, 244))
    p.ellipse(50, 62.2, 27, 6.3, fill=(250, 252, 253))
    # fish
    silver = r.choice([(120, 150, 175), (140, 160, 170), (110, 140, 160)])
    fx, fy = 46, 53
    top = _cubic((fx - 20, fy + 1), (fx - 10, fy - 11), (fx + 10, fy - 10), (fx + 19, fy))
    bot = _cubic((fx + 19, fy), (fx + 12, fy + 7), (fx - 8, fy + 8), (fx - 20, fy + 1))
    body = top + bot
    # tail and fins
    p.poly([(fx - 18, fy + 1), (fx - 28, fy - 7), (fx - 25.5, fy + 1.5), (fx - 28, fy + 9)], fill=_shade(silver, 0.15))
    p.poly([(fx - 4, fy - 8), (fx + 4, fy - 13), (fx + 6, fy - 8)], fill=_shade(silver, 0.15))
    p.poly(body, fill=silver)

    def shape(q, f):
        q.poly(body, fill=f)

    def pat(q):
        q.rect(fx - 22, fy + 1.5, fx + 22, fy + 10, fill=_tint(silver, 0.55))
        q.rect(fx - 22, fy - 12, fx + 22, fy - 4.5, fill=_shade(silver, 0.18))
        for i in range(6):
            for j in range(3):
                q.arc(fx - 12 + i * 3.6 + (j % 2) * 1.8, fy - 3 + j * 3, 1.8, 1.8, 270, 90,
                      fill=_al(_shade(silver, 0.35), 90), width=0.3)

    p.clip((fx - 21, fy - 12, fx + 21, fy + 9), shape, pat)
    p.arc(fx + 9, fy, 3, 6, 300, 60, fill=_shade(silver, 0.35), width=0.6)
    p.ellipse(fx + 13.5, fy - 2, 1.6, fill=(255, 255, 255))
    p.ellipse(fx + 13.7, fy - 2, 0.9, fill=(20, 30, 40))
    # lemon slices and herbs
    for x, y in ((70, 60), (74, 64)):
        p.ellipse(x, y, 4.5, 3.2, fill=(240, 200, 40))
        p.ellipse(x, y, 3.8, 2.6, fill=(252, 236, 140))
        for a in range(0, 360, 60):
            p.line([(x, y), (x + math.cos(math.radians(a)) * 3.4, y + math.sin(math.radians(a)) * 2.3)],
                   fill=(240, 210, 80), width=0.3, round_ends=False)
    _leaf(p, 26, 64, 7, 2.4, -160, (80, 150, 60))
    _leaf(p, 26, 64, 6, 2.2, 150, (100, 170, 70))
    # ice / crushed ice dots
    for i in range(10):
        x = 50 + r.uniform(-24, 24)
        y = 64 + r.uniform(1, 4)
        p.ellipse(x, y, 0.8, 0.5, fill=(210, 230, 245))


def _noodles(p, r, pal):
    cx, rim = 48, 50
    _bowl(p, cx, rim, 22, 17, (250, 250, 248), (200, 150, 90), band=r.choice([(40, 90, 170), (190, 50, 40)]))
    broth = r.choice([(232, 180, 110), (236, 200, 140)])

    def shape(q, f):
        q.ellipse(cx, rim, 20.8, 5.2, fill=f)

    def inside(q):
        q.rect(cx - 22, rim - 7, cx + 22, rim + 7, fill=broth)
        for j in range(9):
            pts = [(cx - 21 + i * 1.5, rim - 4 + j * 1.0 + 0.6 * math.sin(i * 0.8 + j)) for i in range(29)]
            q.line(pts, fill=(252, 248, 236), width=0.55, round_ends=False)
        for x, y, c in ((cx - 9, rim - 1.5, (232, 150, 140)), (cx - 4, rim + 1.5, (232, 150, 140))):
            q.pieslice(x, y, 4, 2.2, 180, 360, fill=c)
        for x, y in ((cx + 6, rim - 2), (cx + 10, rim + 1), (cx + 2, rim + 2.5)):
            _leaf(q, x, y, 3.6, 1.3, r.uniform(-180, 0), (80, 160, 60), vein=False)
        for x, y in ((cx + 13, rim - 1), (cx - 13, rim + 1.8)):
            q.ellipse(x, y, 1.0, 0.7, fill=(220, 40, 40))
            q.ellipse(x, y, 0.4, 0.3, fill=(250, 220, 120))

    p.clip((cx - 21, rim - 6, cx + 21, rim + 6), shape, inside)
    _rim_lip(p, cx, rim, 22, (250, 250, 248))
    # chopsticks
    wood = (190, 140, 80)
    p.line([(40, rim - 1), (76, 27)], fill=wood, width=1.3)
    p.line([(43, rim + 0.5), (78, 31)], fill=_shade(wood, 0.1), width=1.3)
    _steam(p, 44, rim - 9, 12)


def _meat(p, r, pal):
    # wooden board
    board = (190, 140, 90)
    p.ellipse(50, 66, 31, 7.5, fill=_shade(board, 0.2))
    p.ellipse(50, 64.5, 31, 7.5, fill=board)
    p.ellipse(50, 64.5, 28, 6.2, outline=_al(_shade(board, 0.15), 120), width=0.35)
    # roll wrapped in banana leaf
    leaf = (90, 150, 60)
    x0, x1, y0, y1 = 28, 58, 44, 62
    p.ellipse(x0, (y0 + y1) / 2, 4.5, 9, fill=_shade(leaf, 0.15))
    p.rect(x0, y0, x1, y1, fill=leaf)

    def shape(q, f):
        q.rect(x0, y0, x1, y1, fill=f)

    def tex(q):
        for i in range(10):
            x = x0 - 6 + i * 4
            q.line([(x, y1), (x + 8, y0)], fill=_al(_tint(leaf, 0.3), 90), width=0.3, round_ends=False)
        q.rect(x0, y0, x1, y0 + 4, fill=_al(_tint(leaf, 0.3), 70))
        q.rect(x0, y1 - 5, x1, y1, fill=_al((0, 0, 0), 30))

    p.clip((x0, y0, x1, y1), shape, tex)
    for x in (34, 42, 50):
        p.rect(x - 0.6, y0 - 0.3, x + 0.6, y1 + 0.3, fill=(214, 190, 140), r=0.4)
    meat = r.choice([(238, 214, 198), (232, 200, 186), (226, 190, 160)])
    p.ellipse(x1, (y0 + y1) / 2, 4.5, 9, fill=_shade(leaf, 0.05))
    p.ellipse(x1, (y0 + y1) / 2, 3.6, 8.1, fill=meat)
    p.ellipse(x1 - 0.8, (y0 + y1) / 2 - 2, 1.2, 3, fill=(255, 255, 255, 90))
    # slices
    for x, y in ((70, 56), (66, 61.5)):
        p.ellipse(x, y + 1.2, 7, 3.8, fill=_shade(meat, 0.12))
        p.ellipse(x, y, 7, 3.8, fill=_shade(leaf, 0.05))
        p.ellipse(x, y, 6.2, 3.2, fill=meat)
        for i in range(5):
            p.ellipse(x + r.uniform(-4, 4), y + r.uniform(-1.6, 1.6), 0.35, fill=(120, 90, 70))
    _chili(p, 37, 66, 8, -10)
    _leaf(p, 76, 63, 6, 2.2, 20, (80, 160, 70))


def _nuts(p, r, pal):
    cx, rim = 48, 50
    wood = r.choice([(170, 110, 60), (200, 150, 90), (140, 90, 55)])
    _bowl(p, cx, rim, 21, 16, wood, _shade(wood, 0.35))
    seed_c = r.choice([(238, 224, 190), (214, 170, 110), (230, 200, 150)])
    seeds = []
    for j in range(5):  # a dome of seeds, back rows (higher) first
        y = rim + 1.8 - (4 - j) * 2.6
        half = 18.5 * math.sqrt(max(0.0, 1 - ((4 - j) / 5.2) ** 2))
        n = max(1, int(half * 2 / 5.0))
        for i in range(n + 1):
            x = cx - half + (2 * half) * i / max(1, n) + r.uniform(-0.8, 0.8)
            seeds.append((x, y + r.uniform(-0.6, 0.6)))
    for x, y in seeds:
        p.ellipse(x + 0.35, y + 0.5, 3.1, 2.7, fill=_shade(seed_c, 0.28))
        p.ellipse(x, y, 3.0, 2.6, fill=seed_c)
        p.ellipse(x - 1.0, y - 0.9, 1.0, 0.6, fill=(255, 255, 255, 120))
        p.ellipse(x + 0.5, y - 0.3, 0.45, fill=_al(_shade(seed_c, 0.35), 160))
    _rim_lip(p, cx, rim, 21, wood)
    for x, y in ((24, 68), (29, 70.3), (72, 69.5), (77, 67.5)):
        p.ellipse(x + 0.35, y + 0.5, 3.1, 2.7, fill=_shade(seed_c, 0.28))
        p.ellipse(x, y, 3.0, 2.6, fill=seed_c)
        p.ellipse(x - 1.0, y - 0.9, 1.0, 0.6, fill=(255, 255, 255, 120))
    _leaf(p, 70, 66, 8, 3, -30, (90, 150, 70))


def _salt(p, r, pal):
    cx, rim = 46, 52
    wood = (180, 125, 70)
    _bowl(p, cx, rim, 19, 14, wood, _shade(wood, 0.35))
    salt = (252, 252, 250) if r.random() < 0.6 else (236, 120, 70)  # plain or chilli salt
    salt = _hint(pal[3], ((("ớt", "chilli", "chili", "tôm"), (236, 120, 70)), (("muối", "salt"), (252, 252, 250))),
                 salt)
    p.chord(cx, rim + 1.5, 17.5, 10, 180, 360, fill=salt)
    for i in range(40):
        x = cx + r.uniform(-15, 15)
        hmax = 10 * math.sqrt(max(0.0, 1 - ((x - cx) / 17.5) ** 2))
        y = rim + 1.5 - r.uniform(0.5, max(0.6, hmax - 0.6))
        s = r.uniform(0.35, 0.7)
        p.poly(_rot([(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)], x, y, r.uniform(0, 90)),
               fill=_shade(salt, 0.1) if i % 2 else (255, 255, 255))
    p.ellipse(cx - 6, rim - 5, 4, 2, fill=(255, 255, 255, 150))
    _rim_lip(p, cx, rim, 19, wood)
    # wooden spoon
    spoon = (200, 150, 90)
    p.line([(62, 69), (80, 60)], fill=spoon, width=1.6)
    p.poly(_ell_pts(60, 69.5, 4.2, 2.4, -25, 20), fill=spoon)
    p.poly(_ell_pts(60, 69.3, 3.2, 1.6, -25, 20), fill=(250, 250, 248) if salt[1] > 200 else salt)
    # chillies, a lime half and peppercorns
    _chili(p, 20, 66, 10, -12)
    _chili(p, 24, 70.5, 9, -30, (196, 30, 30))
    lx, ly = 73, 60
    p.ellipse(lx + 0.8, ly + 0.6, 7.2, 7.4, fill=(70, 140, 50))
    p.ellipse(lx, ly, 7.0, 7.2, fill=(120, 185, 70))
    p.ellipse(lx, ly, 6.1, 6.3, fill=(236, 246, 200))
    for a in range(0, 360, 45):
        p.pieslice(lx, ly, 5.4, 5.6, a + 4, a + 41, fill=(196, 226, 120))
    p.ellipse(lx, ly, 0.9, fill=(236, 246, 200))
    for i in range(9):
        x, y = r.uniform(60, 84), r.uniform(68, 71.5)
        p.ellipse(x, y, 0.75, fill=(60, 45, 35))
        p.ellipse(x - 0.2, y - 0.25, 0.25, fill=(255, 255, 255, 90))


def _tea(p, r, pal):
    green = (78, 140, 60)
    cup = r.choice([(252, 252, 248), (226, 240, 226), (250, 246, 236)])
    band = r.choice([(60, 120, 70), (40, 90, 160), (150, 110, 50)])
    cx = 45
    p.ellipse(cx, 67, 22, 5, fill=_shade(cup, 0.12))
    p.ellipse(cx, 66, 22, 4.6, fill=cup)
    p.ellipse(cx, 66, 13, 2.4, fill=_shade(cup, 0.06))
    # handle
    p.ellipse(cx + 15.5, 52, 5.5, 5.5, outline=_shade(cup, 0.05), width=2.2)
    body = _cubic((cx - 15, 44), (cx - 15, 56), (cx - 9, 65), (cx - 5, 65)) + \
        _cubic((cx + 5, 65), (cx + 9, 65), (cx + 15, 56), (cx + 15, 44))
    p.poly(body, fill=cup)

    def shape(q, f):
        q.poly(body, fill=f)

    def pat(q):
        q.rect(cx - 16, 47, cx + 16, 48.6, fill=band)
        q.rect(cx + 5, 40, cx + 17, 66, fill=_al((0, 0, 0), 20))
        q.rect(cx - 11, 47, cx - 9.6, 60, fill=(255, 255, 255, 150))

    p.clip((cx - 15, 43, cx + 16, 66), shape, pat)
    p.ellipse(cx, 44, 15, 3.2, fill=_shade(cup, 0.1))
    tea = r.choice([(176, 190, 70), (196, 180, 60), (160, 170, 60)])
    p.ellipse(cx, 44.4, 13.6, 2.5, fill=tea)
    p.ellipse(cx - 4, 44, 4, 0.8, fill=(255, 255, 255, 110))
    _steam(p, cx, 39, 12)
    # tea sprig with a bud
    x, y = 67, 66
    p.line([(x, y), (70, 46), (73, 30)], fill=(90, 120, 50), width=0.9)
    _leaf(p, 69.5, 55, 13, 4.5, -160, green)
    _leaf(p, 70.5, 46, 12, 4.2, -20, _shade(green, 0.05))
    _leaf(p, 71.5, 39, 10, 3.6, -150, _tint(green, 0.08))
    _leaf(p, 73, 30, 8, 2.2, -80, (130, 180, 80))
    _leaf(p, 72.5, 31, 6, 1.8, -120, (150, 195, 95), vein=False)
    for i in range(3):
        _leaf(p, 20 + i * 3, 69 - i * 0.4, 5, 1.6, -20 + i * 25, _shade(green, 0.15), vein=False)


def _coffee(p, r, pal):
    bean = (92, 54, 30)
    for i in range(12):
        x = r.choice([r.uniform(16, 30), r.uniform(66, 84)])
        y = r.uniform(62, 71)
        _bean(p, x, y, 2.3, r.uniform(0, 180), _shift(bean, 0, r.uniform(-0.05, 0.03)))
    glass = _tint(pal[1], 0.62)
    cx = 48
    body = [(cx - 11, 44), (cx + 11, 44), (cx + 9.5, 70), (cx - 9.5, 70)]
    p.poly(body, fill=glass)

    def shape(q, f):
        q.poly(body, fill=f)

    def fill(q):
        q.rect(cx - 12, 49, cx + 12, 71, fill=(70, 38, 20))
        q.rect(cx - 12, 63, cx + 12, 71, fill=(236, 222, 190))
        q.rect(cx - 12, 61, cx + 12, 63, fill=(170, 120, 80))
        q.rect(cx + 4, 44, cx + 12, 71, fill=_al((0, 0, 0), 25))
        q.rect(cx - 8.5, 46, cx - 7.2, 68, fill=(255, 255, 255, 100))

    p.clip((cx - 12, 43, cx + 12, 71), shape, fill)
    # phin filter
    metal = (196, 198, 202)
    dark = _shade(metal, 0.25)
    p.ellipse(cx, 44, 15, 3, fill=dark)
    p.ellipse(cx, 43.2, 15, 3, fill=metal)
    p.rect(cx - 9, 27, cx + 9, 43, fill=metal)

    def pshape(q, f):
        q.rect(cx - 9, 27, cx + 9, 43, fill=f)

    def pshade(q):
        q.rect(cx + 3, 26, cx + 10, 44, fill=_al((0, 0, 0), 40))
        q.rect(cx - 6.5, 26, cx - 5, 44, fill=(255, 255, 255, 140))

    p.clip((cx - 9, 27, cx + 9, 43), pshape, pshade)
    p.ellipse(cx, 43, 9, 1.8, fill=_shade(metal, 0.1))
    p.ellipse(cx, 27, 9.6, 2.2, fill=_tint(metal, 0.2))
    p.ellipse(cx, 26.2, 8.4, 1.7, fill=metal)
    p.rect(cx - 1.6, 22.5, cx + 1.6, 26, fill=dark, r=0.8)
    p.ellipse(cx, 22.5, 2.4, 1.0, fill=_shade(metal, 0.1))
    _drop(p, cx, 47.8, 0.7, (70, 38, 20))
    _steam(p, cx + 12, 22, 8, (255, 255, 255, 120), n=2, gap=3.0)


def _herbal_medicine(p, r, pal):
    # amber bottle at the back
    amber = (160, 90, 30)
    bx = 66
    p.rect(bx - 6, 40, bx + 6, 64, fill=amber, r=2)
    p.rect(bx - 4, 36, bx + 4, 41, fill=_shade(amber, 0.1), r=0.5)
    p.rect(bx - 4.6, 32, bx + 4.6, 37, fill=(250, 250, 250), r=0.8)
    p.rect(bx - 5, 46, bx + 5, 58, fill=(250, 246, 232), r=0.6)
    p.rect(bx - 0.7, 48.5, bx + 0.7, 55.5, fill=(60, 140, 80))
    p.rect(bx - 3.5, 51.3, bx + 3.5, 52.7, fill=(60, 140, 80))
    p.rect(bx - 4.7, 42, bx - 3.6, 62, fill=(255, 255, 255, 90), r=0.4)
    # herbs growing out of the mortar
    green = (70, 140, 60)
    for x, d, l in ((36, -115, 16), (40, -95, 18), (45, -75, 15), (33, -140, 12), (48, -55, 12)):
        _leaf(p, x, 50, l, 3.8, d, _shift(green, 0, r.uniform(-0.05, 0.06)))
    # pestle
    wood = (176, 130, 84)
    p.line([(46, 52), (60, 30)], fill=wood, width=3.0)
    p.ellipse(60, 30, 2.4, fill=_tint(wood, 0.1))
    # mortar
    stone = r.choice([(150, 160, 150), (120, 140, 130), (190, 170, 140)])
    cx, rim = 40, 52
    p.rect(cx - 9, 64, cx + 9, 69, fill=_shade(stone, 0.15), r=1.5)
    p.chord(cx, rim, 15, 15, 0, 180, fill=stone)
    _round_shading(p, (cx - 15, rim, cx + 15, rim + 15), lambda q, f: q.chord(cx, rim, 15, 15, 0, 180, fill=f))
    p.ellipse(cx, rim, 15, 3.6, fill=_shade(stone, 0.4))
    p.ellipse(cx, rim + 0.6, 12, 2.2, fill=(90, 150, 70))
    _rim_lip(p, cx, rim, 15, stone)
    # capsules
    _capsule(p, 22, 68, 7, 1.5, -20, (220, 70, 60), (250, 246, 236))
    _capsule(p, 58, 69, 7, 1.5, 15, (60, 140, 90), (250, 246, 236))
    p.ellipse(65, 69.5, 1.8, 1.3, fill=(236, 220, 170))


def _cosmetics(p, r, pal):
    accent = r.choice([(70, 140, 90), (190, 110, 130), (120, 150, 90), (200, 150, 70)])
    white = (252, 250, 246)
    # leaves behind
    for x, y, d in ((70, 52, -60), (74, 56, -20), (28, 56, -140)):
        _leaf(p, x, y, 14, 4.6, d, _shift((80, 150, 70), 0, r.uniform(-0.05, 0.05)))
    # pump bottle
    bx = 58
    p.rect(bx - 4.2, 29, bx + 4.2, 34.5, fill=accent, r=1)
    p.rect(bx - 1.1, 22, bx + 1.1, 29, fill=_shade(white, 0.1))
    p.rect(bx - 4.5, 19.5, bx + 4.5, 23, fill=accent, r=1.2)
    p.rect(bx - 9.5, 20, bx - 3, 21.8, fill=accent, r=0.6)
    p.rect(bx - 8, 34, bx + 8, 70, fill=white, r=3.5)
    p.rect(bx - 7, 46, bx + 7, 60, fill=_tint(accent, 0.8), r=0.6)
    _leaf(p, bx - 2, 56, 7, 2.4, -60, accent, vein=False)
    _leaf(p, bx + 0, 56, 5.5, 2.0, -120, _tint(accent, 0.15), vein=False)
    p.rect(bx - 4, 57.5, bx + 4, 58.3, fill=_al(accent, 160))
    _cylinder_shading(p, bx - 8, 34, bx + 8, 70, 3.5)
    # cream jar
    jx = 36
    p.rect(jx - 12, 56, jx + 12, 70, fill=white, r=3)
    p.rect(jx - 12, 61, jx + 12, 65.5, fill=_tint(accent, 0.75))
    _cylinder_shading(p, jx - 12, 55, jx + 12, 70, 3)
    p.rect(jx - 12.6, 49, jx + 12.6, 56.5, fill=accent, r=2)
    p.rect(jx - 12.6, 49, jx + 12.6, 50.5, fill=_tint(accent, 0.25), r=1)
    _cylinder_shading(p, jx - 12.6, 49, jx + 12.6, 56.5, 2)
    # a small flower
    _blossom(p, 74, 68, 3.6, (250, 250, 250), (240, 190, 60))


def _essential_oil(p, r, pal):
    oil = r.choice([(170, 96, 30), (140, 70, 30), (60, 110, 150)])
    green = (70, 140, 70)
    # narrow melaleuca-like leaves on a twig behind
    p.line([(58, 70), (70, 44), (78, 30)], fill=(120, 100, 70), width=0.7)
    for i in range(9):
        t = 0.15 + i * 0.09
        x, y = 58 + 20 * t, 70 - 40 * t
        _leaf(p, x, y, 8, 1.1, -30 - 70 * (i % 2) - 10, _shift(green, 0, r.uniform(-0.05, 0.06)), vein=False)
    # small bottle behind
    _glass_bottle(p, 30, 70, 10, 12, 3, 5, 51, oil, None, 0, r=1.5)
    p.rect(27.4, 45.5, 32.6, 51.5, fill=(40, 40, 40), r=0.8)
    p.rect(26.5, 58, 33.5, 66, fill=(250, 246, 232), r=0.5)
    # main dropper bottle
    cx = 46
    _glass_bottle(p, cx, 70, 18, 22, 5, 8, 40, oil, None, 0, r=2.5)
    p.rect(cx - 5.2, 33, cx + 5.2, 41, fill=(35, 35, 38), r=0.8)
    for i in range(4):
        p.rect(cx - 5.2, 34.2 + i * 1.7, cx + 5.2, 34.7 + i * 1.7, fill=(70, 70, 75))
    p.rect(cx - 3.2, 24, cx + 3.2, 34, fill=(30, 30, 32), r=3)
    p.ellipse(cx - 1.4, 27, 0.7, 1.8, fill=(255, 255, 255, 80))

    def leaf_icon(x, y, s):
        _leaf(p, x - s * 0.8, y + s * 0.8, s * 2.2, s * 0.7, -50, green, vein=False)

    _label(p, cx - 8, 52, cx + 8, 65, (250, 246, 230), green, r, leaf_icon)
    _drop(p, 67, 72 - 4, 1.9, (240, 190, 60))


def _herbal_tea(p, r, pal):
    clay = r.choice([(150, 80, 50), (120, 70, 50), (110, 150, 130)])
    cx, cy = 44, 54
    # spout and handle
    spout = _cubic((cx - 12, cy + 2), (cx - 18, cy), (cx - 20, cy - 6), (cx - 25, cy - 10)) + \
        [(cx - 23.5, cy - 11.5)] + _cubic((cx - 21.5, cy - 11), (cx - 18, cy - 5), (cx - 15, cy - 4), (cx - 11, cy - 5))
    p.poly(spout, fill=_shade(clay, 0.05))
    p.ellipse(cx + 15, cy - 1, 6, 7, outline=_shade(clay, 0.1), width=2.4)
    # body
    p.rect(cx - 8, cy + 11.5, cx + 8, cy + 14, fill=_shade(clay, 0.2), r=0.8)
    p.ellipse(cx, cy, 16, 13, fill=clay)
    p.ellipse(cx + 4, cy + 3, 12, 9.5, fill=_al((0, 0, 0), 30))
    p.ellipse(cx - 7, cy - 5, 4, 2.4, fill=(255, 255, 255, 80))
    p.chord(cx, cy - 8.5, 10, 3, 180, 360, fill=_shade(clay, 0.1))
    p.ellipse(cx, cy - 9.5, 9, 2.5, fill=_tint(clay, 0.1))
    p.ellipse(cx, cy - 12, 2.2, 1.6, fill=_shade(clay, 0.1))
    # cup of golden tea
    tx = 68
    cup = (250, 248, 242)
    p.poly([(tx - 6, 61), (tx + 6, 61), (tx + 4.5, 70), (tx - 4.5, 70)], fill=cup)
    p.poly([(tx + 1.5, 61), (tx + 6, 61), (tx + 4.5, 70), (tx + 1.2, 70)], fill=SHADE)
    p.ellipse(tx, 61, 6, 1.5, fill=_shade(cup, 0.08))
    p.ellipse(tx, 61.3, 5.2, 1.1, fill=(226, 170, 50))
    _steam(p, tx, 57, 7, n=2, gap=3)
    # golden camellia flowers
    gold = (246, 196, 40)
    for x, y, rr in ((26, 66, 5.0), (35, 70, 3.6)):
        _flower(p, x, y, rr, gold, (230, 150, 30), petals=6, deg=r.uniform(0, 60))
    _leaf(p, 23, 70, 7, 2.4, -170, (70, 130, 60))


def _ceramics(p, r, pal):
    glazes = [((244, 246, 248), (28, 70, 150)), ((200, 222, 200), (70, 120, 100)),
              ((244, 236, 220), (140, 70, 40)), ((238, 242, 246), (40, 80, 140))]
    base, deco = _hint(pal[3], ((("lam", "xanh", "blue"), glazes[0]), (("ngọc", "celadon", "rạn"), glazes[1]),
                                (("nâu", "đất", "gạch", "brown"), glazes[2])), r.choice(glazes))
    cx = 46
    prof = [(8.0, 16), (6.0, 19), (5.2, 24), (8.5, 31), (14.5, 40), (15.5, 50), (11.5, 62), (9.0, 68), (9.5, 70)]
    right = _spline([(cx + w, y) for w, y in prof], 6)
    left = [(2 * cx - x, y) for x, y in right][::-1]
    vase = right + left
    p.poly(vase, fill=base)

    def shape(q, f):
        q.poly(vase, fill=f)

    def pat(q):
        q.rect(cx - 20, 17.5, cx + 20, 19.5, fill=deco)
        q.rect(cx - 20, 30, cx + 20, 31.2, fill=deco)
        q.rect(cx - 20, 62.5, cx + 20, 64, fill=deco)
        q.rect(cx - 20, 66, cx + 20, 70, fill=deco)
        for i in range(7):  # lotus-petal band around the shoulder
            x = cx - 15 + i * 5
            q.poly([(x - 2.4, 38), (x, 33), (x + 2.4, 38)], fill=_al(deco, 220))
        q.rect(cx - 20, 38, cx + 20, 39, fill=deco)
        for x, y, s in ((cx - 6, 49, 1.0), (cx + 6.5, 52, 0.8)):
            _flower(q, x, y, 4.2 * s, _al(deco, 230), base, petals=6)
            q.arc(x + 3, y + 4, 5 * s, 3 * s, 200, 340, fill=deco, width=0.5)
            _leaf(q, x + 3.5 * s, y + 2 * s, 4 * s, 1.4 * s, 10, deco, vein=False)
        for i in range(6):
            x = cx - 10 + i * 4
            q.arc(x, 59, 2, 1.2, 180, 360, fill=deco, width=0.45)
        q.rect(cx + 5, 15, cx + 22, 72, fill=_al((0, 0, 0), 26))
        q.rect(cx - 10.5, 40, cx - 9, 60, fill=(255, 255, 255, 170), r=0.7)

    p.clip((cx - 17, 15, cx + 17, 71), shape, pat)
    p.ellipse(cx, 16, 8, 1.6, fill=_shade(base, 0.35))
    p.ellipse(cx, 16, 8, 1.6, outline=_shade(base, 0.05), width=0.4)
    # small bowl
    _bowl(p, 70, 63, 9, 6.5, base, _shade(base, 0.1), band=deco)
    _rim_lip(p, 70, 63, 9, base)


def _rattan(p, r, pal):
    light = r.choice([(222, 180, 115), (210, 165, 100), (230, 195, 135)])
    dark = _shade(light, 0.22)
    cx, top, base = 50, 42, 70
    body = [(cx - 22, top)] + _cubic((cx - 22, top), (cx - 20, 60), (cx - 18, base), (cx - 10, base)) + \
        _cubic((cx + 10, base), (cx + 18, base), (cx + 20, 60), (cx + 22, top))
    # handle
    p.arc(cx, top + 1, 17, 24, 180, 360, fill=dark, width=3.0)
    p.arc(cx, top + 1, 17, 24, 190, 350, fill=light, width=1.8)
    for a in range(195, 350, 12):
        x = cx + 17 * math.cos(math.radians(a))
        y = top + 1 + 24 * math.sin(math.radians(a))
        p.line([(x - 1.2, y - 1), (x + 1.2, y + 1)], fill=dark, width=0.5, round_ends=False)
    p.ellipse(cx, top, 22, 4.5, fill=_shade(light, 0.45))
    p.poly(body, fill=light)

    def shape(q, f):
        q.poly(body, fill=f)

    def weave(q):
        row = 0
        y = top + 3
        while y < base + 2:
            off = 2.6 if row % 2 else 0
            x = cx - 26 + off
            while x < cx + 26:
                q.rect(x + 0.25, y + 0.25, x + 5.0, y + 2.75, fill=_tint(light, 0.12), r=1.0)
                q.rect(x + 0.25, y + 1.9, x + 5.0, y + 2.75, fill=_al(dark, 140), r=0.4)
                x += 5.2
            y += 3.2
            row += 1
        q.rect(cx + 8, top, cx + 24, base + 1, fill=_al((0, 0, 0), 30))
        q.rect(cx - 24, top, cx - 14, base + 1, fill=(255, 255, 255, 30))

    p.clip((cx - 23, top, cx + 23, base + 1), shape, weave)
    # braided rim
    p.ellipse(cx, top, 22.5, 4.8, outline=dark, width=2.0)
    for a in range(0, 180, 12):
        x = cx + 22.5 * math.cos(math.radians(a))
        y = top + 4.8 * math.sin(math.radians(a))
        p.line([(x - 0.9, y - 0.9), (x + 0.9, y + 0.9)], fill=_tint(light, 0.2), width=0.6, round_ends=False)


def _brocade(p, r, pal):
    schemes = [[(178, 32, 40), (30, 34, 40), (60, 70, 140)], [(40, 50, 110), (170, 40, 50), (30, 30, 34)],
               [(30, 30, 34), (160, 40, 60), (40, 110, 90)]]
    cols = r.choice(schemes)
    accents = [(246, 196, 60), (250, 246, 236), (90, 170, 120), (240, 120, 60)]
    layers = [(26, 58, 72, 70), (24, 46, 70, 58.5), (28, 34, 74, 46.5)]

    def pattern(q, x0, y0, x1, y1, base, kind):
        q.rect(x0, y0, x1, y1, fill=base)
        h = y1 - y0
        a1, a2 = accents[kind % 4], accents[(kind + 1) % 4]
        q.rect(x0, y0 + h * 0.18, x1, y0 + h * 0.24, fill=a1)
        q.rect(x0, y1 - h * 0.24, x1, y1 - h * 0.18, fill=a1)
        mid = (y0 + y1) / 2
        s = h * 0.2
        x = x0
        i = 0
        while x < x1 + s:
            if kind % 2 == 0:
                q.poly([(x, mid), (x + s, mid - s), (x + 2 * s, mid), (x + s, mid + s)], fill=a2)
                q.poly([(x + s * 0.6, mid), (x + s, mid - s * 0.4), (x + s * 1.4, mid), (x + s, mid + s * 0.4)],
                       fill=base)
            else:
                q.line([(x, mid + s * 0.6), (x + s, mid - s * 0.6), (x + 2 * s, mid + s * 0.6)], fill=a2,
                       width=h * 0.08, round_ends=False)
                q.ellipse(x + s, mid + s * 0.5, s * 0.2, fill=a1)
            x += 2 * s
            i += 1
        for yy in (y0 + h * 0.06, y1 - h * 0.1):
            xx = x0
            while xx < x1:
                q.rect(xx, yy, xx + h * 0.06, yy + h * 0.04, fill=a2)
                xx += h * 0.14

    for i, (x0, y0, x1, y1) in enumerate(layers):
        base = cols[i]

        def shape(q, f, x0=x0, y0=y0, x1=x1, y1=y1):
            q.rect(x0, y0, x1, y1, fill=f, r=2.5)

        def pat(q, x0=x0, y0=y0, x1=x1, y1=y1, base=base, i=i):
            pattern(q, x0, y0, x1, y1, base, i + r.randrange(4))
            q.rect(x0, y0, x0 + 3.5, y1, fill=_al((0, 0, 0), 50))
            q.rect(x0, y1 - 1.4, x1, y1, fill=_al((0, 0, 0), 40))
            q.rect(x0, y0, x1, y0 + 1.0, fill=(255, 255, 255, 50))

        p.clip((x0, y0, x1 + 0.5, y1 + 0.5), shape, pat)
    # tassels hanging from the top cloth
    for x in (70, 72.5):
        p.line([(x, 46), (x + 0.5, 52)], fill=accents[0], width=0.6)
        p.poly([(x + 0.5, 51), (x - 0.8, 55), (x + 1.8, 55)], fill=accents[0])


def _bouquet(p, r, pal):
    petal = r.choice([(240, 110, 140), (230, 60, 70), (250, 250, 250), (245, 170, 60), (200, 120, 210)])
    stems = (70, 130, 60)
    heads = [(50, 20), (38, 27), (62, 27), (44, 36), (57, 37)]
    for x, y in heads:
        p.line([(x, y), (50, 54)], fill=stems, width=0.9, round_ends=False)
    for x, y, d in ((30, 38, -160), (70, 38, -20), (36, 44, 160), (64, 44, 20)):
        _leaf(p, 50 + (x - 50) * 0.3, 48, 14, 3.8, d, (80, 150, 70))
    roses = _hint(pal[3], ((("hồng", "rose"), True), (("cúc", "daisy", "đồng tiền", "lan", "sen"), False)),
                  r.random() < 0.5)
    for i, (x, y) in enumerate(heads):
        col = _shift(petal, 0, r.uniform(-0.05, 0.04))
        if i == 3 and r.random() < 0.5:
            col = _tint(petal, 0.5)
        rad = 7.5 - (0.6 if i else 0)
        if roses:
            _rose(p, x, y, rad * 0.95, col, r.uniform(0, 360))
        else:
            _flower(p, x, y, rad, col, (250, 210, 90) if petal[1] < 200 else (240, 150, 60),
                    petals=r.choice([6, 7, 8]), deg=r.uniform(0, 60))
    # baby's breath
    for i in range(14):
        p.ellipse(50 + r.uniform(-20, 20), 30 + r.uniform(-12, 14), 0.9, fill=(255, 255, 255))
    # kraft paper cone
    kraft = r.choice([(214, 178, 130), (236, 220, 200), (200, 210, 226)])
    p.poly([(30, 44), (70, 44), (53, 72), (47, 72)], fill=kraft)
    p.poly([(50, 44), (70, 44), (53, 72)], fill=_al((0, 0, 0), 22))
    p.poly([(30, 44), (40, 41), (47, 72)], fill=_tint(kraft, 0.2))
    # ribbon bow
    rib = (200, 40, 60) if petal[0] < 200 or petal[1] > 200 else (240, 240, 240)
    p.rect(40.5, 55, 59.5, 57.5, fill=rib)
    p.poly([(50, 56), (43, 52), (43, 60)], fill=_shade(rib, 0.1))
    p.poly([(50, 56), (57, 52), (57, 60)], fill=_shade(rib, 0.1))
    p.poly([(49, 57), (46, 65), (48, 64)], fill=rib)
    p.poly([(51, 57), (54, 65), (52, 64)], fill=rib)
    p.ellipse(50, 56.2, 1.6, fill=_tint(rib, 0.15))


def _apricot_tree(p, r, pal):
    pot = r.choice([(40, 90, 150), (140, 60, 40), (60, 110, 90)])
    trunk = (110, 80, 60)
    # trunk and branches
    p.line([(50, 60), (47, 50), (50, 41), (46, 32)], fill=trunk, width=3.4)
    branches = [[(47, 47), (38, 40), (28, 36), (20, 30)], [(50, 42), (60, 36), (70, 32), (78, 25)],
                [(46, 33), (40, 24), (34, 18)], [(47, 32), (55, 22), (60, 13)], [(49, 39), (58, 45), (68, 45)]]
    for b in branches:
        p.line(_spline(b, 4), fill=trunk, width=1.5)
        p.line(_spline(b[-2:], 3), fill=trunk, width=0.9)
    gold = (250, 200, 30)
    pts = []
    for b in branches + [[(47, 45), (50, 41), (46, 32)]]:
        sp = _spline(b, 6)
        for j in range(len(sp) // 3, len(sp), 2):
            pts.append(sp[j])
    for x, y in pts:
        for _ in range(2):
            bx, by = x + r.uniform(-3.5, 3.5), y + r.uniform(-3.5, 2.5)
            if r.random() < 0.25:
                _leaf(p, bx, by, 2.8, 0.9, r.uniform(-180, 0), (120, 170, 60), vein=False)
            else:
                _blossom(p, bx, by, r.uniform(1.6, 2.3), _shift(gold, r.uniform(-0.02, 0.01), r.uniform(-0.04, 0.04)),
                         (220, 110, 20), petals=5, deg=r.uniform(0, 72))
    # red envelopes for Tết
    for x, y in ((33, 41), (67, 38)):
        p.line([(x, y - 3.5), (x, y - 1.5)], fill=(200, 160, 60), width=0.3, round_ends=False)
        p.rect(x - 1.6, y - 1.5, x + 1.6, y + 3, fill=(210, 30, 40), r=0.3)
        p.ellipse(x, y + 0.8, 0.6, fill=(246, 200, 60))
    # pot
    p.poly([(37, 60), (63, 60), (59, 70), (41, 70)], fill=pot)
    p.rect(35, 57, 65, 61, fill=_tint(pot, 0.1), r=0.8)
    p.poly([(52, 61), (63, 61), (59, 70), (52, 70)], fill=_al((0, 0, 0), 35))
    p.rect(38.5, 63.5, 61, 64.4, fill=(240, 210, 120))
    p.ellipse(50, 57, 13.5, 1.2, fill=(90, 60, 40))


def _koi(p, r, pal):
    cx, cy, rad = 50, 43, 28
    water = r.choice([(70, 150, 190), (60, 140, 170), (80, 160, 200)])
    p.ellipse(cx, cy, rad + 2.4, fill=(170, 160, 150))
    for i in range(22):
        a = 2 * math.pi * i / 22
        p.ellipse(cx + math.cos(a) * (rad + 1.2), cy + math.sin(a) * (rad + 1.2), 2.2, 1.8,
                  fill=_shift((180, 172, 160), 0, r.uniform(-0.06, 0.04)))
    p.ellipse(cx, cy, rad, fill=water)
    p.ellipse(cx - 4, cy - 4, rad * 0.75, fill=_tint(water, 0.1))
    for rr in (6, 12):
        p.arc(cx + 8, cy + 9, rr, rr * 0.6, 200, 330, fill=(255, 255, 255, 70), width=0.4)

    def fish(body_c, fin_c, spots):
        colors = (body_c, fin_c)

        def draw(q):
            L, W = 30, 16
            y = W / 2
            body = _cubic((6, y), (8, y - 4.5), (20, y - 5.5), (27, y - 2)) + [(29, y)] + \
                _cubic((27, y + 2), (20, y + 5.5), (8, y + 4.5), (6, y))
            q.poly([(7, y), (0, y - 5), (2.5, y), (0, y + 5)], fill=_al(colors[1], 220))
            q.poly(_ell_pts(20, y - 5, 3.2, 1.4, -35, 14), fill=_al(colors[1], 210))
            q.poly(_ell_pts(20, y + 5, 3.2, 1.4, 35, 14), fill=_al(colors[1], 210))
            q.poly(body, fill=colors[0])

            def sh(m, f):
                m.poly(body, fill=f)

            def pat(m):
                for (sx, sy, sr, c) in spots:
                    m.ellipse(sx, y + sy, sr, sr * 0.7, fill=c)
                m.rect(0, y - 0.4, 30, y + 0.4, fill=_al((255, 255, 255), 60))

            q.clip((5, 0, 30, W), sh, pat)
            q.ellipse(25.5, y - 1.6, 0.5, fill=(20, 20, 20))
            q.ellipse(25.5, y + 1.6, 0.5, fill=(20, 20, 20))
        return draw

    red = (226, 70, 40)
    koi = [((252, 250, 246), (250, 240, 230), [(22, -1, 4, red), (13, 1.5, 4.2, red), (9, -1, 2, red)]),
           ((246, 140, 40), (250, 190, 110), [(15, 0, 2, (252, 220, 150))]),
           ((250, 248, 240), (240, 240, 235), [(20, 0.5, 3.6, red), (12, -1.5, 1.8, (30, 30, 30)), (16, 2, 1.3, (30, 30, 30))])]
    r.shuffle(koi)
    a1 = r.uniform(-40, -10)
    p.sprite(41, 36, 30, 16, a1, fish(*koi[0]))
    p.sprite(60, 52, 30, 16, a1 + 170 + r.uniform(-20, 20), fish(*koi[1]))
    # lily pads and a lotus flower
    for x, y, s, a in ((30, 54, 6, 20), (66, 28, 5, 200), (40, 60, 3.5, 300)):
        p.pieslice(x, y, s, s * 0.9, a + 25, a + 360, fill=(80, 150, 70))
        p.pieslice(x, y, s * 0.8, s * 0.7, a + 25, a + 360, fill=(96, 166, 80))
    _flower(p, 66, 28, 3.4, (246, 160, 190), (250, 210, 80), petals=7)


def _tourism(p, r, pal):
    cx, cy, rad = 50, 42, 30
    sky = _tint(pal[1], 0.25)

    def shape(q, f):
        q.ellipse(cx, cy, rad, fill=f)

    def scene(q):
        q.rect(cx - rad, cy - rad, cx + rad, cy + rad, fill=sky)
        q.ellipse(cx, cy - rad - 10, rad * 1.4, rad, fill=_tint(sky, 0.35))
        sx = cx + r.choice([-14, 14])
        q.ellipse(sx, 25, 5, fill=(252, 214, 110))
        for x, y in ((cx - 14 if sx > cx else cx + 12, 23), (cx + 4, 19)):
            q.ellipse(x, y, 5, 2.2, fill=(255, 255, 255))
            q.ellipse(x + 3, y - 1.5, 3.5, 2.2, fill=(255, 255, 255))
            q.ellipse(x - 3, y + 0.2, 3, 1.6, fill=(255, 255, 255))
        # karst peaks
        far = (120, 170, 170)
        for x, h, w in ((cx - 22, 26, 7), (cx - 12, 32, 8), (cx - 2, 24, 6), (cx + 10, 34, 8), (cx + 22, 27, 7)):
            q.poly(_spline([(x - w * 1.5, 52), (x - w * 0.6, 52 - h * 0.6), (x - w * 0.3, 52 - h * 0.95),
                            (x + w * 0.4, 52 - h * 0.9), (x + w * 0.8, 52 - h * 0.5), (x + w * 1.5, 52)], 5),
                   fill=_shift(far, 0, r.uniform(-0.04, 0.04)))
        q.poly(_spline([(cx - rad, 52), (cx - 18, 46), (cx - 4, 50), (cx + 10, 45), (cx + rad, 50)], 6) +
               [(cx + rad, 80), (cx - rad, 80)], fill=(110, 170, 90))
        # river / rice field
        q.poly(_spline([(cx - rad, 62), (cx - 10, 58), (cx + 10, 61), (cx + rad, 57)], 6) +
               [(cx + rad, 80), (cx - rad, 80)], fill=(140, 196, 100))
        q.poly(_spline([(cx - rad, 66), (cx - 5, 63), (cx + rad, 65)], 6) + [(cx + rad, 69), (cx - 5, 67.5), (cx - rad, 70)],
               fill=(120, 190, 220))
        # stilt house
        wood = (176, 116, 66)
        hx = cx + r.uniform(-3, 3)
        for x in (hx - 9, hx - 3, hx + 3, hx + 9):
            q.rect(x - 0.6, 52, x + 0.6, 61, fill=_shade(wood, 0.3))
        q.rect(hx - 11, 51, hx + 11, 53, fill=_shade(wood, 0.15))
        q.rect(hx - 10, 42, hx + 10, 51.2, fill=wood)
        for x in (hx - 7, hx + 3.5):
            q.rect(x, 44.5, x + 3.5, 48, fill=(250, 220, 140))
            q.rect(x + 1.55, 44.5, x + 1.95, 48, fill=_shade(wood, 0.3))
        q.rect(hx - 1.8, 44, hx + 1.8, 51, fill=_shade(wood, 0.35))
        roof = r.choice([(90, 70, 60), (150, 100, 50), (120, 60, 40)])
        q.poly([(hx - 14, 43.5), (hx - 6, 33), (hx + 6, 33), (hx + 14, 43.5)], fill=roof)
        q.poly([(hx - 6, 33), (hx + 6, 33), (hx + 6.6, 34), (hx - 6.6, 34)], fill=_shade(roof, 0.3))
        q.poly([(hx + 2, 33), (hx + 6, 33), (hx + 14, 43.5), (hx + 8, 43.5)], fill=_al((0, 0, 0), 30))
        q.line([(hx - 10, 61), (hx - 15.5, 66)], fill=_shade(wood, 0.2), width=0.8, round_ends=False)
        q.line([(hx - 8, 61), (hx - 13.5, 66)], fill=_shade(wood, 0.2), width=0.8, round_ends=False)
        # trees
        for x, y, s in ((cx - 22, 57, 1.0), (cx + 21, 56, 1.15), (cx + 27, 60, 0.8)):
            q.rect(x - 0.5, y, x + 0.5, y + 5 * s, fill=(110, 80, 50))
            q.ellipse(x, y - 3 * s, 3.5 * s, 5 * s, fill=(60, 130, 70))
            q.ellipse(x - 1, y - 4 * s, 1.6 * s, 2.4 * s, fill=(255, 255, 255, 40))

    p.clip((cx - rad, cy - rad, cx + rad + 0.5, cy + rad + 0.5), shape, scene)
    p.ellipse(cx, cy, rad, outline=(255, 255, 255), width=1.5)


def _gift(p, r, pal):
    box = r.choice([(200, 70, 70), (70, 120, 170), (90, 150, 100)])
    p.rect(30, 42, 70, 70, fill=box, r=1.5)
    p.rect(28, 34, 72, 43, fill=_tint(box, 0.1), r=1.5)
    p.rect(54, 42, 70, 70, fill=SHADE)
    p.rect(46.5, 34, 53.5, 70, fill=(246, 210, 90))
    p.poly([(50, 34), (40, 26), (38, 33)], fill=(246, 210, 90))
    p.poly([(50, 34), (60, 26), (62, 33)], fill=(246, 210, 90))


_OBJECTS = {
    "1.1.1": _produce, "1.1.2": _seafood, "1.2.1": _rice, "1.2.2": _honey, "1.2.3": _nuts,
    "1.3.1": _noodles, "1.3.2": _meat, "1.3.3": _jam, "1.4.1": _fish_sauce, "1.4.2": _salt,
    "1.5.1": _tea, "1.6.1": _coffee,
    "2.1.1": _spirits, "2.1.2": _wine, "2.2.1": _juice,
    "3.1.1": _herbal_medicine, "3.2.1": _cosmetics, "3.3.1": _essential_oil, "3.3.2": _herbal_tea,
    "4.1.1": _ceramics, "4.1.2": _rattan, "4.2.1": _brocade,
    "5.1.1": _bouquet, "5.2.1": _apricot_tree, "5.3.1": _koi,
    "6.1.1": _tourism,
}
# Fallbacks for codes not listed above: by group, then by sector.
_FALLBACK = {
    "1.1": _produce, "1.2": _rice, "1.3": _noodles, "1.4": _fish_sauce, "1.5": _tea, "1.6": _coffee,
    "2.1": _spirits, "2.2": _juice, "3.1": _herbal_medicine, "3.2": _cosmetics, "3.3": _essential_oil,
    "4.1": _ceramics, "4.2": _brocade, "5.1": _bouquet, "5.2": _apricot_tree, "5.3": _koi, "6": _tourism,
    "1": _rice, "2": _juice, "3": _herbal_tea, "4": _rattan, "5": _bouquet,
}


def _object_for(code: str):
    if code in _OBJECTS:
        return _OBJECTS[code]
    parts = code.split(".")
    for k in (".".join(parts[:2]), parts[0]):
        if k in _FALLBACK:
            return _FALLBACK[k]
    return _gift


# ---------------------------------------------------------------- public API

def _backdrop(bg: Image.Image, k: float, top, bottom, rng: random.Random):
    pen = _Pen(bg, k)
    light = _tint(top, 0.5)
    pen.ellipse(50, 43, 34, fill=_al(light, 120))
    pen.ellipse(50, 43, 40, fill=None, outline=_al(light, 70), width=0.5)
    dot = _tint(bottom, 0.35)
    for _ in range(7):
        a = rng.uniform(0, 2 * math.pi)
        d = rng.uniform(38, 48)
        x, y = 50 + math.cos(a) * d, 43 + math.sin(a) * d * 0.85
        if y < 76:
            pen.ellipse(x, y, rng.uniform(0.6, 1.6), fill=_al(dot, 150))


def _silhouette(before: Image.Image, after: Image.Image) -> Image.Image:
    """Where the object was drawn (any change), as an L mask of 0 / 255."""
    return ImageChops.difference(after, before).convert("L").point(lambda v: 255 if v else 0)


def _shadow(img: Image.Image, silhouette: Image.Image, color):
    """Soft shadow under the object: its silhouette offset and blurred, plus a contact ellipse.

    Applied after the object is drawn, masked out where the object is.
    """
    size = img.width
    small = max(8, size // 4)
    alpha = silhouette.resize((small, small), Image.BOX)
    base = Image.new("L", (small, small), 0)
    base.paste(alpha.point(lambda v: v * 70 // 255), (int(small * 0.012), int(small * 0.016)))
    box = alpha.getbbox()
    if box:
        d = ImageDraw.Draw(base)
        x0, y0, x1, y1 = box
        cx, w = (x0 + x1) / 2, (x1 - x0)
        ground = min(y1, small * 0.72)
        d.ellipse([cx - w * 0.48, ground - small * 0.018, cx + w * 0.52, ground + small * 0.022], fill=90)
    base = base.filter(ImageFilter.GaussianBlur(small / 110))
    mask = ImageChops.subtract(base.resize((size, size), Image.BILINEAR), silhouette)
    img.paste(color, (0, 0, size, size), mask)


def draw_product_image(title: str, product_set: str, *, seed: int, size: int = 800) -> bytes:
    """A JPEG (quality ~85, optimized, no EXIF) illustrating one product."""
    size = max(64, int(size))
    rng = random.Random(seed)
    code = str(product_set or "").strip()
    top, bottom, ink = _palette(code, rng)
    S = size * _SS
    k = S / 100.0

    # the smooth background needs no supersampling: nearest-upscaled from 1x
    bg = _gradient(size, top, bottom, rng).resize((S, S), Image.NEAREST)
    _backdrop(bg, k, top, bottom, rng)
    canvas = bg.copy()
    try:
        _object_for(code)(_Pen(canvas, k), rng, (top, bottom, ink, _clean(title).lower()))
    except Exception:  # never fail a demo load over a drawing glitch
        canvas = bg.copy()
        _gift(_Pen(canvas, k), rng, (top, bottom, ink, ""))
    silhouette = _silhouette(bg, canvas).reduce(_SS)
    # only the part above the title band needs the (costly) LANCZOS downsampling
    band_h = int(round(size * _BAND))
    y0 = size - band_h
    img = Image.new("RGB", (size, size), (255, 253, 249))
    img.paste(canvas.resize((size, y0), Image.LANCZOS, box=(0, 0, S, y0 * _SS)), (0, 0))
    _shadow(img, silhouette, _shade(bottom, 0.45))

    # title band, drawn at final resolution for crisp text
    d = ImageDraw.Draw(img)
    d.rectangle([0, y0, size, size], fill=(255, 253, 249))
    d.rectangle([0, y0, size, y0 + max(2, size // 160)], fill=_mix(bottom, ink, 0.35))
    text = _clean(title)
    if text:
        font, lines = _fit_title(_displayable(text), size, size * 0.88)
        lh = _line_height(font)
        gap = int(lh * 0.12)
        total = lh * len(lines) + gap * (len(lines) - 1)
        y = y0 + (band_h - total) / 2 + max(1, size // 400)
        for line in lines:
            _draw_text_centered(d, size / 2, y, line, font, ink)
            y += lh + gap

    out = io.BytesIO()
    img.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


_ORG_WORDS = {
    "htx", "cty", "tnhh", "cp", "mtv", "dntn", "hkd", "tht", "thhh", "jsc", "ltd", "co", "co.", "ltd.",
    "công", "ty", "hợp", "tác", "xã", "tổ", "cổ", "phần", "cơ", "sở", "cs", "hộ", "kinh", "doanh", "một",
    "thành", "viên", "trách", "nhiệm", "hữu", "hạn", "sản", "xuất", "thương", "mại", "dịch", "vụ", "và", "tư",
    "nhân", "nông", "nghiệp", "tổng", "chế", "biến", "doanh", "nghiệp", "&", "-", "–",
}


def _initials(name: str) -> str:
    words = [w.strip("()[]{}.,;:\"'“”") for w in _clean(name).split(" ")]
    words = [w for w in words if w]
    i = 0
    while i < len(words) and words[i].lower() in _ORG_WORDS:
        i += 1
    rest = words[i:] or words
    letters = []
    for w in rest:
        ch = next((c for c in w if c.isalnum()), "")
        if ch:
            letters.append(ch.upper())
        if len(letters) == 2:
            break
    return "".join(letters) or "•"


_LOGO_COLORS = [(46, 110, 72), (170, 72, 46), (40, 78, 140), (120, 56, 110), (30, 120, 120), (110, 80, 40),
                (180, 50, 60), (70, 90, 50)]


def draw_producer_logo(name: str, *, seed: int, size: int = 256) -> bytes:
    """A PNG round monogram badge (transparent outside the circle)."""
    size = max(32, int(size))
    rng = random.Random(seed)
    color = _shift(rng.choice(_LOGO_COLORS), rng.uniform(-0.02, 0.02), rng.uniform(-0.03, 0.03))
    S = size * _SS
    k = S / 100.0
    img = Image.new("RGB", (S, S), color)
    p = _Pen(img, k)
    p.ellipse(50, 18, 60, 42, fill=_al(_tint(color, 0.3), 30))  # soft light from above
    p.ellipse(50, 50, 43, fill=None, outline=_al(_tint(color, 0.75), 230), width=1.6)
    p.ellipse(50, 50, 40, fill=None, outline=_al(_tint(color, 0.6), 120), width=0.5)
    cream = _tint(color, 0.85)
    for x in (7, 93):  # two small dots on the outer band
        p.ellipse(x, 50, 1.5, fill=cream)
    # a small leaf pair under the monogram
    _leaf(p, 50, 77, 8, 2.4, -160, cream, vein=False)
    _leaf(p, 50, 77, 8, 2.4, -20, cream, vein=False)

    mono = _displayable(_initials(name))
    d = ImageDraw.Draw(img)
    target_w, target_h = S * 0.5, S * 0.34
    fs = int(S * 0.36)
    font = _font(fs, True)
    for _ in range(12):
        box = d.textbbox((0, 0), mono, font=font)
        if box[2] - box[0] <= target_w and box[3] - box[1] <= target_h:
            break
        fs = int(fs * 0.9)
        font = _font(fs, True)
    box = d.textbbox((0, 0), mono, font=font)
    tx = S / 2 - (box[0] + box[2]) / 2
    ty = S * 0.47 - (box[1] + box[3]) / 2
    d.text((tx, ty), mono, font=font, fill=cream)

    mask = Image.new("L", (S, S), 0)
    _Pen(mask, k).ellipse(50, 50, 49.6, fill=255)
    img = img.convert("RGBA")
    img.putalpha(mask)
    img = img.resize((size, size), Image.LANCZOS)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()
