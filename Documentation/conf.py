# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
"""Sphinx configuration for covekit's Documentation/ (built by tools/docs)."""

project = "covekit"
copyright = "covekit contributors"
author = "covekit contributors"

master_doc = "index"
source_suffix = {".rst": "restructuredtext"}
# Not pages: the diagram's source, and build output if someone points -d here.
exclude_patterns = ["page-states.dot", "_build"]

extensions: list[str] = []
# Plain text in the sources stays plain: no smart quotes or dashes.
smartquotes = False
highlight_language = "none"

html_theme = "alabaster"
html_title = "covekit"
html_show_sourcelink = False
html_last_updated_fmt = None
