"""The running schedule: planned against actual per step, the expected end and the overrun."""

from __future__ import annotations

import datetime as dt

import pytest

from worksession.domain.schedule import (
    PlannedStep,
    StepTime,
    parse_start_time,
    plan_schedule,
    running_schedule,
    schedule_summary,
    timesheet,
    whole_minutes,
)

STEPS = [
    PlannedStep("voorbereiding", "Voorbereiding", 0),
    PlannedStep("welkom", "Welkom & doel", 15),
    PlannedStep("casus", "Casus", 30),
    PlannedStep("prioriteren", "Prioriteren", 20),
]
START = dt.time(13, 30)


def test_before_the_session_the_expected_end_is_the_planned_end() -> None:
    schedule = running_schedule(STEPS, {}, start=START)
    assert schedule.planned_end == schedule.expected_end == dt.time(14, 35)
    assert not schedule.will_overrun
    assert [row.starts for row in schedule.rows] == [
        dt.time(13, 30),
        dt.time(13, 30),
        dt.time(13, 45),
        dt.time(14, 15),
    ]


def test_a_finished_step_counts_its_actual_time() -> None:
    times = {"welkom": StepTime(actual_seconds=20 * 60)}
    schedule = running_schedule(STEPS, times, start=START, current="casus")
    assert schedule.overrun_seconds == 5 * 60
    assert schedule.will_overrun
    assert schedule.expected_end == dt.time(14, 40)
    # The preparation was never timed: passed on the way, not held.
    assert [row.state for row in schedule.rows] == ["passed", "done", "current", "coming"]


def test_a_quick_step_brings_the_end_forward() -> None:
    times = {"welkom": StepTime(actual_seconds=10 * 60)}
    schedule = running_schedule(STEPS, times, start=START, current="casus")
    assert schedule.overrun_seconds == -5 * 60
    assert not schedule.will_overrun


def test_the_current_step_counts_its_time_until_it_runs_over() -> None:
    within = running_schedule(
        STEPS, {}, start=START, current="casus", live=StepTime(actual_seconds=10 * 60)
    )
    assert within.expected_seconds == within.planned_seconds  # still running: no pull-in
    over = running_schedule(
        STEPS, {}, start=START, current="casus", live=StepTime(actual_seconds=33 * 60)
    )
    assert over.overrun_seconds == 3 * 60


def test_added_minutes_of_the_current_step_push_the_end_out() -> None:
    schedule = running_schedule(
        STEPS, {}, start=START, current="casus", live=StepTime(actual_seconds=60, extra_minutes=2)
    )
    assert schedule.overrun_seconds == 2 * 60
    assert schedule.planned_end == dt.time(14, 35)
    assert schedule.expected_end == dt.time(14, 37)


def test_exactly_on_time_is_not_an_overrun() -> None:
    times = {"welkom": StepTime(15 * 60), "casus": StepTime(30 * 60), "prioriteren": StepTime(1200)}
    schedule = running_schedule(STEPS, times, start=START)
    assert schedule.overrun_seconds == 0
    assert not schedule.will_overrun
    # The end is shown in whole minutes: a few seconds over is on time, half a minute is late.
    seconds_more = running_schedule(STEPS, {**times, "prioriteren": StepTime(1229)}, start=START)
    assert not seconds_more.will_overrun
    assert seconds_more.expected_end == seconds_more.planned_end
    half_a_minute = running_schedule(STEPS, {**times, "prioriteren": StepTime(1230)}, start=START)
    assert half_a_minute.will_overrun
    assert half_a_minute.expected_end == dt.time(14, 36)


def test_without_a_start_time_there_are_no_clock_times() -> None:
    schedule = running_schedule(STEPS, {})
    assert (schedule.planned_end, schedule.expected_end) == (None, None)
    assert schedule.rows[1].starts is None


