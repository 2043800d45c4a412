"""Pure domain: dataclasses, the pressure engine, time parsing. No I/O, no clock reads."""
