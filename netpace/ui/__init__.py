"""The full-screen Textual app. Only `netpace` (no command) imports this package."""
