"""netpace: keep up with your professional network without becoming pushy."""

__version__ = "0.1.0"
