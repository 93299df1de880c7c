"""Colour arithmetic for the contrast check of the house style: WCAG 2.2 contrast and the nearest passing colour.

Written out here rather than taken from a library: the WCAG formulas are a dozen lines, and the libraries
that carry them (coloraide, wcag-contrast-ratio) would be a dependency for these lines alone.
"""

from __future__ import annotations

import colorsys
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

_HEX = re.compile(r"#?(?P<digits>[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Colour:
    """An opaque sRGB colour, channels 0-255."""

    red: int
    green: int
    blue: int

    @classmethod
    def parse(cls, text: str) -> Colour | None:
        """``#1f3a68``, ``1F3A68`` or ``#13a``; None for anything else."""
        match = _HEX.fullmatch(text.strip())
        if match is None:
            return None
        digits = match.group("digits")
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return cls(int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))

    @property
    def hex(self) -> str:
        return f"#{self.red:02x}{self.green:02x}{self.blue:02x}"

    def luminance(self) -> float:
        """Relative luminance as WCAG 2.2 defines it (sRGB, linearised)."""
        def linear(channel: int) -> float:
            value = channel / 255
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)

    def over(self, background: Colour, alpha: float) -> Colour:
        """This colour painted with ``alpha`` opacity over ``background``, as a browser blends it."""
        def mix(top: int, bottom: int) -> int:
            return round(top * alpha + bottom * (1 - alpha))

        return Colour(mix(self.red, background.red), mix(self.green, background.green),
                      mix(self.blue, background.blue))

    def with_lightness(self, lightness: float) -> Colour:
        """The same hue and saturation (HSL) at another lightness, 0-1."""
        hue, _, saturation = colorsys.rgb_to_hls(self.red / 255, self.green / 255, self.blue / 255)
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
        return Colour(round(red * 255), round(green * 255), round(blue * 255))

    @property
    def lightness(self) -> float:
        return colorsys.rgb_to_hls(self.red / 255, self.green / 255, self.blue / 255)[1]


def hsl(hue: float, saturation: float, lightness: float) -> Colour:
    """A colour from CSS ``hsl()`` values: hue in degrees, saturation and lightness in percent."""
    red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness / 100, saturation / 100)
    return Colour(round(red * 255), round(green * 255), round(blue * 255))


def contrast(first: Colour, second: Colour) -> float:
    """WCAG 2.2 contrast ratio, 1 to 21."""
    light, dark = sorted((first.luminance(), second.luminance()), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ratio_text(ratio: float) -> str:
    """'4,49:1': Dutch decimals, rounded down, so a ratio just under a limit never reads as reaching it."""
    return f"{math.floor(ratio * 100) / 100:.2f}".replace(".", ",") + ":1"


def nearest_passing(colour: Colour, passes: Callable[[Colour], bool]) -> Colour | None:
    """The colour of the same hue and saturation whose lightness is nearest ``colour``'s and that ``passes``.

    Lightness is tried in steps of 0.1 %: fine enough that the answer is the nearest a maintainer could pick
    by hand, and 1,000 tries cost nothing. None when no lightness passes (never for the checks of the house
    style, since black and white pass each of them).
    """
    candidates = sorted((step / 1000 for step in range(1001)), key=lambda value: abs(value - colour.lightness))
    for lightness in candidates:
        candidate = colour.with_lightness(lightness)
        if passes(candidate):
            return candidate
    return None
