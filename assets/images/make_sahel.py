"""Draw `sahel.png`: a schematic, stylised map of the Sahel with Niger highlighted.

The shapes are hand-simplified approximations (a few vertices per country), not a
geographic trace; the map is an illustration and is labelled "not to scale".

Run:  python assets/images/make_sahel.py
The PNG is written next to this script, atomically (temp file, then os.replace).
"""

from __future__ import annotations

import math
import os
import tempfile
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
OUT = HERE / "sahel.png"

WIDTH, HEIGHT = 1600, 1000
SCALE = 2  # draw at 2x, then downsample for smooth edges
W, H = WIDTH * SCALE, HEIGHT * SCALE

# View window (degrees): a simple equirectangular frame.
LON_MIN, LON_MAX = -30.0, 30.0
LAT_MAX, LAT_MIN = 37.5, 0.0

# Palette
NAVY = (31, 58, 95)
SAND = (233, 223, 200)
ACCENT = (200, 85, 61)
SEA = (221, 230, 238)
WHITE = (255, 255, 255)
MUTED = (96, 112, 134)
BORDER = (255, 255, 255)

FONT_DIRS = {
    "regular": [
        "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ],
    "bold": [
        "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ],
    "italic": [
        "/usr/share/fonts/truetype/crosextra/Carlito-Italic.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    ],
}


def font(style: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The first available font of a style, at `size` output pixels."""
    for candidate in FONT_DIRS[style]:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size * SCALE)
    return ImageFont.load_default(size * SCALE)


def xy(lon: float, lat: float) -> tuple[float, float]:
    """Degrees to canvas pixels (at drawing scale)."""
    x = (lon - LON_MIN) / (LON_MAX - LON_MIN) * W
    y = (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * H
    return x, y


def poly(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [xy(lon, lat) for lon, lat in points]


# --- Stylised shapes (lon, lat), deliberately simplified -------------------------------
# fmt: off

AFRICA = [
    (-5.8, 35.8), (-2.0, 35.2), (1.0, 36.2), (5.0, 36.8), (10.0, 37.2), (11.0, 35.3),
    (10.2, 33.8), (11.5, 33.1), (15.2, 32.3), (19.0, 30.3), (20.0, 31.0), (20.0, 32.5),
    (23.0, 32.6), (25.0, 31.7), (29.0, 30.9), (32.0, 31.3), (34.0, 31.0), (36.0, 29.0),
    (40.0, 20.0), (40.0, -2.0), (9.5, -2.0), (9.5, 0.5), (9.8, 2.5), (9.3, 3.9),
    (8.5, 4.5), (6.0, 4.3), (4.5, 6.2), (2.0, 6.3), (1.2, 6.1), (-2.0, 4.8), (-4.5, 5.1),
    (-7.5, 4.4), (-9.5, 5.3), (-11.5, 6.9), (-13.2, 8.6), (-14.8, 10.6), (-16.8, 12.3),
    (-17.5, 14.7), (-16.4, 16.8), (-16.2, 19.5), (-17.0, 21.0), (-16.0, 23.8),
    (-14.5, 26.1), (-13.0, 27.6), (-11.0, 28.3), (-9.8, 30.5), (-9.5, 32.5), (-6.8, 34.0),
]

COUNTRIES: dict[str, list[tuple[float, float]]] = {
    "Niger": [
        (0.2, 14.9), (1.3, 15.3), (3.6, 15.6), (4.2, 16.5), (4.2, 19.2), (5.8, 19.5),
        (7.5, 20.8), (11.9, 23.5), (13.5, 23.1), (15.0, 23.0), (15.2, 21.5), (16.0, 20.4),
        (15.5, 17.0), (15.2, 16.6), (13.7, 13.7), (12.5, 13.1), (10.7, 13.4), (9.0, 12.8),
        (7.0, 13.0), (5.4, 13.8), (3.6, 11.7), (2.8, 12.3), (2.1, 11.9), (1.0, 13.0),
        (0.2, 13.9),
    ],
    "Mali": [
        (-4.8, 25.0), (1.1, 21.1), (1.8, 20.6), (3.2, 19.1), (4.2, 19.2), (4.2, 16.5),
        (3.6, 15.6), (1.3, 15.3), (0.2, 14.9), (-0.5, 15.1), (-2.0, 14.2), (-3.0, 13.6),
        (-4.3, 13.2), (-5.4, 11.1), (-6.2, 10.5), (-7.6, 10.2), (-8.3, 11.0), (-8.6, 10.5),
        (-9.8, 12.0), (-11.4, 12.4), (-12.2, 14.7), (-11.5, 15.5), (-10.7, 15.1),
        (-9.4, 15.4), (-5.5, 15.5), (-5.5, 16.5), (-6.0, 21.5),
    ],
    "Mauritania": [
        (-17.0, 21.0), (-16.2, 19.5), (-16.4, 16.8), (-14.0, 16.6), (-12.2, 14.7),
        (-11.5, 15.5), (-10.7, 15.1), (-9.4, 15.4), (-5.5, 15.5), (-5.5, 16.5), (-6.0, 21.5),
        (-4.8, 25.0), (-8.7, 27.3), (-8.7, 26.0), (-12.0, 26.0), (-12.0, 23.5), (-13.0, 23.0),
        (-13.0, 21.3),
    ],
    "Algeria": [
        (-8.7, 27.3), (-8.7, 28.8), (-3.6, 30.8), (-1.8, 32.2), (-1.8, 35.0), (1.0, 36.2),
        (5.0, 36.8), (8.6, 36.9), (8.3, 34.6), (7.5, 33.8), (9.5, 30.2), (9.9, 27.0),
        (9.7, 24.9), (11.9, 23.5), (7.5, 20.8), (5.8, 19.5), (4.2, 19.2), (3.2, 19.1),
        (1.8, 20.6), (1.1, 21.1), (-4.8, 25.0),
    ],
    "Libya": [
        (9.5, 30.2), (10.2, 31.5), (11.5, 33.1), (15.2, 32.3), (19.0, 30.3), (20.0, 31.0),
        (20.0, 32.5), (23.0, 32.6), (25.0, 31.7), (25.0, 22.0), (25.0, 20.0), (24.0, 20.0),
        (24.0, 19.5), (15.0, 23.0), (13.5, 23.1), (11.9, 23.5), (9.7, 24.9), (9.9, 27.0),
    ],
    "Chad": [
        (15.0, 23.0), (24.0, 19.5), (24.0, 15.7), (22.4, 14.0), (22.0, 12.7), (22.9, 11.0),
        (21.7, 10.6), (18.9, 8.9), (15.5, 7.5), (15.5, 10.0), (14.9, 12.2),
        (14.2, 13.1), (13.7, 13.7), (15.2, 16.6), (15.5, 17.0), (16.0, 20.4), (15.2, 21.5),
    ],
    "Sudan": [
        (24.0, 19.5), (24.0, 20.0), (25.0, 20.0), (25.0, 22.0), (37.0, 22.0), (37.0, 9.0),
        (27.0, 9.0), (23.5, 9.0), (22.9, 11.0), (22.0, 12.7), (22.4, 14.0), (24.0, 15.7),
    ],
    "Egypt": [(25.0, 22.0), (25.0, 31.7), (29.0, 30.9), (32.0, 31.3), (37.0, 30.0), (37.0, 22.0)],
    "Nigeria": [
        (2.7, 6.4), (2.7, 9.2), (3.6, 11.7), (5.4, 13.8), (7.0, 13.0), (9.0, 12.8),
        (10.7, 13.4), (12.5, 13.1), (13.7, 13.7), (14.2, 13.1), (14.9, 12.2), (14.5, 9.9),
        (13.0, 8.0), (11.8, 6.6), (9.3, 3.9), (8.5, 4.5), (6.0, 4.3), (4.5, 6.2),
    ],
    "Burkina Faso": [
        (-5.4, 11.1), (-4.3, 13.2), (-3.0, 13.6), (-2.0, 14.2), (-0.5, 15.1), (0.2, 14.9),
        (0.2, 13.9), (1.0, 13.0), (2.1, 11.9), (1.0, 11.0), (-0.5, 11.0), (-2.9, 10.9),
        (-2.9, 9.6), (-4.7, 9.7), (-5.4, 10.4),
    ],
    "Senegal": [
        (-17.5, 14.7), (-16.4, 16.8), (-14.0, 16.6), (-12.2, 14.7), (-11.4, 12.4),
        (-13.7, 12.6), (-16.8, 12.3),
    ],
    "Benin": [(1.6, 6.2), (2.7, 6.4), (2.7, 9.2), (3.6, 11.7), (2.8, 12.3), (2.1, 11.9),
              (1.0, 11.0), (1.6, 9.0)],
    "Cameroon": [(9.3, 3.9), (11.8, 6.6), (13.0, 8.0), (14.5, 9.9), (14.9, 12.2), (15.5, 10.0),
                 (15.5, 7.5), (16.0, 2.2), (9.8, 2.2)],
}

# fmt: on

# Labels: name -> (lon, lat, size, style, colour)
LABELS = {
    "ALGERIA": (1.5, 28.3, 26, "bold", MUTED),
    "LIBYA": (17.5, 26.8, 26, "bold", MUTED),
    "EGYPT": (27.6, 26.5, 22, "bold", MUTED),
    "MAURITANIA": (-10.6, 20.3, 20, "bold", MUTED),
    "MALI": (-2.2, 19.6, 24, "bold", MUTED),
    "CHAD": (19.0, 16.3, 24, "bold", MUTED),
    "SUDAN": (27.6, 15.6, 22, "bold", MUTED),
    "NIGERIA": (8.4, 9.3, 22, "bold", MUTED),
    "BURKINA\nFASO": (-1.7, 13.0, 16, "bold", MUTED),
    "CAMEROON": (12.7, 5.0, 16, "bold", MUTED),
}
SEA_LABELS = {
    "Atlantic\nOcean": (-24.5, 25.5, 26),
    "Mediterranean Sea": (16.0, 35.0, 22),
    "Gulf of Guinea": (2.0, 2.0, 22),
}

# The Sahel band: a wavy belt roughly between these latitudes.
SAHEL_SOUTH, SAHEL_NORTH = 11.5, 17.8


def band_edge(lat: float, amp: float, phase: float, lon_from: float, lon_to: float, step: float = 0.25):
    """A gently wavy line of constant-ish latitude, as (lon, lat) points."""
    points = []
    lon = lon_from
    while lon <= lon_to + 1e-9:
        wobble = amp * math.sin(lon / 6.5 + phase) + 0.35 * amp * math.sin(lon / 2.3 + 2 * phase)
        points.append((lon, lat + wobble))
        lon += step
    return points


def dashed_line(draw: ImageDraw.ImageDraw, pts, fill, width, dash=18, gap=12) -> None:
    """Draw a dashed polyline (pixel coordinates)."""
    on, remaining = True, dash * SCALE
    for (x0, y0), (x1, y1) in pairwise(pts):
        seg = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < seg:
            step = min(remaining, seg - pos)
            if on:
                t0, t1 = pos / seg, (pos + step) / seg
                draw.line(
                    [(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0), (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)],
                    fill=fill,
                    width=width,
                )
            pos += step
            remaining -= step
            if remaining <= 0:
                on = not on
                remaining = (dash if on else gap) * SCALE


def centred_text(draw, lon, lat, text, fnt, fill, spacing=4):
    x, y = xy(lon, lat)
    draw.multiline_text(
        (x, y), text, font=fnt, fill=fill, anchor="mm", align="center", spacing=spacing * SCALE
    )


def spaced(text: str) -> str:
    return "\u2009".join(text)


def render() -> Image.Image:
    img = Image.new("RGB", (W, H), SEA)
    draw = ImageDraw.Draw(img)

    # Faint graticule in the sea for a map feel.
    for lat in range(5, 40, 5):
        y = xy(0, lat)[1]
        draw.line([(0, y), (W, y)], fill=(210, 221, 231), width=SCALE)
    for lon in range(-30, 31, 10):
        x = xy(lon, 0)[0]
        draw.line([(x, 0), (x, H)], fill=(210, 221, 231), width=SCALE)

    # Land mask and soft shadow.
    land = Image.new("L", (W, H), 0)
    ImageDraw.Draw(land).polygon(poly(AFRICA), fill=255)
    shadow = land.filter(ImageFilter.GaussianBlur(10 * SCALE))
    shadow = ImageChops.offset(shadow, 0, 6 * SCALE)
    img.paste(Image.new("RGB", (W, H), (190, 203, 216)), mask=shadow.point(lambda v: v * 0.55))
    img.paste(Image.new("RGB", (W, H), SAND), mask=land)

    # Sahel band, tinted navy and clipped to land.
    north = band_edge(SAHEL_NORTH, 0.8, 0.4, -20, 36)
    south = band_edge(SAHEL_SOUTH, 0.7, 1.9, -20, 36)
    band = Image.new("L", (W, H), 0)
    ImageDraw.Draw(band).polygon(poly(north + south[::-1]), fill=255)
    band = ImageChops.multiply(band, land)
    tint = Image.new("RGB", (W, H), NAVY)
    img.paste(tint, mask=band.point(lambda v: int(v * 0.17)))

    # Country borders (white), Niger filled with the accent.
    draw = ImageDraw.Draw(img)
    niger = poly(COUNTRIES["Niger"])
    draw.polygon(niger, fill=ACCENT)
    for shape in COUNTRIES.values():
        pts = poly(shape)
        draw.line([*pts, pts[0]], fill=BORDER, width=3 * SCALE, joint="curve")
    draw.line([*niger, niger[0]], fill=WHITE, width=4 * SCALE, joint="curve")

    # Coastline re-stroked so borders do not spill into the sea.
    coast = poly(AFRICA)
    sea_mask = land.point(lambda v: 255 - v)
    img.paste(Image.new("RGB", (W, H), SEA), mask=sea_mask)
    # Re-draw graticule over the sea area that the border strokes may have touched.
    grid = Image.new("RGB", (W, H), SEA)
    gdraw = ImageDraw.Draw(grid)
    for lat in range(5, 40, 5):
        y = xy(0, lat)[1]
        gdraw.line([(0, y), (W, y)], fill=(210, 221, 231), width=SCALE)
    for lon in range(-30, 31, 10):
        x = xy(lon, 0)[0]
        gdraw.line([(x, 0), (x, H)], fill=(210, 221, 231), width=SCALE)
    outside = ImageChops.multiply(sea_mask, ImageChops.invert(shadow.point(lambda v: 255 if v > 8 else 0)))
    img.paste(grid, mask=outside)
    draw = ImageDraw.Draw(img)
    draw.line([*coast, coast[0]], fill=(176, 160, 128), width=2 * SCALE, joint="curve")

    # Band edges: dashed navy lines over land only.
    edges = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    edraw = ImageDraw.Draw(edges)
    for edge in (north, south):
        dashed_line(edraw, poly(edge), (*NAVY, 150), 2 * SCALE)
    edge_alpha = ImageChops.multiply(edges.getchannel("A"), land)
    edges.putalpha(edge_alpha)
    img = Image.alpha_composite(img.convert("RGBA"), edges).convert("RGB")
    draw = ImageDraw.Draw(img)

    # Country labels.
    for text, (lon, lat, size, style, colour) in LABELS.items():
        centred_text(draw, lon, lat, text, font(style, size), colour)
    centred_text(draw, 9.3, 17.6, "NIGER", font("bold", 40), WHITE)

    # Sea labels.
    for text, (lon, lat, size) in SEA_LABELS.items():
        centred_text(draw, lon, lat, text, font("italic", size), (120, 142, 166))

    # Sahel callout in the Atlantic, with a leader line to the band.
    lx, ly = xy(-24.5, 14.6)
    draw.text((lx, ly), spaced("SAHEL"), font=font("bold", 46), fill=NAVY, anchor="mm")
    draw.text((lx, ly + 38 * SCALE), "semi-arid belt", font=font("regular", 20), fill=MUTED, anchor="mm")
    tx, ty = xy(-17.9, 14.6)
    draw.line([(lx + 80 * SCALE, ly), (tx, ty)], fill=NAVY, width=2 * SCALE)
    draw.ellipse([tx - 6 * SCALE, ty - 6 * SCALE, tx + 6 * SCALE, ty + 6 * SCALE], fill=NAVY)

    # Title card, top left.
    pad = 40 * SCALE
    card = [pad, pad, pad + 420 * SCALE, pad + 118 * SCALE]
    draw.rounded_rectangle(card, radius=14 * SCALE, fill=WHITE)
    draw.rectangle([card[0], card[1] + 14 * SCALE, card[0] + 8 * SCALE, card[3] - 14 * SCALE], fill=ACCENT)
    draw.text(
        (card[0] + 32 * SCALE, card[1] + 24 * SCALE),
        "Niger within the Sahel",
        font=font("bold", 36),
        fill=NAVY,
    )
    draw.text(
        (card[0] + 32 * SCALE, card[1] + 72 * SCALE),
        "Schematic map \u00b7 not to scale",
        font=font("regular", 22),
        fill=MUTED,
    )

    # Legend, bottom left.
    lw, lh = 360 * SCALE, 182 * SCALE
    legend = [pad, H - pad - lh, pad + lw, H - pad]
    draw.rounded_rectangle(legend, radius=14 * SCALE, fill=WHITE)
    draw.text((legend[0] + 28 * SCALE, legend[1] + 20 * SCALE), "LEGEND", font=font("bold", 18), fill=MUTED)
    rows = [
        ("Niger", ACCENT, None),
        ("Sahel belt (approximate)", (204, 199, 190), NAVY),
        ("Other countries", SAND, None),
    ]
    for i, (label, swatch, dash) in enumerate(rows):
        y0 = legend[1] + (58 + i * 40) * SCALE
        box = [legend[0] + 28 * SCALE, y0, legend[0] + 64 * SCALE, y0 + 24 * SCALE]
        draw.rounded_rectangle(box, radius=4 * SCALE, fill=swatch, outline=(200, 190, 170), width=SCALE)
        if dash:
            for edge_y in (box[1] + 2 * SCALE, box[3] - 2 * SCALE):
                dashed_line(draw, [(box[0], edge_y), (box[2], edge_y)], dash, 2 * SCALE, 6, 4)
        draw.text(
            (box[2] + 18 * SCALE, (box[1] + box[3]) / 2),
            label,
            font=font("regular", 24),
            fill=NAVY,
            anchor="lm",
        )

    # North arrow, top right.
    cx, cy = W - 70 * SCALE, 80 * SCALE
    draw.polygon(
        [
            (cx, cy - 34 * SCALE),
            (cx + 14 * SCALE, cy + 10 * SCALE),
            (cx, cy + 2 * SCALE),
            (cx - 14 * SCALE, cy + 10 * SCALE),
        ],
        fill=NAVY,
    )
    draw.text((cx, cy + 30 * SCALE), "N", font=font("bold", 22), fill=NAVY, anchor="mm")

    return img.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def save_atomically(img: Image.Image, path: Path) -> None:
    """Write to a temp file in the same folder, then os.replace it into place."""
    small = img.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    fd, tmp = tempfile.mkstemp(prefix=".sahel-", suffix=".png", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            small.save(handle, format="PNG", optimize=True)
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)  # mkstemp makes 0600; give the PNG ordinary permissions
        os.replace(tmp, path)  # noqa: PTH105 - the atomic rename is the point
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> None:
    save_atomically(render(), OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
