"""The dashboard's words, one package per language (fr, en), one module per part of the product.

Each part is app/catalogues/<lang>/<part>.py with one dict, TEXTS, and exists in both languages.
app/texts.py merges a language's parts at import and refuses a key defined twice, so parts built
side by side never overwrite each other's words.
"""
