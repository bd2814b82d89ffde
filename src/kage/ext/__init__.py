"""Extensions: one package per family of mechanics, each with its manifest in `__init__`.

A world names the ones it uses in `world.yaml` (``extensions: [trade, captivity]``); what
they depend on comes with them. See `kage.core.extension` for what a manifest holds.
"""
