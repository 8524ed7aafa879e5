"""The colours that mean something across the app and its files: fact statuses (the same hues as
the source view's highlights), open conflicts, settled conflicts, and how sources relate.

Plain RGB triples, so the Qt views, the SVG pictures and the HTML report draw from one table.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

# The source view's highlight hues (ui/span_highlighter.py takes them from here): the Okabe-Ito
# set, distinguishable with the common colour-vision deficiencies.
STATUS_RGB: dict[str, RGB] = {
    "draft": (230, 159, 0),  # orange
    "confirmed": (0, 158, 115),  # bluish green
    "disputed": (204, 121, 167),  # reddish purple
    "rejected": (135, 135, 135),  # grey
}
UNKNOWN_STATUS = "draft"  # a status another client invented is shown as the least settled one

CONFLICT_RGB: RGB = (200, 30, 45)  # an open conflict: needs a curator
SETTLED_RGB: RGB = (45, 110, 200)  # a conflict resolved or dismissed, with a rationale
TOLERANCE_RGB: RGB = (120, 190, 110)  # compatible within the property's tolerance: a paler agreement
NEUTRAL_RGB: RGB = (150, 155, 165)  # nothing to compare with


def status_rgb(status: str | None) -> RGB:
    return STATUS_RGB.get(status or UNKNOWN_STATUS, STATUS_RGB[UNKNOWN_STATUS])


def hex_colour(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def darker(rgb: RGB, factor: float = 0.7) -> RGB:
    return (int(rgb[0] * factor), int(rgb[1] * factor), int(rgb[2] * factor))
