"""Every keyboard shortcut of the app, declared once: the windows install theirs from here and
the *Sneltoetsen* overview (F1) lists them from here, so the two cannot drift apart.

Keys are Qt's portable text ("Ctrl+PgDown"); the overview shows them the platform's way. Some
keys are installed elsewhere (the room toolbar, a table's Delete, the side panel's fold, a
dialog's own keys, the clicker keys the presenter passes on) or handled by a widget itself (the
sociale kaart's grid while it has the keyboard, a picker, a comment field, the review page):
they are declared here all the same. A test
checks that every shortcut installed in the start and session windows is declared, and every
declared one of those windows installed; others press each declared grid and clicker key.
"""

from __future__ import annotations

from dataclasses import dataclass

from worksession.i18n import N_

# Where a shortcut works; the overview shows one section per place, in this order.
START = "start"
SESSION = "session"
GRID = "grid"  # the sociale kaart's grid while it has the keyboard
FIELDS = "fields"  # keys a table cell, a picker or a text field handles itself
ROOM = "room"  # the room toolbar of the session window
CLICKER = "clicker"  # keys pressed on the presenter window (a clicker pointed at the beamer)
REVIEW = "review"  # the review step of a follow-up session, wherever the keyboard is on it
DIALOGS = "dialogs"
FOLLOW = "follow"  # the window Afspraken volgen

PLACES: dict[str, str] = {
    START: N_("Start window"),
    SESSION: N_("Session window"),
    GRID: N_("The grid of the sociale kaart"),
    FIELDS: N_("Choosing people and writing down a change"),
    ROOM: N_("The room and the beamer"),
    CLICKER: N_("A clicker pointed at the beamer"),
    FOLLOW: N_("Follow the agreements"),
    REVIEW: N_("Reviewing the agreements of the signed plan"),
    DIALOGS: N_("Dialogs"),
}


