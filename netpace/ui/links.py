"""Whether a link can be opened (O on the main screen): App.open_url hands it to Python's
webbrowser, which may pick a text browser when there is no graphical one."""

from __future__ import annotations


def browser_available() -> bool:
    """Whether App.open_url can hand a link to a program of its own (a graphical browser,
    xdg-open). A text browser (lynx, w3m) would take over the very terminal the app is
    drawn in, so it doesn't count, and neither does having none (a server over ssh)."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    return type(browser) is not webbrowser.GenericBrowser
