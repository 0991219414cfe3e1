"""The status report's figures as titled tables with their charts, in the reader's language.

The report page, the XLSX and the DOCX all render these same tables, so they cannot
disagree. Rows keep the order of groups, statuses and lateness; lists of States are
alphabetical; nothing is ordered by performance (P&R 4-5).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from revmod.accounts.enums import InstitutionType
from revmod.reports.domain.queries.asof import LATENESS, NO_DEADLINE, ON_TIME
from revmod.reports.interfaces.names import Names
from revmod.reviews.enums import ReportStatus


class Percent(float):
    """A share between 0 and 1, shown as a percentage."""

    def __str__(self) -> str:
        return f"{self * 100:.1f}%"


@dataclass
class Chart:
    """A bar chart: per row label, one value per series."""

    series: list[str]
    rows: list[tuple[str, list[float]]]

    @property
    def maximum(self) -> float:
        return max((v for _, values in self.rows for v in values), default=0) or 1


@dataclass
class Table:
    key: str
    title: str
    source: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    chart: Chart | None = None


BUCKETS = {
    ON_TIME: gettext_lazy("on time"),
    LATENESS[0]: gettext_lazy("up to 10 days late"),
    LATENESS[1]: gettext_lazy("up to 3 months late"),
    LATENESS[2]: gettext_lazy("3 to 6 months late"),
    LATENESS[3]: gettext_lazy("6 to 12 months late"),
    LATENESS[4]: gettext_lazy("over a year late"),
    NO_DEADLINE: gettext_lazy("no agreed deadline recorded"),
}
STEP_PROGRESS = {"submitted": gettext_lazy("submitted"), "in_progress": gettext_lazy("in progress"),
                 "not_started": gettext_lazy("not started")}


def _group(number: int) -> str:
    return _("Group %(n)s") % {"n": number}


def _by_group(key, title, source, groups: list[dict], columns: dict[str, object], total: bool = False) -> Table:
    """A table of one row per group and one column per count, charted as grouped bars."""
    headers = [_("Group"), *[str(label) for label in columns.values()]]
    rows = [[_group(g["group"]), *[g[k] for k in columns]] for g in groups]
    chart = Chart(headers[1:], [(r[0], r[1:]) for r in rows])
    if total:
        headers.append(_("Total"))
        for row in rows:
            row.append(sum(row[1:]))
    return Table(key, title, source, headers, rows, chart)


def _counts(key, title, source, header: str, pairs: list[tuple[str, int]]) -> Table:
    """A two-column table of labelled counts, charted as single bars."""
    rows = [[label, value] for label, value in pairs]
    return Table(key, title, source, [header, _("Reviews")], rows, Chart([_("Reviews")], [(r[0], [r[1]]) for r in rows]))


def build_tables(report: dict, names: Names) -> list[Table]:
    """Every table of the report, in the order of the secretariat's status report."""
    return [*participation_tables(report["participation"], names),
            *nomination_tables(report["nominations"]),
            *progress_tables(report["progress"], names)]


def participation_tables(figures: dict, names: Names) -> list[Table]:
    joined = figures["joined_since_launch"]
    summary = Table("participation", _("Participation"), "Status 2024 para 5-10", [_("Figure"), _("Number")], [
        [_("Parties to the Convention"), figures["parties"]],
        [_("Parties taking part in country reviews"), figures["parties_taking_part"]],
        [_("States under review"), figures["states_under_review"]],
        [_("Country reviews"), figures["reviews"]],
        [_("Redraws"), figures["redraws"]["redraws"]],
        [_("Meetings that held redraws"), figures["redraws"]["meetings"]],
        [_("Last redraw"), figures["redraws"]["last_on"] or "–"],
        [_("Parties that joined the Convention since the launch"), len(joined["convention"])],
        [_("Parties to the Convention that joined a Protocol since the launch"), len(joined["protocols"])],
    ])
    groups = _by_group("groups", _("Parties taking part and reviews, by group"), "Status 2024 para 7",
                       figures["groups"], {"parties_taking_part": _("Parties taking part"), "reviews": _("Reviews")})
    newcomers = Table("joined_since_launch", _("Parties that joined since the launch"), "Status 2024 para 9",
                      [_("Party"), _("Instruments")])
    entries = {p: ["UNTOC"] for p in joined["convention"]}
    for item in joined["protocols"]:
        entries.setdefault(item["party"], []).extend(item["instruments"])
    for party in sorted(entries, key=names.party):
        newcomers.rows.append([names.party(party), ", ".join(names.instrument(c) for c in entries[party])])
    return [summary, groups, newcomers]


