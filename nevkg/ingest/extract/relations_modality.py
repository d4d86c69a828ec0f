"""Relations a sentence only supposes or says are over: the clause of the cue word is hypothetical, or the
relation has ended.

:mod:`relations_assert` withdraws what a sentence negates or denies; this module adds two more ways a sentence names
a relation without stating it as a present fact, both read from the dependency parse:

* hypothetical: a verb the cue hangs on has "might", "could" or "may" ("X could add a plant in Y", "it may consider
  a factory in Z"), or stands in an "if"/"unless" clause ("if X were to build in Y"), or is a relative clause with
  "would" ("Y, where a plant would avoid the duties"). Reported plans ("said it would build …") and "will" stay.
* rumoured: the cue is in the "that" clause of a report or a rumour ("press reports that X will buy a plant in Y",
  "rumours that X will open a factory in Z") or is called rumoured ("the long-rumoured purchase of a plant in W").
* questioned: the cue is in an open question, a clause under "whether" (or "if" as a verb's complement: "would
  not say if …"), whatever asks, leaves open or declines it ("declined to say whether X would build a plant in Y",
  "has not decided whether to launch robotaxis in Z", "it is unclear whether …").
* ended: a verb the cue hangs on ends or leaves it ("ended its agreement with X", "sold its stake in Y", "the
  partner withdrew from the venture", "stopped selling in Z"), says it no longer holds ("no longer sells in V") or
  held it until a time past ("had a distributor in U until last year"). Only for partnerships, stakes and market
  presence: a site left or closed is still recorded (the corpus counts an exit), and so is an exit itself. ("A
  former partner" is not enough: it may still serve the brand.)

The walk up from the cue stops at a relative clause, an aside or a new clause of its own, so that what another
clause supposes ("a rival, which opened a plant in X, could …") does not reach the cue.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ended", "hypothetical", "questioned", "rumoured", "weighed"]

#: modal verbs of a supposition (not "will", "should", "must": those state plans and forecasts)
_MAYBE = {"might", "could", "may"}
#: conjunctions that open a condition
_IF = {"if", "unless"}
#: labels that end the walk up from a cue (another clause's own statement)
_STOP = {"relcl", "appos", "parataxis"}
#: nouns of a report nobody vouches for, whose "that" clause holds the relation ("reports that X will …")
_RUMOUR = {"report", "rumour", "rumor", "speculation", "talk", "suggestion", "chatter", "gossip", "hearsay"}
#: words that call the thing itself a rumour ("the long-rumoured purchase of a plant")
_RUMOURED = {"rumoured", "rumored", "alleged", "mooted", "speculated", "touted"}
#: verbs that end a relation the cue names or leave it
_END = {"end", "terminate", "expire", "dissolve", "withdraw", "exit", "quit", "cease", "stop", "divest", "sever",
        "scrap", "leave", "lapse"}
#: verbs that leave a relation with "out" or "away" ("pulled out of the venture", "walked away from the deal")
_AWAY = {"pull", "back", "walk", "bow", "opt", "drop"}
#: verbs that end an ownership the cue names when its object is the owner's own ("sold its stake")
_DIVEST = {"sell", "offload", "dispose", "unload"}


def _chain(cue: Any) -> list[Any]:
    """The cue and the words it hangs on, up to the sentence's root or the first relative clause or aside."""
    out = [cue]
    tok = cue
    while tok.head.i != tok.i and tok.dep_ not in _STOP:
        tok = tok.head
        out.append(tok)
    return out


def hypothetical(cue: Any) -> bool:
    """Whether the clause of the token ``cue`` only supposes the relation.

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word (a plant, a verb of selling, a deal …).

    Returns
    -------
    bool
        True under "might", "could" or "may", in an "if" or "unless" clause, or in a relative clause with "would".

    Examples
    --------
    >>> from nevkg.ingest.extract.nlp import parse
    >>> doc = parse("Analysts think that Lanshan could build a plant in Chile.")
    >>> if doc is not None:
    ...     assert hypothetical(doc[7])
    """
    for tok in _chain(cue):
        aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
        if aux & _MAYBE:
            return True
        if tok.dep_ == "relcl" and "would" in aux:
            return True
        if _condition(tok) or any(c.dep_ == "advcl" and _condition(c) for c in tok.children):
            return True  # the cue's clause is the condition, or hangs on one ("if …, X could open a plant")
    return False


