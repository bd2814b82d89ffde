"""`kage solve`: search a world's states for a win, its endings, and its dead ends.

keys: what makes two states the same; candidates: the commands tried; search: the
search within bounds; analysis: what the graph tells a writer; report: how it is shown.
"""
