"""The index chart as SVG shapes computed on the server: no script, nothing to download."""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.index import IndexSeries

WIDTH, HEIGHT = 900, 320  # the chart's viewBox; CSS scales it to the page width
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56  # margins: axis labels left, volume bars below
VOLUME_HEIGHT = 36  # height of the events-per-period bars under the line
GOLDSTEIN_RANGE = 10.0  # Goldstein scores run from -10 to +10
LABEL_CHARS = 40  # characters of a spike's top event shown beside it


@dataclass(slots=True)
class Marker:
    """One period's point: where it is drawn, what hovering says, where a click leads."""

    x: float
    y: float
    title: str
    href: str | None
    spike: bool
    label: str | None


@dataclass(slots=True)
class Chart:
    """Everything the template draws."""

    width: int = WIDTH
    height: int = HEIGHT
    line: str = ""
    band: list[str] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    bars: list[tuple[float, float, float, float]] = field(default_factory=list)
    """(x, y, width, height) of each period's event-count bar."""
    ticks: list[tuple[float, str]] = field(default_factory=list)
    """(y, label) of the Goldstein axis."""
    dates: list[tuple[float, str]] = field(default_factory=list)
    """(x, label) of the period axis."""
    zero: float = 0.0


def y_of(value: float) -> float:
    """Vertical position of a Goldstein value."""
    plot = HEIGHT - TOP - BOTTOM
    return TOP + plot * (GOLDSTEIN_RANGE - value) / (2 * GOLDSTEIN_RANGE)


def build_chart(series: IndexSeries) -> Chart:
    """The chart of a series: mean Goldstein line, its band, spikes, and volume bars."""
    chart = Chart(zero=y_of(0.0))
    chart.ticks = [(y_of(v), f"{v:+.0f}") for v in (-10, -5, 0, 5, 10)]
    points = series.points
    if not points:
        return chart
    step = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    most = max(p.n_events for p in points) or 1
    segments: list[list[str]] = [[]]
    band_segments: list[list[tuple[float, float, float]]] = [[]]
    every = max(1, len(points) // 8)
    for number, point in enumerate(points):
        x = LEFT + step * (number + 0.5)
        if number % every == 0:
            chart.dates.append((x, point.period.isoformat()))
        if point.n_events:
            height = VOLUME_HEIGHT * point.n_events / most
            chart.bars.append((x - step * 0.35, HEIGHT - height - 4, step * 0.7, height))
        if point.goldstein is None or point.goldstein_band is None:
            segments.append([])
            band_segments.append([])
            continue
        y = y_of(point.goldstein)
        segments[-1].append(f"{x:.1f},{y:.1f}")
        low, high = point.goldstein_band
        band_segments[-1].append((x, y_of(high), y_of(low)))
        top = point.top[0] if point.top else None
        chart.markers.append(
            Marker(
                x=x,
                y=y,
                title=f"{point.period}: {point.n_events} events, mean Goldstein"
                f" {point.goldstein:+.1f}" + (f" — {top['title']}" if top and top["title"] else ""),
                href=f"/events/{top['id']}" if top else None,
                spike=point.spike,
                label=_label(top) if point.spike and top else None,
            )
        )
    chart.line = " ".join("M" + " L".join(seg) for seg in segments if seg)
    chart.band = [_band_path(seg) for seg in band_segments if seg]
    return chart


def _band_path(segment: list[tuple[float, float, float]]) -> str:
    """A closed path along the band's top edge and back along its bottom edge."""
    upper = [f"{x:.1f},{hi:.1f}" for x, hi, _ in segment]
    lower = [f"{x:.1f},{lo:.1f}" for x, _, lo in reversed(segment)]
    if len(segment) == 1:  # one period alone: a short bar so its band still shows
        x, hi, lo = segment[0]
        upper = [f"{x - 3:.1f},{hi:.1f}", f"{x + 3:.1f},{hi:.1f}"]
        lower = [f"{x + 3:.1f},{lo:.1f}", f"{x - 3:.1f},{lo:.1f}"]
    return "M" + " L".join(upper + lower) + " Z"


def _label(top: dict[str, object]) -> str:
    """A spike's caption: its top event's headline, cut short."""
    text = str(top.get("title") or top.get("sentence") or "")
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
