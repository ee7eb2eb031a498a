"""Mechanisms several apps share and that know no domain.

Every app may import `common`; `common` imports no app. An app passes in its own tables
(facets, transitions, export columns, generations) and the helper does the work.
"""
