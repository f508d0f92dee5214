"""Word files: authors' .docx in, proofreaders' review copies out and back."""
