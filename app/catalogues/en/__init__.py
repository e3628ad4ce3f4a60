"""The dashboard's English words, one module per part of the product, each with one dict, TEXTS.

app/catalogues/fr holds the same parts with the same keys (tests/dashboard/test_dashboard_texts.py).
"""
