"""Diagnosis and procedure codes, offline.

- :mod:`.icd10`: the ICD-10-CM table (valid, billable, description, the neoplastic rule).
- :mod:`.search`: ICD-10-CM by code prefix or words.
- :mod:`.procedure_list`: the procedure codes the criteria library names.
- :mod:`.words`: how a query and the indexed text become words, for both searches.

Nothing is re-exported here: a caller imports the module it needs, so that checking a code
never loads the search.
"""
