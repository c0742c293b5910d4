"""The nurse's work queue (open cases soonest due, overdue, assigned, search) will live here."""
