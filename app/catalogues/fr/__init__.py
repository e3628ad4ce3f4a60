"""The dashboard's French words, one module per part of the product, each with one dict, TEXTS.

app/catalogues/en holds the same parts with the same keys (tests/dashboard/test_dashboard_texts.py).
"""
