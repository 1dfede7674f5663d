"""Packaging layout that pyproject.toml alone cannot express.

Every package under ``src/`` is found automatically, and the top-level ``gazetteer/``
folder (the source of truth for the shipped data) is mapped into the wheel as the
package ``kharita.gazetteer_data``, read at run time from its folder.
Everything else (metadata, dependencies, package data) is in ``pyproject.toml``.
"""

from setuptools import find_namespace_packages, setup

DATA_PACKAGES = {
    "kharita.gazetteer_data": "gazetteer",
    "kharita.gazetteer_data.boundaries": "gazetteer/boundaries",
}

setup(
    packages=[*find_namespace_packages("src", include=["kharita*"]), *DATA_PACKAGES],
    package_dir={"": "src", **DATA_PACKAGES},
)
