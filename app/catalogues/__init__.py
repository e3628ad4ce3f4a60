"""More of the dashboard's words, one module per part of the product (each with FR and EN dicts).

app/texts.py merges every module of this package into its catalogue at import, and refuses a
key defined twice, so parts built side by side never overwrite each other's words.
"""
