"""The translators' side: articles cut into catalog entries; catalogs read, written, merged,
checked and counted."""
