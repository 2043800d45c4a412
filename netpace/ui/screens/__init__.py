"""One screen per module: the main view, triage, and the modal forms."""
