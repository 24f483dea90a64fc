"""What a coordinator's counts files must not be to be summed (core/evaluation_merge.py merge): two
that could count the same case, or one made without trials it has cases in beside one that has them. Each check
gives the Danish reason naming both files, or ''."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .text import and_list

if TYPE_CHECKING:  # a type only: evaluation_merge imports this module
    from .evaluation_merge import CountsFile

# (file name, content as read by evaluation_merge.read_counts)
Files = Sequence[tuple[str, "CountsFile"]]


def missing_trials_problem(files: Files) -> str:
    """A file made without trials where its own cases are has no figures for them: summed with a
    file that has them, the report would give those trials the other file's figures alone (a tester)."""
    for name, content in files:
        left_out = set(content["left_out_trials"])
        for other_name, other in files:
            missing = sorted(left_out & set(other["trials"]))
            if missing:
                return (
                    f"{name} er lavet uden {_trials_text(missing)}, som der er sager i for perioden, men "
                    f"{other_name} har tal for dem, så tallene fra {name} ville mangle. Lav filerne for de "
                    "samme forsøg (eller alle); intet er lagt sammen."
                )
    return ""


def overlap_problem(files: Files) -> str:
    """Why two of the files could count the same case, or ''."""
    for i, (name, content) in enumerate(files):
        for other_name, other in files[:i]:
            if content["source"] == other["source"]:
                who = "alle sagsbehandlere" if content["everyone"] else "samme sagsbehandler"
                return (
                    f"{other_name} og {name} er samme fil eller fra samme database for {who}: "
                    f"sagerne ville blive talt to gange. {_same_source_advice(content['everyone'])} "
                    "Intet er lagt sammen."
                )
            if content["database"] == other["database"] and (content["everyone"] or other["everyone"]):
                everyone, single = (name, other_name) if content["everyone"] else (other_name, name)
                return (
                    f"{everyone} og {single} er fra samme database, og {everyone} gælder alle "
                    f"sagsbehandlere: den indeholder allerede sagerne i {single}, som ville blive talt to "
                    "gange. Brug enten filen for alle sagsbehandlere alene eller én fil pr. "
                    "sagsbehandler. Intet er lagt sammen."
                )
    return ""


def _same_source_advice(everyone: bool) -> str:
    """What to do with two files of one selection: a database copied from another shares its
    fingerprint (and may still hold the same cases), so it cannot be told apart from the original."""
    if everyone:
        return (
            "Er den ene database kopieret fra den anden, kan de ikke skelnes (og kan have de samme sager): "
            "lav i stedet én fil pr. sagsbehandler fra hver database (report --caseworker NAVN) og læg dem "
            "sammen."
        )
    return (
        "Brug kun én fil for sagsbehandleren: den nyeste fra den database, sagsbehandlerens sager er i "
        "(er den ene database kopieret fra den anden, kan de ikke skelnes)."
    )


def _trials_text(trial_ids: Sequence[str]) -> str:
    return ("forsøg " if len(trial_ids) == 1 else "forsøgene ") + and_list(trial_ids)
