"""Scale-out on Ray (the ``kage[ray]`` extra): rollouts of a policy across workers, each
with its own environments (``kage.scale.rollouts``), and the solver's frontier expanded
across workers (``kage.scale.frontier``). Ray is imported only when one of them is used,
never at start-up.

Where Ray runs: an instance already started in this process (``ray.init(...)``) is used as
it is; else ``RAY_ADDRESS`` names a cluster to join; else a local instance is started with
as many CPUs as workers were asked for.
"""

from __future__ import annotations

import os
from types import ModuleType

INSTALL = "pip install 'kage[ray]'"


class RayMissing(RuntimeError):
    """Ray is not installed; the message says how to install it."""


def ray_module(what: str = "this") -> ModuleType:
    """The ``ray`` module, or RayMissing with a sentence naming ``what`` needed it."""
    try:
        import ray
    except ImportError:
        raise RayMissing(
            f"{what} needs Ray, which is not installed here; install it with {INSTALL}"
        ) from None
    return ray


def start(workers: int, what: str = "this") -> ModuleType:
    """Ray, initialised (see the module's docstring for where it runs)."""
    ray = ray_module(what)
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    return ray