def test_differences_per_step_in_minutes() -> None:
    schedule = running_schedule(STEPS, {"casus": StepTime(actual_seconds=34 * 60 + 29)})
    row = schedule.rows[2]
    assert (row.actual_minutes, row.difference_minutes) == (34, 4)
    assert schedule.rows[1].actual_minutes is None


@pytest.mark.parametrize(("seconds", "minutes"), [(0, 0), (29, 0), (30, 1), (89, 1), (90, 2)])
def test_whole_minutes_round_half_up(seconds: int, minutes: int) -> None:
    assert whole_minutes(seconds) == minutes


@pytest.mark.parametrize(
    ("text", "expected"),
    [("13:30", dt.time(13, 30)), ("9:05", dt.time(9, 5)), ("24:00", None), ("1330", None)],
)
def test_start_times(text: str, expected: dt.time | None) -> None:
    assert parse_start_time(text) == expected


def test_the_plan_appendix_lists_planned_and_actual_minutes_with_a_total() -> None:
    document = {
        "session": {
            "programme_steps": [
                {"id": s.id, "title": s.title, "kind": "plenary", "minutes": s.minutes}
                for s in STEPS
            ]
        },
        "schedule": {
            "start_time": "13:30",
            "steps": [
                {"step": "welkom", "actual_seconds": 18 * 60, "extra_minutes": 3},
                {"step": "casus", "actual_seconds": 28 * 60, "extra_minutes": 0},
            ],
        },
    }
    plan = plan_schedule(document)
    assert plan is not None
    assert [step["step"] for step in plan["steps"]] == ["welkom", "casus", "prioriteren"]
    sheet = timesheet(plan, "Total")
    assert [
        (r.title, r.planned_minutes, r.actual_minutes, r.difference_minutes) for r in sheet.rows
    ] == [
        ("Welkom & doel", 15, 18, 3),
        ("Casus", 30, 28, -2),
        ("Prioriteren", 20, None, None),
    ]
    assert (sheet.total.planned_minutes, sheet.total.actual_minutes) == (65, 46)
    assert sheet.total.difference_minutes == 1  # over the timed steps only
    assert sheet.planned_end == dt.time(14, 35)
    assert sheet.actual_end is None  # not every step was timed


def test_a_document_without_a_schedule_has_no_appendix() -> None:
    assert plan_schedule({"session": {"programme_steps": []}}) is None


@pytest.mark.parametrize("seconds", [0, 29, 30, 59, 60, 17 * 60 + 29, 17 * 60 + 30, 20 * 60 + 45])
@pytest.mark.parametrize("start", [START, dt.time(16, 58, 0), dt.time(23, 50)])
def test_the_end_and_the_minutes_late_are_one_computation(seconds: int, start: dt.time) -> None:
    """The end shown is the planned end plus exactly the minutes late shown, whatever the
    seconds (it used to truncate the end and round the minutes: 17:42 but 18 min late)."""
    late = running_schedule(
        STEPS, {}, start=start, current="casus", live=StepTime(30 * 60 + seconds)
    )
    planned_end, expected_end = late.planned_end, late.expected_end
    assert planned_end is not None and expected_end is not None
    day = dt.date(2000, 1, 1)
    gap = dt.datetime.combine(day, expected_end) - dt.datetime.combine(day, planned_end)
    assert gap.total_seconds() % (24 * 3600) == late.overrun_minutes * 60
    assert late.overrun_minutes == whole_minutes(seconds)
    text = schedule_summary(late)
    assert expected_end.strftime("%H:%M") in text
    if late.will_overrun:
        assert f"— {late.overrun_minutes} min" in text


def test_a_step_passed_on_the_way_is_not_done() -> None:
    times = {"welkom": StepTime(actual_seconds=14 * 60)}
    schedule = running_schedule(STEPS, times, start=START, current="prioriteren")
    assert [row.state for row in schedule.rows] == ["passed", "done", "passed", "current"]
    assert schedule.rows[2].counted_seconds == 30 * 60  # reckoned at its planned time
