"""The translators' side: articles cut into catalog entries, catalogs kept, merged, checked and counted."""
