"""Extraction of candidate records from an article's text: rules over a statistical parse, no network.

Every candidate carries the rule that produced it, a confidence and the character spans of its evidence
(offsets into the article text: ``text[start:end]`` is exactly the matched words).

Families of rules
-----------------
entities
    Known things by label and alias (:class:`~nevkg.ingest.gazetteer.Gazetteer`); new ones from patterns: a
    run of capitalised words ending in a company suffix (Co., Ltd., Group, Motors, Auto, Technology …),
    "X Customs", "X Province", "X City", "X District", "X Port", "X Association", and quoted model names;
    countries named by their adjective before "market" ("the Chilean market"); cities named as a company's
    home ("Wuhu-based", "based in Wuhu") or before a country ("in Gothenburg, Sweden").
statistics
    A number with its scale and unit ("1.35 million vehicles", "6.82 billion yuan", "$3.2 billion",
    "48.4 percent", "more than three times"), its qualifier (more than/over → bound lower; nearly/about →
    approximate; less than/up to → bound upper), the year-on-year change that follows it, the period
    (explicit, or "last year"/"this year"/a bare month resolved against the article date and marked
    inferred), and the measure, subject, destination, product scope and compiler from nearby cues.
relations
    Cue patterns: joint venture with, partnership/cooperation with, "A and B signed …", a deal, agreement or
    pact that is signed/inked/struck ("under an agreement with"), "working with", run/built/opened "together
    with" or "jointly with", "the partnership between A and B" (a pair keeps its most specific kind);
    factory/plant/production base in (also "X's plant in Z", "the plant, in Z", "a plant in Z, built by X")
    and what is made where ("X, which assembles SUVs in Z", "… to build EVs in Z"); exports to, shipped to,
    bound for, went to, "with A and B its largest markets", "A and B are among its main destinations",
    delivered to, entered (also "the Chilean market"), sold in, deployed/launched in. A sentence without an
    actor of its own refers back (its, them, the company → the organisation named last; else the subject of
    the paragraph's figures, such as a port). People with their titles ("NAME, TITLE of ORG", "ORG TITLE
    NAME", "TITLE of ORG, NAME", "NAME, ORG's TITLE").

Modules, one concern each: :mod:`.nlp` (the statistical pipeline, loaded once, its weights checked), :mod:`.model`
(the values), :mod:`.sentences` (sentence splitting), :mod:`.periods` (numbers and time; fixed shapes in
:mod:`.period_forms`), :mod:`.figures` (numbers with units), :mod:`.mentions` (names from the records and name
patterns; names by suffix word in :mod:`.name_patterns`), :mod:`.ner` (names from the parse; how an unknown one is
typed in :mod:`.ner_types`), :mod:`.forms` (names found after the parse's: :mod:`.car_models` for vehicle models
after their makers, :mod:`.org_forms` for local arms, ministries, embassies and listed organisations,
:mod:`.name_actors` for one-word company names the parse leaves unlabelled, :mod:`.name_generic` for phrases that
name nothing and one company named twice, :mod:`.measures` for policy measures named by head and scope),
:mod:`.linking` (names → known records), :mod:`.containers` (where places lie), :mod:`.sentence_figures` (a
sentence's figures and their changes), :mod:`.observations` (figures → observation records; a figure's period in
:mod:`.observation_periods`), :mod:`.subjects` (whose figure: subject and destination), :mod:`.relations`
(cue-phrase relations; a country's exports by destination and destination rankings in :mod:`.relations_exports`),
:mod:`.parsed` (relations from the dependency parse; the actor of a cue in :mod:`.parsed_actors`; relation ends of
the wrong type in :mod:`.relations_types`; sales through a channel in :mod:`.relations_channels`; a priced site in
:mod:`.relations_costs`; gapped clauses in :mod:`.relations_gapped`; licence lists in :mod:`.relations_licences`;
riders and fleet partners in :mod:`.relations_riders`; a measure's issuer, targets and start in
:mod:`.relations_policy`, one measure named in several ways merged in :mod:`.measure_merge`, funding rounds in
:mod:`.relations_funding`; one market presence said several times kept once in :mod:`.presence_merge`),
:mod:`.people` and :mod:`.roles` (titles and roles; a title phrase read in
:mod:`.role_titles`, where it ends in :mod:`.title_spans`, departments in :mod:`.departments`, past posts in
:mod:`.roles_former`, people under a heading in :mod:`.role_lists`, "people" that are organisations in
:mod:`.people_as_orgs`), :mod:`.entity_records` (entity candidates), :mod:`.core` (the run).
"""

from nevkg.ingest.extract.core import extract
from nevkg.ingest.extract.figures import find_statistics
from nevkg.ingest.extract.model import Candidate, Extraction, Mention, Period, Statistic
from nevkg.ingest.extract.periods import find_periods, resolve_month_year
from nevkg.ingest.extract.sentences import split_sentences

__all__ = ["Mention", "Candidate", "Period", "Statistic", "Extraction", "extract", "split_sentences",
           "find_periods", "find_statistics", "resolve_month_year"]
