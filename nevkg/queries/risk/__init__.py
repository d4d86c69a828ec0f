"""Risk warnings: which trade measures affect which automaker, through which tie, how soon, how much, which way.

A *measure* is a policy record with a trade flow (``nev:tradeFlow``: imports, exports or domestic sales): the
EU countervailing duties, the US Section 301 increase, Canada's surtax, Brazil's import-tax schedule, China's
export licence and purchase-tax relief … (``nevkg/data/policies.yaml``), with its rates
(``nevkg/data/duty_rates.yaml``). :func:`risk` lists, for each automaker and brand (and each company a rate
names), the measures that affect it on a given date; :func:`risk_table` flattens the rows.

**When a measure affects an organisation** (:mod:`~nevkg.queries.risk.world`). An organisation is tied to
places by its *presence* (:func:`nevkg.queries.analytics.footprint`: production sites, market presence,
partnerships, deployments, figures of its business there; its own and those of its brands and subsidiaries)
and by where it is from or based (home ties, China included). A measure affects it when one of the ties
reaches the measure's jurisdiction — *directly* (the tie's place lies inside it: Germany ⊂ European Union; or
it is the home country around it) or *indirectly* (the tie's place is a wider region around it: "a factory
in South America" for Brazil's import tax; regions that contain China reach nothing) — and the measure
targets the goods of the tie (no origin named, the actor or an owner is from a named origin, the products
are made in one, or a rate names the company). An export rule also needs a tie abroad.

**When** (:mod:`~nevkg.queries.risk.events`). For a date ``as_of`` and a window of ``within_days``: phase
``"coming"`` when an event (coming into force, a rate step, expected, expiry) falls in the next
``within_days`` days; ``"changed"`` when one fell in the last ``within_days`` days (or the measure was issued
then); else ``"in force"`` when it is in force on ``as_of``. Partial dates count from the first day of their
month or year (ends: the last day).

**Which way** (:func:`~nevkg.queries.risk.scoring.weigh`). The headline rate is the company's own rate when
the measure has one for it, else the highest residual rate (MFN duties are context). Its change is signed:
``change_pp`` = rate − previous rate (17.4 → 17.0 is −0.4; with no previous rate on record, a new duty
starts from nothing). A duty, tax, tariff, licence or obligation is *adverse* at any level; a relief (a share
of a tax waived), a support measure, and an undertaking or arrangement that lowers what is paid are
*favourable* (a relief that shrinks, 100 → 50 % of the tax waived, is adverse: +50 pp to pay). A measure
with no rate on record gets no invented one: its rate is "unknown" and its rate factor 1.

**Sections and order.** Rows come in three sections: *threats abroad* (adverse), *favourable abroad* (never
ranked as threats), and *China's own rules* (a jurisdiction that is China or inside it: the purchase-tax
relief, the export licence). Within a section, rows are ranked by phase (coming, then changed, then in
force), then by **score** = exposure × rate factor × nearness, then date, organisation and measure:

* *exposure* (0–1): the best tie's weight. Production sites, market presence, observations and home ties
  weigh 1.0; partnerships and deployments 0.8; a market only targeted (``targets-market``) 0.5. An
  indirect tie (through a wider region) counts half, and the row says ``reach: indirect``.
* *rate factor* = 1 + Δ/100, Δ being the cost for the payer for an adverse measure (the signed change of a
  duty; minus the change of a relief) and the saving for a favourable one; never below 0; 1 when the rate is
  unknown.
* *nearness* (0.25–1): 1 − 0.5 × days/(``within_days`` + 1) for an event ``days`` away (ahead or behind),
  0.25 for a measure merely in force.

Checked by hand: as of 2024-10-01 within 60 days, the EU definitive duties (coming in 29 days: nearness
1 − 0.5 × 29/61 = 0.762) come first for BYD (exposure 1, Δ −0.4: 0.759), SAIC (indirect 0.5, Δ −2.3: 0.372;
Russia's recycling fee, changed that day, has no rate on record and ranks after, being in a later phase)
and Tesla's Shanghai plant.
"""

from nevkg.queries.risk.events import in_force, parse_date
from nevkg.queries.risk.measures import measures
from nevkg.queries.risk.report import SECTIONS, risk
from nevkg.queries.risk.scoring import pct, weigh
from nevkg.queries.risk.table import RISK_COLUMNS, SECTION_TITLES, risk_table, risk_text
from nevkg.queries.risk.world import World

__all__ = ["risk", "risk_table", "risk_text", "RISK_COLUMNS", "SECTIONS", "SECTION_TITLES", "parse_date", "measures",
           "in_force", "pct", "weigh", "World"]