#: verbs of weighing a step not yet taken ("is looking at exporting to X", "is considering entering Y")
_WEIGH = {"consider", "explore", "study", "weigh", "mull", "evaluate", "contemplate", "eye"}


def weighed(cue: Any) -> bool:
    """Whether a verb the cue hangs on only weighs it ("is looking at exporting to X", "considers entering Y",
    "is exploring sales in Z"). Used for market presence only: a site weighed keeps its status (:mod:`plans`).

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word.

    Returns
    -------
    bool
    """
    for tok in _chain(cue)[1:]:
        lemma = tok.lemma_.lower()
        if lemma in _WEIGH or lemma == "look" and any(c.dep_ == "prep" and c.lower_ in {"at", "into"}
                                                     for c in tok.children):
            return True
    return False


def _condition(tok: Any) -> bool:
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _IF for c in tok.children)


def ended(cue: Any) -> bool:
    """Whether the relation the token ``cue`` names has ended: the nearest verb it hangs on ends or leaves it.

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word (an agreement, a partner, a stake, a verb of selling …).

    Returns
    -------
    bool

    Examples
    --------
    >>> from nevkg.ingest.extract.nlp import parse
    >>> doc = parse("Lanshan ended its supply agreement with Tianhe in May.")
    >>> if doc is not None:
    ...     assert ended(doc[4])
    """
    for tok in _chain(cue):
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = tok.lemma_.lower()
        if tok.i != cue.i and (lemma in _END or lemma in _AWAY and any(c.lower_ in {"out", "away"}
                                                                       for c in tok.children)):
            return True
        if tok.i != cue.i and lemma in _DIVEST and any(c.dep_ == "poss" for c in cue.children) and \
                cue.head.i == tok.i and cue.dep_ in {"dobj", "nsubjpass"}:
            return True  # "sold its stake in Y" (not "sells cars through its showrooms in Y")
        if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(n.dep_ == "neg" for n in c.children)
               for c in tok.children):
            return True  # "no longer sells in X"
        # only the nearest verb says whether the relation goes on: "until" a time, in the past tense
        return tok.tag_ == "VBD" and any(c.dep_ == "prep" and c.lower_ in {"until", "till"} for c in tok.children)
    return False


def rumoured(cue: Any) -> bool:
    """Whether the relation the token ``cue`` names is only reported or rumoured: it stands in the "that" clause of a
    noun of reporting, or a word it hangs on is called "rumoured", "alleged" or "mooted".

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word.

    Returns
    -------
    bool

    Examples
    --------
    >>> from nevkg.ingest.extract.nlp import parse
    >>> doc = parse("Rumours that Tianhe will open a factory in Peru have circulated for months.")
    >>> if doc is not None:
    ...     assert rumoured(doc[6])
    """
    chain = _chain(cue)
    for below, tok in zip(chain, chain[1:], strict=False):
        if below.dep_ in {"acl", "ccomp"} and tok.pos_ == "NOUN" and tok.lemma_.lower() in _RUMOUR:
            return True
    return any(c.dep_ == "amod" and c.lower_ in _RUMOURED for tok in chain for c in tok.children)


def questioned(cue: Any) -> bool:
    """Whether the relation the token ``cue`` names is only asked about: a clause it hangs on is an open question
    ("whether …", or "if …" as the complement of a verb: "would not say if it plans to invest in X").

    Parameters
    ----------
    cue : spacy.tokens.Token
        The relation's cue word.

    Returns
    -------
    bool

    Examples
    --------
    >>> from nevkg.ingest.extract.nlp import parse
    >>> doc = parse("Lanshan declined to say whether it would open a plant in Chile.")
    >>> if doc is not None:
    ...     assert questioned(doc[9])
    """
    return any(c.dep_ == "mark" and (c.lower_ == "whether" or c.lower_ == "if" and tok.dep_ in {"ccomp", "pcomp"})
               for tok in _chain(cue) for c in tok.children)
