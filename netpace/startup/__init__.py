"""The fast launch, in two halves, Textual-free until the first frame:

- `fork.py` + `kept_list.py`: before anything heavy is imported, a forked child reads
  the list as the last session kept it, while the parent imports Textual;
- `preload.py`: in the app's process, a thread that opens the store (or uses the one the
  CLI opened) and loads the whole network while Textual starts and draws.

The UI (netpace.ui.run) starts the app on them; the entry point (netpace.__main__)
chooses between this launch and the command line.
"""