@dataclass(frozen=True)
class Shortcut:
    name: str
    place: str
    keys: tuple[str, ...]
    what: str  # marked English, translated when shown


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("new_session", START, ("Ctrl+N",), N_("New session")),
    Shortcut("open_session", START, ("Return", "Enter"), N_("Open the selected session")),
    Shortcut("duplicate", START, ("Ctrl+D",), N_("Duplicate as a starting point")),
    Shortcut("delete_session", START, ("Del",), N_("Delete the selected session")),
    Shortcut("example_session", START, ("Ctrl+Shift+D",), N_("Create example session")),
    Shortcut("search_sessions", START, ("Ctrl+F",), N_("Search the sessions")),
    Shortcut("settings", START, ("Ctrl+,",), N_("Settings")),
    Shortcut("backups", START, ("Ctrl+Shift+B",), N_("Backups")),
    Shortcut("check_database", START, ("Ctrl+Shift+K",), N_("Check the database")),
    Shortcut("check_plan_start", START, ("Ctrl+Shift+V",), N_("Check a signed plan")),
    Shortcut("toolkit", START, ("Ctrl+Shift+T",), N_("Programmes and casus")),
    Shortcut("follow_agreements", START, ("Ctrl+Shift+A",), N_("Follow the agreements")),
    Shortcut("quit", START, ("Ctrl+Q",), N_("Quit")),
    # The button of the line on what waits for the team archive (its text marks the O).
    Shortcut("retry_archive", START, ("Alt+O",), N_("Team archive: try what waits again now")),
    Shortcut(
        "fetch_archive_start",
        START,
        ("Alt+A",),
        N_("Fetch from the team archive (while there are no sessions yet)"),
    ),
    Shortcut("shortcuts_start", START, ("F1",), N_("This overview of the shortcuts")),
    Shortcut("next_step", SESSION, ("Alt+Right", "Ctrl+PgDown"), N_("Next step of the programme")),
    Shortcut(
        "previous_step",
        SESSION,
        ("Alt+Left", "Ctrl+PgUp"),
        N_("Previous step of the programme"),
    ),
    Shortcut("undo", SESSION, ("Ctrl+Z",), N_("Undo (typing in a field is one step)")),
    Shortcut("redo", SESSION, ("Ctrl+Shift+Z", "Ctrl+Y"), N_("Redo")),
    Shortcut("find", SESSION, ("Ctrl+F",), N_("Find a person, theme or word in the session")),
    Shortcut("remove_row", SESSION, ("Del",), N_("Remove the selected row of a table")),
    Shortcut("zoom_in", SESSION, ("Ctrl++", "Ctrl+="), N_("Larger text")),
    Shortcut("zoom_out", SESSION, ("Ctrl+-",), N_("Smaller text")),
    Shortcut("full_screen", SESSION, ("F11",), N_("Full screen")),
    Shortcut("side_panel", SESSION, ("F4",), N_("Show or fold away the instructions and notes")),
    Shortcut("check_plan", SESSION, ("Ctrl+Shift+V",), N_("Check a signed plan")),
    Shortcut("shortcuts_session", SESSION, ("F1",), N_("This overview of the shortcuts")),
    # The underlined letters of Voorbereiding's buttons (the same in Dutch and English).
    Shortcut("invitation", SESSION, ("Alt+T",), N_("Voorbereiding: the invitation")),
    Shortcut("programme_pdf", SESSION, ("Alt+P",), N_("Voorbereiding: the programme as PDF")),
    Shortcut("paste_people", SESSION, ("Alt+L",), N_("Voorbereiding: paste a list of people")),
    Shortcut("import_invite_list", SESSION, ("Alt+I",), N_("Voorbereiding: import an invite list")),
    Shortcut("grid_from_table", GRID, ("Tab",), N_("From a row of the table: to that stakeholder")),
    Shortcut("grid_interest", GRID, ("Left", "Right"), N_("Less / more interest (one undo step)")),
    Shortcut("grid_influence", GRID, ("Up", "Down"), N_("More / less influence (one undo step)")),
    Shortcut("grid_zoom_in", GRID, ("Ctrl++", "Ctrl+="), N_("Zoom the grid in")),
    Shortcut("grid_zoom_out", GRID, ("Ctrl+-",), N_("Zoom the grid out")),
    Shortcut("grid_zoom_whole", GRID, ("Ctrl+0",), N_("The whole grid again")),
    Shortcut(
        "pick_people",
        FIELDS,
        ("F2",),
        N_("Choose the trekker, partners or kartrekker: a list that filters as you type"),
    ),
    Shortcut(
        "confirm_entry",
        FIELDS,
        ("Ctrl+Return",),
        N_("Confirm the partners chosen, or the change a participant asks for"),
    ),
    Shortcut(
        "lesson_colour",
        FIELDS,
        ("Ctrl+G", "Ctrl+R"),
        N_("Wat werkte, wat niet: the card green (it worked) or red (it held us back)"),
    ),
    Shortcut(
        "lesson_obstacle",
        FIELDS,
        tuple(f"Ctrl+{number}" for number in range(1, 10)),
        N_("Wat werkte, wat niet: the card's obstacle, by its number in the list"),
    ),
    Shortcut(
        "lesson_move",
        FIELDS,
        ("Alt+Up", "Alt+Down"),
        N_("Wat werkte, wat niet: move the chosen card up or down in its group"),
    ),
    Shortcut("presenter", ROOM, ("F5",), N_("Show or hide the presenter on the beamer")),
    Shortcut("hide_presenter", ROOM, ("Esc",), N_("Hide the presenter (while it is shown)")),
    Shortcut("black_screen", ROOM, ("B",), N_("Black screen and back (while presenting)")),
    Shortcut("freeze", ROOM, ("F6",), N_("Freeze the beamer on this slide")),
    Shortcut("clock", ROOM, ("F9",), N_("Start or pause the step's clock")),
    Shortcut("add_minute", ROOM, ("F10",), N_("One more minute for this step")),
    Shortcut("reset_clock", ROOM, ("Ctrl+F9",), N_("Reset the step's clock")),
    Shortcut("schedule", ROOM, ("Ctrl+Shift+S",), N_("The schedule and the expected end")),
    Shortcut(
        "clicker_next", CLICKER, ("PgDown", "Right", "Space"), N_("Next step of the programme")
    ),
    Shortcut("clicker_previous", CLICKER, ("PgUp", "Left"), N_("Previous step of the programme")),
    Shortcut("clicker_black", CLICKER, ("B",), N_("Black screen and back")),
    Shortcut("clicker_hide", CLICKER, ("Esc", "F5"), N_("Hide the presenter")),
    # The presenter never takes the keyboard, so a clicker's keys mostly reach the coach's window.
    Shortcut(
        "clicker_in_session",
        CLICKER,
        ("PgDown", "PgUp"),
        N_("Next / previous step from the session window, outside a field"),
    ),
    Shortcut("follow_open", FOLLOW, ("Return", "Enter"), N_("Open the session of the agreement")),
    Shortcut("follow_record", FOLLOW, ("Ctrl+R",), N_("Record progress on the agreement")),
    Shortcut("follow_refresh", FOLLOW, ("F5",), N_("Read the agreements again")),
    Shortcut("follow_close", FOLLOW, ("Esc",), N_("Close the window")),
    # Not Alt+Down/Up: those open a closed choice list. Handled by the review page itself.
    Shortcut("next_agreement", REVIEW, ("Alt+PgDown",), N_("Next agreement to review")),
    Shortcut("previous_agreement", REVIEW, ("Alt+PgUp",), N_("Previous agreement to review")),
    Shortcut(
        "tie_order", DIALOGS, ("Alt+Up", "Alt+Down"), N_("Tie: move the chosen theme up or down")
    ),
    Shortcut("toolkit_reload", DIALOGS, ("F5",), N_("Programmes and casus: read the files again")),
)

_BY_NAME = {shortcut.name: shortcut for shortcut in SHORTCUTS}


def keys_of(name: str) -> tuple[str, ...]:
    """The keys of the shortcut called ``name`` (a programming error when there is none)."""
    return _BY_NAME[name].keys


def in_place(place: str) -> tuple[Shortcut, ...]:
    return tuple(shortcut for shortcut in SHORTCUTS if shortcut.place == place)
