"""The package list in pyproject.toml must name every package folder, or a wheel lacks it."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT / "src").parts)
        for path in (ROOT / "src").rglob("__init__.py")
    }
    found |= {"vpnotebook.resources", "vpnotebook.docs"}  # mapped from resources/ and docs/
    assert listed == found


def test_translation_sources_ship_with_the_package() -> None:
    from importlib import resources

    i18n = resources.files("vpnotebook.resources") / "i18n"
    assert (i18n / "vpnotebook_en.ts").is_file()


def test_the_user_guide_and_its_pictures_ship_with_the_package() -> None:
    import re
    from importlib import resources

    docs = resources.files("vpnotebook.docs")
    guide = (docs / "handleiding" / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((\.\./screenshots/[^)]+\.png)\)", guide)
    assert pictures
    for picture in pictures:
        assert (docs / "screenshots" / picture.rsplit("/", 1)[1]).is_file(), picture
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["setuptools"]["package-data"]["vpnotebook.docs"]
    assert set(shipped) == {"handleiding/*.md", "screenshots/*.png"}
