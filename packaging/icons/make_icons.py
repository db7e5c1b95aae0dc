"""Draw the build's program icon: worksession.ico (Windows) and worksession.icns (macOS).

Three people of the wijk joined to each other — the sociale kaart in its smallest form — in
white on the app's blue. Run it again after changing the drawing and commit the files it writes:
``python packaging/icons/make_icons.py`` (Pillow, which the virtualenv has through reportlab).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = 1024
BLUE = (46, 117, 182, 255)  # the start window's selection blue
WHITE = (255, 255, 255, 255)
# The three people, as fractions of the icon: two below, one above.
PEOPLE = ((0.30, 0.64), (0.70, 0.64), (0.50, 0.30))


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size * 0.06
    pen.rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size * 0.2, fill=BLUE
    )
    points = [(x * size, y * size) for x, y in PEOPLE]
    for index, start in enumerate(points):
        end = points[(index + 1) % len(points)]
        pen.line((start, end), fill=WHITE, width=round(size * 0.045))
    radius = size * 0.11
    for x, y in points:
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WHITE)
        inner = radius * 0.55
        pen.ellipse((x - inner, y - inner, x + inner, y + inner), fill=BLUE)
    return image


def main() -> None:
    image = draw()
    image.save(HERE / "worksession.png")
    image.save(HERE / "worksession.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    image.save(HERE / "worksession.icns")


if __name__ == "__main__":
    main()
