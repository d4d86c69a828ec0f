"""The words that name a deployment in a sentence: the cue nouns (robotaxi services and fleets, charging and swap
networks, stores, showrooms, branches, service and delivery centres) with the kind of deployment each names, and the
verbs of running, opening or having them that make a sentence speak of one."""

from __future__ import annotations

import re

__all__ = ["CUE_VERBS", "HAS_BRANCHES", "MORE_SITES", "cue_pattern", "kind_of_cue"]

#: words of driverless services that name a deployment as "robotaxi" does ("driverless cars", "autonomous rides")
_DRIVERLESS = (r"(?:driverless|self-driving|autonomous|fully\s+autonomous|level[\s-]4)\s+(?:cars?|vehicles?|taxis?|"
               r"ride-?hailing|rides|shuttles?|buses|fleets?|mobility\s+services?|testing|tests|trials|operations)|robo-?buse?s?")
#: more of the stores a sentence named before ("… 11 dealerships, …, with new sites in A, B and C")
MORE_SITES = r"(?:(?:new|more|further|retail|sales|dealer|sales\s+and\s+service)\s+)?(?:sites|locations|branches)"
_MORE_STORES = MORE_SITES + r"(?=\s+(?:in|across|at)\b)"
#: a seller's own branches, named with the verb of having them ("which has branches in A and B")
HAS_BRANCHES = re.compile(r"\bha(?:s|ve|d)\s+(?:[\w\-]+\s+)?branches$", re.I)


def kind_of_cue(cue: str) -> str:
    """The kind of deployment a cue noun names ("robotaxi service", "charging stations", "showrooms" …)."""
    cue = cue.lower()
    return "robotaxi-service" if re.search(r"robotaxi\s+(?:service|operations?)", cue) or re.fullmatch(
        _DRIVERLESS, cue, re.I) else "robotaxi-fleet" if "robotaxi" in cue else \
        "charging-network" if re.search(r"charg|swap", cue) or re.fullmatch(r"stations?", cue) else \
        "sales-service-centre" if "service" in cue else \
        "delivery-centre" if "delivery" in cue else "store-network"


#: charging or swap stations named ("battery swap stations")
_NAMED_STATIONS = re.compile(r"\b(?:charging|swap(?:ping)?)\s+stations\b", re.I)


def _bare_stations(text: str, pos: int) -> str:
    """Once the article has named charging or swap stations before ``pos``, its later counted "stations" are those
    too ("operates eight stations in A, and plans 60 in A, B and C"): the cue's extra alternative, or nothing."""
    if not _NAMED_STATIONS.search(text, 0, pos):
        return ""
    return r"|(?:(?<=\d )|(?<=new )|(?<=more )|(?<=its )|(?<=their ))stations?\b"


def cue_pattern(text: str, pos: int) -> re.Pattern:
    """The cue nouns of a sentence at ``pos`` (group ``cue``): with "stations" alone once the article has named
    charging or swap stations before it."""
    return re.compile(r"(?P<cue>robotaxi\s+(?:service|fleet|operations?)|robotaxis?|" + _DRIVERLESS +
                      r"|charging\s+(?:stations?|piles?|network|points?|hubs?|depots?|kiosks?)|"
                      r"(?:(?:fast|high-power|ultra-fast)[\s-]+)?chargers|"
                      r"(?:battery[\s-]+)?swap(?:ping)?\s+(?:stations?|network)|(?:sales\s+and\s+service|service)\s+"
                      r"cent(?:re|er)s?|stores?|showrooms?|dealerships?|dealer\s+cent(?:re|er)s|outlets?|"
                      r"sales\s+points?|points?\s+of\s+sale|agencies|"
                      r"delivery\s+cent(?:re|er)s?|" + _MORE_STORES + _bare_stations(text, pos) + ")", re.I)


#: the verbs (and forms of having) that make a sentence with a cue speak of a deployment
CUE_VERBS = re.compile(r"deploy\w*|launch\w*|operat\w*|open\w*|roll\w*\s+out|put\s+into\s+service|establish\w*|"
                       r"built|build\w*|set\s+up|runs?|ran|started|began|began\s+offering|expand\w*|test\w*|"
                       r"trial\w*|offer\w*|integrat\w*|introduc\w*|available|install\w*|add(?:s|ed|ing)?|"
                       r"put(?:s|ting)?|plac(?:e|es|ed|ing)|plan(?:s|ned)?\s+(?:about\s+|some\s+|up\s+to\s+)?\d|"
                       r"ha(?:s|ve|d)\s+(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?\d[\d,]*\s+(?:own\s+)?"
                       r"(?:showrooms?|stores?|outlets?|dealerships?|(?:sales\s+and\s+service|retail|sales|dealer)\s+"
                       r"sites)|"  # "has 34 showrooms across X", "has 62 sales and service sites across X"
                       r"ha(?:s|ve|d)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
                       r"a\s+few)\s+)?(?:own\s+)?(?:showrooms|stores|outlets|dealerships|branches),?\s+(?:in|across|on|at)\b|"
                       r"ha(?:s|ve|d)\s+a\s+(?:showroom|store|dealership)\s+(?:in|at)\b|"  # ("has a showroom in X")
                       r"\b(?:through|with)\s+(?:its\s+|their\s+)?(?:[\w\-’']+\s+){0,4}?(?:network\s+of\s+)?"
                       r"(?:[\w\-]+\s+)?(?:showrooms|stores|outlets|dealerships|dealer\s+cent(?:re|er)s)\s+(?:in|across)\b",
                       re.I)  # "sold 640 cars through five showrooms in A, B and C", "starts with 38 dealerships
# across 24 cities, including A", "sold through X's network of 12 dealer centres in A, B and C"
