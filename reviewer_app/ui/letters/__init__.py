"""Letter preview, signing and printing views will live here."""