def nomination_tables(figures: dict) -> list[Table]:
    fp, without, experts = figures["focal_points"], figures["states_without_focal_point"], figures["experts"]
    focal = Table("focal_points", _("Focal points"), "Status 2024 para 12-15",
                  [_("Figure"), _("Number"), _("Share")], [
        [_("Focal points"), fp["people"], ""],
        [_("States that named them"), fp["states"], ""],
        [_("Women among focal points"), fp["women"], Percent(fp["women_share"])],
        [_("States with more than one focal point"), fp["states_with_more_than_one"], ""],
        [_("States that replaced their focal point"), fp["states_that_replaced"], Percent(fp["states_that_replaced_share"])],
        [_("States taking part with no focal point"), without["states"], Percent(without["share"])],
        [_("Reviews held up by a missing focal point"), without["reviews_held_up"], ""],
        [_("Reviews not started although every focal point was named"), without["reviews_ready_not_started"], ""],
    ])
    institutions = Table("institutions", _("Institutions of the focal points"), "Status 2024 para 12",
                         [_("Institution"), _("Focal points"), _("Share")])
    for code, count in fp["institutions"].items():
        label = InstitutionType(code).label if code in InstitutionType.values else _("not stated")
        institutions.rows.append([str(label), count, Percent(fp["institution_shares"][code])])
    institutions.chart = Chart([_("Focal points")], [(r[0], [r[1]]) for r in institutions.rows])
    figure_1 = _by_group("figure_1", _("Figure 1. Reviews held up by pending focal point nominations, by group"),
                         "Status 2024 para 15-16, figure 1", without["reviews_held_up_by_group"],
                         {"reviews": _("Reviews held up")})
    people = Table("experts", _("Governmental experts and observers"), "Status 2024 para 18-19",
                   [_("Figure"), _("Number"), _("Share")], [
        [_("Governmental experts"), experts["people"], ""],
        [_("Women among experts"), experts["women"], Percent(experts["women_share"])],
        [_("States with observers"), figures["states_with_observers"], ""],
    ])
    return [focal, institutions, figure_1, people]


def progress_tables(figures: dict, names: Names) -> list[Table]:
    statuses = {s: ReportStatus(s).label for s in ReportStatus.values}
    summary = Table("progress", _("Progress of the reviews"), "Status 2024 para 23", [_("Figure"), _("Reviews")], [
        [_("Country reviews"), figures["reviews"]],
        [_("Reviews under way"), figures["moving"]],
        [_("Reviews not started"), figures["not_started"]],
        [_("Reviews completed"), figures["completed"]],
    ])
    figure_2 = _by_group("figure_2", _("Figure 2. Status of country reviews, by group"), "Status 2024 para 23, figure 2",
                         figures["by_group_and_status"], statuses, total=True)
    consultations = figures["consultations"]
    figure_3 = _by_group("figure_3", _("Figure 3. Country reviews whose initial consultation was held, by group"),
                         "Status 2024 para 26, figure 3", consultations["by_group"],
                         {"held": _("held"), "not_held": _("not held")})
    return [summary, figure_2, figure_3, _languages_table(figures["working_languages"], names),
            *_saq_tables(figures["saq"]), *_feedback_tables(figures["feedback"]),
            _observations_table(figures["observations"]), _seventy_percent_table(figures["seventy_percent_rule"])]


def _languages_table(figures: dict, names: Names) -> Table:
    pairs = [(" + ".join(names.language(c) for c in key.split("+")), count)
             for key, count in [*figures["single"].items(), *figures["combined"].items()]]
    pairs.append((_("not agreed yet"), figures["not_agreed"]))
    return _counts("figure_4", _("Figure 4. Working languages agreed for the reviews"),
                   "Status 2024 para 27-28, figure 4", _("Working languages"), pairs)


def _saq_tables(figures: dict) -> list[Table]:
    figure_5 = _by_group("figure_5", _("Figure 5. Self-assessment questionnaire, by group"),
                         "Status 2024 para 31-32, figure 5", figures["by_group"], STEP_PROGRESS)
    timeliness = _counts("saq_timeliness", _("Answers to the questionnaire against the agreed deadline"),
                         "Status 2024 para 31", _("Submitted"),
                         [(str(BUCKETS[k]), v) for k, v in figures["timeliness"].items()])
    return [figure_5, timeliness]


def _feedback_tables(figures: dict) -> list[Table]:
    figure_6 = _by_group("figure_6", _("Figure 6. Written feedback, by group"), "Status 2024 para 35, figure 6",
                         figures["by_group"], STEP_PROGRESS)
    figure_7 = _counts("figure_7", _("Figure 7. Written feedback in progress against the agreed deadline"),
                       "Status 2024 para 36, figure 7", _("In progress"),
                       [(str(BUCKETS[k]), v) for k, v in figures["delays"].items()])
    figure_7.rows.append([_("late, share of those in progress"), Percent(figures["late_share"])])
    figure_7.rows.append([_("over a year late, share of those late"), Percent(figures["late_over_1_year_share_of_late"])])
    return [figure_6, figure_7]


def _observations_table(figures: dict) -> Table:
    table = Table("observations", _("Lists of observations in drafting"), "Status 2024 para 38-39",
                  [_("In drafting since"), _("Group"), _("Days"), _("Beyond the six months for list and summary")])
    for item in figures["drafting"]:
        table.rows.append([item["since"], _group(item["group"]), item["days"],
                           _("yes") if item["over_guideline"] else _("no")])
    return table


def _seventy_percent_table(groups: list[dict]) -> Table:
    # xgettext:no-python-format
    table = Table("seventy_percent_rule", _("The 70% rule, by group"), "P&R 10; Status 2024 para 25",
                  [_("Group"), _("Phase"), _("Reviews of the phase"), _("Completed"), _("Share"),
                   _("May move to the next phase")])
    for g in groups:
        table.rows.append([_group(g["group"]), g["phase"], g["scheduled"], g["completed"], Percent(g["share"]),
                           _("yes") if g["may_advance"] else _("no")])
    return table
