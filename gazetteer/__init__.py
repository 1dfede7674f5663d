"""The shipped gazetteer (data only), installed as ``kharita.gazetteer_data``.

This folder is the source of truth; ``setup.py`` maps it into the package so that
wheels and editable installs read the same files (``kharita.gazetteer.default_directory``).
"""
