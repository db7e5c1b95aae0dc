"""A drawn preview page kept compressed while it is off screen.

A page of the plan drawn at preview size is an image of about 1.5 MB, most of it white paper:
compressed (zlib at its fastest level) it is 40–120 kB, in a few milliseconds, and back in about
as long. The preview keeps the pages the coach is not looking at this way (the ones drawn
ahead, the ones scrolled past) and unpacks a page when it is painted again: pdfium need not
draw it anew, and the pages kept take a few hundred kilobytes instead of some 9 MB.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from PySide6.QtGui import QImage

FASTEST = 1  # zlib level: white paper packs as well as at any level, and several times faster


@dataclass(frozen=True)
class PackedPage:
    width: int
    height: int
    image_format: QImage.Format
    pixels: bytes  # the image's rows, compressed

    @classmethod
    def of(cls, image: QImage) -> PackedPage:
        return cls(
            image.width(),
            image.height(),
            image.format(),
            zlib.compress(image.constBits(), FASTEST),
        )

    def unpacked(self) -> QImage:
        """The page as drawn, pixel for pixel."""
        image = QImage(self.width, self.height, self.image_format)
        pixels = image.bits()
        assert isinstance(pixels, memoryview)  # a new image's own, writable buffer
        pixels[:] = zlib.decompress(self.pixels)  # the rows as they were, padding and all
        return image
