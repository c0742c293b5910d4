"""Reusable pieces any view shows: the outcome banner, scores, criteria table, deadline text,
tones and chips, plain words for enumerations and input paths, the problems dialog."""
