"""The editorial side: roles by language, review before publishing, the
Vietnamese tree kept in step with English, and the translation report."""
