"""The intake wizard (one page class per step, the live criteria panel beside every page) will
live here."""
