"""Councils and edicts: members vote on a motion by their beliefs and bonds; an edict
passed has a deadline, zones and a penalty."""

from kage.core.extension import TEXT, Arg, Extension, one

EXTENSION = Extension(
    name="council",
    summary="council votes weighed from beliefs and bonds, edicts with deadlines",
    modules=("kage.ext.council.council", "kage.ext.council.edicts"),
    effects={"council_vote": Arg("{council_vote: banish_naruto}", TEXT, (), one("motion"))},
    providers=("council.tally", "council.reasons", "edict.left", "edict.due", "edict.terms"),
    handlers=("edict",),
)
